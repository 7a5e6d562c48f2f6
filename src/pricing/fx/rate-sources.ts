import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { AppError, isCurrencyCode, systemClock, type Clock } from '../../shared/index.ts';
import { createFxSnapshot, type FxSnapshot } from './fx-snapshot.ts';

/** Somewhere FX rates come from. Each call returns a fresh snapshot (KRW per unit). */
export interface RateSource {
  readonly name: string;
  fetchSnapshot(): Promise<FxSnapshot>;
}

/**
 * Reads a rates document in any of the shapes we meet:
 * - our snapshot: { base: "KRW", rates: { THB: "46.4" }, takenAt? }: KRW per unit
 * - rates APIs: { base | base_code: "USD", rates | conversion_rates: { KRW: 1447, THB: 31.2 },
 *   date | time_last_update_unix | time_last_update_utc } (exchangerate-api, frankfurter/ECB):
 *   units per one base. A document is read as an API answer when its base is not KRW, or it has
 *   API fields (base_code, amount, result, conversion_rates, time_last_update_*), or rates.KRW.
 *   So `{"base":"KRW","rates":{"THB":46.4}}` means 46.4 KRW per baht.
 * - CSV / text lines `CCY,rate` (KRW per unit), optional header, `#` comments.
 * Currencies kbridge does not know are ignored; a non-KRW base needs the base's KRW rate.
 */
export function parseRatesDocument(text: string, source: string, clock: Clock = systemClock): FxSnapshot {
  const trimmed = text.trim();
  if (trimmed.startsWith('{')) {
    let doc: Record<string, unknown>;
    try {
      doc = JSON.parse(trimmed) as Record<string, unknown>;
    } catch (cause) {
      throw new AppError('invalid_input', `${source}: not valid JSON`, { cause });
    }
    return fromJson(doc, source, clock);
  }
  return fromCsv(trimmed, source, clock);
}

function fromJson(doc: Record<string, unknown>, source: string, clock: Clock): FxSnapshot {
  const inner = (doc.snapshot as Record<string, unknown> | undefined) ?? doc;
  const base = String(inner.base ?? inner.base_code ?? 'KRW').toUpperCase();
  const rates = (inner.rates ?? inner.conversion_rates) as Record<string, unknown> | undefined;
  if (!rates || typeof rates !== 'object') {
    throw new AppError('invalid_input', `${source}: no "rates" object`);
  }
  const takenAt = timestampOf(inner) ?? clock.now();
  const numeric = (v: unknown) => (typeof v === 'number' ? v : Number(String(v)));
  const out: Record<string, string | number> = {};
  const apiShape =
    base !== 'KRW' ||
    [
      'base_code',
      'amount',
      'result',
      'conversion_rates',
      'time_last_update_unix',
      'time_last_update_utc',
    ].some((k) => k in inner) ||
    'KRW' in rates;
  if (!apiShape) {
    // Our own shape: values are KRW per unit already.
    for (const [code, v] of Object.entries(rates)) {
      if (isCurrencyCode(code.toUpperCase()) && code.toUpperCase() !== 'KRW')
        out[code] = v as string | number;
    }
  } else {
    // API shape: values are units per one `base`; KRW per unit of C = rate[KRW] / rate[C].
    // rates[C] is C per one base; rates.KRW is KRW per one base (1 when the base is KRW).
    const krw = base === 'KRW' ? 1 : numeric(rates.KRW);
    if (!Number.isFinite(krw) || krw <= 0) {
      throw new AppError('invalid_input', `${source}: base ${base} without a KRW rate`);
    }
    if (isCurrencyCode(base)) out[base] = krw;
    for (const [code, v] of Object.entries(rates)) {
      const upper = code.toUpperCase();
      if (upper === 'KRW' || upper === base || !isCurrencyCode(upper)) continue;
      const n = numeric(v);
      if (Number.isFinite(n) && n > 0) out[upper] = krw / n;
    }
  }
  if (Object.keys(out).length === 0) throw new AppError('invalid_input', `${source}: no usable rates`);
  return createFxSnapshot({ source, takenAt, rates: out });
}

function timestampOf(doc: Record<string, unknown>): Date | undefined {
  if (typeof doc.takenAt === 'string') return new Date(doc.takenAt);
  if (typeof doc.time_last_update_unix === 'number') return new Date(doc.time_last_update_unix * 1000);
  if (typeof doc.time_last_update_utc === 'string') return new Date(doc.time_last_update_utc);
  if (typeof doc.timestamp === 'number') return new Date(doc.timestamp * 1000);
  if (typeof doc.date === 'string') return new Date(`${doc.date}T00:00:00Z`);
  return undefined;
}

function fromCsv(text: string, source: string, clock: Clock): FxSnapshot {
  const rates: Record<string, string> = {};
  let first = true;
  for (const [i, raw] of text.split(/\r?\n/).entries()) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const [code = '', rate = ''] = line.split(/[,;\t ]+/);
    const header = first && !/^\d/.test(rate);
    first = false;
    if (header) continue;
    if (!isCurrencyCode(code.toUpperCase())) {
      throw new AppError('invalid_input', `${source}: line ${i + 1}: unknown currency "${code}"`);
    }
    rates[code.toUpperCase()] = rate;
  }
  if (Object.keys(rates).length === 0) throw new AppError('invalid_input', `${source}: no rates`);
  return createFxSnapshot({ source, takenAt: clock.now(), rates });
}

/** Rates from a local file (JSON or CSV, see parseRatesDocument). */
export class FileRateSource implements RateSource {
  readonly name: string;
  constructor(
    private readonly path: string,
    private readonly clock: Clock = systemClock,
  ) {
    this.name = `file:${basename(path)}`;
  }
  async fetchSnapshot(): Promise<FxSnapshot> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (cause) {
      throw new AppError('not_found', `cannot read ${this.path}`, { cause });
    }
    return parseRatesDocument(text, this.name, this.clock);
  }
}

export interface HttpRateSourceOptions {
  /** e.g. https://open.er-api.com/v6/latest/KRW or a frankfurter/ECB-style endpoint. */
  url: string;
  timeoutMs?: number;
  fetch?: typeof fetch;
  clock?: Clock;
}

/** Rates from an HTTP rates API (JSON). Tested against a local fake server. */
export class HttpRateSource implements RateSource {
  readonly name: string;
  constructor(private readonly options: HttpRateSourceOptions) {
    this.name = `http:${new URL(options.url).host}`;
  }
  async fetchSnapshot(): Promise<FxSnapshot> {
    const doFetch = this.options.fetch ?? fetch;
    let response: Response;
    try {
      response = await doFetch(this.options.url, {
        headers: { accept: 'application/json' },
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 10_000),
      });
    } catch (cause) {
      const timeout = cause instanceof Error && cause.name === 'TimeoutError';
      throw new AppError(timeout ? 'timeout' : 'upstream', `rates API ${this.name} unreachable`, { cause });
    }
    if (response.status === 429) throw new AppError('rate_limited', `rates API ${this.name} rate-limited us`);
    if (!response.ok) {
      throw new AppError('upstream', `rates API ${this.name} answered HTTP ${response.status}`, {
        details: { status: response.status },
      });
    }
    const text = await response.text();
    try {
      return parseRatesDocument(text, this.name, this.options.clock);
    } catch (e) {
      throw new AppError('upstream', `rates API ${this.name} sent an unusable document`, { cause: e });
    }
  }
}
