import { runQcTimer } from './catalog/qc.ts';
import { orderRateFor } from './core/options.ts';
import type { Runtime } from './core/runtime.ts';
import { runDeliverTimer, runShipTimer } from './orders/logistics.ts';
import { placeOrder, runPayTimer } from './orders/order-sim.ts';

/**
 * One step of the simulation at the sandbox clock's now: due timers (QC decisions, payments,
 * carrier pick-ups, deliveries), simulated buyers at the configured rate, due pushes. Runs every
 * `tickMs` of real time and right after admin time travel, so tests never sleep.
 */
const DAY = 86_400_000;

export class Engine {
  #lastTick: number;
  #lastAlertDay = -1;

  constructor(private readonly rt: Runtime) {
    this.#lastTick = rt.now();
  }

  /** Timers from the records' due fields (after loading saved state). */
  rebuildTimers(): void {
    const rt = this.rt;
    rt.timers.clear();
    for (const [key, data] of rt.store.sites) {
      for (const p of data.products.values())
        if (p.qcDueAt !== undefined)
          rt.timers.add({ at: p.qcDueAt, kind: 'qc', site: key, ref: String(p.itemId) });
      for (const o of data.orders.values())
        if (o.payDueAt !== undefined)
          rt.timers.add({ at: o.payDueAt, kind: 'pay', site: key, ref: String(o.orderId) });
      for (const k of data.packages.values()) {
        if (k.shipDueAt !== undefined)
          rt.timers.add({ at: k.shipDueAt, kind: 'ship', site: key, ref: k.packageId });
        if (k.deliverDueAt !== undefined)
          rt.timers.add({ at: k.deliverDueAt, kind: 'deliver', site: key, ref: k.packageId });
      }
    }
  }

  tick(): void {
    const rt = this.rt;
    const now = rt.now();
    for (let t = rt.timers.popDue(now); t; t = rt.timers.popDue(now)) {
      switch (t.kind) {
        case 'qc':
          runQcTimer(rt, t.site, Number(t.ref));
          break;
        case 'pay':
          runPayTimer(rt, t.site, Number(t.ref));
          break;
        case 'ship':
          runShipTimer(rt, t.site, t.ref);
          break;
        case 'deliver':
          runDeliverTimer(rt, t.site, t.ref);
          break;
      }
    }
    const elapsed = Math.max(0, now - this.#lastTick);
    this.#lastTick = now;
    if (elapsed > 0) this.#simulateBuyers(elapsed);
    this.#expiryAlerts(now);
    rt.pushes.pump();
  }

  /** Push type 8 once a (sandbox) day for each authorization that lapses within 48 hours. */
  #expiryAlerts(now: number): void {
    const day = Math.floor(now / DAY);
    if (day === this.#lastAlertDay) return;
    this.#lastAlertDay = day;
    const rt = this.rt;
    for (const g of rt.store.grants.values()) {
      if (g.refreshExpiresAt <= now || g.refreshExpiresAt - now > 2 * DAY) continue;
      const siteKey = g.sites[0];
      const seller = rt.store.sellers.get(g.account);
      if (!siteKey || !seller || !rt.store.apps.get(g.appKey)?.pushUrl) continue;
      const sellerId = rt.sellerIds(seller, siteKey).sellerId;
      rt.pushes.enqueue(g.appKey, siteKey, 8, sellerId, {
        app_key: g.appKey,
        seller_id: sellerId,
        auth_expiry_time: g.refreshExpiresAt,
      });
    }
  }

  #simulateBuyers(elapsedMs: number): void {
    const rt = this.rt;
    const cap = rt.opts.maxOrdersPerTick;
    for (const [key, data] of rt.store.sites) {
      const rate = orderRateFor(rt.opts, key);
      if (rate <= 0) continue;
      data.orderCarry = Math.min(data.orderCarry + (rate * elapsedMs) / 60_000, cap * 10);
      let placed = 0;
      while (data.orderCarry >= 1 && placed < cap) {
        if (!placeOrder(rt, key)) {
          data.orderCarry = 0; // nothing live to buy
          break;
        }
        data.orderCarry -= 1;
        placed += 1;
      }
    }
  }
}
