import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createPricingContext } from './context.ts';
import { defaultFxSnapshot } from './fx/fx-snapshot.ts';
import { loadPricingData } from './pricing-data.ts';
import { quote } from './quote.ts';
import { chargeableWeight, destinationRates, parseDimsCm, serviceRestriction, stepUp } from './shipping.ts';

const data = loadPricingData();
const svc = (code: string) => data.shipping.services.find((s) => s.code === code)!;
const restricted = data.shipping.restrictedCategories;
const ctx = createPricingContext({ fx: defaultFxSnapshot(), asOf: '2026-11-25' });
const item = { variantId: 'v', sellerId: 's', priceKrw: 25000 };

describe('chargeable weight = max(actual, L×W×H/6000), stepped', () => {
  it('Korea Post box no.3 (34×25×21 cm) weighs 2.975 kg volumetric', () => {
    const w = chargeableWeight(1000, parseDimsCm('34x25x21'), svc('kpost-ems'));
    assert.equal(w.volumetricG, 2975);
    assert.equal(w.chargeableG, 3000); // 500 g steps above 2 kg
  });
  it('actual weight wins when heavier; no dims means actual only', () => {
    assert.equal(chargeableWeight(1800, parseDimsCm('10x10x10'), svc('kpost-ems')).chargeableG, 2000);
    assert.equal(chargeableWeight(1801, undefined, svc('kpost-ems')).chargeableG, 2000);
    assert.equal(chargeableWeight(1801, undefined, svc('kpost-ems')).volumetricG, 0);
  });
  it('EMS steps: 0.5 kg first, 250 g to 2 kg, then 500 g; K-Packet 100 g', () => {
    const ems = svc('kpost-ems').weightStepsG;
    assert.deepEqual(
      [1, 500, 501, 751, 1999, 2001, 2501].map((g) => stepUp(g, ems)),
      [500, 500, 750, 1000, 2000, 2500, 3000],
    );
    const kp = svc('kpost-kpacket').weightStepsG;
    assert.deepEqual(
      [1, 100, 101, 350, 2000].map((g) => stepUp(g, kp)),
      [100, 100, 200, 400, 2000],
    );
  });
  it('parses dims in cm, with decimals, into mm', () => {
    assert.deepEqual(parseDimsCm('12x8x8'), { lengthMm: 120, widthMm: 80, heightMm: 80 });
    assert.deepEqual(parseDimsCm('12.5 × 8 × 0.5'), { lengthMm: 125, widthMm: 80, heightMm: 5 });
    assert.throws(() => parseDimsCm('12x8'), /L x W x H/);
  });
});

describe('service limits', () => {
  const kp = svc('kpost-kpacket');
  const ems = svc('kpost-ems');
  const check = (s: typeof kp, country: string, g: number, dims?: string, cat = 'beauty') => {
    const d = dims ? parseDimsCm(dims) : undefined;
    return serviceRestriction(s, country, chargeableWeight(g, d, s), d, cat, restricted);
  };
  it('K-Packet: 2 kg, longest 60 cm, L+W+H 90 cm, listed countries only', () => {
    assert.equal(check(kp, 'TH', 2000), undefined);
    assert.match(check(kp, 'TH', 2001)!, /2000 g limit/);
    assert.match(check(kp, 'TH', 500, '61x10x10')!, /longest side 610 mm/);
    assert.match(check(kp, 'TH', 500, '40x30x25')!, /(L\+W\+H|volumetric)/);
    assert.match(check(kp, 'TH', 1000, '34x25x21')!, /volumetric weight 2975 g/); // box no.3 never goes K-Packet
    assert.match(check(kp, 'PK', 300)!, /does not serve PK/);
  });
  it('EMS: 30 kg (20 kg to Bangladesh), volumetric 30 kg, 1.05 m / 2 m size class', () => {
    assert.equal(check(ems, 'PK', 30000), undefined);
    assert.match(check(ems, 'PK', 30001)!, /30000 g limit/);
    assert.match(check(ems, 'BD', 20001)!, /20000 g limit/);
    assert.match(check(ems, 'PK', 5000, '100x60x40')!, /volumetric weight 40000 g/);
    assert.match(check(ems, 'PK', 5000, '106x20x20')!, /longest side 1060 mm/);
    assert.match(check(ems, 'PK', 5000, '100x30x25')!, /length \+ girth 2100 mm/);
  });
  it('perfume cannot fly; battery devices only by EMS Premium', () => {
    assert.match(check(ems, 'TH', 300, undefined, 'fragrance')!, /flammable liquid/);
    assert.match(check(ems, 'US', 300, undefined, 'electronics-battery')!, /EMS Premium/);
    assert.equal(check(svc('kpost-ems-premium'), 'US', 300, undefined, 'electronics-battery'), undefined);
  });
});

describe('rate cards', () => {
  it('EMS sample table scaled by zone and rounded up to 100 KRW', () => {
    const card = data.shipping.rateCards['ems-sample-2020']!;
    assert.equal(destinationRates(card, 'JP', data.shipping.zones)!.price(500), 23500);
    assert.equal(destinationRates(card, 'TH', data.shipping.zones)!.price(500), 26500); // 23,500 × 1.126 = 26,461
    assert.equal(destinationRates(card, 'TH', data.shipping.zones)!.price(30001), undefined);
  });
  it('K-Packet: first 100 g + per 100 g; US from its own first step', () => {
    const card = data.shipping.rateCards['kpacket-derived']!;
    assert.equal(destinationRates(card, 'TH', data.shipping.zones)!.price(100), 5020);
    assert.equal(destinationRates(card, 'TH', data.shipping.zones)!.price(400), 5020 + 3 * 900);
    assert.equal(destinationRates(card, 'US', data.shipping.zones)!.price(100), 8090);
  });
  it('placeholder cards have no price, so the service is never chosen', () => {
    assert.equal(
      destinationRates(data.shipping.rateCards['lazada-lgs-placeholder']!, 'TH', data.shipping.zones),
      undefined,
    );
  });
});

describe('shipping inside quotes', () => {
  it('picks the cheapest eligible service and reports the weights', () => {
    const q = quote(ctx, 'lazada-th', { ...item, weightG: 350, dims: parseDimsCm('12x8x8') });
    assert.ok(q.ok);
    assert.deepEqual(q.value.shipping, {
      service: 'kpost-kpacket',
      name: 'shipping (Korea Post K-Packet (Lite))',
      actualWeightG: 350,
      volumetricWeightG: 128,
      chargeableWeightG: 400,
    });
  });
  it('falls back to EMS when the parcel is too big for K-Packet', () => {
    const q = quote(ctx, 'lazada-th', { ...item, weightG: 2500 });
    assert.ok(q.ok && q.value.shipping.service === 'kpost-ems');
  });
  it('no service: a tagged result with every reason, not a number', () => {
    const q = quote(ctx, 'lazada-th', { ...item, weightG: 300, category: 'fragrance' });
    assert.ok(!q.ok && q.error.kind === 'no-shipping-service');
    assert.deepEqual(
      q.error.reasons.map((r) => r.service),
      ['kpost-kpacket', 'kpost-ems', 'lazada-lgs'],
    );
    assert.ok(q.error.reasons.every((r) => /flammable liquid/.test(r.reason)));
    const lgsOnly = quote(ctx, 'lazada-th', { ...item, weightG: 300 }, { service: 'lazada-lgs' });
    assert.ok(
      !lgsOnly.ok &&
        lgsOnly.error.kind === 'no-shipping-service' &&
        /no rate card/.test(lgsOnly.error.message),
    );
    const big = quote(ctx, 'daraz-pk', { ...item, weightG: 31000 });
    assert.ok(!big.ok && big.error.kind === 'no-shipping-service');
  });
  it('battery devices to the US go by EMS Premium', () => {
    const q = quote(ctx, 'aliexpress-us', { ...item, weightG: 700, category: 'electronics-battery' });
    assert.ok(q.ok && q.value.shipping.service === 'kpost-ems-premium');
  });
});
