import { test } from 'node:test';
import assert from 'node:assert/strict';
import { backoffDelay, DEFAULT_RETRY_POLICY, isRetryable } from './retry-policy.ts';
import { RateLimiter, type LimitScope, type RateLimitConfig } from './rate-limiter.ts';
import { createVirtualTime } from './virtual-time.ts';

/** Runs the calls concurrently in virtual time and returns when each one was let through. */
async function admitted(config: RateLimitConfig, scopes: LimitScope[]): Promise<number[]> {
  const vt = createVirtualTime(0);
  const limiter = new RateLimiter(config, { now: vt.now, sleep: vt.sleep });
  const times: number[] = [];
  const all = Promise.all(
    scopes.map(async (s, i) => {
      await limiter.acquire(s);
      times[i] = vt.now();
    }),
  );
  await vt.runUntilIdle(all);
  return times;
}

test('evenly spaced at the configured rate; other sellers have their own bucket', async () => {
  const s = { appKey: 'a', seller: 's1', api: '/x' };
  const times = await admitted({ seller: { perSecond: 10 } }, [s, s, s, s, s, { ...s, seller: 's2' }]);
  assert.deepEqual(times, [0, 100, 200, 300, 400, 0]);
});

test('every applicable bucket counts, and a queued slow API does not hold the app bucket', async () => {
  const times = await admitted(
    { app: { perSecond: 100 }, api: { '/slow': { perSecond: 2 } }, sellerApi: { '/inv': { perSecond: 5 } } },
    [
      { appKey: 'a', api: '/slow' },
      { appKey: 'a', seller: 'x', api: '/slow' },
      { appKey: 'a', seller: 'x', api: '/inv' },
      { appKey: 'a', seller: 'x', api: '/inv' },
      { appKey: 'a', seller: 'y', api: '/other' },
    ],
  );
  assert.equal(times[0], 0);
  assert.equal(times[1], 500); // /slow at 2/s
  assert.ok((times[2] ?? 0) < 100, `inv went at ${times[2]}`); // not held behind /slow
  assert.ok((times[3] ?? 0) - (times[2] ?? 0) >= 200); // /inv at 5/s per seller
  assert.ok((times[4] ?? 0) < 100);
  // The app bucket (10 ms spacing) is never exceeded: no two calls closer than 10 ms.
  const sorted = [...times].sort((a, b) => a - b);
  for (let i = 1; i < sorted.length; i++)
    assert.ok((sorted[i] ?? 0) - (sorted[i - 1] ?? 0) >= 10, String(sorted));
});

test('burst allows back-to-back calls after idle time, then spaces them', async () => {
  const s = { appKey: 'a', seller: 's', api: '/x' };
  assert.deepEqual(
    await admitted({ seller: { perSecond: 10, burst: 3 } }, [s, s, s, s, s]),
    [0, 0, 0, 100, 200],
  );
  assert.throws(() => new RateLimiter({ app: { perSecond: 0 } }), /perSecond > 0/);
});

test('over a long run the admitted rate equals the configured rate', async () => {
  const s = { appKey: 'a', seller: 's', api: '/x' };
  const times = await admitted(
    { sellerApi: { '/x': { perSecond: 50 } } },
    Array.from({ length: 501 }, () => s),
  );
  assert.equal(Math.max(...times), 10_000); // 500 intervals of 20 ms
});

test('backoff: throttle waits at least 1 s, grows exponentially with jitter, capped', () => {
  const t = DEFAULT_RETRY_POLICY.throttle;
  assert.equal(
    backoffDelay(t, 1, () => 0),
    1000,
  );
  assert.equal(
    backoffDelay(t, 1, () => 1),
    2000,
  );
  assert.equal(
    backoffDelay(t, 3, () => 1),
    5000,
  );
  assert.equal(
    backoffDelay(t, 20, () => 1),
    17000,
  );
  assert.equal(isRetryable('throttle', false, true), true);
  assert.equal(isRetryable('transient', false, true), false);
  assert.equal(isRetryable('transient', false, false), true);
  assert.equal(isRetryable('transient', true, true), true);
  assert.equal(isRetryable('business', true, true), false);
  assert.equal(isRetryable('signature', true, true), false);
});

test('pause holds every call of the app+API until the ban ends, other APIs go on', async () => {
  const vt = createVirtualTime(0);
  const limiter = new RateLimiter({}, { now: vt.now, sleep: vt.sleep });
  limiter.pause({ appKey: 'a', api: '/x' }, 1000);
  const times: Record<string, number> = {};
  const all = Promise.all([
    limiter.acquire({ appKey: 'a', api: '/x' }).then(() => (times.x = vt.now())),
    limiter.acquire({ appKey: 'a', api: '/y' }).then(() => (times.y = vt.now())),
    limiter.acquire({ appKey: 'b', api: '/x' }).then(() => (times.bx = vt.now())),
  ]);
  await vt.runUntilIdle(all);
  assert.deepEqual(times, { x: 1000, y: 0, bx: 0 });
});
