/**
 * The catalog translation report: localizes every product (or one seller's) for a site and counts
 * what happened to each segment — translated by the embedded engine, served from memory, by a
 * provider, approved by a person, sent to review — and how many titles came out fully translated.
 */
import { listProducts } from '../../catalog/index.ts';
import { OPERATOR_SCOPE, sellerScope, type Scope } from '../../shared/index.ts';
import { recordReviewItems, reviewCounts, type NewReviewItem } from './memory/review-store.ts';
import { localizeProductRecord } from './product-localizer.ts';
import type { TranslationService } from './service.ts';
import { sitePolicy } from './site-policy.ts';
import type { FieldKind, SegmentResult } from './types.ts';

export interface KindCounts {
  total: number;
  machine: number;
  approved: number;
  needsReview: number;
  needsTranslation: number;
  omitted: number;
}

export interface TranslationReport {
  site: string;
  languages: string[];
  products: number;
  durationMs: number;
  segments: { total: number; byKind: Partial<Record<FieldKind, KindCounts>> };
  /** Segments by who produced them (`source`: nothing to translate, e.g. sizes and codes). */
  byProvenance: Record<string, number>;
  engine: { translated: number };
  memory: {
    hits: number;
    hitRate: number;
    lookups: number;
    cacheHits: number;
    dbQueries: number;
    writes: number;
  };
  review: { needsReview: number; needsTranslation: number; openItems: Record<string, number> };
  titles: { total: number; fullyTranslated: number; rate: number };
  /** Characters and requests sent to external providers during the run. */
  providers: Record<string, { requests: number; characters: number; failures: number; retries: number }>;
}

export interface ReportOptions {
  site: string;
  sellerId?: string | undefined;
  limit?: number | undefined;
  providers?: 'all' | 'none' | string;
  onProgress?: (products: number) => void;
}

function empty(): KindCounts {
  return { total: 0, machine: 0, approved: 0, needsReview: 0, needsTranslation: 0, omitted: 0 };
}

/** Runs the catalog through the pipeline for a site and reports what happened. */
export async function translationReport(
  service: TranslationService,
  options: ReportOptions,
): Promise<TranslationReport> {
  const store = service.store;
  if (!store) throw new Error('the translation report needs a store');
  const started = performance.now();
  const policy = sitePolicy(options.site);
  const scope: Scope = options.sellerId ? sellerScope(options.sellerId) : OPERATOR_SCOPE;
  const before = { ...service.memory.stats };
  const meters = new Map([...service.runner.meters].map(([k, m]) => [k, { ...m }]));
  const report: TranslationReport = {
    site: options.site,
    languages: policy.required.map((t) => t.language),
    products: 0,
    durationMs: 0,
    segments: { total: 0, byKind: {} },
    byProvenance: {},
    engine: { translated: 0 },
    memory: { hits: 0, hitRate: 0, lookups: 0, cacheHits: 0, dbQueries: 0, writes: 0 },
    review: { needsReview: 0, needsTranslation: 0, openItems: {} },
    titles: { total: 0, fullyTranslated: 0, rate: 0 },
    providers: {},
  };
  let pending: NewReviewItem[] = [];
  const flush = async () => {
    if (pending.length) await recordReviewItems(store, pending, service.clock);
    pending = [];
  };
  const count = (r: SegmentResult) => {
    report.segments.total++;
    const k = (report.segments.byKind[r.kind] ??= empty());
    k.total++;
    if (r.omitted) k.omitted++;
    else if (r.status === 'machine') k.machine++;
    else if (r.status === 'approved') k.approved++;
    else if (r.status === 'needs-review') k.needsReview++;
    else k.needsTranslation++;
    if (r.status === 'needs-review') report.review.needsReview++;
    if (r.status === 'needs-translation') report.review.needsTranslation++;
    const p = r.provenance ?? 'none';
    report.byProvenance[p] = (report.byProvenance[p] ?? 0) + 1;
    if (r.provenance === 'termbase' && !r.omitted) report.engine.translated++;
    if (r.provenance === 'memory') report.memory.hits++;
    if (r.kind === 'title' && r.id === 'title') {
      report.titles.total++;
      if (r.status === 'machine' || r.status === 'approved') report.titles.fullyTranslated++;
    }
  };
  let after: string | undefined;
  const limit = options.limit ?? Infinity;
  while (report.products < limit) {
    const page = await listProducts(store.db, scope, {
      after,
      limit: Math.min(200, limit - report.products),
    });
    if (page.length === 0) break;
    for (const product of page) {
      await localizeProductRecord(service, product, options.site, {
        ...(options.providers ? { providers: options.providers } : {}),
        reviewSink: (items) => pending.push(...items),
        onResults: (_t, _s, results) => results.forEach(count),
      });
      report.products++;
    }
    after = page.at(-1)?.id;
    await flush();
    await service.flushUsage();
    options.onProgress?.(report.products);
  }
  await flush();
  await service.flushUsage();
  const s = service.memory.stats;
  const translatable = report.segments.total - (report.byProvenance.source ?? 0);
  report.memory = {
    hits: report.memory.hits,
    hitRate: translatable > 0 ? report.memory.hits / translatable : 0,
    lookups: s.lookups - before.lookups,
    cacheHits: s.cacheHits - before.cacheHits,
    dbQueries: s.dbQueries - before.dbQueries,
    writes: s.writes - before.writes,
  };
  report.titles.rate = report.titles.total ? report.titles.fullyTranslated / report.titles.total : 0;
  report.review.openItems = await reviewCounts(store, scope);
  for (const [name, m] of service.runner.meters) {
    const b = meters.get(name);
    report.providers[name] = {
      requests: m.requests - (b?.requests ?? 0),
      characters: m.characters - (b?.characters ?? 0),
      failures: m.failures - (b?.failures ?? 0),
      retries: m.retries - (b?.retries ?? 0),
    };
  }
  report.durationMs = Math.round(performance.now() - started);
  return report;
}
