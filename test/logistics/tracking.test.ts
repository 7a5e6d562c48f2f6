// Tracking after the hand-over: the carrier interface's contract (run against the in-repo
// simulator; a real adapter joins the same suite), and the refresh that records each event once
// and marks a package delivered on the postal final delivery.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Store } from '../../src/db/index.ts';
import {
  EMS_EVENTS,
  FIRST_MILE_EVENTS,
  HttpTrackingCarrier,
  SimulatedCarrier,
  TRACKING_API_CODES,
  makeS10,
  startCarrierSimulator,
  trackingCarriers,
  type CarrierSimulator,
  trackingTimeline,
  type TrackingCarrier,
} from '../../src/logistics/index.ts';
import { refreshTracking } from '../../src/orders/index.ts';
import { OPERATOR_SCOPE, newId, sellerScope } from '../../src/shared/index.ts';
import { seedSeller } from '../helpers/seed.ts';
import { testStore } from '../helpers/store.ts';

const H = 3_600_000;
const accepted = new Date('2026-11-20T01:00:00Z');
let now = new Date(accepted.getTime() + 12 * H);
const clock = () => now;
let store: Store;
let sim: CarrierSimulator;

before(async () => {
  store = await testStore();
  sim = await startCarrierSimulator({ now: clock });
});
after(async () => {
  await sim.close();
  await store.close();
});

/** What every TrackingCarrier must do, whatever is behind it. */
async function carrierContract(
  carrier: TrackingCarrier,
  known: string,
  names: Readonly<Record<string, string>>,
) {
  const [unknown, traced] = await carrier.track(['NO-SUCH-NUMBER', known]);
  assert.deepEqual(
    unknown,
    { trackingNumber: 'NO-SUCH-NUMBER', events: [] },
    'an unknown number has no events',
  );
  assert.equal(traced?.trackingNumber, known);
  const events = traced!.events;
  assert.ok(events.length > 0, `${carrier.code}: the accepted parcel has events`);
  for (let i = 0; i < events.length; i++) {
    assert.ok(events[i]!.at.getTime() <= clock().getTime(), 'no event from the future');
    if (i > 0) assert.ok(events[i - 1]!.at.getTime() <= events[i]!.at.getTime(), 'oldest first');
    assert.ok(names[events[i]!.code], `known code ${events[i]!.code}`);
  }
  assert.deepEqual(await carrier.track([known]), [traced], 'reading again gives the same');
}

test('the simulated first-mile and Korea Post carriers pass the carrier contract', async () => {
  const cj = new SimulatedCarrier('CJ', 'first-mile', clock);
  cj.accept('601234567890', accepted);
  await carrierContract(cj, '601234567890', FIRST_MILE_EVENTS);
  const ems = new SimulatedCarrier('KPOST-INTL', 'international', clock);
  const s10 = makeS10('EE', 12345678);
  ems.accept(s10, accepted, 'Kuala Lumpur, MY');
  await carrierContract(ems, s10, EMS_EVENTS);
});

test('every carrier over the tracking API, against the carrier simulator, passes the same contract', async () => {
  const carriers = trackingCarriers({ url: sim.url, key: { reveal: () => sim.apiKey } });
  assert.deepEqual(carriers.map((c) => c.code).sort(), Object.keys(TRACKING_API_CODES).sort());
  const numbers: Record<string, string> = {
    CJ: '601234567892',
    HANJIN: '1234567890',
    LOTTE: '123456789012',
    KPOST: '1234567890123',
    'KPOST-INTL': makeS10('EE', 87654321),
  };
  for (const carrier of carriers) {
    const number = numbers[carrier.code]!;
    sim.accept(carrier.code, number, accepted, 'Kuala Lumpur, MY');
    await carrierContract(carrier, number, carrier.leg === 'international' ? EMS_EVENTS : FIRST_MILE_EVENTS);
  }
  // The simulator's clock decides what the carrier has scanned: later, the journey is complete.
  const intl = carriers.find((c) => c.code === 'KPOST-INTL')!;
  const at12h = (await intl.track([numbers['KPOST-INTL']!]))[0]!.events.map((e) => e.code);
  assert.deepEqual(at12h, ['EMA', 'EMB']);
  const saved = now;
  now = new Date(accepted.getTime() + 100 * H);
  const cj = (await carriers.find((c) => c.code === 'CJ')!.track([numbers.CJ!]))[0]!.events;
  assert.deepEqual(
    cj.map((e) => e.code),
    ['picked-up', 'in-transit', 'delivered-to-hub'],
  );
  assert.match(cj[0]!.description, /Picked up.*집화처리/);
  now = saved;
  // A bad key is a configuration error naming the carrier, not an empty feed.
  const badKey = new HttpTrackingCarrier('CJ', { url: sim.url, key: 'wrong' });
  await assert.rejects(badKey.track([numbers.CJ!]), (e: Error & { code?: string }) => {
    assert.equal(e.code, 'config');
    assert.match(e.message, /tracking API \(CJ 601234567892\)/);
    return true;
  });
  // An unreachable API is an upstream error (the job fails and is retried).
  const down = new HttpTrackingCarrier('CJ', { url: 'http://127.0.0.1:9', key: 'k' });
  await assert.rejects(down.track(['601234567892']), (e: Error & { code?: string }) => e.code === 'upstream');
  assert.throws(() => new HttpTrackingCarrier('DHL', { url: sim.url, key: 'k' }), /DHL/);
});

test('refresh records each carrier event once, per leg, and a final delivery marks the package', async () => {
  const { sellerId } = await seedSeller(store, { skus: ['TRK-1'] });
  const s10 = makeS10('EE', 22334455);
  const pkg = newId('package');
  const other = newId('package');
  for (const [id, carrier, number, intl] of [
    [pkg, 'CJ', '601234567891', s10],
    [other, 'LOTTE', '1234567890', null],
  ] as const) {
    await store.query(
      `INSERT INTO packages (id, seller_id, order_id, site, external_package_id, tracking_number, status,
         first_mile_carrier, first_mile_tracking, handed_over_at) VALUES ($1,$2,$3,'lazada-my',$4,$5,'handed_over',$6,$7,$8)`,
      [id, sellerId, newId('order'), `FP-${id}`, intl, carrier, number, accepted],
    );
  }
  const cj = new SimulatedCarrier('CJ', 'first-mile', clock);
  cj.accept('601234567891', accepted);
  const ems = new SimulatedCarrier('KPOST-INTL', 'international', clock);
  ems.accept(s10, accepted, 'Kuala Lumpur, MY');
  const deps = { store, carriers: [cj, ems] };

  now = new Date(accepted.getTime() + 12 * H);
  const first = await refreshTracking(deps, sellerScope(sellerId));
  // CJ: picked up, in transit; EMS: posted, at the outward office of exchange.
  assert.deepEqual(first, { packages: 2, newEvents: 4, delivered: 0, noCarrier: ['LOTTE'] });
  assert.equal((await refreshTracking(deps, OPERATOR_SCOPE, { packageIds: [pkg] })).newEvents, 0);

  now = new Date(accepted.getTime() + 100 * H);
  const second = await refreshTracking(deps, OPERATOR_SCOPE, { packageIds: [pkg] });
  assert.deepEqual([second.newEvents, second.delivered], [1 + 6, 1]);
  const timeline = await trackingTimeline(store, sellerScope(sellerId), [pkg]);
  assert.deepEqual(
    timeline.map((e) => `${e.leg}:${e.code}`),
    [
      'international:EMA',
      'first-mile:picked-up',
      'international:EMB',
      'first-mile:in-transit',
      'international:EMC',
      'first-mile:delivered-to-hub',
      'international:EMD',
      'international:EME',
      'international:EMF',
      'international:EMG',
      'international:EMI',
    ],
  );
  const [row] = await store.query<{ status: string }>(`SELECT status FROM packages WHERE id = $1`, [pkg]);
  assert.equal(row?.status, 'delivered');
  // Delivered packages are no longer read; another seller sees none of it.
  assert.equal((await refreshTracking(deps, OPERATOR_SCOPE, { packageIds: [pkg] })).packages, 0);
  assert.deepEqual(await trackingTimeline(store, sellerScope('sel_someone_else'), [pkg]), []);
});

test('npm start: the simulator may take a waybill when first asked about it', async () => {
  const open = await startCarrierSimulator({ now: clock, acceptOnLookup: true });
  try {
    const [cj] = trackingCarriers({ url: open.url, key: { reveal: () => open.apiKey } }).filter(
      (c) => c.code === 'CJ',
    );
    assert.deepEqual((await cj!.track(['601234567899']))[0]!.events, [], 'taken now: nothing scanned yet');
    const saved = now;
    now = new Date(now.getTime() + 3 * H);
    assert.deepEqual(
      (await cj!.track(['601234567899']))[0]!.events.map((e) => e.code),
      ['picked-up'],
    );
    now = saved;
  } finally {
    await open.close();
  }
});
