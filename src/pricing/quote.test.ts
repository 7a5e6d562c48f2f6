import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createPricingContext } from './context.ts';
import { bandFor } from './customs.ts';
import { createFxSnapshot, defaultFxSnapshot } from './fx/fx-snapshot.ts';
import { loadPricingData } from './pricing-data.ts';
import { quote, type QuoteOptions } from './quote.ts';
import { isNicePrice } from './rounding.ts';
import { mulberry32, sampleItems } from './sample-items.ts';
import type { PriceableItem } from './types.ts';

const fx = defaultFxSnapshot();
const ctx = createPricingContext({ fx, asOf: '2026-11-25' });
const SITES = [...ctx.sites.keys()];
const serum: PriceableItem = {
  variantId: 'var_serum',
  sellerId: 'sel_1',
  priceKrw: 25000,
  weightG: 350,
  dims: { lengthMm: 120, widthMm: 80, heightMm: 80 },
  category: 'beauty',
};

describe('the worked example (docs/pricing.md): ₩25,000 serum on Lazada TH', () => {
  it('gives ฿1,089 with this exact waterfall', () => {
    const r = quote(ctx, 'lazada-th', serum);
    assert.ok(r.ok);
    const q = r.value;
    assert.deepEqual(q.price, { currency: 'THB', minor: 108900 });
    assert.deepEqual(
      q.components.map((c) => [c.code, c.local.minor, c.krw.minor]),
      [
        ['goods', 53865, 25000],
        ['fx', 1089, 506],
        ['commission', 4356, 2022],
        ['payment_fee', 2178, 1011],
        ['fixed_fee', 0, 0],
        ['operator_fee', 6044, 2805],
        ['shipping', 16634, 7720],
        ['duty', 9252, 4294],
        ['tax', 7124, 3306],
        ['margin', 8358, 3879],
      ],
    );
    assert.deepEqual(q.priceKrw, { currency: 'KRW', minor: 50543 });
    assert.equal(q.margin.pct, 8.21);
    assert.equal(q.rounding.unrounded.minor, 108569);
    assert.equal(q.fxSnapshot.id, fx.id);
    assert.equal(q.fxSnapshot.krwPerUnit, '46.412');
    assert.ok(q.rules.some((r) => r.code === q.customs.band && /from 1 THB/.test(r.text)));
  });
});

function checkInvariants(
  q: Extract<ReturnType<typeof quote>, { ok: true }>['value'],
  floorPct: number,
): void {
  const site = ctx.sites.get(q.site)!;
  const local = q.components.reduce((a, c) => a + c.local.minor, 0);
  const krw = q.components.reduce((a, c) => a + c.krw.minor, 0);
  assert.equal(local, q.price.minor, `${q.site}: local components add up`);
  assert.equal(krw, q.priceKrw.minor, `${q.site}: KRW components add up`);
  for (const c of q.components)
    assert.ok(Number.isSafeInteger(c.local.minor) && Number.isSafeInteger(c.krw.minor));
  const tax = q.components.find((c) => c.code === 'tax')!.local.minor;
  const margin = q.margin.local.minor;
  assert.ok(
    margin * 100 >= floorPct * (q.price.minor - tax) - 1e-6,
    `${q.site}: margin ${q.margin.pct}% under floor ${floorPct}%`,
  );
  assert.ok(
    isNicePrice(site.rounding, q.price.minor),
    `${q.site}: ${q.price.minor} breaks ${site.rounding.name}`,
  );
  assert.equal(
    bandFor(site.customs, q.customs.customsValue.minor).rule.code,
    q.customs.band,
    `${q.site}: band consistent`,
  );
}

describe('quote properties over random inputs', () => {
  const rnd = mulberry32(2026);
  const items = [
    ...sampleItems(300, 11),
    ...sampleItems(100, 99).map((i) => ({
      ...i,
      priceKrw: Math.round(rnd() * 2_000_000),
      weightG: 1 + Math.round(rnd() * 30000),
    })),
  ];
  it('components add up exactly, margin never under the floor, endings follow the rule, customs band consistent', () => {
    let quoted = 0;
    for (const item of items) {
      for (const site of SITES) {
        const target = Math.round(rnd() * 3000) / 100; // 0..30%
        const floor = rnd() < 0.3 ? target : Math.round(rnd() * target * 100) / 100;
        const options: QuoteOptions = {
          targetMarginPct: target,
          minMarginPct: floor,
          ...(rnd() < 0.3 ? { mode: 'cost-plus' as const } : {}),
        };
        const r = quote(ctx, site, item, options);
        if (!r.ok) {
          assert.ok(['no-shipping-service', 'guard-failed'].includes(r.error.kind), JSON.stringify(r.error));
          if (r.error.kind === 'guard-failed') assert.equal(r.error.guard, 'max-price');
          continue;
        }
        quoted++;
        checkInvariants(r.value, floor);
      }
    }
    assert.ok(quoted > items.length * SITES.length * 0.6, `only ${quoted} quotes succeeded`);
  });
  it('is deterministic for the same data version and FX snapshot (even a rebuilt context)', () => {
    const again = createPricingContext({
      data: loadPricingData(),
      fx: createFxSnapshot({ source: fx.source, takenAt: fx.takenAt, rates: { ...fx.rates } }),
      asOf: '2026-11-25',
    });
    for (const item of items.slice(0, 60)) {
      for (const site of SITES) assert.deepEqual(quote(again, site, item), quote(ctx, site, item));
    }
  });
});

describe('modes', () => {
  it('cost plus target margin hits the target before rounding', () => {
    const r = quote(
      ctx,
      'lazada-my',
      { ...serum, costKrw: 9000 },
      { mode: 'cost-plus', targetMarginPct: 30, minMarginPct: 25 },
    );
    assert.ok(r.ok);
    assert.equal(r.value.mode, 'cost-plus');
    assert.equal(r.value.components[0]!.label, 'cost (KRW → MYR)');
    assert.ok(Math.abs(r.value.margin.pct - 30) < 1.5, `margin ${r.value.margin.pct}`);
  });
  it('cost-plus without a cost is a caller error', () => {
    assert.throws(() => quote(ctx, 'lazada-my', serum, { mode: 'cost-plus' }), /costKrw/);
  });
  it('rounding goes up when nearest would break the floor', () => {
    // Target = floor: rounding down would always break it.
    for (const site of SITES) {
      const r = quote(ctx, site, serum, { targetMarginPct: 6, minMarginPct: 6 });
      if (r.ok)
        assert.ok(r.value.margin.pct >= 6 && r.value.price.minor >= r.value.rounding.unrounded.minor, site);
    }
  });
  it('checked prices across every low-value threshold still add up exactly (no regime gap)', () => {
    for (const site of ['lazada-ph', 'lazada-sg', 'lazada-my', 'lazada-id', 'daraz-pk', 'miravia-es']) {
      const s = ctx.sites.get(site)!;
      const edge = s.customs.bands[0]!.upToMinor;
      for (let p = Math.round(edge * 0.8); p <= edge * 1.6; p += Math.max(1, Math.round(edge / 400))) {
        const r = quote(ctx, site, serum, { priceMinor: p, minMarginPct: -Infinity });
        assert.ok(r.ok, `${site} at ${p}`);
        assert.equal(
          r.value.components.reduce((a, c) => a + c.local.minor, 0),
          p,
        );
        assert.equal(
          r.value.components.reduce((a, c) => a + c.krw.minor, 0),
          r.value.priceKrw.minor,
        );
      }
    }
  });
  it('a fixed price is checked, not changed', () => {
    const r = quote(ctx, 'lazada-th', serum, { priceMinor: 119900 });
    assert.ok(r.ok && r.value.mode === 'fixed' && r.value.price.minor === 119900);
    checkInvariants(r.value, 3);
  });
});

describe('guards: a tagged result naming the guard, not a number', () => {
  it('min-margin at a fixed price, with the lowest price that would pass', () => {
    const r = quote(ctx, 'lazada-th', serum, { priceMinor: 99900 });
    assert.ok(!r.ok && r.error.kind === 'guard-failed' && r.error.guard === 'min-margin');
    const lowest = r.error.details.lowestPriceMinor as number;
    assert.ok(lowest > 99900);
    assert.ok(quote(ctx, 'lazada-th', serum, { priceMinor: lowest }).ok);
  });
  it('max-price: the site ceiling', () => {
    const r = quote(ctx, 'lazada-sg', { ...serum, priceKrw: 2_000_000 });
    assert.ok(!r.ok && r.error.kind === 'guard-failed' && r.error.guard === 'max-price');
  });
  it('min-price: a fixed price under the floor', () => {
    const r = quote(ctx, 'lazada-sg', serum, { priceMinor: 50, minMarginPct: -100 });
    assert.ok(!r.ok && r.error.kind === 'guard-failed' && r.error.guard === 'min-price');
  });
  it('max-discount and margin at the special price', () => {
    const deep = quote(ctx, 'lazada-th', serum, { discountPct: 60 });
    assert.ok(!deep.ok && deep.error.kind === 'guard-failed' && deep.error.guard === 'max-discount');
    const thin = quote(ctx, 'lazada-th', serum, { discountPct: 20 });
    assert.ok(!thin.ok && thin.error.kind === 'guard-failed' && thin.error.guard === 'min-margin');
    assert.ok((thin.error.details.lowestSpecialPriceMinor as number) > 0);
    const ok = quote(ctx, 'lazada-th', serum, { discountPct: 3 });
    assert.ok(ok.ok && ok.value.special && ok.value.special.margin.pct >= 3);
    assert.ok(isNicePrice(ctx.sites.get('lazada-th')!.rounding, ok.value.special.price.minor));
  });
  it('fees plus margin floor at or over 100% of the price', () => {
    const r = quote(ctx, 'daraz-pk', serum, { targetMarginPct: 95, minMarginPct: 90 });
    assert.ok(!r.ok && r.error.kind === 'guard-failed' && r.error.guard === 'min-margin');
  });
  it('an FX snapshot without the site currency', () => {
    const noThb = createFxSnapshot({ source: 'test', takenAt: '2026-01-01', rates: { USD: '1400' } });
    const r = quote(createPricingContext({ fx: noThb, asOf: '2026-11-25' }), 'lazada-th', serum);
    assert.ok(!r.ok && r.error.kind === 'fx-rate-missing' && r.error.currency === 'THB');
    const noUsd = createFxSnapshot({ source: 'test', takenAt: '2026-01-01', rates: { IDR: '0.086' } });
    const id = quote(createPricingContext({ fx: noUsd, asOf: '2026-11-25' }), 'lazada-id', serum);
    assert.ok(!id.ok && id.error.kind === 'fx-rate-missing' && id.error.currency === 'USD'); // the USD 3 threshold
  });
  it('an unknown site or a bad item is a caller error', () => {
    assert.throws(() => quote(ctx, 'lazada-xx', serum), /unknown site/);
    assert.throws(() => quote(ctx, 'lazada-th', { ...serum, priceKrw: 1.5 }), /priceKrw/);
    assert.throws(() => quote(ctx, 'lazada-th', { ...serum, weightG: 0 }), /weightG/);
  });
});
