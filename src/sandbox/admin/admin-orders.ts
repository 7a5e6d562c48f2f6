import type { ItemStatus, OrderRecord } from '../core/model.ts';
import { SANDBOX_SELLER } from '../core/options.ts';
import type { Runtime } from '../core/runtime.ts';
import type { Site } from '../core/sites.ts';
import { skuKey } from '../core/store.ts';
import { sellable } from '../catalog/product-view.ts';
import { cancelItems, returnItems } from '../orders/cancel-api.ts';
import { requestBuyerCancel } from '../aliexpress/ae-cancel.ts';
import { canMove, moveItem } from '../orders/item-states.ts';
import { placeOrder, type OrderLine } from '../orders/order-sim.ts';
import { requestLazopCancel } from '../orders/reverse-api.ts';
import { orderItemView, orderView } from '../orders/order-view.ts';
import { AdminError, siteOf } from './admin-error.ts';

/** The order half of the admin: inspect orders, and play buyers and carriers. */
export class OrderAdmin {
  constructor(protected readonly rt: Runtime) {}

  orders(siteKey: string, filter: { status?: string; limit?: number } = {}): Record<string, unknown>[] {
    const site = siteOf(siteKey);
    const out: Record<string, unknown>[] = [];
    for (const o of this.rt.store.site(site.key).orders.values()) {
      if (filter.status && !o.items.some((i) => i.status === filter.status)) continue;
      out.push(this.orderDetail(site, o));
      if (out.length >= (filter.limit ?? 100)) break;
    }
    return out;
  }

  order(siteKey: string, orderId: number): Record<string, unknown> {
    const site = siteOf(siteKey);
    return this.orderDetail(site, this.orderOf(site, orderId));
  }

  protected orderOf(site: Site, orderId: number): OrderRecord {
    const o = this.rt.store.site(site.key).orders.get(orderId);
    if (!o) throw new AdminError(`no order ${orderId} on ${site.key}`, true);
    return o;
  }

  protected orderDetail(site: Site, o: OrderRecord): Record<string, unknown> {
    return {
      ...orderView(site, o),
      seller_id: o.sellerId,
      items: o.items.map((i) => orderItemView(site, o, i)),
    };
  }

  /**
   * Simulated buyers place orders now: `count` random baskets, or one order of the given lines
   * (SellerSku of `account`'s live products).
   */
  placeOrders(input: {
    site: string;
    count?: number;
    lines?: { sellerSku: string; quantity?: number }[];
    account?: string;
    paymentMethod?: string;
  }): Record<string, unknown>[] {
    const site = siteOf(input.site);
    const rt = this.rt;
    const placed: OrderRecord[] = [];
    if (input.lines && input.lines.length > 0) {
      const seller = rt.store.sellers.get(input.account ?? SANDBOX_SELLER);
      if (!seller) throw new AdminError(`no seller ${input.account ?? SANDBOX_SELLER}`);
      const sellerId = rt.sellerIds(seller, site.key).sellerId;
      const data = rt.store.site(site.key);
      const lines: OrderLine[] = input.lines.map((l) => {
        const itemId = data.itemBySellerSku.get(skuKey(sellerId, l.sellerSku));
        const product = itemId === undefined ? undefined : data.products.get(itemId);
        const sku = product?.skus.find((s) => s.sellerSku === l.sellerSku);
        const quantity = l.quantity ?? 1;
        if (!product || !sku)
          throw new AdminError(`no SellerSku ${l.sellerSku} for ${seller.account} on ${site.key}`);
        if (product.status !== 'Active' || sku.status !== 'active')
          throw new AdminError(`${l.sellerSku} is not live (status ${product.status})`);
        if (sellable(sku) < quantity)
          throw new AdminError(`${l.sellerSku} has ${sellable(sku)} sellable, ${quantity} wanted`);
        return { product, sku, quantity };
      });
      const order = placeOrder(
        rt,
        site.key,
        input.paymentMethod ? { lines, paymentMethod: input.paymentMethod } : { lines },
      );
      if (order) placed.push(order);
    } else {
      for (let i = 0; i < (input.count ?? 1); i++) {
        const order = placeOrder(
          rt,
          site.key,
          input.paymentMethod ? { paymentMethod: input.paymentMethod } : undefined,
        );
        if (!order) break;
        placed.push(order);
      }
    }
    rt.pushes.pump();
    return placed.map((o) => this.orderDetail(site, o));
  }

  /** Moves items along the lifecycle (carrier and buyer events: shipped, delivered, failed_delivery…). */
  advanceOrder(siteKey: string, orderId: number, to: ItemStatus, orderItemIds?: number[]): number {
    const site = siteOf(siteKey);
    const o = this.orderOf(site, orderId);
    const items = o.items.filter((i) => !orderItemIds || orderItemIds.includes(i.orderItemId));
    const movable = items.filter((i) => canMove(i.status, to));
    if (movable.length === 0)
      throw new AdminError(`no item can move to ${to} (statuses: ${items.map((i) => i.status).join(', ')})`);
    for (const i of movable) {
      if (to === 'pending' && i.status === 'unpaid') i.paymentTime = this.rt.now();
      moveItem(this.rt, o, i, to);
    }
    this.rt.pushes.pump();
    return movable.length;
  }

  buyerCancel(siteKey: string, orderId: number, orderItemIds?: number[], reason = 'Change of mind'): void {
    const o = this.orderOf(siteOf(siteKey), orderId);
    const items = o.items.filter((i) => !orderItemIds || orderItemIds.includes(i.orderItemId));
    cancelItems(this.rt, o, items, { name: reason, zeroStock: false }, 'buyer-cancel');
    this.rt.pushes.pump();
  }

  /**
   * A buyer asks to cancel: an unpaid order closes at once, a paid one waits for the seller to
   * accept or refuse over the API (AliExpress `IN_CANCEL`; elsewhere a reverse order in
   * `CANCEL_INIT`).
   */
  requestCancel(siteKey: string, orderId: number, reason = 'Buyer changed mind'): 'canceled' | 'requested' {
    const site = siteOf(siteKey);
    const order = this.orderOf(site, orderId);
    const outcome =
      site.platform === 'aliexpress'
        ? requestBuyerCancel(this.rt, order, reason)
        : requestLazopCancel(this.rt, order, reason);
    if (outcome === 'nothing') throw new AdminError(`no item of order ${orderId} can be cancelled`);
    this.rt.pushes.pump();
    return outcome;
  }

  returnItems(
    siteKey: string,
    orderId: number,
    orderItemIds?: number[],
    reason = 'Not as described',
  ): number {
    const o = this.orderOf(siteOf(siteKey), orderId);
    const items = o.items.filter((i) => !orderItemIds || orderItemIds.includes(i.orderItemId));
    const n = returnItems(this.rt, o, items, reason);
    if (n === 0) throw new AdminError('only delivered items can be returned');
    this.rt.pushes.pump();
    return n;
  }
}
