import * as removal from './lazop-remove.ts';
import { realSleep } from '../retry-policy.ts';
import { verifyPushSignature, type SecretLike } from '../signing.ts';
import type { OpenPlatformClient, SellerSession } from '../open-platform-client.ts';
import { adapterContext, type AdapterContext, type AdapterOptions } from './common.ts';
import * as catalog from './lazop-catalog.ts';
import * as orders from './lazop-orders.ts';
import * as fulfillment from './lazop-fulfillment.ts';
import * as products from './lazop-products.ts';
import * as reverse from './lazop-reverse.ts';
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
  ReversePage,
  ReverseQuery,
  ShipmentProviders,
  ShippingDocument,
} from './types.ts';

export interface AdapterInit {
  client: OpenPlatformClient;
  /** The seller whose token is used; absent for public calls (category tree) only. */
  session?: SellerSession | undefined;
  /** For push verification (the same app secret the client signs with). */
  appSecret: SecretLike;
  options?: AdapterOptions;
  sleep?: (ms: number) => Promise<void>;
}

/**
 * Lazada, Daraz and Miravia speak the same Lazop/GOP protocol and API family; one adapter serves
 * all three, configured by the site (base URLs, currency, time zone, fulfillment flavour).
 */
export class LazopAdapter implements MarketplaceAdapter {
  readonly #ctx: AdapterContext;
  readonly #secret: SecretLike;
  readonly #sleep: (ms: number) => Promise<void>;

  constructor(init: AdapterInit) {
    this.#ctx = adapterContext(init.client.site, init.client, init.session, init.options);
    this.#secret = init.appSecret;
    this.#sleep = init.sleep ?? realSleep;
  }

  get site() {
    return this.#ctx.site;
  }

  categoryTree(options: { language?: string } = {}): Promise<CategoryNode[]> {
    return catalog.categoryTree(this.#ctx, options.language);
  }
  categoryAttributes(categoryId: string, options: { language?: string } = {}): Promise<CategoryAttribute[]> {
    return catalog.categoryAttributes(this.#ctx, categoryId, options.language);
  }
  brands(options: { offset?: number; limit?: number } = {}): Promise<BrandPage> {
    return catalog.brands(this.#ctx, options.offset, options.limit);
  }
  createProduct(input: ProductInput): Promise<CreatedProduct> {
    return products.createProduct(this.#ctx, input);
  }
  updateProduct(input: ProductUpdateInput): Promise<void> {
    return products.updateProduct(this.#ctx, input);
  }
  updatePriceQuantity(updates: PriceQuantityUpdate[]): Promise<BatchOutcome> {
    return products.updatePriceQuantity(this.#ctx, updates);
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
  shipmentProviders(orderId: string, orderItemIds: string[]): Promise<ShipmentProviders> {
    return fulfillment.shipmentProviders(this.#ctx, orderId, orderItemIds);
  }
  pack(requests: PackRequest[]): Promise<PackedItem[]> {
    return fulfillment.pack(this.#ctx, requests);
  }
  shippingLabel(
    packages: PackageRef[],
    options: { docType?: 'PDF' | 'HTML' } = {},
  ): Promise<ShippingDocument> {
    return fulfillment.shippingLabel(this.#ctx, packages, options.docType);
  }
  readyToShip(packages: PackageRef[]): Promise<PackageOutcome[]> {
    return fulfillment.readyToShip(this.#ctx, packages);
  }
  cancelReasons(orderId: string, orderItemIds: string[]): Promise<CancelReason[]> {
    return fulfillment.cancelReasons(this.#ctx, orderId, orderItemIds);
  }
  cancel(request: CancelRequest): Promise<void> {
    return fulfillment.cancel(this.#ctx, request);
  }
  listReverseOrders(query: ReverseQuery): Promise<ReversePage> {
    return reverse.listReverseOrders(this.#ctx, query);
  }
  decideCancel(decision: CancelDecision): Promise<void> {
    return reverse.decideCancel(this.#ctx, decision);
  }
  migrateImages(urls: string[]): Promise<ImageMigration> {
    return catalog.migrateImages(this.#ctx, urls, this.#sleep);
  }
  uploadImage(image: { bytes: Uint8Array; contentType: string }): Promise<string> {
    return catalog.uploadImage(this.#ctx, image);
  }
  verifyPush(rawBody: string | Buffer, authorization: string | undefined): boolean {
    return verifyPushSignature(this.#secret, this.#ctx.client.appKey, rawBody, authorization);
  }
  parsePush(rawBody: string | Buffer): PushMessage {
    return parsePushMessage(rawBody, this.#ctx.site.platform);
  }
}
