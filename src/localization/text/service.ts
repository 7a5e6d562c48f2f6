/**
 * The text-localization service of a process: one term base, one memory cache, one provider
 * runner (rate limits and cost meters) shared by every request on the same store. `translateTexts`
 * is what the CLI and API call for free texts; products go through product-localizer.ts.
 */
import type { Config } from '../../config/index.ts';
import type { Store } from '../../db/index.ts';
import { systemClock, type Clock } from '../../shared/index.ts';
import { parseTarget, type SourceLanguage, type Target } from './languages.ts';
import { TranslationMemory } from './memory/memory-store.ts';
import { recordUsage } from './memory/usage-store.ts';
import { Translator, type TranslateOptions } from './pipeline.ts';
import { providersFromConfig } from './providers/registry.ts';
import { emptyMeter, ProviderRunner, type UsageMeter } from './providers/runner.ts';
import type { TranslationProvider } from './providers/types.ts';
import { sitePolicy } from './site-policy.ts';
import { defaultTermBase } from './termbase/load.ts';
import type { TermBase } from './termbase/termbase.ts';
import type { FieldKind, SegmentResult, SegmentStatus } from './types.ts';

export interface TranslationServiceOptions {
  store?: Store | undefined;
  config?: Config | undefined;
  clock?: Clock;
  termBase?: TermBase;
  /** Overrides the configured external providers (tests, benchmarks). */
  providers?: readonly TranslationProvider[];
  runner?: ProviderRunner;
  memory?: TranslationMemory;
}

export interface TextTranslation {
  text: string;
  translation: string | null;
  status: SegmentStatus;
  /** Who produced it: `termbase`, `memory`, `provider:<name>`, `human`, `source`, or several joined by `+`. */
  provider: string | null;
  segments: SegmentResult[];
}

export interface TranslateTextsOptions {
  /** Locale tag: en-US, th-TH, es … */
  to: string | Target;
  from?: SourceLanguage;
  kind?: FieldKind;
  site?: string | undefined;
  sellerId?: string | undefined;
  brand?: string | undefined;
  domain?: string | undefined;
  memory?: boolean;
  providers?: TranslateOptions['providers'];
  review?: boolean;
}

const ORDER: readonly SegmentStatus[] = ['needs-translation', 'needs-review', 'machine', 'approved'];

/** The worst status of several: one untranslated segment makes the whole text untranslated. */
export function worstStatus(statuses: readonly SegmentStatus[]): SegmentStatus {
  let worst: SegmentStatus = 'approved';
  for (const s of statuses) if (ORDER.indexOf(s) < ORDER.indexOf(worst)) worst = s;
  return worst;
}

/** Free text split for translation: lines, then sentences; titles and values stay whole. */
function splitText(text: string, kind: FieldKind): string[] {
  if (kind !== 'text' && kind !== 'html-text') return [text];
  return text
    .split(/\n+|(?<=[.!?。])\s+(?=\S)/)
    .map((s) => s.trim())
    .filter(Boolean);
}

export class TranslationService {
  readonly store: Store | undefined;
  readonly clock: Clock;
  readonly termBase: TermBase;
  readonly memory: TranslationMemory;
  readonly runner: ProviderRunner;
  readonly providers: readonly TranslationProvider[];
  readonly translator: Translator;
  private flushed = new Map<string, UsageMeter>();

  constructor(options: TranslationServiceOptions = {}) {
    this.store = options.store;
    this.clock = options.clock ?? systemClock;
    this.termBase = options.termBase ?? defaultTermBase();
    this.memory = options.memory ?? new TranslationMemory(options.store);
    this.runner = options.runner ?? new ProviderRunner();
    this.providers =
      options.providers ?? (options.config ? providersFromConfig(options.config.translation) : []);
    this.translator = new Translator({
      store: this.store,
      termBase: this.termBase,
      memory: this.memory,
      providers: this.providers,
      runner: this.runner,
      clock: this.clock,
    });
  }

  /** Translates free texts (one result per input, each possibly several segments). */
  async translateTexts(texts: readonly string[], options: TranslateTextsOptions): Promise<TextTranslation[]> {
    const to = typeof options.to === 'string' ? parseTarget(options.to) : options.to;
    const kind = options.kind ?? 'title';
    const parts = texts.map((t, i) => splitText(t, kind).map((s, j) => ({ id: `${i}:${j}`, kind, text: s })));
    const results = await this.translator.translate(parts.flat(), {
      to,
      from: options.from ?? 'ko',
      sellerId: options.sellerId,
      brand: options.brand,
      domain: options.domain,
      policy: options.site ? sitePolicy(options.site) : undefined,
      ...(options.memory === undefined ? {} : { memory: options.memory }),
      ...(options.providers === undefined ? {} : { providers: options.providers }),
      ...(options.review === undefined ? {} : { review: options.review }),
    });
    await this.flushUsage();
    let at = 0;
    return texts.map((text, i) => {
      const segs = results.slice(at, at + (parts[i]?.length ?? 0));
      at += parts[i]?.length ?? 0;
      const status = segs.length ? worstStatus(segs.map((s) => s.status)) : 'machine';
      const provenances = [
        ...new Set(segs.map((s) => s.provenance).filter((p): p is NonNullable<typeof p> => !!p)),
      ];
      const complete = status === 'machine' || status === 'approved';
      return {
        text,
        translation: complete
          ? segs
              .map((s) => s.translation ?? '')
              .filter(Boolean)
              .join(' ')
          : null,
        status,
        provider: provenances.length ? provenances.join('+') : null,
        segments: segs,
      };
    });
  }

  /** Writes provider usage since the last flush to the usage table (cost accounting). */
  async flushUsage(): Promise<void> {
    if (!this.store) return;
    const now = this.clock.now();
    const day = now.toISOString().slice(0, 10);
    for (const [name, m] of this.runner.meters) {
      const prev = this.flushed.get(name) ?? emptyMeter();
      const delta = {
        requests: m.requests - prev.requests,
        characters: m.characters - prev.characters,
        segments: m.segments - prev.segments,
        failures: m.failures - prev.failures,
        retries: m.retries - prev.retries,
      };
      this.flushed.set(name, { ...m });
      await recordUsage(this.store, name, day, delta, now);
    }
  }
}

const services = new WeakMap<object, TranslationService>();

/** The service for a store (one per process and store, so the memory cache is shared). */
export function translationService(app: { store: Store; config: Config; clock: Clock }): TranslationService {
  let s = services.get(app.store);
  if (!s) {
    s = new TranslationService({ store: app.store, config: app.config, clock: app.clock });
    services.set(app.store, s);
  }
  return s;
}
