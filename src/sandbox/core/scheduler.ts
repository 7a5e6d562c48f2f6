/**
 * Due simulation actions (QC decisions, payments, carrier pick-up and delivery) and due pushes in
 * a binary heap ordered by sandbox time, then by insertion (first in, first out among equals), so
 * each tick costs O(log n) per due action, not a scan of all state. Stale timers are harmless:
 * each handler re-checks the record's state and due time.
 */
export class MinHeap<T extends { at: number }> {
  #heap: { item: T; n: number }[] = [];
  #n = 0;

  get size(): number {
    return this.#heap.length;
  }

  #less(i: number, j: number): boolean {
    const a = this.#heap[i]!;
    const b = this.#heap[j]!;
    return a.item.at < b.item.at || (a.item.at === b.item.at && a.n < b.n);
  }

  #swap(i: number, j: number): void {
    const h = this.#heap;
    [h[i], h[j]] = [h[j]!, h[i]!];
  }

  add(item: T): void {
    this.#heap.push({ item, n: this.#n++ });
    let i = this.#heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.#less(i, parent)) break;
      this.#swap(i, parent);
      i = parent;
    }
  }

  /** The earliest item without removing it. */
  peek(): T | undefined {
    return this.#heap[0]?.item;
  }

  /** Removes and returns the earliest item due at or before `now`. */
  popDue(now: number): T | undefined {
    const h = this.#heap;
    const top = h[0];
    if (!top || top.item.at > now) return undefined;
    const last = h.pop()!;
    if (h.length > 0) {
      h[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < h.length && this.#less(l, m)) m = l;
        if (r < h.length && this.#less(r, m)) m = r;
        if (m === i) break;
        this.#swap(i, m);
        i = m;
      }
    }
    return top.item;
  }

  clear(): void {
    this.#heap = [];
  }

  values(): T[] {
    return this.#heap.map((e) => e.item);
  }
}
