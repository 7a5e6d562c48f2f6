/**
 * One interface for every translation provider (the embedded engine, OpenAI-compatible chat
 * servers, DeepL). A provider translates one batch per call; the runner (runner.ts) splits work
 * into batches within the provider's limits and handles rate limits, retries, timeouts and cost.
 */
import type { SourceLanguage, TargetLanguage } from '../languages.ts';
import type { FieldKind, Placeholder } from '../types.ts';

export interface TermPair {
  source: string;
  target: string;
}

export interface ProviderSegment {
  /** Unique within the batch. */
  id: string;
  /** Protected text: placeholders `⟦1⟧` stand for quantities, brands, codes; keep them. */
  text: string;
  kind: FieldKind;
  placeholders: readonly Placeholder[];
  /** Term base and glossary entries found in this segment. */
  terms: readonly TermPair[];
  /** Translation-memory matches (fuzzy) for this segment, protected forms. */
  memory: readonly TermPair[];
}

export interface ProviderBatch {
  sourceLang: SourceLanguage;
  targetLang: TargetLanguage;
  segments: readonly ProviderSegment[];
  /** Do-not-translate and glossary entries for the whole request (DeepL glossaries). */
  glossary: readonly TermPair[];
}

export interface ProviderOutput {
  id: string;
  /** Protected translation (placeholders kept). */
  text: string;
}

export interface ProviderReply {
  outputs: ProviderOutput[];
  /** What the provider says it billed, when it says (DeepL billed_characters). */
  billedCharacters?: number;
  /** Tokens, for chat models that report usage. */
  tokens?: { prompt: number; completion: number };
}

export interface ProviderLimits {
  /** Segments per request. */
  maxSegments: number;
  /** Characters of source text per request. */
  maxChars: number;
  requestsPerSecond: number;
  timeoutMs: number;
  maxRetries: number;
}

export interface TranslationProvider {
  /** `embedded`, `openai`, `deepl` …; results carry provenance `provider:<name>`. */
  readonly name: string;
  readonly limits: ProviderLimits;
  /** Whether it translates this pair (DeepL asks its /languages endpoint once). */
  supports(source: SourceLanguage, target: TargetLanguage, signal?: AbortSignal): Promise<boolean>;
  /** Translates one batch within the limits; throws ProviderError on failure. */
  translateBatch(batch: ProviderBatch, signal: AbortSignal): Promise<ProviderReply>;
}

export type ProviderErrorCode =
  | 'auth'
  | 'quota'
  | 'rate_limited'
  | 'too_large'
  | 'bad_request'
  | 'unavailable'
  | 'timeout'
  | 'bad_response'
  | 'network';

/** A provider failure; `retryable` ones are retried with backoff by the runner. */
export class ProviderError extends Error {
  readonly code: ProviderErrorCode;
  readonly status: number | undefined;
  readonly retryable: boolean;
  readonly retryAfterMs: number | undefined;

  constructor(
    code: ProviderErrorCode,
    message: string,
    options: { status?: number; retryAfterMs?: number | undefined; retryable?: boolean } = {},
  ) {
    super(message);
    this.name = 'ProviderError';
    this.code = code;
    this.status = options.status;
    this.retryAfterMs = options.retryAfterMs;
    this.retryable =
      options.retryable ?? ['rate_limited', 'unavailable', 'timeout', 'network'].includes(code);
  }
}

/** Reads a Retry-After header (seconds or an HTTP date) as milliseconds. */
export function retryAfterMs(header: string | null, now: number = Date.now()): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** Maps an HTTP failure status to a provider error code. */
export function errorForStatus(status: number, message: string, retryAfter?: number): ProviderError {
  if (status === 401 || status === 403) return new ProviderError('auth', message, { status });
  if (status === 456) return new ProviderError('quota', message, { status });
  if (status === 429 || status === 529)
    return new ProviderError('rate_limited', message, { status, retryAfterMs: retryAfter });
  if (status === 413 || status === 414) return new ProviderError('too_large', message, { status });
  if (status >= 500) return new ProviderError('unavailable', message, { status, retryAfterMs: retryAfter });
  return new ProviderError('bad_request', message, { status });
}

/** Characters of text (code points), what providers bill. */
export function charCount(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}
