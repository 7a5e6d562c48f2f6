import { sellerOf, type ApiBody, type CallContext, type RouteTable } from '../core/api-types.ts';
import type { ItemStatus, OrderRecord } from '../core/model.ts';
import { formatLocalDateTime, parseLocalDateTime } from '../core/time-format.ts';
import { createPackage, markReadyToShip, packageItems } from '../orders/logistics.ts';
import { fromMinor } from '../orders/money.ts';
import { moveItem } from '../orders/item-states.ts';
import { batchUpdate, jsonArg, listProducts, postProduct } from './ae-products.ts';
import { categoriesFor } from '../catalog/category-tree.ts';

type Obj = Record<string, unknown>;
const PACIFIC = 'America/Los_Angeles';
const asObj = (v: unknown): Obj => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : {});

/** The AliExpress order status an order is in, from its items. */
export function aeOrderStatus(o: OrderRecord): string {
  const has = (s: ItemStatus): boolean => o.items.some((i) => i.status === s);
  if (o.items.every((i) => i.status === 'unpaid')) return 'PLACE_ORDER_SUCCESS';
  if (has('pending') || has('packed') || has('repacked') || has('ready_to_ship')) {
    return has('shipped') ? 'SELLER_PART_SEND_GOODS' : 'WAIT_SELLER_SEND_GOODS';
  }
  if (has('shipped')) return 'WAIT_BUYER_ACCEPT_GOODS';
  if (has('returned')) return 'IN_ISSUE';
  return 'FINISH';
}

function money(ctx: CallContext, minor: number): Obj {
  return { amount: fromMinor(minor, ctx.site.priceDecimals), currency_code: ctx.site.currency };
}

function orderDto(ctx: CallContext, o: OrderRecord): Obj {
  const total = o.items.reduce((n, i) => n + i.itemPrice, 0) + o.shippingFee;
  return {
    order_id: o.orderId,
    gmt_create: formatLocalDateTime(o.createdAt, PACIFIC),
    gmt_update: formatLocalDateTime(o.updatedAt, PACIFIC),
    order_status: aeOrderStatus(o),
    pay_amount: money(ctx, total),
    payment_type: o.paymentMethod,
    buyer_login_id: `buyer${o.buyerId}`,
    product_list: {
      order_product_dto: o.items.map((i) => ({
        child_id: i.orderItemId,
        product_id: i.itemId,
        sku_code: i.sellerSku,
        product_name: i.name,
        product_count: 1,
        product_unit_price: money(ctx, i.itemPrice),
        send_goods_operator: 'WAREHOUSE_SEND_GOODS',
        logistics_no: i.trackingCode ?? '',
      })),
    },
  };
}

/** `aliexpress.solution.order.get`: `param0` with Pacific-time date ranges. */
function getOrders(ctx: CallContext): ApiBody {
  const q = asObj(jsonArg(ctx, 'param0'));
  const sellerId = sellerOf(ctx);
  const t = (k: string): number | undefined => (q[k] ? parseLocalDateTime(String(q[k]), PACIFIC) : undefined);
  const cs = t('create_date_start');
  const ce = t('create_date_end');
  const ms = t('modified_date_start');
  const me = t('modified_date_end');
  const statuses = Array.isArray(q.order_status_list) ? q.order_status_list.map(String) : undefined;
  const size = Math.min(50, Math.max(1, Number(q.page_size ?? 20)));
  const page = Math.max(1, Number(q.current_page ?? 1));
  const all = [...ctx.rt.store.site(ctx.site.key).orders.values()]
    .filter(
      (o) =>
        o.sellerId === sellerId &&
        (cs === undefined || o.createdAt >= cs) &&
        (ce === undefined || o.createdAt <= ce) &&
        (ms === undefined || o.updatedAt >= ms) &&
        (me === undefined || o.updatedAt <= me) &&
        (!statuses || statuses.includes(aeOrderStatus(o))),
    )
    .sort((a, b) => b.createdAt - a.createdAt);
  return {
    result: {
      success: true,
      total_count: all.length,
      current_page: page,
      page_size: size,
      total_page: Math.ceil(all.length / size),
      target_list: { order_dto: all.slice((page - 1) * size, page * size).map((o) => orderDto(ctx, o)) },
    },
  };
}

function ownOrder(ctx: CallContext, id: unknown): OrderRecord | undefined {
  const o = ctx.rt.store.site(ctx.site.key).orders.get(Number(id));
  return o && o.sellerId === sellerOf(ctx) ? o : undefined;
}

/** `aliexpress.solution.order.info.get`: `param1` `{order_id}`. */
function getOrderInfo(ctx: CallContext): ApiBody {
  const q = asObj(jsonArg(ctx, 'param1'));
  const o = ownOrder(ctx, q.order_id);
  if (!o)
    return {
      result: { success: false, error_code: '16', error_message: `order ${String(q.order_id)} not found` },
    };
  const a = o.addressShipping;
  return {
    result: {
      success: true,
      data: {
        ...orderDto(ctx, o),
        id: o.orderId,
        receipt_address: {
          contact_person: `${a.first_name} ${a.last_name}`,
          phone_country: a.phone.slice(0, 2),
          mobile_no: a.phone,
          address: a.address1,
          city: a.city,
          province: a.address3,
          zip: a.post_code,
          country: a.country,
        },
        child_order_list: {
          global_aeop_tp_child_order_dto: o.items.map((i) => ({
            id: i.orderItemId,
            product_id: i.itemId,
            sku_code: i.sellerSku,
            product_count: 1,
            product_price: money(ctx, i.itemPrice),
            order_status: i.status,
          })),
        },
      },
    },
  };
}

/** `aliexpress.solution.order.fulfill`: declare shipment (`out_ref` = order id, `logistics_no`). */
function fulfill(ctx: CallContext): ApiBody {
  const { rt } = ctx;
  const o = ownOrder(ctx, ctx.params.out_ref);
  if (!o)
    return {
      result: { result_success: false, result_error_code: '16', result_error_desc: 'order not found' },
    };
  const open = o.items.filter((i) => i.status === 'pending' || i.status === 'repacked');
  if (open.length === 0)
    return {
      result: {
        result_success: false,
        result_error_code: '701',
        result_error_desc: `order is ${aeOrderStatus(o)}`,
      },
    };
  const pkg = createPackage(rt, o, open, {
    name: ctx.params.service_name ?? 'CAINIAO_STANDARD',
    provider_code: ctx.params.service_name ?? 'CAINIAO_STANDARD',
  });
  if (ctx.params.logistics_no) {
    pkg.trackingNumber = ctx.params.logistics_no;
    for (const i of packageItems(o, pkg)) i.trackingCode = pkg.trackingNumber;
  }
  markReadyToShip(rt, o, pkg);
  // Declaring shipment on AliExpress means the goods are on their way.
  for (const i of packageItems(o, pkg)) moveItem(rt, o, i, 'shipped');
  delete pkg.shipDueAt;
  pkg.deliverDueAt = rt.now() + rt.opts.deliverDelayMs;
  rt.timers.add({ at: pkg.deliverDueAt, kind: 'deliver', site: pkg.site, ref: pkg.packageId });
  return { result: { result_success: true } };
}

/** `aliexpress.solution.seller.category.tree.query`: children of `category_id` (0 = roots). */
function categoryChildren(ctx: CallContext): ApiBody {
  const parent = Number(ctx.params.category_id ?? '0');
  const cats = categoriesFor(ctx.site);
  const nodes = parent === 0 ? cats.tree : (findNode(cats.tree, parent)?.children ?? []);
  return {
    result: {
      success: true,
      children_category_list: {
        category_info: nodes.map((n) => ({
          children_category_id: n.category_id,
          is_leaf_category: n.leaf,
          level: cats.byId.get(n.category_id)?.path.length ?? 1,
          multi_language_names: JSON.stringify({ en: n.name }),
        })),
      },
    },
  };
}

function findNode(
  nodes: ReturnType<typeof categoriesFor>['tree'],
  id: number,
): (typeof nodes)[number] | undefined {
  for (const n of nodes) {
    if (n.category_id === id) return n;
    const found = n.children ? findNode(n.children, id) : undefined;
    if (found) return found;
  }
  return undefined;
}

/** AliExpress `/sync` methods (TOP style, signed without a path prefix). */
export const AE_METHODS: RouteTable = {
  'aliexpress.solution.product.post': { auth: 'seller', handle: postProduct },
  'aliexpress.solution.product.list.get': { auth: 'seller', handle: listProducts },
  'aliexpress.solution.batch.product.price.update': { auth: 'seller', handle: batchUpdate('price') },
  'aliexpress.solution.batch.product.inventory.update': { auth: 'seller', handle: batchUpdate('inventory') },
  'aliexpress.solution.order.get': { auth: 'seller', handle: getOrders },
  'aliexpress.solution.order.info.get': { auth: 'seller', handle: getOrderInfo },
  'aliexpress.solution.order.fulfill': { auth: 'seller', handle: fulfill },
  'aliexpress.solution.seller.category.tree.query': { auth: 'optional', handle: categoryChildren },
};
