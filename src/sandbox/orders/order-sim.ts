import { effectivePrice, toMinor } from './money.ts';
import type { Address, OrderItemRecord, OrderRecord, ProductRecord, SkuRecord } from '../core/model.ts';
import type { Runtime } from '../core/runtime.ts';
import type { SiteData } from '../core/store.ts';
import { sellable } from '../catalog/product-view.ts';
import { BUYERS } from './buyers.ts';
import { moveItem } from './item-states.ts';

export interface OrderLine {
  sku: SkuRecord;
  product: ProductRecord;
  quantity: number;
}

/**
 * Active items with stock. Cached: rebuilt when products are created, edited, decided by QC or
 * restocked, and when picks keep hitting entries gone stale (sold out since), not on every sale.
 */
function liveItems(data: SiteData): number[] {
  data.liveCache ??= [...data.products.values()]
    .filter((p) => p.status === 'Active' && p.skus.some((s) => s.status === 'active' && sellable(s) > 0))
    .map((p) => p.itemId);
  return data.liveCache;
}

function pickSku(rt: Runtime, p: ProductRecord | undefined): SkuRecord | undefined {
  if (!p || p.status !== 'Active') return undefined;
  const skus = p.skus.filter((s) => s.status === 'active' && sellable(s) > 0);
  return skus.length > 0 ? rt.rng.pick(skus) : undefined;
}

/** A realistic basket: one seller, mostly one line, mostly one unit. */
export function randomBasket(rt: Runtime, data: SiteData): OrderLine[] {
  for (let round = 0; round < 2; round++) {
    const live = liveItems(data);
    if (live.length === 0) return [];
    for (let tries = 0; tries < 10; tries++) {
      const first = data.products.get(rt.rng.pick(live));
      const firstSku = pickSku(rt, first);
      if (!first || !firstSku) continue;
      const wanted = rt.rng.chance(0.3) ? (rt.rng.chance(0.35) ? 3 : 2) : 1;
      const lines: OrderLine[] = [];
      const used = new Set<number>();
      for (let attempt = 0; attempt < wanted * 4 && lines.length < wanted; attempt++) {
        const p = attempt === 0 ? first : data.products.get(rt.rng.pick(live));
        if (!p || p.sellerId !== first.sellerId) continue;
        const sku = attempt === 0 ? firstSku : pickSku(rt, p);
        if (!sku || used.has(sku.skuId)) continue;
        used.add(sku.skuId);
        const q = rt.rng.chance(0.2) ? (rt.rng.chance(0.25) ? 3 : 2) : 1;
        lines.push({ sku, product: p, quantity: Math.min(q, sellable(sku)) });
      }
      return lines;
    }
    data.liveCache = undefined; // mostly stale entries: rebuild once
  }
  return [];
}

function address(rt: Runtime, country: string, countryName: string, first: string, last: string): Address {
  const b = BUYERS[country] ?? BUYERS.US!;
  const [city, region, post] = rt.rng.pick(b.cities);
  const phone = `${b.phone}${String(rt.rng.int(10_000_000, 99_999_999))}`;
  return {
    first_name: first,
    last_name: last,
    phone,
    phone2: '',
    address1: `${rt.rng.int(1, 400)} ${rt.rng.pick(b.streets)}`,
    address2: '',
    address3: region,
    address4: city,
    address5: post,
    city,
    post_code: post,
    country: countryName,
    addressDsitrict: '',
  };
}

function pickPayment(rt: Runtime, payments: [string, number][]): string {
  let r = rt.rng.next();
  for (const [name, share] of payments) {
    r -= share;
    if (r <= 0) return name;
  }
  return payments[0]![0];
}

/**
 * Places one order for the given lines (or a random basket): one order item per unit, stock held,
 * COD orders start `pending`, online payments start `unpaid` and are paid after the payment delay.
 */
export function placeOrder(
  rt: Runtime,
  siteKey: string,
  given?: { lines?: OrderLine[]; paymentMethod?: string },
): OrderRecord | undefined {
  const data = rt.store.site(siteKey);
  const site = data.site;
  const lines = given?.lines ?? randomBasket(rt, data);
  if (lines.length === 0 || lines.some((l) => l.quantity < 1)) return undefined;
  const b = BUYERS[site.country] ?? BUYERS.US!;
  const now = rt.now();
  const first = rt.rng.pick(b.first);
  const last = rt.rng.pick(b.last);
  const shipping = address(rt, site.country, site.countryName, first, last);
  const paymentMethod = given?.paymentMethod ?? pickPayment(rt, b.payments);
  const cod = paymentMethod === 'COD';
  const orderId = data.nextOrderId();
  const sellerId = lines[0]!.product.sellerId;
  const items: OrderItemRecord[] = [];
  const shippingFee = rt.rng.pick(b.shippingFees);
  const totalUnits = lines.reduce((n, l) => n + l.quantity, 0);
  for (const line of lines) {
    const price = toMinor(effectivePrice(line.sku, now, site.timeZone), site.priceDecimals);
    line.sku.occupied += line.quantity;
    for (let u = 0; u < line.quantity; u++) {
      items.push({
        orderItemId: data.nextOrderItemId(),
        itemId: line.product.itemId,
        skuId: line.sku.skuId,
        sellerSku: line.sku.sellerSku,
        shopSku: line.sku.shopSku,
        name: line.product.attributes.name ?? '',
        variation: Object.entries(line.sku.saleProp)
          .map(([k, v]) => `${k}:${v}`)
          .join(','),
        itemPrice: price,
        paidPrice: price,
        shippingAmount: Math.floor(shippingFee / totalUnits),
        voucherSeller: 0,
        voucherPlatform: 0,
        status: cod ? 'pending' : 'unpaid',
        createdAt: now,
        updatedAt: now,
        promisedShippingTime: now + 2 * 86_400_000,
        productMainImage: line.product.images[0] ?? line.sku.images[0] ?? '',
        ...(cod ? { paymentTime: now } : {}),
      });
    }
    rt.store.touch('product', siteKey, line.product.itemId);
    if (sellable(line.sku) < 5) {
      rt.notify(siteKey, line.product.sellerId, 6, {
        seller_sku: line.sku.sellerSku,
        sku_id: line.sku.skuId,
        real_quantity: line.sku.quantity,
        withhold_quantity: 0,
        occupy_quantity: line.sku.occupied,
        warehouse: 'dropshipping',
      });
    }
  }
  const order: OrderRecord = {
    orderId,
    orderNumber: 300_000_000 + site.index * 10_000_000 + data.seq.order,
    site: siteKey,
    sellerId,
    createdAt: now,
    updatedAt: now,
    customerFirstName: first,
    customerLastName: last,
    buyerId: rt.rng.int(100_000_000, 999_999_999),
    addressShipping: shipping,
    addressBilling: { ...shipping },
    paymentMethod,
    shippingFee,
    voucherSeller: 0,
    voucherPlatform: 0,
    voucherCode: '',
    remarks: '',
    buyerNote: '',
    items,
  };
  if (!cod) {
    order.payDueAt = now + rt.opts.paymentDelayMs;
    rt.timers.add({ at: order.payDueAt, kind: 'pay', site: siteKey, ref: String(orderId) });
  }
  data.indexOrder(order);
  rt.store.touch('order', siteKey, orderId);
  rt.store.touch('site', siteKey, siteKey);
  rt.stats.inc('orders.placed');
  for (const item of items) {
    rt.notify(
      siteKey,
      sellerId,
      0,
      {
        trade_order_id: String(orderId),
        trade_order_line_id: String(item.orderItemId),
        order_status: item.status,
        status_update_time: Math.floor(now / 1000),
      },
      { site: siteKey, orderId, orderItemId: item.orderItemId },
    );
  }
  return order;
}

/** The payment of an unpaid order went through: its items become `pending`. */
export function runPayTimer(rt: Runtime, siteKey: string, orderId: number): void {
  const order = rt.store.site(siteKey).orders.get(orderId);
  if (!order || order.payDueAt === undefined || order.payDueAt > rt.now()) return;
  delete order.payDueAt;
  const now = rt.now();
  for (const item of order.items) {
    if (item.status === 'unpaid' && moveItem(rt, order, item, 'pending')) item.paymentTime = now;
  }
  rt.store.touch('order', siteKey, orderId);
}
