import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createPricingContext } from './context.ts';
import { assessImport, type CompiledCustoms } from './customs.ts';
import { defaultFxSnapshot } from './fx/fx-snapshot.ts';
import { cloneInputs, loadPricingData, parsePricingData } from './pricing-data.ts';
import { quote } from './quote.ts';

const SITE_OF: Record<string, string> = {
  SG: 'lazada-sg',
  MY: 'lazada-my',
  TH: 'lazada-th',
  ID: 'lazada-id',
  PH: 'lazada-ph',
  VN: 'lazada-vn',
  PK: 'daraz-pk',
  BD: 'daraz-bd',
  LK: 'daraz-lk',
  NP: 'daraz-np',
  MM: 'daraz-mm',
  ES: 'miravia-es',
  PT: 'aliexpress-pt',
  US: 'aliexpress-us',
};
const customs = (country: string, asOf = '2026-11-25'): CompiledCustoms =>
  createPricingContext({ fx: defaultFxSnapshot(), asOf }).sites.get(SITE_OF[country]!)!.customs;
/** Duty and tax on a value in major units (shipping 0 unless given). */
const assess = (
  country: string,
  major: number,
  opts: { asOf?: string; cat?: string; shipping?: number; digits?: number } = {},
) => {
  const pow = 10 ** (opts.digits ?? 2);
  const a = assessImport(
    customs(country, opts.asOf),
    Math.round(major * pow),
    Math.round((opts.shipping ?? 0) * pow),
    opts.cat ?? 'other',
  );
  return {
    duty: a.dutyMinor / pow,
    tax: a.taxMinor / pow,
    dutyBy: a.dutyCollection,
    taxBy: a.taxCollection,
    band: a.band.index,
  };
};

describe('customs and tax rules per destination', () => {
  it('TH: VAT 7% and duty from 1 THB from 2026; duty-free to 1,500 THB CIF before', () => {
    assert.deepEqual(assess('TH', 1), { duty: 0.1, tax: 0.08, dutyBy: 'import', taxBy: 'checkout', band: 0 });
    assert.deepEqual(assess('TH', 1000), {
      duty: 100,
      tax: 77,
      dutyBy: 'import',
      taxBy: 'checkout',
      band: 0,
    });
    assert.deepEqual(assess('TH', 1500, { asOf: '2025-06-01' }), {
      duty: 0,
      tax: 105,
      dutyBy: null,
      taxBy: 'checkout',
      band: 0,
    });
    assert.equal(assess('TH', 1500.01, { asOf: '2025-06-01' }).band, 1);
    assert.equal(assess('TH', 1, { asOf: '2025-06-01' }).tax, 0.07); // VAT from 1 THB since 2024-07-05
  });
  it('MY: LVG sales tax 10% at checkout up to RM500 (value excluding shipping), import rules above', () => {
    assert.deepEqual(assess('MY', 500), { duty: 0, tax: 50, dutyBy: null, taxBy: 'checkout', band: 0 });
    assert.deepEqual(assess('MY', 520, { shipping: 20 }), {
      duty: 0,
      tax: 52,
      dutyBy: null,
      taxBy: 'checkout',
      band: 0,
    });
    assert.deepEqual(assess('MY', 500.01), { duty: 0, tax: 50, dutyBy: 'import', taxBy: 'import', band: 1 });
  });
  it('SG: GST 9% via OVR at checkout up to S$400, at import above', () => {
    assert.deepEqual(assess('SG', 400), { duty: 0, tax: 36, dutyBy: null, taxBy: 'checkout', band: 0 });
    assert.deepEqual(assess('SG', 401), { duty: 0, tax: 36.09, dutyBy: 'import', taxBy: 'import', band: 1 });
  });
  it('ES/PT: IOSS under EUR 150 (IVA at checkout), EUR 3 flat duty from 2026-07-01, import above', () => {
    assert.deepEqual(assess('ES', 100, { asOf: '2026-06-30' }), {
      duty: 0,
      tax: 21,
      dutyBy: null,
      taxBy: 'checkout',
      band: 0,
    });
    assert.deepEqual(assess('ES', 100), {
      duty: 3,
      tax: 21.63,
      dutyBy: 'checkout',
      taxBy: 'checkout',
      band: 0,
    });
    assert.deepEqual(assess('PT', 100), {
      duty: 3,
      tax: 23.69,
      dutyBy: 'checkout',
      taxBy: 'checkout',
      band: 0,
    });
    assert.deepEqual(assess('ES', 151, { cat: 'fashion' }), {
      duty: 18.12,
      tax: 35.52,
      dutyBy: 'import',
      taxBy: 'import',
      band: 1,
    });
    assert.equal(assess('ES', 150, { shipping: 20 }).band, 0); // intrinsic value excludes transport
  });
  it('ID: no duty up to FOB USD 3, 7.5% above (MFN goods more, with PPh); VAT 11% always', () => {
    const usd3 = customs('ID').bands[0]!.upToMinor / 100; // USD 3 in IDR at the snapshot
    assert.equal(Math.round(usd3), Math.round((3 * 1447.15) / 0.0862341));
    assert.deepEqual(assess('ID', 40000), { duty: 0, tax: 4400, dutyBy: null, taxBy: 'checkout', band: 0 });
    assert.deepEqual(assess('ID', 100000), {
      duty: 7500,
      tax: 11825,
      dutyBy: 'checkout',
      taxBy: 'checkout',
      band: 1,
    });
    assert.equal(assess('ID', 100000, { cat: 'beauty' }).duty, 25000); // cosmetics 15% + PPh 10%
    assert.equal(assess('ID', 100000, { cat: 'footwear' }).duty, 40000);
  });
  it('PH: nothing up to PHP 10,000 FOB; duty and 12% VAT above', () => {
    assert.deepEqual(assess('PH', 10000), { duty: 0, tax: 0, dutyBy: null, taxBy: null, band: 0 });
    assert.deepEqual(assess('PH', 10500, { shipping: 600 }), {
      duty: 0,
      tax: 0,
      dutyBy: null,
      taxBy: null,
      band: 0,
    });
    assert.deepEqual(assess('PH', 20000), {
      duty: 2000,
      tax: 2640,
      dutyBy: 'import',
      taxBy: 'import',
      band: 1,
    });
  });
  it('VN: no de minimis; VAT 8% until 2026-12-31, 10% after', () => {
    assert.deepEqual(assess('VN', 1, { digits: 0 }), {
      duty: 0,
      tax: 0,
      dutyBy: 'import',
      taxBy: 'import',
      band: 0,
    });
    assert.deepEqual(assess('VN', 100000, { digits: 0 }), {
      duty: 10000,
      tax: 8800,
      dutyBy: 'import',
      taxBy: 'import',
      band: 0,
    });
    assert.equal(assess('VN', 100000, { digits: 0, asOf: '2027-01-01' }).tax, 11000);
  });
  it('PK: exempt up to Rs 1,000 (Rs 5,000 before Finance Act 2025); duty + 18% sales tax above', () => {
    assert.deepEqual(assess('PK', 1000), { duty: 0, tax: 0, dutyBy: null, taxBy: null, band: 0 });
    assert.deepEqual(assess('PK', 1001), {
      duty: 200.2,
      tax: 216.22,
      dutyBy: 'import',
      taxBy: 'import',
      band: 1,
    });
    assert.equal(assess('PK', 4000, { asOf: '2025-06-01' }).tax, 0);
  });
  it('BD: duty-free under BDT 1,000 FOB but VAT 15% always; LK no de minimis, VAT 18%; NP VAT 13%', () => {
    assert.deepEqual(assess('BD', 999), { duty: 0, tax: 149.85, dutyBy: null, taxBy: 'import', band: 0 });
    assert.equal(assess('BD', 1000).duty, 250);
    assert.deepEqual(assess('LK', 1000), { duty: 150, tax: 207, dutyBy: 'import', taxBy: 'import', band: 0 });
    assert.deepEqual(assess('NP', 1000), {
      duty: 150,
      tax: 149.5,
      dutyBy: 'import',
      taxBy: 'import',
      band: 0,
    });
  });
  it('US: no de minimis since 2025-08-29, duty prepaid (DDP), sales tax added on top; USD 800 before', () => {
    assert.deepEqual(assess('US', 10), { duty: 1.5, tax: 0, dutyBy: 'prepaid', taxBy: 'on-top', band: 0 });
    assert.deepEqual(assess('US', 700, { asOf: '2025-06-01' }), {
      duty: 0,
      tax: 0,
      dutyBy: null,
      taxBy: 'on-top',
      band: 0,
    });
  });
  it('MM: not researched, so no duty or tax and a rule that says so', () => {
    const mm = customs('MM');
    assert.equal(mm.known, false);
    assert.match(mm.bands[0]!.rule.text, /no duty\/tax rule known/);
  });
});

describe('customs inside quotes', () => {
  const ctx = createPricingContext({ fx: defaultFxSnapshot(), asOf: '2026-11-25' });
  const item = { variantId: 'v', sellerId: 's', weightG: 300, category: 'beauty' };
  it('SG: a low-value item carries GST 9% in the price; a S$400+ item falls in the import band', () => {
    const low = quote(ctx, 'lazada-sg', { ...item, priceKrw: 25000 });
    assert.ok(low.ok);
    assert.equal(low.value.customs.band, 'customs.sg.2024-01-01.0');
    const tax = low.value.components.find((c) => c.code === 'tax')!;
    const net = low.value.price.minor - tax.local.minor;
    assert.equal(tax.local.minor, low.value.price.minor - Math.round(low.value.price.minor / 1.09));
    assert.ok(net > 0);
    const high = quote(ctx, 'lazada-sg', { ...item, priceKrw: 500000 });
    assert.ok(high.ok && high.value.customs.band === 'customs.sg.2024-01-01.1');
  });
  it('PH: just over PHP 10,000 FOB, the price stays at the top of the duty-free band when the floor allows', () => {
    const r = quote(ctx, 'lazada-ph', { ...item, weightG: 500, priceKrw: 200000 });
    assert.ok(r.ok);
    assert.equal(r.value.customs.band, 'customs.ph.2016-10-25.0');
    assert.ok(r.value.customs.customsValue.minor <= 1_000_000);
    assert.ok(r.value.margin.pct >= 3 && r.value.margin.pct < 8);
    assert.ok(r.value.rules.some((x) => x.code === 'threshold.customs.ph.2016-10-25.0'));
    const far = quote(ctx, 'lazada-ph', { ...item, weightG: 500, priceKrw: 230000 });
    assert.ok(far.ok && far.value.customs.band === 'customs.ph.2016-10-25.1' && far.value.margin.pct >= 7.5);
    const strict = quote(
      ctx,
      'lazada-ph',
      { ...item, weightG: 500, priceKrw: 200000 },
      { minMarginPct: 7.9 },
    );
    assert.ok(strict.ok && strict.value.customs.band === 'customs.ph.2016-10-25.1');
  });
  it('a site that does not price DDP leaves import duties to the buyer and says how much', () => {
    const inputs = cloneInputs(loadPricingData());
    inputs.sites.find((s) => s.code === 'lazada-vn')!.ddp = false;
    const dap = createPricingContext({
      data: parsePricingData(inputs),
      fx: defaultFxSnapshot(),
      asOf: '2026-11-25',
    });
    const q = quote(dap, 'lazada-vn', { ...item, priceKrw: 25000 });
    assert.ok(q.ok);
    assert.equal(q.value.components.find((c) => c.code === 'duty')!.local.minor, 0);
    assert.equal(q.value.components.find((c) => c.code === 'tax')!.local.minor, 0);
    assert.deepEqual(
      q.value.customs.buyerPays.map((b) => [b.code, b.collection]),
      [
        ['duty', 'import'],
        ['tax', 'import'],
      ],
    );
    const ddp = quote(ctx, 'lazada-vn', { ...item, priceKrw: 25000 });
    assert.ok(ddp.ok && ddp.value.price.minor > q.value.price.minor);
  });
  it('US: sales tax is listed as added at checkout, not in the price', () => {
    const q = quote(ctx, 'aliexpress-us', { ...item, priceKrw: 25000 });
    assert.ok(q.ok);
    assert.equal(q.value.customs.buyerPays[0]?.collection, 'on-top');
    assert.ok(q.value.components.find((c) => c.code === 'duty')!.local.minor > 0);
  });
});
