/**
 * Runs work through a provider: splits segments into batches within its limits, spaces requests
 * to its rate (requests per second), times each request out, retries rate limits, 5xx and
 * network failures with exponential backoff (honouring Retry-After), halves a batch the provider
 * says is too large, and counts what was sent. Failures of one batch leave its segments without
 * output (they go to review as needs-translation); other batches go on.
 */
import type { ProviderBatch, ProviderOutput, ProviderSegment, TranslationProvider } from './types.ts';
import { charCount, ProviderError } from './types.ts';

export interface UsageMeter {
  requests: number;
  /** Characters of source text in successful requests (what providers bill). */
  characters: number;
  segments: number;
  failures: number;
  retries: number;
  /** Provider-reported billed characters, when it reports them. */
  billedCharacters: number;
}

export function emptyMeter(): UsageMeter {
  return { requests: 0, characters: 0, segments: 0, failures: 0, retries: 0, billedCharacters: 0 };
}

export interface RunnerOptions {
  /** Waits; injectable so tests don't sleep. */
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
  /** Backoff base and cap in ms. */
  backoffMs?: number;
  maxBackoffMs?: number;
  random?: () => number;
}

export interface RunResult {
  outputs: Map<string, string>;
  errors: Map<string, string>;
}

const realSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export class ProviderRunner {
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly now: () => number;
  private readonly backoffMs: number;
  private readonly maxBackoffMs: number;
  private readonly random: () => number;
  private readonly nextSlot = new Map<string, number>();
  /** Usage per provider since the runner started. */
  readonly meters = new Map<string, UsageMeter>();

  constructor(options: RunnerOptions = {}) {
    this.sleep = options.sleep ?? realSleep;
    this.now = options.now ?? Date.now;
    this.backoffMs = options.backoffMs ?? 250;
    this.maxBackoffMs = options.maxBackoffMs ?? 8000;
    this.random = options.random ?? Math.random;
  }

  meter(provider: string): UsageMeter {
    let m = this.meters.get(provider);
    if (!m) {
      m = emptyMeter();
      this.meters.set(provider, m);
    }
    return m;
  }

  /** Splits segments into batches that respect the provider's segment and character limits. */
  static batches(
    segments: readonly ProviderSegment[],
    maxSegments: number,
    maxChars: number,
  ): ProviderSegment[][] {
    const out: ProviderSegment[][] = [];
    let cur: ProviderSegment[] = [];
    let chars = 0;
    for (const s of segments) {
      const n = charCount(s.text);
      if (cur.length > 0 && (cur.length >= maxSegments || chars + n > maxChars)) {
        out.push(cur);
        cur = [];
        chars = 0;
      }
      cur.push(s);
      chars += n;
    }
    if (cur.length > 0) out.push(cur);
    return out;
  }

  /** Waits for the provider's next request slot (requests per second, process-wide). */
  private async slot(provider: TranslationProvider): Promise<void> {
    const gap = 1000 / Math.max(provider.limits.requestsPerSecond, 0.001);
    const now = this.now();
    const next = Math.max(now, this.nextSlot.get(provider.name) ?? 0);
    this.nextSlot.set(provider.name, next + gap);
    if (next > now) await this.sleep(next - now);
  }

  private backoff(attempt: number, error: ProviderError): number {
    if (error.retryAfterMs !== undefined) return Math.min(error.retryAfterMs, this.maxBackoffMs * 4);
    const exp = Math.min(this.maxBackoffMs, this.backoffMs * 2 ** attempt);
    return Math.round(exp / 2 + (this.random() * exp) / 2);
  }

  private async once(provider: TranslationProvider, batch: ProviderBatch): Promise<ProviderOutput[]> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), provider.limits.timeoutMs);
    try {
      const reply = await provider.translateBatch(batch, controller.signal);
      const meter = this.meter(provider.name);
      meter.requests++;
      meter.segments += batch.segments.length;
      meter.characters += batch.segments.reduce((n, s) => n + charCount(s.text), 0);
      meter.billedCharacters += reply.billedCharacters ?? 0;
      return reply.outputs;
    } catch (e) {
      if (controller.signal.aborted) {
        throw new ProviderError(
          'timeout',
          `${provider.name} did not answer within ${provider.limits.timeoutMs} ms`,
        );
      }
      if (e instanceof ProviderError) throw e;
      throw new ProviderError('network', `${provider.name}: ${(e as Error).message}`);
    } finally {
      clearTimeout(timer);
    }
  }

  private async attempt(
    provider: TranslationProvider,
    batch: ProviderBatch,
    result: RunResult,
  ): Promise<void> {
    const meter = this.meter(provider.name);
    for (let attempt = 0; ; attempt++) {
      await this.slot(provider);
      try {
        const outputs = await this.once(provider, batch);
        const byId = new Map(outputs.map((o) => [o.id, o.text]));
        for (const s of batch.segments) {
          const text = byId.get(s.id);
          if (text === undefined) result.errors.set(s.id, `${provider.name} returned no translation for it`);
          else result.outputs.set(s.id, text);
        }
        return;
      } catch (e) {
        const error = e instanceof ProviderError ? e : new ProviderError('network', String(e));
        // Too large, or an answer that could not be matched to the batch: try halves.
        if ((error.code === 'too_large' || error.code === 'bad_response') && batch.segments.length > 1) {
          const half = Math.ceil(batch.segments.length / 2);
          await this.attempt(provider, { ...batch, segments: batch.segments.slice(0, half) }, result);
          await this.attempt(provider, { ...batch, segments: batch.segments.slice(half) }, result);
          return;
        }
        if (error.retryable && attempt < provider.limits.maxRetries) {
          meter.retries++;
          await this.sleep(this.backoff(attempt, error));
          continue;
        }
        meter.failures++;
        for (const s of batch.segments) result.errors.set(s.id, `${error.code}: ${error.message}`);
        return;
      }
    }
  }

  /** Translates all segments; every segment ends up in `outputs` or in `errors`. */
  async run(provider: TranslationProvider, batch: ProviderBatch): Promise<RunResult> {
    const result: RunResult = { outputs: new Map(), errors: new Map() };
    const { maxSegments, maxChars } = provider.limits;
    for (const segments of ProviderRunner.batches(batch.segments, maxSegments, maxChars)) {
      await this.attempt(provider, { ...batch, segments }, result);
    }
    return result;
  }
}
