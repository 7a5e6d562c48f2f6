// The tracking refresh runs on its own: the queue schedules `orders.refresh-tracking`
// (KBRIDGE_TRACKING_REFRESH_SECONDS) in every process that runs workers, beside the order sweep.
// Its run reads the carriers over the tracking API (here the in-repo carrier simulator) by the
// numbers recorded at hand-over, records each event once, and a second run changes nothing.
// The job is sent by hand rather than waited for, so nothing here depends on timing.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { ALL_JOBS, startQueue, type Queue } from '../../src/jobs/index.ts';
import { recurrence } from '../../src/jobs/queue.ts';
import { makeS10, startCarrierSimulator, type CarrierSimulator } from '../../src/logistics/index.ts';
import type { App } from '../../src/main/app.ts';
import { newId } from '../../src/shared/index.ts';
import { testApp } from '../helpers/app.ts';
import { seedSeller } from '../helpers/seed.ts';

const H = 3_600_000;
const accepted = new Date('2026-11-20T01:00:00Z');
let now = new Date(accepted.getTime() + 30 * H);
let sim: CarrierSimulator;
let app: App;
let queue: Queue;

before(async () => {
  sim = await startCarrierSimulator({ now: () => now });
  app = await testApp({
    KBRIDGE_TRACKING_REFRESH_SECONDS: '120',
    KBRIDGE_TRACKING_API_URL: sim.url,
    KBRIDGE_TRACKING_API_KEY: sim.apiKey,
  });
  queue = await startQueue(app, ALL_JOBS);
  await queue.work();
});

after(async () => {
  await queue.stop();
  await sim.close();
  await app.close();
});

test('workers schedule the tracking refresh beside the sweep; 0 turns it off', async () => {
  const schedules = await queue.boss.getSchedules();
  assert.ok(schedules.some((s) => s.name === 'orders.refresh-tracking' && s.cron === recurrence(120)));
  assert.ok(schedules.some((s) => s.name === 'orders.sweep'));
  const job = ALL_JOBS.find((j) => j.name === 'orders.refresh-tracking')!;
  const off = await testApp({ KBRIDGE_TRACKING_REFRESH_SECONDS: '0' });
  assert.equal(job.everySeconds!(off), 0);
  await off.close();
});

test('a run reads first-mile and Korea Post by the hand-over numbers, once; delivery ends it', async () => {
  const { sellerId } = await seedSeller(app.store, { skus: ['TRS-1'] });
  const ems = makeS10('EE', 10203040);
  const pkg = newId('package');
  await app.store.query(
    `INSERT INTO packages (id, seller_id, order_id, site, external_package_id, tracking_number, status,
       first_mile_carrier, first_mile_tracking, international_carrier, international_tracking, handed_over_at)
     VALUES ($1,$2,$3,'lazada-my','FP-TRS-1','LZDMY0001','handed_over','HANJIN','123456789012','EMS',$4,$5)`,
    [pkg, sellerId, newId('order'), ems, accepted],
  );
  const hub = newId('package');
  await app.store.query(
    `INSERT INTO packages (id, seller_id, order_id, site, external_package_id, tracking_number, status,
       first_mile_carrier, first_mile_tracking, international_carrier, international_tracking, handed_over_at)
     VALUES ($1,$2,$3,'lazada-my','FP-TRS-2','LZDMY0002','handed_over','LOTTE','1234567890','HUB','LZDMY0002',$4)`,
    [hub, sellerId, newId('order'), accepted],
  );
  sim.accept('HANJIN', '123456789012', accepted);
  sim.accept('KPOST-INTL', ems, new Date(accepted.getTime() + 26 * H), 'Kuala Lumpur, MY');
  // Lotte has not scanned the hub parcel yet: no events for it, and no error.

  const run = async () => {
    const id = await queue.send('orders.refresh-tracking', {});
    return (await queue.waitFor(id!, 60_000)) as {
      state: string;
      output: { packages: number; newEvents: number; delivered: number; noCarrier: string[] };
    };
  };
  const first = await run();
  assert.equal(first.state, 'completed');
  // Hanjin: picked up, in transit, at the hub (26 h); EMS: posted 26 h in (EMA, 4 h ago).
  assert.deepEqual(first.output, { packages: 2, newEvents: 4, delivered: 0, noCarrier: [] });
  assert.equal((await run()).output.newEvents, 0, 'a second run changes nothing');

  now = new Date(accepted.getTime() + 200 * H);
  const last = await run();
  assert.deepEqual([last.output.newEvents, last.output.delivered], [7, 1]);
  const [row] = await app.store.query<{ status: string }>(`SELECT status FROM packages WHERE id = $1`, [pkg]);
  assert.equal(row?.status, 'delivered');
  const events = await app.store.query<{ leg: string; carrier: string; code: string }>(
    `SELECT leg, carrier, code FROM tracking_events WHERE package_id = $1 ORDER BY at, id`,
    [pkg],
  );
  assert.equal(events.filter((e) => e.carrier === 'KPOST-INTL').length, 8);
  assert.equal(events.filter((e) => e.carrier === 'HANJIN').length, 3);
  assert.equal(sim.calls.get('LOTTE'), 3, 'the hub parcel was asked about on every run');
});
