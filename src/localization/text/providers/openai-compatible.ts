/**
 * An OpenAI-compatible chat-completions provider: self-hosted vLLM, Ollama or llama.cpp servers and
 * hosted models speak the same `POST {base}/chat/completions`. Chat models get a batch of segments
 * as JSON with the rules and the terms that apply, and answer JSON. Qwen-MT (Alibaba Cloud Model
 * Studio) is a translation model with its own contract: one user message holding the text, and
 * `translation_options` with the languages, `terms` (term base and glossary entries) and `tm_list`
 * (memory matches).
 */
import { LANGUAGE_INFO, type SourceLanguage, type TargetLanguage } from '../languages.ts';
import { fromBraces, toBraces } from './wire.ts';
import {
  errorForStatus,
  ProviderError,
  retryAfterMs,
  type ProviderBatch,
  type ProviderLimits,
  type ProviderReply,
  type TranslationProvider,
} from './types.ts';

export interface OpenAiCompatibleOptions {
  /** e.g. http://127.0.0.1:8000/v1 (vLLM), http://127.0.0.1:11434/v1 (Ollama), https://dashscope-intl.aliyuncs.com/compatible-mode/v1 */
  baseUrl: string;
  model: string;
  apiKey?: string | undefined;
  /** `qwen-mt` for Qwen-MT models; `auto` (default) picks it when the model name starts with qwen-mt. */
  mode?: 'chat' | 'qwen-mt' | 'auto';
  /** Ask for a JSON object answer (`response_format`); servers that don't support it ignore it or fail. */
  jsonMode?: boolean;
  name?: string;
  limits?: Partial<ProviderLimits>;
  fetch?: typeof fetch;
}

const DOMAIN_HINT =
  'E-commerce product listings exported from Korea: keyword-style titles, option and attribute values, short descriptions. Keep brand names, model codes and placeholders like {{1}} unchanged.';

function systemPrompt(source: string, target: string): string {
  return [
    `You translate e-commerce product listing segments from ${source} to ${target}.`,
    'Rules:',
    '- Every placeholder such as {{1}} stands for a brand, quantity, code or link: keep each one exactly once, unchanged.',
    '- Keep all numbers. Keep keyword-style titles keyword-style; do not add words, claims or punctuation.',
    '- Use the glossary translations given for a segment.',
    `- Write only ${target}; no ${source} characters may remain.`,
    '- Answer with JSON only: {"translations":[{"id":"<id>","text":"<translation>"}]} with the same ids.',
  ].join('\n');
}

interface ChatResponse {
  choices?: { message?: { content?: string } }[];
  usage?: { prompt_tokens?: number; completion_tokens?: number };
}

/** Parses a chat answer that should be JSON, tolerating code fences and text around it. */
export function parseJsonAnswer(content: string): { id: string; text: string }[] | undefined {
  const start = content.indexOf('{');
  const end = content.lastIndexOf('}');
  if (start < 0 || end <= start) return undefined;
  try {
    const parsed = JSON.parse(content.slice(start, end + 1)) as { translations?: unknown };
    if (!Array.isArray(parsed.translations)) return undefined;
    return parsed.translations
      .filter((t): t is { id: unknown; text: unknown } => typeof t === 'object' && t !== null)
      .filter((t) => (typeof t.id === 'string' || typeof t.id === 'number') && typeof t.text === 'string')
      .map((t) => ({ id: String(t.id), text: String(t.text) }));
  } catch {
    return undefined;
  }
}

export class OpenAiCompatibleProvider implements TranslationProvider {
  readonly name: string;
  readonly limits: ProviderLimits;
  private readonly options: OpenAiCompatibleOptions;
  private readonly mode: 'chat' | 'qwen-mt';
  private readonly fetch: typeof fetch;

  constructor(options: OpenAiCompatibleOptions) {
    this.options = options;
    this.mode =
      options.mode === 'qwen-mt' || ((options.mode ?? 'auto') === 'auto' && /^qwen-mt/i.test(options.model))
        ? 'qwen-mt'
        : 'chat';
    this.name = options.name ?? (this.mode === 'qwen-mt' ? 'qwen-mt' : 'openai');
    this.limits = {
      maxSegments: this.mode === 'qwen-mt' ? 1 : 20,
      maxChars: 6000,
      requestsPerSecond: 2,
      timeoutMs: 60_000,
      maxRetries: 3,
      ...options.limits,
    };
    this.fetch = options.fetch ?? fetch;
  }

  async supports(_source: SourceLanguage, _target: TargetLanguage): Promise<boolean> {
    // Chat models and Qwen-MT (92 languages) cover every listing language; quality is checked after.
    return true;
  }

  private async post(body: unknown, signal: AbortSignal): Promise<ChatResponse> {
    let res: Response;
    try {
      res = await this.fetch(`${this.options.baseUrl.replace(/\/$/, '')}/chat/completions`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(this.options.apiKey ? { authorization: `Bearer ${this.options.apiKey}` } : {}),
        },
        body: JSON.stringify(body),
        signal,
      });
    } catch (e) {
      if (signal.aborted) throw e;
      throw new ProviderError('network', `${this.name}: ${(e as Error).message}`);
    }
    const text = await res.text();
    if (!res.ok) {
      let message = text.slice(0, 300);
      try {
        const err = JSON.parse(text) as { error?: { message?: string }; message?: string };
        message = err.error?.message ?? err.message ?? message;
      } catch {
        // not JSON: keep the raw text
      }
      throw errorForStatus(
        res.status,
        `${this.name} ${res.status}: ${message}`,
        retryAfterMs(res.headers.get('retry-after')),
      );
    }
    try {
      return JSON.parse(text) as ChatResponse;
    } catch {
      throw new ProviderError('bad_response', `${this.name}: the answer is not JSON`);
    }
  }

  async translateBatch(batch: ProviderBatch, signal: AbortSignal): Promise<ProviderReply> {
    const source = LANGUAGE_INFO[batch.sourceLang].name;
    const target = LANGUAGE_INFO[batch.targetLang].name;
    if (this.mode === 'qwen-mt') {
      const seg = batch.segments[0];
      if (!seg || batch.segments.length !== 1)
        throw new ProviderError('bad_request', 'qwen-mt translates one segment per request');
      const reply = await this.post(
        {
          model: this.options.model,
          messages: [{ role: 'user', content: toBraces(seg.text) }],
          translation_options: {
            source_lang: source,
            target_lang: target,
            ...(seg.terms.length
              ? { terms: seg.terms.map((t) => ({ source: t.source, target: t.target })) }
              : {}),
            ...(seg.memory.length
              ? {
                  tm_list: seg.memory.map((t) => ({
                    source: toBraces(t.source),
                    target: toBraces(t.target),
                  })),
                }
              : {}),
            domains: DOMAIN_HINT,
          },
        },
        signal,
      );
      const content = reply.choices?.[0]?.message?.content;
      if (typeof content !== 'string')
        throw new ProviderError('bad_response', `${this.name}: no message content`);
      return { outputs: [{ id: seg.id, text: fromBraces(content.trim()) }], ...usage(reply) };
    }
    const payload = {
      source_language: source,
      target_language: target,
      segments: batch.segments.map((s) => ({
        id: s.id,
        field: s.kind,
        text: toBraces(s.text),
        ...(s.terms.length ? { glossary: s.terms } : {}),
      })),
    };
    const reply = await this.post(
      {
        model: this.options.model,
        temperature: 0,
        messages: [
          { role: 'system', content: systemPrompt(source, target) },
          { role: 'user', content: JSON.stringify(payload) },
        ],
        ...(this.options.jsonMode ? { response_format: { type: 'json_object' } } : {}),
      },
      signal,
    );
    const content = reply.choices?.[0]?.message?.content;
    const parsed = typeof content === 'string' ? parseJsonAnswer(content) : undefined;
    if (!parsed) throw new ProviderError('bad_response', `${this.name}: the answer has no translations JSON`);
    const ids = new Set(batch.segments.map((s) => s.id));
    const outputs = parsed
      .filter((t) => ids.has(t.id))
      .map((t) => ({ id: t.id, text: fromBraces(t.text.trim()) }));
    if (outputs.length === 0)
      throw new ProviderError('bad_response', `${this.name}: no translation matched the segment ids`);
    return { outputs, ...usage(reply) };
  }
}

function usage(reply: ChatResponse): { tokens?: { prompt: number; completion: number } } {
  const u = reply.usage;
  return u ? { tokens: { prompt: u.prompt_tokens ?? 0, completion: u.completion_tokens ?? 0 } } : {};
}
