import * as removal from './aliexpress-remove.ts';
import { AppError } from '../../shared/index.ts';
import { verifyPushSignature, type SecretLike } from '../signing.ts';
import { adapterContext, type AdapterContext } from './common.ts';
import * as catalog from './aliexpress-catalog.ts';
import * as products from './aliexpress-products.ts';
import * as stock from './aliexpress-stock.ts';
import * as orders from './aliexpress-orders.ts';
import * as logistics from './aliexpress-logistics.ts';
import type { AdapterInit } from './lazop-adapter.ts';
import { parsePushMessage } from './push.ts';
import type {
  BatchOutcome,
  BrandPage,
  CancelDecision,
  CancelReason,
  CancelRequest,
  CategoryAttribute,
  CategoryNode,
  CreatedProduct,
  ImageMigration,
  MarketplaceAdapter,
  OrderPage,
  OrderQuery,
  PackageOutcome,
  PackageRef,
  PackedItem,
  PackRequest,
  PriceQuantityUpdate,
  RemoveRef,
  ProductInput,
  ProductPage,
  ProductQuery,
  ProductUpdateInput,
  PushMessage,
  RemoteOrder,
  RemoteOrderItem,
  ShipmentProviders,
  ShippingDocument,
} from './types.ts';

/** AliExpress behind the common interface: IOP/TOP business calls on `/sync`, GOP auth on `/rest`. */
export class AliExpressAdapter implements MarketplaceAdapter {
  readonly #ctx: AdapterContext;
  readonly #secret: SecretLike;

  constructor(init: AdapterInit) {
    this.#ctx = adapterContext(init.client.site, init.client, init.session, init.options);
    this.#secret = init.appSecret;
  }

  get site() {
    return this.#ctx.site;
  }

  /** One level at a time (AliExpress answers children of `parentId`, root `0`). */
  categoryTree(options: { language?: string; parentId?: string } = {}): Promise<CategoryNode[]> {
    return catalog.categoryTree(this.#ctx, options.parentId);
  }
  categoryAttributes(categoryId: string): Promise<CategoryAttribute[]> {
    return catalog.categoryAttributes(this.#ctx, categoryId);
  }
  /** AliExpress brands are the values of a category's brand attribute. */
  async brands(options: { offset?: number; limit?: number; categoryId?: string } = {}): Promise<BrandPage> {
    if (!options.categoryId)
      throw new AppError('invalid_input', 'AliExpress brands are listed per category: pass categoryId');
    const attrs = await catalog.categoryAttributes(this.#ctx, options.categoryId);
    const brand = attrs.find((a) => a.id === '2' || /brand/i.test(a.name));
    const all = (brand?.options ?? []).map((o) => ({ id: o.id ?? o.name, name: o.name, nameEn: o.enName }));
    const offset = options.offset ?? 0;
    return { brands: all.slice(offset, offset + (options.limit ?? 200)), total: all.length };
  }
  createProduct(input: ProductInput): Promise<CreatedProduct> {
    return products.createProduct(this.#ctx, input);
  }
  updateProduct(input: ProductUpdateInput): Promise<void> {
    return products.updateProduct(this.#ctx, input);
  }
  updatePriceQuantity(updates: PriceQuantityUpdate[]): Promise<BatchOutcome> {
    return stock.updatePriceQuantity(this.#ctx, updates);
  }
  removeProducts(refs: RemoveRef[]): Promise<BatchOutcome> {
    return removal.removeProducts(this.#ctx, refs);
  }
  getProducts(query?: ProductQuery): Promise<ProductPage> {
    return products.getProducts(this.#ctx, query);
  }
  listOrders(query: OrderQuery): Promise<OrderPage> {
    return orders.listOrders(this.#ctx, query);
  }
  getOrder(orderId: string): Promise<RemoteOrder> {
    return orders.getOrder(this.#ctx, orderId);
  }
  getOrderItems(orderId: string): Promise<RemoteOrderItem[]> {
    return orders.getOrderItems(this.#ctx, orderId);
  }
  /** The seller's logistics services (`service_name` is the code to pack and ship with). */
  shipmentProviders(_orderId?: string, _orderItemIds?: string[]): Promise<ShipmentProviders> {
    return logistics.shipmentProviders(this.#ctx);
  }
  /** Online logistics order (`aliexpress` inputs) or the seller's own logistics (`trackingNumber`). */
  pack(requests: PackRequest[]): Promise<PackedItem[]> {
    return logistics.pack(this.#ctx, requests);
  }
  /** One package per call, by its platform tracking number. */
  shippingLabel(packages: PackageRef[]): Promise<ShippingDocument> {
    return logistics.shippingLabel(this.#ctx, packages);
  }
  /** Declares shipment (`order.fulfill`). */
  readyToShip(packages: PackageRef[]): Promise<PackageOutcome[]> {
    return logistics.readyToShip(this.#ctx, packages);
  }
  /** AliExpress sellers answer buyers' cancellation requests; there are no seller reasons. */
  async cancelReasons(_orderId?: string, _orderItemIds?: string[]): Promise<CancelReason[]> {
    return [];
  }
  /** Accepts the buyer's cancellation request (the order must be `IN_CANCEL`). */
  cancel(request: CancelRequest): Promise<void> {
    return logistics.cancel(this.#ctx, request);
  }
  /** Refuses the buyer's cancellation request (AliExpress only). */
  refuseCancel(orderId: string, reason: string): Promise<void> {
    return logistics.refuseCancel(this.#ctx, orderId, reason);
  }
  /** The buyer's request is the order's `IN_CANCEL`: accept or refuse it (refusing needs a memo). */
  decideCancel(d: CancelDecision): Promise<void> {
    return d.agree
      ? logistics.cancel(this.#ctx, { orderId: d.orderId, orderItemIds: [] })
      : logistics.refuseCancel(
          this.#ctx,
          d.orderId,
          d.reason ?? 'The order is already being prepared for shipping',
        );
  }
  /** AliExpress takes the merchant's own image URLs as they are; images made here go to the photo bank. */
  async migrateImages(): Promise<ImageMigration> {
    throw new AppError('unsupported', 'AliExpress takes image URLs as they are: no migration needed');
  }
  uploadImage(image: { bytes: Uint8Array; contentType: string }): Promise<string> {
    return catalog.uploadToPhotobank(this.#ctx, image);
  }
  verifyPush(rawBody: string | Buffer, authorization: string | undefined): boolean {
    return verifyPushSignature(this.#secret, this.#ctx.client.appKey, rawBody, authorization);
  }
  parsePush(rawBody: string | Buffer): PushMessage {
    return parsePushMessage(rawBody, 'aliexpress');
  }
}
