import { convert, defaultFxSnapshot, type FxRepository, type FxSnapshot } from '../pricing/index.ts';
import { money, type Money } from '../shared/index.ts';

/**
 * Orders are valued in KRW at the FX snapshot in force when the buyer ordered: the newest
 * snapshot taken at or before the order time (the oldest one for orders older than every
 * snapshot; the shipped sample when the store has none). Snapshots are immutable, so the list is
 * cached and re-read at most every `refreshMs`.
 */
export class OrderFx {
  #snapshots: FxSnapshot[] = [];
  #loadedAt = -Infinity;
  #loading: Promise<void> | undefined;

  constructor(
    private readonly repo: Pick<FxRepository, 'list'> | undefined,
    private readonly refreshMs = 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  async #ensure(): Promise<void> {
    if (!this.repo || this.now() - this.#loadedAt < this.refreshMs) return;
    this.#loading ??= (async () => {
      try {
        const list = await this.repo!.list(1000);
        // Oldest first, for the search below.
        this.#snapshots = [...list].sort((a, b) =>
          a.takenAt < b.takenAt ? -1 : a.takenAt > b.takenAt ? 1 : 0,
        );
        this.#loadedAt = this.now();
      } finally {
        this.#loading = undefined;
      }
    })();
    await this.#loading;
  }

  /** A snapshot by id (the one an order recorded); the shipped sample for its own id. */
  async byId(id: string): Promise<FxSnapshot | undefined> {
    if (id === defaultFxSnapshot().id) return defaultFxSnapshot();
    await this.#ensure();
    const hit = this.#snapshots.find((s) => s.id === id);
    if (hit || !this.repo) return hit;
    this.#loadedAt = -Infinity; // a snapshot saved since the last read
    await this.#ensure();
    return this.#snapshots.find((s) => s.id === id);
  }

  /** The snapshot that values an order placed at `at`. */
  async at(at: Date): Promise<FxSnapshot> {
    await this.#ensure();
    const list = this.#snapshots;
    if (list.length === 0) return defaultFxSnapshot();
    const iso = at.toISOString();
    let lo = 0;
    let hi = list.length - 1;
    let best = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid]!.takenAt <= iso) {
        best = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return list[best < 0 ? 0 : best]!;
  }
}

/** An amount in KRW at a snapshot, with the rate used (KRW per unit) as text. */
export function toKrw(amount: Money, snapshot: FxSnapshot): { krw: Money; rate: string } {
  if (amount.currency === 'KRW') return { krw: amount, rate: '1' };
  const c = convert(amount, 'KRW', snapshot);
  return { krw: money('KRW', c.money.minor), rate: snapshot.rates[amount.currency] ?? String(c.rate) };
}
