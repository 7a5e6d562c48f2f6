/**
 * The DeepL API provider: `POST /v2/translate` with XML tag handling (placeholders travel as
 * `<x id="1"/>` elements DeepL keeps in place), the target languages DeepL lists at
 * `/v2/languages?type=target`, and a glossary (`/v2/glossaries`) built from the seller's and
 * brand's glossary entries for Korean sources, created once per content and reused by name.
 */
import { createHash } from 'node:crypto';
import type { SourceLanguage, TargetLanguage } from '../languages.ts';
import { fromXml, toXml } from './wire.ts';
import {
  errorForStatus,
  ProviderError,
  retryAfterMs,
  type ProviderBatch,
  type ProviderLimits,
  type ProviderReply,
  type TermPair,
  type TranslationProvider,
} from './types.ts';

export interface DeepLOptions {
  apiKey: string;
  /** Default: api-free.deepl.com for keys ending in `:fx`, else api.deepl.com. */
  baseUrl?: string | undefined;
  limits?: Partial<ProviderLimits>;
  fetch?: typeof fetch;
}

/** DeepL target codes for our languages (English and Portuguese need a variant). */
const TARGET_CODE: Partial<Record<TargetLanguage, string>> = { en: 'EN-US', pt: 'PT-PT' };

export class DeepLProvider implements TranslationProvider {
  readonly name = 'deepl';
  readonly limits: ProviderLimits;
  private readonly base: string;
  private readonly apiKey: string;
  private readonly fetch: typeof fetch;
  private targets: Promise<Set<string>> | undefined;
  private pairs: Promise<Set<string>> | undefined;
  private readonly glossaries = new Map<string, Promise<string | undefined>>();

  constructor(options: DeepLOptions) {
    this.apiKey = options.apiKey;
    this.base = (
      options.baseUrl ??
      (options.apiKey.endsWith(':fx') ? 'https://api-free.deepl.com' : 'https://api.deepl.com')
    ).replace(/\/$/, '');
    this.limits = {
      maxSegments: 50,
      maxChars: 30_000,
      requestsPerSecond: 5,
      timeoutMs: 30_000,
      maxRetries: 4,
      ...options.limits,
    };
    this.fetch = options.fetch ?? fetch;
  }

  private async call<T>(method: string, path: string, body: unknown, signal?: AbortSignal): Promise<T> {
    let res: Response;
    try {
      res = await this.fetch(`${this.base}${path}`, {
        method,
        headers: {
          authorization: `DeepL-Auth-Key ${this.apiKey}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        ...(signal ? { signal } : {}),
      });
    } catch (e) {
      if (signal?.aborted) throw e;
      throw new ProviderError('network', `deepl: ${(e as Error).message}`);
    }
    const text = await res.text();
    if (!res.ok) {
      let message = text.slice(0, 300);
      try {
        message = (JSON.parse(text) as { message?: string }).message ?? message;
      } catch {
        // plain-text error body
      }
      throw errorForStatus(
        res.status,
        `deepl ${res.status}: ${message}`,
        retryAfterMs(res.headers.get('retry-after')),
      );
    }
    if (!text) return undefined as T;
    try {
      return JSON.parse(text) as T;
    } catch {
      throw new ProviderError('bad_response', 'deepl: the answer is not JSON');
    }
  }

  private targetCode(lang: TargetLanguage): string {
    return TARGET_CODE[lang] ?? lang.toUpperCase();
  }

  async supports(source: SourceLanguage, target: TargetLanguage, signal?: AbortSignal): Promise<boolean> {
    this.targets ??= this.call<{ language: string }[]>('GET', '/v2/languages?type=target', undefined, signal)
      .then((list) => new Set(list.map((l) => l.language.toUpperCase())))
      .catch((e: unknown) => {
        this.targets = undefined;
        throw e;
      });
    const set = await this.targets;
    void source;
    return set.has(this.targetCode(target)) || set.has(target.toUpperCase());
  }

  /** The glossary for these entries (created once; found again by its content-derived name). */
  private glossaryFor(
    source: SourceLanguage,
    target: TargetLanguage,
    entries: readonly TermPair[],
  ): Promise<string | undefined> {
    const clean = [
      ...new Map(
        entries
          .filter((e) => e.source && e.target && !/[\t\n\r]/.test(e.source + e.target))
          .map((e) => [e.source, e.target]),
      ).entries(),
    ];
    if (clean.length === 0) return Promise.resolve(undefined);
    const tsv = clean.map(([s, t]) => `${s}\t${t}`).join('\n');
    const name = `kbridge-${source}-${target}-${createHash('sha256').update(tsv).digest('hex').slice(0, 16)}`;
    let found = this.glossaries.get(name);
    if (!found) {
      found = (async () => {
        this.pairs ??= this.call<{ supported_languages: { source_lang: string; target_lang: string }[] }>(
          'GET',
          '/v2/glossary-language-pairs',
          undefined,
        ).then(
          (r) =>
            new Set(
              r.supported_languages.map(
                (p) => `${p.source_lang.toLowerCase()}>${p.target_lang.toLowerCase()}`,
              ),
            ),
        );
        if (!(await this.pairs).has(`${source}>${target}`)) return undefined;
        const list = await this.call<{ glossaries: { glossary_id: string; name: string; ready: boolean }[] }>(
          'GET',
          '/v2/glossaries',
          undefined,
        );
        const existing = list.glossaries.find((g) => g.name === name && g.ready);
        if (existing) return existing.glossary_id;
        const made = await this.call<{ glossary_id: string }>('POST', '/v2/glossaries', {
          name,
          source_lang: source,
          target_lang: target,
          entries: tsv,
          entries_format: 'tsv',
        });
        return made.glossary_id;
      })();
      found.catch(() => this.glossaries.delete(name));
      this.glossaries.set(name, found);
    }
    return found;
  }

  async translateBatch(batch: ProviderBatch, signal: AbortSignal): Promise<ProviderReply> {
    const glossaryId =
      batch.sourceLang === 'ko'
        ? await this.glossaryFor(batch.sourceLang, batch.targetLang, batch.glossary).catch(() => undefined)
        : undefined;
    const reply = await this.call<{ translations?: { text?: string; billed_characters?: number }[] }>(
      'POST',
      '/v2/translate',
      {
        text: batch.segments.map((s) => toXml(s.text)),
        source_lang: batch.sourceLang.toUpperCase(),
        target_lang: this.targetCode(batch.targetLang),
        tag_handling: 'xml',
        ignore_tags: ['x'],
        preserve_formatting: true,
        show_billed_characters: true,
        ...(glossaryId ? { glossary_id: glossaryId } : {}),
      },
      signal,
    );
    const translations = reply?.translations;
    if (!Array.isArray(translations) || translations.length !== batch.segments.length) {
      throw new ProviderError(
        'bad_response',
        `deepl: ${translations?.length ?? 0} translations for ${batch.segments.length} texts`,
      );
    }
    return {
      outputs: batch.segments.map((s, i) => ({ id: s.id, text: fromXml(translations[i]?.text ?? '') })),
      billedCharacters: translations.reduce((n, t) => n + (t.billed_characters ?? 0), 0),
    };
  }
}
