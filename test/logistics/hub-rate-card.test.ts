// The Daraz hub has no published rate card: its option says so instead of inventing a price, and
// an operator's card (KBRIDGE_DARAZ_HUB_RATE_CARD) prices it. A bad card is refused at start,
// naming the file and the field. Runs on a store (PGlite, or PostgreSQL with DATABASE_URL) for
// the runtime path; the pricing itself is pure.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  NO_HUB_RATE_CARD,
  loadHubRateCard,
  parseHubRateCard,
  shippingOptions,
  type ParcelSpec,
} from '../../src/logistics/index.ts';
import type { App } from '../../src/main/app.ts';
import { ordersRuntime } from '../../src/orders/index.ts';
import { testApp } from '../helpers/app.ts';

const dir = mkdtempSync(join(tmpdir(), 'kbridge-hub-card-'));
const card = {
  service: 'daraz-hub',
  source: 'operator test card (not real prices)',
  as_of: '2026-11-01',
  currency: 'KRW',
  countries: {
    PK: [
      [500, 9000],
      [1000, 12500],
    ],
  },
};
const cardFile = join(dir, 'daraz-hub.json');
writeFileSync(cardFile, JSON.stringify(card));

const parcel = (country: string, weightG: number): ParcelSpec => ({
  country,
  site: `daraz-${country.toLowerCase()}`,
  weightG,
  items: [{ description: 'Facial serum 50 ml', descriptionKo: '세럼', hsCode: '330499', quantity: 1 }],
});
const hubOf = (options: ReturnType<typeof shippingOptions>) => options.find((o) => o.code === 'daraz-hub')!;

let app: App | undefined;
before(async () => {
  app = await testApp({ KBRIDGE_DARAZ_HUB_RATE_CARD: cardFile });
});
after(async () => {
  await app?.close();
});

test('without a card the Daraz hub option has no price, and says why', () => {
  const hub = hubOf(shippingOptions(parcel('PK', 400)));
  assert.equal(hub.kind, 'marketplace-hub');
  assert.equal(hub.price, null);
  assert.equal(hub.priceStatus, NO_HUB_RATE_CARD);
  assert.match(hub.priceStatus!, /KBRIDGE_DARAZ_HUB_RATE_CARD/);
});

test("the operator's card prices it by destination and weight; beyond the card, no price", () => {
  const loaded = loadHubRateCard(cardFile);
  const light = hubOf(shippingOptions(parcel('PK', 400), undefined, { darazHubRateCard: loaded }));
  assert.deepEqual(light.price, { currency: 'KRW', minor: 9000 });
  assert.match(light.priceStatus!, /^operator \(2026-11-01/);
  const heavier = hubOf(shippingOptions(parcel('PK', 700), undefined, { darazHubRateCard: loaded }));
  assert.deepEqual(heavier.price, { currency: 'KRW', minor: 12500 });
  const tooHeavy = hubOf(shippingOptions(parcel('PK', 1500), undefined, { darazHubRateCard: loaded }));
  assert.equal(tooHeavy.price, null);
  assert.match(tooHeavy.priceStatus!, /no price for PK at 1500 g/);
  const elsewhere = hubOf(shippingOptions(parcel('BD', 400), undefined, { darazHubRateCard: loaded }));
  assert.equal(elsewhere.price, null, 'a country the card does not list');
});

test('a bad card is refused naming the file and every bad field', () => {
  assert.throws(
    () =>
      parseHubRateCard(
        {
          ...card,
          currency: 'PKR',
          countries: {
            pk: [[500, 1]],
            BD: [
              [1000, 2],
              [500, 3],
            ],
          },
        },
        'cards/daraz.json',
      ),
    (e: Error & { code?: string }) => {
      assert.equal(e.code, 'config');
      assert.match(e.message, /^cards\/daraz\.json: /);
      assert.match(e.message, /currency/);
      assert.match(e.message, /countries\.pk/);
      assert.match(e.message, /countries\.BD: rows ascending by grams/);
      return true;
    },
  );
  assert.throws(() => loadHubRateCard(join(dir, 'missing.json')), /KBRIDGE_DARAZ_HUB_RATE_CARD: cannot read/);
});

test('the configured card reaches the orders runtime; a bad one stops it, named', async () => {
  assert.deepEqual(ordersRuntime(app!).deps.darazHubRateCard, card);
  await ordersRuntime(app!).stop();
  const badFile = join(dir, 'bad.json');
  writeFileSync(badFile, '{"service":"daraz-hub"');
  const bad = await testApp({ KBRIDGE_DARAZ_HUB_RATE_CARD: badFile });
  try {
    assert.throws(
      () => ordersRuntime(bad),
      (e: Error) => e.message.startsWith(`${badFile}: not JSON`),
    );
  } finally {
    await bad.close();
  }
});
