import type { PushRecord } from './model.ts';
import type { ResolvedOptions } from './options.ts';
import type { Rng } from './rng.ts';
import { MinHeap } from './scheduler.ts';
import { pushSignature } from './signature.ts';
import type { Stats } from './stats.ts';
import type { Store } from './store.ts';

/** A push is answered by the receiver's HTTP status, or by why no status came back. */
type Outcome = number | 'timeout' | 'unreachable';

/**
 * Pushes (webhooks) as the platforms send them: `POST` JSON `{seller_id, message_type, data,
 * timestamp, site}` with header `Authorization: hex(HMAC-SHA256(app secret, app key + body))`;
 * at-least-once: anything but a 200 within the ack budget is retried later (sandbox time), a
 * retry of an order push carries the item's latest status; optional duplicates, delays and
 * reordering.
 */
export class PushDispatcher {
  #due = new MinHeap<{ at: number; push: PushRecord }>();
  #recent: PushRecord[] = [];
  #inFlight = 0;
  #seq = 0;
  #waiters: (() => void)[] = [];

  constructor(
    private readonly store: Store,
    private readonly options: () => ResolvedOptions,
    private readonly rng: Rng,
    private readonly stats: Stats,
    private readonly now: () => number,
  ) {}

  get queued(): number {
    return this.#due.size;
  }

  get inFlight(): number {
    return this.#inFlight;
  }

  enqueue(
    appKey: string,
    site: string,
    messageType: number,
    sellerId: string,
    data: Record<string, unknown>,
    orderRef?: PushRecord['orderRef'],
  ): void {
    const o = this.options().push;
    const now = this.now();
    const push: PushRecord = {
      id: ++this.#seq,
      appKey,
      site,
      messageType,
      body: {
        seller_id: sellerId,
        message_type: messageType,
        data,
        timestamp: now,
        site: site.replace('-', '_'),
      },
      dueAt: now + (o.maxDelayMs > 0 ? this.rng.int(0, o.maxDelayMs) : 0),
      attempts: 0,
      state: 'queued',
    };
    if (orderRef) push.orderRef = orderRef;
    this.#due.add({ at: push.dueAt, push });
    this.stats.inc('pushes.raised');
  }

  /** Starts deliveries that are due, up to the concurrency limit. */
  pump(): void {
    const o = this.options().push;
    const now = this.now();
    const batch: PushRecord[] = [];
    while (this.#inFlight + batch.length < o.concurrency) {
      const next = this.#due.popDue(now);
      if (!next) break;
      batch.push(next.push);
    }
    if (o.reorder) {
      for (let i = batch.length - 1; i > 0; i--) {
        const j = this.rng.int(0, i);
        [batch[i], batch[j]] = [batch[j]!, batch[i]!];
      }
    }
    for (const push of batch) void this.#deliver(push);
    this.#notifyIfIdle();
  }

  /** Resolves once nothing is due now and nothing is in flight. */
  async idle(): Promise<void> {
    for (;;) {
      this.pump();
      if (this.#inFlight === 0 && !this.#hasDue()) return;
      await new Promise<void>((resolve) => this.#waiters.push(resolve));
    }
  }

  recent(limit: number): PushRecord[] {
    return this.#recent.slice(-limit).reverse();
  }

  pending(): PushRecord[] {
    return this.#due.values().map((x) => x.push);
  }

  /** Puts back pushes saved at the last close. */
  restore(pushes: PushRecord[]): void {
    for (const p of pushes) {
      this.#seq = Math.max(this.#seq, p.id);
      this.#due.add({ at: p.dueAt, push: p });
    }
  }

  #hasDue(): boolean {
    const top = this.#due.peek();
    return top !== undefined && top.at <= this.now();
  }

  #notifyIfIdle(): void {
    if (this.#inFlight === 0 && !this.#hasDue()) {
      const waiters = this.#waiters;
      this.#waiters = [];
      for (const w of waiters) w();
    }
  }

  #refresh(push: PushRecord): void {
    const ref = push.orderRef;
    if (!ref || push.attempts === 0) return;
    const order = this.store.sites.get(ref.site)?.orders.get(ref.orderId);
    const item = order?.items.find((i) => i.orderItemId === ref.orderItemId);
    const data = push.body.data as Record<string, unknown>;
    if (item) data.order_status = item.status;
  }

  async #deliver(push: PushRecord): Promise<void> {
    this.#inFlight += 1;
    const o = this.options().push;
    const app = this.store.apps.get(push.appKey);
    let outcome: Outcome = 'unreachable';
    try {
      if (app?.pushUrl) {
        this.#refresh(push);
        const raw = JSON.stringify(push.body);
        outcome = await post(app.pushUrl, raw, pushSignature(app.appKey, app.appSecret, raw), o.ackTimeoutMs);
      }
    } finally {
      this.#inFlight -= 1;
    }
    push.attempts += 1;
    push.lastStatus = outcome;
    if (outcome === 200) {
      push.state = 'delivered';
      this.stats.inc('pushes.delivered');
      if (!push.duplicate && this.rng.chance(o.duplicateRate)) {
        const copy: PushRecord = { ...push, id: ++this.#seq, duplicate: true, attempts: 0, state: 'queued' };
        copy.dueAt = this.now() + this.rng.int(0, Math.max(0, o.maxDelayMs));
        this.#due.add({ at: copy.dueAt, push: copy });
        this.stats.inc('pushes.duplicated');
      }
    } else if (push.attempts >= o.maxAttempts) {
      push.state = 'failed';
      this.stats.inc('pushes.failed');
    } else {
      push.dueAt = this.now() + o.retryDelayMs;
      this.#due.add({ at: push.dueAt, push });
      this.stats.inc('pushes.retried');
    }
    this.#remember(push);
    this.pump();
  }

  #remember(push: PushRecord): void {
    this.#recent.push(push);
    if (this.#recent.length > 2000) this.#recent.splice(0, this.#recent.length - 2000);
  }
}

async function post(url: string, body: string, signature: string, timeoutMs: number): Promise<Outcome> {
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: signature },
      body,
      signal: AbortSignal.timeout(timeoutMs),
    });
    await res.arrayBuffer();
    return res.status;
  } catch (e) {
    return e instanceof Error && (e.name === 'TimeoutError' || e.name === 'AbortError')
      ? 'timeout'
      : 'unreachable';
  }
}
