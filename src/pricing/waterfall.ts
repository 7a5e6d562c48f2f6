import type { Money } from '../shared/index.ts';
import type { CompiledSite } from './context.ts';
import type { Breakdown } from './quote-math.ts';
import type { ComponentCode, QuoteComponent, RuleRef } from './types.ts';

/**
 * Splits a KRW total over components so the KRW column adds up exactly too: each component's
 * exact KRW value is floored, and the won left over go to the largest fractions (ties: first).
 */
export function allocateKrw(localMinors: readonly number[], krwPerMinor: number, totalKrw: number): number[] {
  const exact = localMinors.map((m) => m * krwPerMinor);
  const out = exact.map((x) => Math.floor(x + 1e-9));
  let remainder = totalKrw - out.reduce((a, b) => a + b, 0);
  const frac = exact.map((x, i) => x - out[i]!);
  while (remainder > 0) {
    let best = 0;
    for (let i = 1; i < frac.length; i++) if (frac[i]! > frac[best]!) best = i;
    out[best] = out[best]! + 1;
    frac[best] = -Infinity;
    remainder--;
  }
  while (remainder < 0) {
    // Only reachable through float noise; take the won back from the smallest fractions.
    let worst = 0;
    for (let i = 1; i < frac.length; i++) if (frac[i]! < frac[worst]! || frac[worst] === -Infinity) worst = i;
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

const ORDER: readonly ComponentCode[] = [
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
  const taxLabel = b.terms.t > 0 ? `${b.terms.band.taxName} ${Number((b.terms.t * 100).toFixed(4))}%` : 'tax';
  const label: Record<ComponentCode, string> = {
    goods: labels.goods,
    fx: site.labels.fx,
    commission: labels.commission,
    payment_fee: site.labels.payment,
    fixed_fee: site.labels.fixed,
    operator_fee: site.labels.operator,
    shipping: labels.shipping,
    duty:
      b.terms.d > 0
        ? `import duty ${Number((b.terms.d * 100).toFixed(4))}%`
        : b.terms.flat
          ? 'import duty (flat)'
          : 'import duty',
    tax: taxLabel,
    margin: 'margin',
  };
  const rule: Record<ComponentCode, string> = {
    goods: rules.goods.code,
    fx: site.rules.fxSpread.code,
    commission: rules.commission.code,
    payment_fee: site.rules.payment.code,
    fixed_fee: site.rules.fixed.code,
    operator_fee: site.rules.operator.code,
    shipping: rules.shipping.code,
    duty: rules.customs.code,
    tax: rules.customs.code,
    margin: site.rules.margin.code,
  };
  const local = (minor: number): Money => ({ currency: site.currency, minor });
  const krw = (minor: number): Money => ({ currency: 'KRW', minor });
  const components = ORDER.map((code, i) => ({
    code,
    label: label[code],
    local: local(locals[i]!),
    krw: krw(krws[i]!),
    rule: rule[code],
  }));
  return { components, priceKrw, marginKrw: krws[9]! };
}
