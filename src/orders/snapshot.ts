import {
  parseOptionalTime,
  type RemoteOrder,
  type RemoteOrderItem,
  type Site,
} from '../marketplaces/index.ts';
import { normaliseStatus, type LineStatus } from './line-states.ts';

/**
 * An order as a marketplace reported it at one moment, in our terms: what the processor upserts.
 * Built from `/order/get` + `/order/items/get` (or their AliExpress equivalents).
 */
export interface LineSnapshot {
  externalItemId: string;
  sellerSku?: string | undefined;
  shopSku?: string | undefined;
  name?: string | undefined;
  quantity: number;
  itemPriceMinor: number;
  paidPriceMinor: number;
  status: LineStatus;
  /** The platform's status text when it is not one we know (the line is then left as it is). */
  rawStatus: string;
  statusAt?: Date | undefined;
  externalPackageId?: string | undefined;
  trackingNumber?: string | undefined;
  shipmentProvider?: string | undefined;
  reason?: string | undefined;
  reverseOrderId?: string | undefined;
  /** AliExpress `IN_CANCEL`: the buyer asked to cancel and waits for the seller (cancel-requests.ts). */
  cancelRequested?: boolean | undefined;
}

export interface OrderSnapshot {
  site: string;
  platform: string;
  externalOrderId: string;
  orderNumber?: string | undefined;
  externalSellerId: string;
  currency: string;
  placedAt: Date;
  updatedAt?: Date | undefined;
  shippingFeeMinor: number;
  paymentMethod?: string | undefined;
  buyerName?: string | undefined;
  buyerCountry?: string | undefined;
  address?: Record<string, string> | undefined;
  lines: LineSnapshot[];
}

const str = (v: unknown): string | undefined =>
  typeof v === 'string' && v !== '' ? v : typeof v === 'number' ? String(v) : undefined;

function address(raw: unknown): Record<string, string> | undefined {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return undefined;
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(raw as Record<string, unknown>)) {
    const s = str(v);
    if (s !== undefined) out[k] = s;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

/** Our snapshot of a marketplace order and its items. Unknown item statuses are kept raw. */
export function snapshotFromRemote(
  site: Site,
  externalSellerId: string,
  order: RemoteOrder,
  items: readonly RemoteOrderItem[],
  now: Date,
): OrderSnapshot {
  const raw = order.raw;
  const first = str(raw.customer_first_name) ?? '';
  const last = str(raw.customer_last_name) ?? '';
  const addr = address(raw.address_shipping);
  const currency = items[0]?.itemPrice?.currency ?? order.price?.currency ?? site.currency;
  return {
    site: site.id,
    platform: site.platform,
    externalOrderId: order.orderId,
    orderNumber: order.orderNumber,
    externalSellerId,
    currency,
    placedAt: order.createdAt ?? now,
    updatedAt: order.updatedAt,
    shippingFeeMinor: order.shippingFee?.minor ?? 0,
    paymentMethod: order.paymentMethod,
    buyerName: `${first} ${last}`.trim() || str(raw.buyer_login_id),
    // Lazop sites sell to their own country; AliExpress names it in the address.
    buyerCountry: site.venture !== 'GLOBAL' ? site.venture : (addr?.country_code ?? addr?.country),
    address: addr,
    lines: items.map((i) => {
      // AliExpress closes a cancelled order as FINISH, like a completed one; its end reason
      // (`order_end_reason`, e.g. cancel_order_close_trade) tells them apart. Its list of reasons
      // is not published: any reason naming a cancellation is read as one.
      const closedByCancel =
        site.platform === 'aliexpress' &&
        i.status.trim().toUpperCase() === 'FINISH' &&
        /cancel/i.test(str(raw.order_end_reason) ?? '');
      const rawStatus = closedByCancel ? 'canceled' : i.status;
      return {
        externalItemId: i.orderItemId,
        sellerSku: i.sellerSku,
        shopSku: i.shopSku,
        name: i.name,
        quantity: Math.max(1, i.quantity),
        itemPriceMinor: i.itemPrice?.minor ?? 0,
        paidPriceMinor: i.paidPrice?.minor ?? i.itemPrice?.minor ?? 0,
        status: normaliseStatus(rawStatus) ?? 'pending',
        rawStatus: normaliseStatus(rawStatus) ? '' : rawStatus,
        statusAt: parseOptionalTime(i.raw.updated_at, site.timeZone),
        externalPackageId: i.packageId,
        trackingNumber: i.trackingCode,
        shipmentProvider: i.shipmentProvider,
        reason: str(i.raw.reason),
        reverseOrderId: str(i.raw.reverse_order_id),
        ...(rawStatus.trim().toUpperCase() === 'IN_CANCEL' ? { cancelRequested: true } : {}),
      };
    }),
  };
}
