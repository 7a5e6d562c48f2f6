export interface CallLogEntry {
  at: number;
  site: string;
  api: string;
  appKey: string;
  code: string;
  httpStatus: number;
  ms: number;
  requestId: string;
}

/** Counters and a bounded call log for `/_admin/counters` and `/_admin/calls`. */
export class Stats {
  readonly counters = new Map<string, number>();
  #log: CallLogEntry[] = [];
  #next = 0;

  constructor(private readonly logSize = 2000) {}

  inc(name: string, by = 1): void {
    this.counters.set(name, (this.counters.get(name) ?? 0) + by);
  }

  get(name: string): number {
    return this.counters.get(name) ?? 0;
  }

  record(entry: CallLogEntry): void {
    this.inc('calls');
    this.inc(`calls.${entry.api}`);
    if (entry.code !== '0') {
      this.inc('errors');
      this.inc(`errors.${entry.code}`);
    }
    if (this.#log.length < this.logSize) this.#log.push(entry);
    else this.#log[this.#next] = entry;
    this.#next = (this.#next + 1) % this.logSize;
  }

  /** The most recent calls, newest first. */
  recent(limit: number): CallLogEntry[] {
    const ordered =
      this.#log.length < this.logSize
        ? [...this.#log]
        : [...this.#log.slice(this.#next), ...this.#log.slice(0, this.#next)];
    return ordered.reverse().slice(0, limit);
  }

  snapshot(): Record<string, number> {
    return Object.fromEntries([...this.counters.entries()].sort(([a], [b]) => (a < b ? -1 : 1)));
  }
}
