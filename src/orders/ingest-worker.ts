import type { Store } from '../db/index.ts';
import { parsePushMessage } from '../marketplaces/index.ts';
import type { Clock, Logger } from '../shared/index.ts';
import {
  applyOrders,
  emptySummary,
  type ApplySummary,
  type OrderWork,
  type ReportSource,
  type StatusReport,
} from './apply-orders.ts';
import { siteById, type ChannelDirectory, type MarketplaceGateway, type OrderChannel } from './channels.ts';
import { normaliseStatus } from './line-states.ts';
import type { OrderFx } from './order-fx.ts';
import { claimInbox, finishInbox, retryInbox, type ClaimedEntry } from './push-inbox.ts';
import { ORDER_MESSAGE_TYPES } from './push-receiver.ts';
import { applyReverse, type ReverseReport } from './apply-reverse.ts';
import { cancelRequestReports } from './cancel-requests.ts';
import { snapshotFromRemote, type OrderSnapshot } from './snapshot.ts';

/**
 * The processor: claims a batch from the inbox, groups it by order, fetches from the marketplace
 * only the orders it cannot apply from the push alone (new orders, new lines, reverse orders,
 * sweep findings), then applies the whole batch and marks its inbox rows done in one transaction.
 * A failed fetch puts just that order's rows back with a backoff; after `maxAttempts` they are
 * parked as failed for an operator.
 */
export interface IngestDeps {
  store: Store;
  gateway: MarketplaceGateway;
  channels: ChannelDirectory;
  fx: OrderFx;
  clock: Clock;
  logger?: Logger | undefined;
  batchSize?: number | undefined;
  fetchConcurrency?: number | undefined;
  maxAttempts?: number | undefined;
  /** Called after each committed batch (metrics, latency measurements). */
  onApplied?: ((summary: ApplySummary, committedAt: Date) => void) | undefined;
  /**
   * Pushes that are not about orders (product QC, stock alerts…), handed over once they are
   * committed as skipped here: the listings capability acts on product QC without orders knowing it.
   */
  onOtherPushes?: ((entries: readonly ClaimedEntry[]) => void) | undefined;
}

interface Group {
  channel: OrderChannel;
  externalOrderId: string;
  entries: ClaimedEntry[];
  reports: StatusReport[];
  reverse: ReverseReport[];
  fetch: boolean;
  source: ReportSource;
}

export interface BatchResult {
  claimed: number;
  done: number;
  retried: number;
  failed: number;
  skipped: number;
  summary: ApplySummary;
}

async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (t: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const run = async () => {
    for (let i = next++; i < items.length; i = next++) out[i] = await fn(items[i]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, run));
  return out;
}

export class OrderIngestor {
  #running = false;
  #wake: (() => void) | undefined;
  #loop: Promise<void> | undefined;
  #inFlight = new Set<Promise<BatchResult>>();

  constructor(private readonly deps: IngestDeps) {}

  /** One batch: claim, fetch what is needed, apply, finish. */
  processBatch(): Promise<BatchResult> {
    const batch = this.#processBatch();
    this.#inFlight.add(batch);
    const forget = () => this.#inFlight.delete(batch);
    batch.then(forget, forget);
    return batch;
  }

  async #processBatch(): Promise<BatchResult> {
    const d = this.deps;
    const claimed = await claimInbox(d.store, d.batchSize ?? 200);
    const result: BatchResult = {
      claimed: claimed.length,
      done: 0,
      retried: 0,
      failed: 0,
      skipped: 0,
      summary: emptySummary(),
    };
    if (claimed.length === 0) return result;

    const skipped: ClaimedEntry[] = [];
    const failed = new Map<string, number[]>();
    const fail = (why: string, id: number) => (failed.get(why) ?? failed.set(why, []).get(why)!).push(id);
    const groups = new Map<string, Group>();
    for (const e of claimed) {
      if (!ORDER_MESSAGE_TYPES.has(e.messageType) && e.source === 'push') {
        skipped.push(e);
        continue;
      }
      if (!e.site || !e.externalOrderId) {
        fail(!e.site ? 'unknown site' : 'no order id in the push', e.id);
        continue;
      }
      const channel = await d.channels.find(e.site, e.externalSellerId);
      if (!channel) {
        fail(`no channel for marketplace seller ${e.externalSellerId} on ${e.site}`, e.id);
        continue;
      }
      const key = `${e.site}\n${e.externalOrderId}`;
      let g = groups.get(key);
      if (!g)
        groups.set(
          key,
          (g = {
            channel,
            externalOrderId: e.externalOrderId,
            entries: [],
            reports: [],
            reverse: [],
            fetch: false,
            source: e.source,
          }),
        );
      g.entries.push(e);
      if (e.source !== 'push') g.source = e.source;
      const report = e.source === 'push' && e.messageType === 0 ? statusReport(e) : undefined;
      if (report) g.reports.push(report);
      else g.fetch = true; // reverse orders, sweep findings, unknown statuses: read the order
      // Reverse statuses come from pushes and from the sweep's reverse-order list, in the same shape.
      const reverse = e.messageType === 10 ? reverseReport(e) : undefined;
      if (reverse) g.reverse.push(reverse);
    }

    await this.#markUnknown([...groups.values()]);
    const toFetch = [...groups.values()].filter((g) => g.fetch);
    const retry: { ids: number[]; attempts: number; error: string }[] = [];
    const now = d.clock.now();
    const snapshots = new Map<Group, OrderSnapshot>();
    await mapLimit(toFetch, d.fetchConcurrency ?? 16, async (g) => {
      try {
        const site = siteById(g.channel.site);
        const adapter = d.gateway.adapter(g.channel);
        const [order, items] = await Promise.all([
          adapter.getOrder(g.externalOrderId),
          adapter.getOrderItems(g.externalOrderId),
        ]);
        snapshots.set(g, snapshotFromRemote(site, g.channel.externalSellerId, order, items, now));
      } catch (e) {
        retry.push({
          ids: g.entries.map((x) => x.id),
          attempts: Math.max(...g.entries.map((x) => x.attempts)),
          error: e instanceof Error ? e.message : String(e),
        });
      }
    });

    const works: OrderWork[] = [];
    const applied: Group[] = [];
    for (const g of groups.values()) {
      if (g.fetch) {
        const snapshot = snapshots.get(g);
        if (!snapshot) continue;
        works.push({
          kind: 'snapshot',
          channel: g.channel,
          snapshot,
          fx: await d.fx.at(snapshot.placedAt),
          source: g.source,
        });
      } else {
        works.push({
          kind: 'statuses',
          channel: g.channel,
          site: g.channel.site,
          externalOrderId: g.externalOrderId,
          reports: g.reports,
          source: g.source,
        });
      }
      applied.push(g);
    }

    try {
      const summary = await d.store.transaction(async (tx) => {
        // AliExpress cancellation requests, read from the snapshots against the lines before them.
        const requests = [];
        for (const w of works)
          if (w.kind === 'snapshot')
            requests.push(...(await cancelRequestReports(tx, w.snapshot, w.source, d.clock.now())));
        const s = await applyOrders(tx, works, d.clock.now());
        // Reverse statuses after the item statuses, so the lines of a just-fetched order exist.
        const rv = await applyReverse(tx, [...applied.flatMap((g) => g.reverse), ...requests], d.clock.now());
        s.returnsOpened += rv.returnsOpened;
        const refetch = new Set(s.needsFetch.map((f) => `${f.site}\n${f.externalOrderId}`));
        const doneIds = applied
          .filter((g) => !refetch.has(`${g.channel.site}\n${g.externalOrderId}`))
          .flatMap((g) => g.entries.map((e) => e.id));
        await finishInbox(tx, doneIds, 'done');
        await finishInbox(
          tx,
          skipped.map((e) => e.id),
          'skipped',
        );
        for (const [why, ids] of failed) await finishInbox(tx, ids, 'failed', why);
        result.done = doneIds.length;
        // A race (the order vanished from under a status report): read it again right away.
        const again = applied
          .filter((g) => refetch.has(`${g.channel.site}\n${g.externalOrderId}`))
          .flatMap((g) => g.entries.map((e) => e.id));
        await retryInbox(tx, again, 0, 'order not in the store yet: fetching it');
        result.retried += again.length;
        return s;
      });
      result.summary = summary;
      result.skipped = skipped.length;
      result.failed = [...failed.values()].reduce((n, ids) => n + ids.length, 0);
      d.onApplied?.(summary, d.clock.now());
      if (skipped.length > 0) d.onOtherPushes?.(skipped);
    } catch (e) {
      // Nothing of the batch was applied: all of it goes back (deadlock victims, lost connections).
      d.logger?.warn({ err: e }, 'order batch failed; requeued');
      await retryInbox(
        d.store,
        claimed.map((c) => c.id),
        1000,
        e instanceof Error ? e.message : String(e),
      );
      result.retried += claimed.length;
      return result;
    }

    const maxAttempts = d.maxAttempts ?? 10;
    for (const r of retry) {
      if (r.attempts >= maxAttempts) {
        await finishInbox(d.store, r.ids, 'failed', `gave up after ${r.attempts} attempts: ${r.error}`);
        result.failed += r.ids.length;
      } else {
        await retryInbox(d.store, r.ids, Math.min(600_000, 1000 * 2 ** r.attempts), r.error);
        result.retried += r.ids.length;
      }
    }
    return result;
  }

  /** Groups whose order or pushed lines are not stored yet must be fetched. */
  async #markUnknown(groups: Group[]): Promise<void> {
    const pending = groups.filter((g) => !g.fetch);
    if (pending.length === 0) return;
    const rows = await this.deps.store.query<{
      site: string;
      external_order_id: string;
      external_item_id: string | null;
    }>(
      `SELECT o.site, o.external_order_id, l.external_item_id FROM orders o
       JOIN unnest($1::text[], $2::text[]) AS k(site, oid) ON o.site = k.site AND o.external_order_id = k.oid
       LEFT JOIN order_lines l ON l.order_id = o.id`,
      [pending.map((g) => g.channel.site), pending.map((g) => g.externalOrderId)],
    );
    const known = new Map<string, Set<string>>();
    for (const r of rows) {
      const k = `${r.site}\n${r.external_order_id}`;
      const s = known.get(k) ?? known.set(k, new Set()).get(k)!;
      if (r.external_item_id) s.add(r.external_item_id);
    }
    for (const g of pending) {
      const lines = known.get(`${g.channel.site}\n${g.externalOrderId}`);
      if (!lines || g.reports.some((r) => !lines.has(r.externalItemId))) g.fetch = true;
    }
  }

  /**
   * Processes until the inbox has nothing due. Rows the background loop has claimed are not due but
   * not finished either: drain waits for that batch too, so its caller sees a settled inbox.
   */
  async drain(): Promise<BatchResult[]> {
    const out: BatchResult[] = [];
    for (;;) {
      const r = await this.processBatch();
      out.push(r);
      if (r.claimed > 0) continue;
      if (this.#inFlight.size === 0) return out;
      await Promise.allSettled([...this.#inFlight]);
    }
  }

  /** Runs in the background: a batch whenever woken (a push arrived) or every `pollMs`. */
  start(pollMs = 500): void {
    if (this.#running) return;
    this.#running = true;
    this.#loop = (async () => {
      while (this.#running) {
        let r: BatchResult | undefined;
        try {
          r = await this.processBatch();
        } catch (e) {
          this.deps.logger?.error({ err: e }, 'order processor failed');
        }
        if (r && r.claimed > 0) continue;
        await new Promise<void>((resolve) => {
          const t = setTimeout(resolve, pollMs);
          // The loop alone does not keep a process alive (the server or worker around it does).
          t.unref();
          this.#wake = () => {
            clearTimeout(t);
            resolve();
          };
        });
        this.#wake = undefined;
      }
    })();
  }

  /** Something new is in the inbox. */
  wake(): void {
    this.#wake?.();
  }

  async stop(): Promise<void> {
    this.#running = false;
    this.#wake?.();
    await this.#loop;
  }
}

function statusReport(e: ClaimedEntry): StatusReport | undefined {
  let data: Record<string, unknown>;
  try {
    data = parsePushMessage(e.body, e.platform).data;
  } catch {
    return undefined;
  }
  const line = typeof data.trade_order_line_id === 'string' ? data.trade_order_line_id : undefined;
  // A cancellation request (AliExpress IN_CANCEL) is read from the order itself.
  if (data.order_status === 'IN_CANCEL') return undefined;
  const status = typeof data.order_status === 'string' ? normaliseStatus(data.order_status) : undefined;
  if (!line || !status) return undefined;
  const t = data.status_update_time;
  const n = typeof t === 'string' || typeof t === 'number' ? Number(t) : NaN;
  return {
    externalItemId: line,
    status,
    statusAt: Number.isFinite(n) && n > 0 ? new Date(n < 1e11 ? n * 1000 : n) : undefined,
    reverseOrderId: typeof data.reverse_order_id === 'string' ? data.reverse_order_id : undefined,
  };
}

function reverseReport(e: ClaimedEntry): ReverseReport | undefined {
  let data: Record<string, unknown>;
  try {
    data = parsePushMessage(e.body, e.platform).data;
  } catch {
    return undefined;
  }
  const str = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : undefined);
  const line = str(data.trade_order_line_id);
  const status = str(data.reverse_status);
  if (!line || !status || !e.site) return undefined;
  const n = Number(data.status_update_time);
  return {
    site: e.site,
    externalItemId: line,
    rawStatus: status,
    reverseOrderId: str(data.reverse_order_id),
    at: Number.isFinite(n) && n > 0 ? new Date(n < 1e11 ? n * 1000 : n) : undefined,
    source: e.source,
  };
}

/** A sweep finding's body (what the inbox row carries). */
export function sweepBody(orderId: string, updatedAt: Date | undefined): string {
  return JSON.stringify({ order_id: orderId, updated_at: updatedAt?.toISOString() ?? null });
}
