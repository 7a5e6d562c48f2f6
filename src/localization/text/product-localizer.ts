/**
 * Localizes one product for one site: every translatable field (title, brand, option names and
 * values, attribute names and values, the HTML description and its spec table) in every language
 * the site needs, with each field's status. Identical segments across fields and products are
 * translated once (the pipeline groups them; the memory remembers them).
 */
import { getProduct, type ProductWithVariants } from '../../catalog/index.ts';
import type { Scope } from '../../shared/index.ts';
import { htmlSegments } from './html.ts';
import type { Target } from './languages.ts';
import type { TranslateOptions } from './pipeline.ts';
import type { TranslationService } from './service.ts';
import { worstStatus } from './service.ts';
import { sitePolicy, type SitePolicy } from './site-policy.ts';
import type { FieldKind, SegmentInput, SegmentResult, SegmentStatus } from './types.ts';

export interface LocalizedField {
  source: string;
  text: string | null;
  status: SegmentStatus;
  provider: string | null;
  checks?: SegmentResult['checks'];
  proposal?: string;
  reviewId?: string;
  unknown?: string[];
}

export interface LocalizedDescription {
  html: string;
  status: SegmentStatus;
  segments: number;
  translated: number;
  omitted: number;
  needsReview: number;
  needsTranslation: number;
}

export interface LocalizedListing {
  language: string;
  locale: string;
  required: boolean;
  status: SegmentStatus;
  title: LocalizedField;
  brand: LocalizedField | null;
  options: { name: LocalizedField; values: LocalizedField[] }[];
  attributes: { name: LocalizedField; value: LocalizedField }[];
  description: LocalizedDescription | null;
  /** Facts stated by Korean-market tags dropped from the title (free shipping, 1+1 bundle …). */
  facts: string[];
}

export interface LocalizedProduct {
  productId: string;
  sellerId: string;
  site: string;
  note: string;
  listings: LocalizedListing[];
}

/** Top-level Korean category words → the term base's domains (contextual senses). */
const DOMAIN_WORDS: readonly [RegExp, string][] = [
  [/뷰티|화장품|스킨케어|메이크업|헤어|바디/, 'beauty'],
  [/식품|푸드|음료|건강식품|농산물|축산|수산|간식/, 'food'],
  [/반려|애견|애묘|펫/, 'pet'],
  [/출산|육아|유아|아동|완구|장난감|기저귀/, 'baby'],
  [/디지털|가전|전자|컴퓨터|휴대폰|모바일/, 'electronics'],
  [/패션|의류|잡화|신발|가방|언더웨어/, 'fashion'],
  [/홈|리빙|주방|생활|가구|인테리어|침구/, 'home'],
];

/** The product's domain from its category path's first level, if recognized. */
export function domainOf(categoryPath: string): string | undefined {
  const top = categoryPath.split('>')[0] ?? '';
  return DOMAIN_WORDS.find(([re]) => re.test(top))?.[1];
}

interface FieldRef {
  id: string;
  kind: FieldKind;
  text: string;
}

function productFields(p: ProductWithVariants): {
  fields: FieldRef[];
  html: ReturnType<typeof htmlSegments> | null;
} {
  const fields: FieldRef[] = [{ id: 'title', kind: 'title', text: p.titleKo }];
  if (p.brand) fields.push({ id: 'brand', kind: 'brand', text: p.brand });
  p.options.forEach((o, i) => {
    fields.push({ id: `options.${i}.name`, kind: 'option-name', text: o.name });
    o.values.forEach((v, j) =>
      fields.push({ id: `options.${i}.values.${j}`, kind: 'option-value', text: v }),
    );
  });
  Object.entries(p.attributes).forEach(([k, v], i) => {
    fields.push({ id: `attributes.${i}.name`, kind: 'attribute-name', text: k });
    fields.push({ id: `attributes.${i}.value`, kind: 'attribute-value', text: v });
  });
  const html = p.descriptionHtml ? htmlSegments(p.descriptionHtml, 'description') : null;
  return { fields, html };
}

function field(r: SegmentResult | undefined, source: string): LocalizedField {
  if (!r) return { source, text: null, status: 'needs-translation', provider: null };
  return {
    source,
    text: r.translation,
    status: r.status,
    provider: r.provenance,
    ...(r.checks.length ? { checks: r.checks } : {}),
    ...(r.proposal !== undefined ? { proposal: r.proposal } : {}),
    ...(r.reviewId ? { reviewId: r.reviewId } : {}),
    ...(r.unknown ? { unknown: r.unknown } : {}),
  };
}

export interface LocalizeProductOptions {
  /** Also produce the site's optional languages (e.g. Thai on lazada-th). */
  optional?: boolean;
  providers?: 'all' | 'none' | string;
  /** Every segment's result (reports). */
  onResults?: (target: Target, segments: readonly SegmentInput[], results: readonly SegmentResult[]) => void;
  /** Collect review items instead of writing them one product at a time. */
  reviewSink?: TranslateOptions['reviewSink'];
}

/** Localizes a product the scope may see, for a site. */
export async function localizeProduct(
  service: TranslationService,
  scope: Scope,
  productId: string,
  siteId: string,
  options: LocalizeProductOptions = {},
): Promise<LocalizedProduct> {
  if (!service.store) throw new Error('localizeProduct needs a store');
  const product = await getProduct(service.store.db, scope, productId);
  return localizeProductRecord(service, product, siteId, options);
}

/** Localizes a product already loaded (bulk runs page through products themselves). */
export async function localizeProductRecord(
  service: TranslationService,
  product: ProductWithVariants,
  siteId: string,
  options: LocalizeProductOptions = {},
): Promise<LocalizedProduct> {
  const policy = sitePolicy(siteId);
  const targets = [...policy.required, ...(options.optional ? policy.optional : [])];
  const listings: LocalizedListing[] = [];
  for (const target of targets) {
    listings.push(
      await localizeFor(service, product, policy, target, policy.required.includes(target), options),
    );
  }
  return { productId: product.id, sellerId: product.sellerId, site: siteId, note: policy.note, listings };
}

async function localizeFor(
  service: TranslationService,
  p: ProductWithVariants,
  policy: SitePolicy,
  target: Target,
  required: boolean,
  options: LocalizeProductOptions,
): Promise<LocalizedListing> {
  const { fields, html } = productFields(p);
  const segments: SegmentInput[] = [...fields, ...(html?.segments ?? [])];
  const occurrences = new Map(segments.map((s) => [s.id, { productId: p.id, field: s.id }]));
  const results = await service.translator.translate(segments, {
    to: target,
    sellerId: p.sellerId,
    brand: p.brand ?? undefined,
    domain: domainOf(p.sourceCategoryPath),
    policy,
    occurrences,
    ...(options.providers ? { providers: options.providers } : {}),
    ...(options.reviewSink ? { reviewSink: options.reviewSink } : {}),
  });
  options.onResults?.(target, segments, results);
  if (!options.reviewSink) await service.flushUsage();
  const byId = new Map(results.map((r) => [r.id, r]));
  const get = (id: string, source: string) => field(byId.get(id), source);
  const title = get('title', p.titleKo);
  const listing: LocalizedListing = {
    language: target.language,
    locale: target.locale,
    required,
    status: 'machine',
    title,
    brand: p.brand ? get('brand', p.brand) : null,
    options: p.options.map((o, i) => ({
      name: get(`options.${i}.name`, o.name),
      values: o.values.map((v, j) => get(`options.${i}.values.${j}`, v)),
    })),
    attributes: Object.entries(p.attributes).map(([k, v], i) => ({
      name: get(`attributes.${i}.name`, k),
      value: get(`attributes.${i}.value`, v),
    })),
    description: null,
    facts: byId.get('title')?.dropped ?? [],
  };
  if (html) {
    const descResults = html.segments.map((s) => byId.get(s.id)).filter((r): r is SegmentResult => !!r);
    const omitted = descResults.filter((r) => r.omitted).length;
    const counted = descResults.filter((r) => !r.omitted);
    listing.description = {
      html: html.render(new Map(descResults.map((r) => [r.id, r.translation]))),
      status: counted.length ? worstStatus(counted.map((r) => r.status)) : 'machine',
      segments: descResults.length,
      translated: counted.filter((r) => r.status === 'machine' || r.status === 'approved').length,
      omitted,
      needsReview: counted.filter((r) => r.status === 'needs-review').length,
      needsTranslation: counted.filter((r) => r.status === 'needs-translation').length,
    };
  }
  const statuses: SegmentStatus[] = [
    title.status,
    ...(listing.brand ? [listing.brand.status] : []),
    ...listing.options.flatMap((o) => [o.name.status, ...o.values.map((v) => v.status)]),
    ...listing.attributes.flatMap((a) => [a.name.status, a.value.status]),
    ...(listing.description ? [listing.description.status] : []),
  ];
  listing.status = worstStatus(statuses);
  return listing;
}
