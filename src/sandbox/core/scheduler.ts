/**
 * Due simulation actions (QC decisions, payments, carrier pick-up and delivery) in a binary heap
 * ordered by sandbox time, so each tick costs O(log n) per due action, not a scan of all state.
 * Stale timers are harmless: each handler re-checks the record's state and due time.
 */
export class MinHeap<T extends { at: number }> {
  #heap: T[] = [];

  get size(): number {
    return this.#heap.length;
  }

  add(timer: T): void {
    const h = this.#heap;
    h.push(timer);
    let i = h.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (h[parent]!.at <= h[i]!.at) break;
      [h[parent], h[i]] = [h[i]!, h[parent]!];
      i = parent;
    }
  }

  /** Removes and returns the earliest timer due at or before `now`. */
  popDue(now: number): T | undefined {
    const h = this.#heap;
    const top = h[0];
    if (!top || top.at > now) return undefined;
    const last = h.pop()!;
    if (h.length > 0) {
      h[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < h.length && h[l]!.at < h[m]!.at) m = l;
        if (r < h.length && h[r]!.at < h[m]!.at) m = r;
        if (m === i) break;
        [h[m], h[i]] = [h[i]!, h[m]!];
        i = m;
      }
    }
    return top;
  }

  clear(): void {
    this.#heap = [];
  }

  values(): readonly T[] {
    return this.#heap;
  }
}
