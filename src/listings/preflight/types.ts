import type { CategoryAttribute, ProductInput, Site, SkuInput } from '../../marketplaces/index.ts';
import type { SitePolicy } from '../../localization/text/index.ts';

/** What the destination-compliance rules need to know about the product (Korean and English). */
export interface PreflightCompliance {
  /** The Korean title (restriction words match Korean too). */
  titleKo: string;
  /** The English title if localized. */
  titleEn?: string | undefined;
  hsCode?: string | null | undefined;
  /** Seller's Korean category path, e.g. '뷰티 > 향수'. */
  sourceCategoryPath: string;
  weightKg?: number | undefined;
  /** Destination ISO 3166 alpha-2; AliExpress 'global' skips destination-only rules. */
  country: string;
  /** Pieces per shipment (Indonesia's cosmetics cap counts them); default 1. */
  quantity?: number | undefined;
}

export interface PreflightInput {
  site: Site;
  /** undefined = no category mapped. */
  category: { id: string; leaf: boolean } | undefined;
  /** The category's attributes (adapter.categoryAttributes). */
  attributes: readonly CategoryAttribute[];
  /** The payload the builder would send (adapter type). */
  product: ProductInput;
  compliance: PreflightCompliance;
  /** Hosted-image check: true when a URL is platform-hosted (already migrated). */
  isHostedImage?: (url: string) => boolean;
  /** Brand ids valid on the site for this category (adapter.brands); unchecked when absent. */
  brandIds?: ReadonlySet<string> | undefined;
}

export interface PreflightIssue {
  /** Stable rule id ('category-leaf', 'title-bytes', 'destination-forbidden', …). */
  rule: string;
  /** The attribute / field name. */
  field: string;
  sellerSku?: string | undefined;
  /** The platform error code this rule prevents (e.g. '4160'), when there is one. */
  code?: string | undefined;
  /** English: what is wrong and what to do, naming the value. */
  message: string;
  /** Errors block publishing. */
  severity: 'error' | 'warning';
}

/** Everything a rule module reads: the input plus what preflight derived once. */
export interface RuleContext {
  input: PreflightInput;
  site: Site;
  product: ProductInput;
  /** AliExpress (IOP/TOP, its own product model) rather than the Lazop platforms. */
  ae: boolean;
  policy: SitePolicy;
  isHosted: (url: string) => boolean;
}

export type Rule = (ctx: RuleContext) => PreflightIssue[];

/** An issue; `code` is the platform code (Lazop's or AliExpress's, whichever applies). */
export function issue(
  rule: string,
  field: string,
  message: string,
  extra: { code?: string | undefined; sellerSku?: string | undefined; severity?: 'warning' } = {},
): PreflightIssue {
  const out: PreflightIssue = { rule, field, message, severity: extra.severity ?? 'error' };
  if (extra.sellerSku !== undefined) out.sellerSku = extra.sellerSku;
  if (extra.code !== undefined) out.code = extra.code;
  return out;
}

/** The platform code of a rule: Lazop's on Lazada/Daraz/Miravia, the sandbox's 130xx on AliExpress. */
export function codeOf(
  ctx: RuleContext,
  lazop: string | undefined,
  ae: string | undefined,
): string | undefined {
  return ctx.ae ? ae : lazop;
}

/** Decimal places written in a number's text ("1.50" → 2). */
export function decimals(text: string): number {
  const dot = text.indexOf('.');
  return dot < 0 ? 0 : text.length - dot - 1;
}

/** A package value as the adapter would write it (string or number), or undefined when absent. */
export function valueText(v: string | number | undefined): string | undefined {
  if (v === undefined) return undefined;
  const t = String(v).trim();
  return t === '' ? undefined : t;
}

export type SkuPackageField = keyof Pick<
  SkuInput,
  'packageWeightKg' | 'packageLengthCm' | 'packageWidthCm' | 'packageHeightCm'
>;
