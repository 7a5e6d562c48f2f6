import type { Clock } from '../../shared/index.ts';

/**
 * The sandbox's notion of now: a base clock (the system clock, or a test's fixed clock) plus an
 * offset moved by admin time travel. Every time-based behaviour (QC, orders, token expiry, push
 * retries, QPS windows) reads this clock, so tests control all of them at once.
 */
export class SandboxClock {
  #offsetMs = 0;
  constructor(private readonly base: Clock) {}

  nowMs(): number {
    return this.base.now().getTime() + this.#offsetMs;
  }

  get offsetMs(): number {
    return this.#offsetMs;
  }

  set offsetMs(value: number) {
    this.#offsetMs = value;
  }

  advance(ms: number): void {
    this.#offsetMs += ms;
  }

  /** Jumps to an absolute time (never used to go backwards by the engine itself). */
  setNow(ms: number): void {
    this.#offsetMs = ms - this.base.now().getTime();
  }
}
