import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  checkFirstMileTracking,
  checkInternationalTracking,
  customsFormFor,
  formatHs,
  hsDescription,
  isS10,
  makeS10,
  restrictionsFor,
  shippingOptions,
} from './index.ts';

const serum = { description: 'Facial serum 50 ml', descriptionKo: '세럼', hsCode: '330499', quantity: 1 };

test('S10 item numbers: check digit and format', () => {
  assert.equal(makeS10('EE', 12345678), 'EE123456785KR');
  assert.equal(isS10('EE123456785KR'), true);
  assert.equal(isS10('EE123456784KR'), false);
  assert.equal(isS10('EE12345678KR'), false);
});

test('first-mile tracking numbers: known carrier, digits and length', () => {
  assert.deepEqual(checkFirstMileTracking('hanjin', '1234 5678 9012'), {
    ok: true,
    value: {
      carrier: { code: 'HANJIN', name: 'Hanjin Express (한진택배)', digits: [10, 12] },
      tracking: '123456789012',
    },
  });
  assert.equal(checkFirstMileTracking('KPOST', '123456789012').ok, false);
  const unknown = checkFirstMileTracking('DHL', '123');
  assert.equal(!unknown.ok && unknown.error.kind, 'unknown-carrier');
});

test('international tracking at hand-over: Korea Post S10 numbers from Korea, the hub its own', () => {
  assert.deepEqual(checkInternationalTracking('ems', 'ee 123456785 kr', null), {
    ok: true,
    value: { carrier: { code: 'EMS', name: 'Korea Post EMS' }, tracking: 'EE123456785KR' },
  });
  const kpacket = makeS10('LK', 87654321);
  assert.equal(checkInternationalTracking('K-PACKET', kpacket, null).ok, true);
  const wrong = checkInternationalTracking('EMS', 'EE123456784KR', null);
  assert.equal(!wrong.ok && wrong.error.kind, 'bad-format');
  assert.equal(!wrong.ok && wrong.error.field, 'internationalTracking');
  assert.equal(checkInternationalTracking('EMS', kpacket, null).ok, false, 'EMS numbers start with E');
  assert.equal(checkInternationalTracking('EMS', makeS10('EE', 1, 'US'), null).ok, false, 'not Korean');
  const unknown = checkInternationalTracking('DHL', 'x', null);
  assert.equal(!unknown.ok && unknown.error.field, 'internationalCarrier');
  assert.deepEqual(checkInternationalTracking('HUB', undefined, 'LZDCB0123'), {
    ok: true,
    value: {
      carrier: { code: 'HUB', name: "the marketplace's cross-border logistics" },
      tracking: 'LZDCB0123',
    },
  });
  assert.equal(checkInternationalTracking('HUB', 'OTHER', 'LZDCB0123').ok, false);
  assert.equal(checkInternationalTracking('HUB', undefined, null).ok, false, 'not packed yet');
});

test('shipping options for a light serum to Singapore on Lazada: K-Packet, EMS and the hub', () => {
  const options = shippingOptions({
    country: 'SG',
    site: 'lazada-sg',
    weightG: 350,
    dims: { lengthMm: 150, widthMm: 100, heightMm: 80 },
    items: [serum],
  });
  assert.deepEqual(
    options.map((o) => [o.code, o.eligible]),
    [
      ['kpost-kpacket', true],
      ['kpost-ems', true],
      ['lazada-lgs', true],
    ],
  );
  const kp = options[0]!;
  assert.equal(kp.kind, 'post');
  assert.equal(kp.customsForm, 'CN22');
  assert.equal(kp.chargeableG, 400, '350 g rounded up to a 100 g step');
  assert.ok(kp.price && kp.price.currency === 'KRW' && kp.price.minor > 0);
  assert.equal(options[2]!.kind, 'marketplace-hub');
  assert.equal(options[2]!.price, null, 'the hub card is a placeholder');
});

test('chargeable weight uses the volumetric weight; K-Packet stops at 2 kg', () => {
  // 34 x 25 x 21 cm box: 2.975 kg volumetric (research/domain.md 1.2), so no K-Packet even at 1 kg.
  const options = shippingOptions({
    country: 'MY',
    site: 'lazada-my',
    weightG: 1000,
    dims: { lengthMm: 340, widthMm: 250, heightMm: 210 },
    items: [serum],
  });
  const kp = options.find((o) => o.code === 'kpost-kpacket')!;
  assert.equal(kp.eligible, false);
  assert.equal(kp.volumetricG, 2975);
  const ems = options.find((o) => o.code === 'kpost-ems')!;
  assert.equal(ems.eligible, true);
  assert.equal(ems.chargeableG, 3000);
});

test('restricted items: perfume refused by air, batteries only by EMS Premium, destination rules', () => {
  const perfume = shippingOptions({
    country: 'ES',
    site: 'miravia-es',
    weightG: 300,
    items: [{ description: 'Eau de parfum 50 ml', hsCode: '330300', quantity: 1 }],
  });
  assert.deepEqual(
    perfume.filter((o) => o.eligible).map((o) => o.code),
    ['miravia-dbm'],
    'only the surface service of the marketplace',
  );
  assert.match(perfume.find((o) => o.code === 'kpost-ems')!.reasons.join(), /perfume/);
  const fan = shippingOptions({
    country: 'US',
    site: 'aliexpress-global',
    weightG: 400,
    items: [
      {
        description: 'Handy fan with built-in battery',
        descriptionKo: '배터리 내장 선풍기',
        hsCode: '841451',
        quantity: 1,
      },
    ],
  });
  assert.deepEqual(
    fan.filter((o) => o.eligible).map((o) => o.code),
    ['kpost-ems-premium'],
  );
  assert.equal(
    restrictionsFor([{ description: 'Cabbage kimchi 1 kg', hsCode: '200599', quantity: 1 }], 'VN')[0]?.rule
      .id,
    'vn-kimchi',
  );
  assert.equal(
    restrictionsFor([{ description: 'Cabbage kimchi 1 kg', hsCode: '200599', quantity: 1 }], 'SG').length,
    0,
  );
  assert.equal(restrictionsFor([{ ...serum, quantity: 20 }], 'ID').length, 0);
  assert.equal(restrictionsFor([{ ...serum, quantity: 21 }], 'ID')[0]?.rule.id, 'id-cosmetics-cap');
  assert.equal(
    restrictionsFor([{ description: 'Cream with a lighter texture', quantity: 1 }], 'SG').length,
    0,
  );
  // Nail remover is acetone; a makeup remover is not.
  const remover = (descriptionKo: string) =>
    restrictionsFor([{ description: 'remover', descriptionKo, quantity: 1 }], 'SG').map((h) => h.rule.id);
  assert.deepEqual(remover('젤 네일 리무버 100ml'), ['nail-polish']);
  assert.deepEqual(remover('립앤아이 리무버 150ml'), []);
});

test('customs helpers: form choice, HS text and format', () => {
  assert.equal(customsFormFor('CN22', { currency: 'USD', minor: 40_000 }), 'CN22');
  assert.equal(customsFormFor('CN22', { currency: 'USD', minor: 41_000 }), 'CN23', 'over 300 SDR');
  assert.equal(customsFormFor('CN23', { currency: 'USD', minor: 100 }), 'CN23');
  assert.equal(formatHs('330499'), '3304.99');
  assert.match(hsDescription('33049910') ?? '', /^Cosmetic and toilet preparations/);
});
