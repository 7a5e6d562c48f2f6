/**
 * Virtual time for tests and simulations: `sleep(ms)` parks the caller on a timer list and
 * `now()` only moves when `runUntilIdle()` (or `advance`) fires timers in time order, so retry
 * backoffs and rate-limit waits of seconds run instantly and deterministically.
 */
export interface VirtualTime {
  now(): number;
  sleep(ms: number): Promise<void>;
  /** Every sleep requested so far, in order (ms). */
  readonly sleeps: number[];
  /** Fires due timers in order until none is left and the given promise (if any) settles. */
  runUntilIdle<T>(work?: Promise<T>): Promise<T | undefined>;
}

interface Timer {
  at: number;
  seq: number;
  resolve: () => void;
}

const flushMicrotasks = (): Promise<void> => new Promise((r) => setImmediate(r));

export function createVirtualTime(start = 0): VirtualTime {
  let current = start;
  let seq = 0;
  const timers: Timer[] = [];
  const sleeps: number[] = [];
  return {
    now: () => current,
    sleeps,
    sleep(ms: number) {
      sleeps.push(ms);
      return new Promise<void>((resolve) => {
        timers.push({ at: current + Math.max(0, ms), seq: seq++, resolve });
      });
    },
    async runUntilIdle<T>(work?: Promise<T>) {
      let settled = false;
      let result: T | undefined;
      let failure: unknown;
      let failed = false;
      work?.then(
        (v) => {
          settled = true;
          result = v;
        },
        (e: unknown) => {
          settled = true;
          failed = true;
          failure = e;
        },
      );
      // Real I/O (loopback HTTP) may be in flight: keep yielding to the event loop until the work
      // settles, firing virtual timers whenever nothing else is runnable.
      for (let spins = 0; spins < 1_000_000; spins++) {
        await flushMicrotasks();
        if (work ? settled : timers.length === 0) break;
        if (timers.length === 0) {
          await new Promise((r) => setTimeout(r, 1));
          continue;
        }
        timers.sort((a, b) => a.at - b.at || a.seq - b.seq);
        const t = timers.shift() as Timer;
        current = Math.max(current, t.at);
        t.resolve();
      }
      if (failed) throw failure;
      return result;
    },
  };
}
