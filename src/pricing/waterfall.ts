import type { CompiledSite } from './context.ts';
import type { Breakdown } from './quote-math.ts';
import type { ComponentCode, QuoteComponent, RuleRef } from './types.ts';

/**
 * Splits a KRW total over components so the KRW column adds up exactly too: each component's
 * exact KRW value is floored, and the won left over go to the largest fractions (ties: first).
 */
export function allocateKrw(localMinors: readonly number[], krwPerMinor: number, totalKrw: number): number[] {
  const n = localMinors.length;
  const out: number[] = new Array(n);
  const frac: number[] = new Array(n);
  let remainder = totalKrw;
  for (let i = 0; i < n; i++) {
    const x = localMinors[i]! * krwPerMinor;
    const f = Math.floor(x + 1e-9);
    out[i] = f;
    frac[i] = x - f;
    remainder -= f;
  }
  while (remainder > 0) {
    let best = 0;
    for (let i = 1; i < n; i++) if (frac[i]! > frac[best]!) best = i;
    out[best] = out[best]! + 1;
    frac[best] = -Infinity;
    remainder--;
  }
  while (remainder < 0) {
    // Only reachable through float noise; take the won back from the smallest fractions.
    let worst = 0;
    for (let i = 1; i < n; i++) if (frac[i]! < frac[worst]! || frac[worst] === -Infinity) worst = i;
    out[worst] = out[worst]! - 1;
    frac[worst] = Infinity;
    remainder++;
  }
  return out;
}

export interface WaterfallRules {
  readonly goods: RuleRef;
  readonly commission: RuleRef;
  readonly shipping: RuleRef;
  readonly customs: RuleRef;
}

/** The waterfall's components, in the order a quote lists them. */
export const COMPONENT_CODES: readonly [ComponentCode, ...ComponentCode[]] = [
  'goods',
  'fx',
  'commission',
  'payment_fee',
  'fixed_fee',
  'operator_fee',
  'shipping',
  'duty',
  'tax',
  'margin',
];

const labelCache = new Map<string, string>();
/** "VAT 7%", "import duty 10%": formatted once per distinct name and rate (toFixed is slow). */
function pctLabel(name: string, rate: number): string {
  const key = `${name}|${rate}`;
  let label = labelCache.get(key);
  if (label === undefined) {
    label = `${name} ${Number((rate * 100).toFixed(4))}%`;
    if (labelCache.size < 10_000) labelCache.set(key, label);
  }
  return label;
}

/** The components of a breakdown in local currency and KRW, each with the rule behind it. */
export function buildComponents(
  site: CompiledSite,
  b: Breakdown,
  labels: { goods: string; commission: string; shipping: string },
  rules: WaterfallRules,
): { components: QuoteComponent[]; priceKrw: number; marginKrw: number } {
  const krwPerMinor = site.krwRate! / site.pow;
  const priceKrw = Math.round(b.price * krwPerMinor);
  const locals = [
    b.goods,
    b.fx,
    b.commission,
    b.payment,
    b.fixed,
    b.operator,
    b.shipping,
    b.duty,
    b.tax,
    b.margin,
  ];
  const krws = allocateKrw(locals, krwPerMinor, priceKrw);
  const t = b.terms;
  const label = [
    labels.goods,
    site.labels.fx,
    labels.commission,
    site.labels.payment,
    site.labels.fixed,
    site.labels.operator,
    labels.shipping,
    t.d > 0 ? pctLabel('import duty', t.d) : t.flat ? 'import duty (flat)' : 'import duty',
    t.t > 0 ? pctLabel(t.band.taxName, t.t) : 'tax',
    'margin',
  ];
  const rule = [
    rules.goods.code,
    site.rules.fxSpread.code,
    rules.commission.code,
    site.rules.payment.code,
    site.rules.fixed.code,
    site.rules.operator.code,
    rules.shipping.code,
    rules.customs.code,
    rules.customs.code,
    site.rules.margin.code,
  ];
  const components: QuoteComponent[] = new Array(COMPONENT_CODES.length);
  for (let i = 0; i < COMPONENT_CODES.length; i++) {
    components[i] = {
      code: COMPONENT_CODES[i]!,
      label: label[i]!,
      local: { currency: site.currency, minor: locals[i]! },
      krw: { currency: 'KRW', minor: krws[i]! },
      rule: rule[i]!,
    };
  }
  return { components, priceKrw, marginKrw: krws[9]! };
}
