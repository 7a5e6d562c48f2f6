import type { OrderItemRecord, OrderRecord } from '../core/model.ts';
import type { Site } from '../core/sites.ts';
import { formatIsoLocal, formatOrderTime } from '../core/time-format.ts';
import { productUrl } from '../catalog/product-view.ts';
import { fromMinor } from './money.ts';

/** Distinct item statuses: Lazada has no order-level status, only this list. */
export function statusesOf(order: OrderRecord): string[] {
  return [...new Set(order.items.map((i) => i.status))];
}

/** An order as `/orders/get` and `/order/get` return it (ids as JSON numbers, money as text). */
export function orderView(site: Site, o: OrderRecord): Record<string, unknown> {
  const d = site.priceDecimals;
  const price = o.items.reduce((sum, i) => sum + i.itemPrice, 0);
  return {
    order_id: o.orderId,
    order_number: o.orderNumber,
    created_at: formatOrderTime(o.createdAt, site.timeZone),
    updated_at: formatOrderTime(o.updatedAt, site.timeZone),
    price: fromMinor(price, d),
    shipping_fee: Number(fromMinor(o.shippingFee, d)),
    shipping_fee_original: Number(fromMinor(o.shippingFee, d)),
    shipping_fee_discount_seller: 0,
    shipping_fee_discount_platform: 0,
    voucher: Number(fromMinor(o.voucherSeller + o.voucherPlatform, d)),
    voucher_seller: Number(fromMinor(o.voucherSeller, d)),
    voucher_platform: Number(fromMinor(o.voucherPlatform, d)),
    voucher_code: o.voucherCode,
    payment_method: o.paymentMethod,
    items_count: o.items.length,
    statuses: statusesOf(o),
    customer_first_name: o.customerFirstName,
    customer_last_name: o.customerLastName,
    address_shipping: o.addressShipping,
    address_billing: o.addressBilling,
    gift_option: false,
    gift_message: '',
    remarks: o.remarks,
    buyer_note: o.buyerNote,
    delivery_info: '',
    warehouse_code: 'dropshipping',
    extra_attributes: '{}',
    national_registration_number: '',
    promised_shipping_times: '',
    need_cancel_confirm: false,
    is_cancel_pending: false,
  };
}

/** One order item (one unit). */
export function orderItemView(site: Site, o: OrderRecord, i: OrderItemRecord): Record<string, unknown> {
  const d = site.priceDecimals;
  return {
    order_item_id: i.orderItemId,
    order_id: o.orderId,
    status: i.status,
    name: i.name,
    sku: i.sellerSku,
    shop_sku: i.shopSku,
    sku_id: String(i.skuId),
    product_id: String(i.itemId),
    variation: i.variation,
    item_price: Number(fromMinor(i.itemPrice, d)),
    paid_price: Number(fromMinor(i.paidPrice, d)),
    tax_amount: 0,
    currency: site.currency,
    shipping_amount: Number(fromMinor(i.shippingAmount, d)),
    voucher_amount: Number(fromMinor(i.voucherSeller + i.voucherPlatform, d)),
    voucher_seller: Number(fromMinor(i.voucherSeller, d)),
    voucher_platform: Number(fromMinor(i.voucherPlatform, d)),
    shipment_provider: i.shipmentProvider ?? '',
    tracking_code: i.trackingCode ?? '',
    package_id: i.packageId ?? '',
    shipping_type: 'Dropshipping',
    shipping_provider_type: 'standard',
    is_fbl: 0,
    is_digital: 0,
    reason: i.reason ?? '',
    reason_detail: i.reasonDetail ?? '',
    cancel_return_initiator: i.cancelReturnInitiator ?? '',
    return_status: i.returnStatus ?? '',
    reverse_order_id: i.reverseOrderId ?? '',
    promised_shipping_time: formatOrderTime(i.promisedShippingTime, site.timeZone),
    sla_time_stamp: formatIsoLocal(i.promisedShippingTime, site.timeZone),
    created_at: formatOrderTime(i.createdAt, site.timeZone),
    updated_at: formatOrderTime(i.updatedAt, site.timeZone),
    payment_time: i.paymentTime ?? '',
    order_type: 'Normal',
    order_flag: 'GLOBAL_COLLECTION',
    warehouse_code: 'dropshipping',
    invoice_number: '',
    purchase_order_id: '',
    purchase_order_number: '',
    product_main_image: i.productMainImage,
    product_detail_url: productUrl(site, i.itemId, i.skuId),
    need_cancel_confirm: false,
  };
}
