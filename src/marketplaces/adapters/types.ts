import type { Money } from '../../shared/index.ts';
import type { JsonObject } from '../lossless-json.ts';
import type { Site } from '../sites.ts';

/**
 * The common, typed interface every platform adapter exposes. Ids are strings, money is Money in
 * the site's currency, times are Dates; each record keeps the platform's `raw` object for fields
 * this interface does not name.
 */
export interface CategoryNode {
  id: string;
  name: string;
  /** Only leaf categories may be used to create products (4134). */
  leaf: boolean;
  children: CategoryNode[];
}

export interface AttributeOption {
  id?: string | undefined;
  name: string;
  /** Send this value for enums (Lazada advises `en_name`). */
  enName?: string | undefined;
}

export interface CategoryAttribute {
  id: string;
  /** The key to send (`name`, `brand_id`, `color_family`…). */
  name: string;
  label: string;
  mandatory: boolean;
  /** Variant dimension (`is_sale_prop`). */
  saleProp: boolean;
  /** `normal` → product Attributes, `sku` → each Sku. */
  level: 'product' | 'sku';
  inputType: string;
  options: AttributeOption[];
  raw: JsonObject;
}

export interface Brand {
  id: string;
  name: string;
  nameEn?: string | undefined;
  globalIdentifier?: string | undefined;
}

export interface BrandPage {
  brands: Brand[];
  total?: number | undefined;
}

export interface SkuInput {
  sellerSku: string;
  price: Money;
  specialPrice?: Money | undefined;
  specialFrom?: Date | undefined;
  specialTo?: Date | undefined;
  quantity: number;
  packageWeightKg?: string | number | undefined;
  packageLengthCm?: string | number | undefined;
  packageWidthCm?: string | number | undefined;
  packageHeightCm?: string | number | undefined;
  /** Variant values (`color_family`, `size`). */
  saleProps?: Record<string, string> | undefined;
  /** Other SKU-level attributes (`attribute_type: "sku"`). */
  attributes?: Record<string, string | number | boolean> | undefined;
  images?: string[] | undefined;
}

export interface ProductInput {
  /** Leaf category id of this site (ids differ per venture). */
  categoryId: string;
  /** Product-level attributes: `name`, `description`, `short_description`, `brand_id`, category attributes. */
  attributes: Record<string, string | number | boolean>;
  /** Platform-hosted image URLs (migrate external ones first), ≤ 8. */
  images: string[];
  skus: SkuInput[];
  /** An existing SellerSku of the item, to add SKUs to it. */
  associatedSku?: string | undefined;
}

export interface ProductUpdateInput {
  itemId: string;
  attributes?: Record<string, string | number | boolean> | undefined;
  images?: string[] | undefined;
  skus: (Partial<Omit<SkuInput, 'sellerSku'>> & { sellerSku: string; skuId?: string | undefined })[];
}

export interface RemoteSkuRef {
  sellerSku: string;
  skuId?: string | undefined;
  shopSku?: string | undefined;
}

export interface CreatedProduct {
  itemId: string;
  status?: string | undefined;
  skus: RemoteSkuRef[];
  /** True when the product was found by SellerSku after an unanswered create, not created now. */
  reconciled: boolean;
}

export interface PriceQuantityUpdate {
  sellerSku: string;
  /** Required by AliExpress (product_id); optional on Lazop platforms. */
  itemId?: string | undefined;
  skuId?: string | undefined;
  price?: Money | undefined;
  salePrice?: Money | undefined;
  saleStart?: Date | undefined;
  saleEnd?: Date | undefined;
  /** Total stock (not a delta). */
  quantity?: number | undefined;
}

export interface ItemFailure {
  key: string;
  code: string;
  message: string;
  retryable: boolean;
}

/** A SKU to take off a site: Lazada removes by SellerSku, AliExpress offlines the product (itemId). */
export interface RemoveRef {
  sellerSku: string;
  itemId?: string;
}

export interface BatchOutcome {
  /** API calls made. */
  calls: number;
  succeeded: string[];
  failed: ItemFailure[];
}

export type ProductFilter = 'all' | 'live' | 'inactive' | 'deleted' | 'pending' | 'rejected' | 'sold-out';

export interface ProductQuery {
  filter?: ProductFilter | undefined;
  /** ≤ 100 per call. */
  sellerSkus?: string[] | undefined;
  itemId?: string | undefined;
  createdAfter?: Date | undefined;
  updatedAfter?: Date | undefined;
  limit?: number | undefined;
  offset?: number | undefined;
}

export interface RemoteSku extends RemoteSkuRef {
  status?: string | undefined;
  quantity?: number | undefined;
  available?: number | undefined;
  price?: Money | undefined;
  specialPrice?: Money | undefined;
}

export interface RemoteProduct {
  itemId: string;
  status?: string | undefined;
  subStatus?: string | undefined;
  categoryId?: string | undefined;
  name?: string | undefined;
  skus: RemoteSku[];
  createdAt?: Date | undefined;
  updatedAt?: Date | undefined;
  rejectReasons: string[];
  raw: JsonObject;
}

export interface ProductPage {
  products: RemoteProduct[];
  total?: number | undefined;
}

export interface OrderQuery {
  createdAfter?: Date | undefined;
  createdBefore?: Date | undefined;
  updatedAfter?: Date | undefined;
  updatedBefore?: Date | undefined;
  status?: string | undefined;
  /** ≤ 100. */
  limit?: number | undefined;
  /** ≤ 5000 on Lazop platforms: page further with a later time window. */
  offset?: number | undefined;
  sortBy?: 'created_at' | 'updated_at' | undefined;
  sortDirection?: 'ASC' | 'DESC' | undefined;
}

export interface RemoteOrder {
  orderId: string;
  orderNumber?: string | undefined;
  createdAt?: Date | undefined;
  updatedAt?: Date | undefined;
  /** Distinct item statuses (Lazada has no order-level status); AliExpress: the order status. */
  statuses: string[];
  /** Sum of item prices before vouchers and shipping. */
  price?: Money | undefined;
  shippingFee?: Money | undefined;
  itemsCount?: number | undefined;
  paymentMethod?: string | undefined;
  raw: JsonObject;
}

export interface OrderPage {
  orders: RemoteOrder[];
  count: number;
  total?: number | undefined;
}

export interface RemoteOrderItem {
  orderItemId: string;
  orderId: string;
  status: string;
  sellerSku?: string | undefined;
  shopSku?: string | undefined;
  skuId?: string | undefined;
  productId?: string | undefined;
  name?: string | undefined;
  itemPrice?: Money | undefined;
  paidPrice?: Money | undefined;
  quantity: number;
  packageId?: string | undefined;
  trackingCode?: string | undefined;
  shipmentProvider?: string | undefined;
  raw: JsonObject;
}

export interface ShipmentProviders {
  allocateType?: string | undefined;
  platformDefault?: boolean | undefined;
  providers: { name: string; code: string }[];
}

/** An AliExpress logistics address: a saved address id (seller back office), or the address itself. */
export type AeLogisticsAddress =
  | { addressId: string }
  | {
      name: string;
      phone: string;
      /** ISO 3166 alpha-2. */
      country: string;
      province?: string | undefined;
      city: string;
      streetAddress: string;
      postCode?: string | undefined;
      email?: string | undefined;
    };

/** One customs line of an AliExpress online logistics order. */
export interface CustomsDeclaration {
  productId?: string | undefined;
  /** English description, 1–60 characters. */
  nameEn: string;
  /** Chinese description, 1–20 characters (AliExpress requires one). */
  nameCn: string;
  quantity: number;
  /** Declared value of the line (0.01–10,000). */
  value: Money;
  /** Declared weight, 0.001–2 kg. */
  weightKg: number;
  containsBattery?: boolean | undefined;
  hsCode?: string | undefined;
}

/** AliExpress online logistics (`aliexpress.logistics.createwarehouseorder`) inputs for a pack. */
export interface AeLogisticsOrder {
  sender: AeLogisticsAddress;
  pickup?: AeLogisticsAddress | undefined;
  declarations: CustomsDeclaration[];
  /** What happens to an undeliverable parcel (default return). */
  undeliverable?: 'return' | 'destroy' | undefined;
  /** The seller's domestic leg to the logistics warehouse, when there is one. */
  domesticTracking?: { company: string; companyId?: string | undefined; trackingNumber: string } | undefined;
}

export interface PackRequest {
  orderId: string;
  orderItemIds: string[];
  /** Cross-border (NTFS) only; never for TFS. AliExpress: the logistics service name. */
  shipmentProviderCode?: string | undefined;
  shippingAllocateType?: 'TFS' | 'NTFS' | undefined;
  /** AliExpress, the seller's own logistics: its tracking number (no platform call). */
  trackingNumber?: string | undefined;
  /** AliExpress online logistics: a logistics order is created and the platform tracking number returned. */
  aliexpress?: AeLogisticsOrder | undefined;
}

export interface PackedItem {
  orderId: string;
  orderItemId: string;
  ok: boolean;
  packageId?: string | undefined;
  trackingNumber?: string | undefined;
  shipmentProvider?: string | undefined;
  code?: string | undefined;
  message?: string | undefined;
  retryable?: boolean | undefined;
}

/** A package to print or ship; AliExpress needs the order and tracking data here too. */
export interface PackageRef {
  packageId: string;
  orderId?: string | undefined;
  orderItemIds?: string[] | undefined;
  trackingNumber?: string | undefined;
  shipmentProvider?: string | undefined;
}

export interface PackageOutcome {
  packageId: string;
  ok: boolean;
  code?: string | undefined;
  message?: string | undefined;
  retryable?: boolean | undefined;
}

export interface ShippingDocument {
  docType: string;
  mimeType: string;
  /** The document bytes, base64 (all packages merged in one file). */
  base64: string;
  url?: string | undefined;
}

export interface CancelReason {
  id: string;
  name: string;
}

export interface CancelRequest {
  orderId: string;
  orderItemIds: string[];
  reasonId?: string | undefined;
  reasonDetail?: string | undefined;
}

/** GetReverseOrdersForSeller's filter: reverse lines changed in a window (ms precision), paged from 1. */
export interface ReverseQuery {
  modifiedAfter?: Date | undefined;
  modifiedBefore?: Date | undefined;
  reverseOrderId?: string | undefined;
  pageNo?: number | undefined;
  pageSize?: number | undefined;
}

/** One line of a reverse order (buyer cancel request, return, refund) as the platform lists it. */
export interface RemoteReverseLine {
  reverseOrderId: string;
  reverseOrderLineId: string;
  orderId: string;
  orderItemId: string;
  status: string;
  requestType?: string | undefined;
  modifiedAt?: Date | undefined;
}

export interface CancelDecision {
  orderId: string;
  /** The platform's reverse order; AliExpress has none (its request is the order's `IN_CANCEL`). */
  reverseOrderId?: string | undefined;
  agree: boolean;
  /** Lazop: an optional reason code; AliExpress: the memo required to refuse. */
  reason?: string | undefined;
}

export interface ReversePage {
  /** Reverse orders matching, over all pages. */
  total: number;
  /** Reverse orders on this page. */
  orders: number;
  lines: RemoteReverseLine[];
}

export interface ImageMigration {
  batchId?: string | undefined;
  images: { url: string; hashCode?: string | undefined; originalUrl?: string | undefined }[];
  errors: { originalUrl?: string | undefined; message: string }[];
}

export type PushKind =
  | 'order-status'
  | 'product-qc'
  | 'product-created'
  | 'product-updated'
  | 'product-deleted'
  | 'shallow-stock'
  | 'token-expiring'
  | 'reverse-order'
  | 'other';

export interface PushMessage {
  platform: string;
  venture?: string | undefined;
  sellerId: string;
  messageType: number;
  kind: PushKind;
  timestamp?: Date | undefined;
  /** The `data` object with ids as strings. */
  data: JsonObject;
  /** Deduplication key: at-least-once delivery makes duplicates normal. */
  dedupeKey: string;
}

export interface MarketplaceAdapter {
  readonly site: Site;
  /** Lazop: the whole tree. AliExpress: the children of `parentId` (root when absent). */
  categoryTree(options?: { language?: string; parentId?: string }): Promise<CategoryNode[]>;
  categoryAttributes(categoryId: string, options?: { language?: string }): Promise<CategoryAttribute[]>;
  brands(options?: { offset?: number; limit?: number; categoryId?: string }): Promise<BrandPage>;
  /** Never blindly retried: an unanswered create is reconciled by SellerSku. */
  createProduct(input: ProductInput): Promise<CreatedProduct>;
  updateProduct(input: ProductUpdateInput): Promise<void>;
  /** Batched within the documented limits; business failures come back per SKU. */
  updatePriceQuantity(updates: PriceQuantityUpdate[]): Promise<BatchOutcome>;
  /** Takes products off the site for good; a SKU the site no longer has counts as removed. */
  removeProducts(refs: RemoveRef[]): Promise<BatchOutcome>;
  getProducts(query?: ProductQuery): Promise<ProductPage>;
  listOrders(query: OrderQuery): Promise<OrderPage>;
  getOrder(orderId: string): Promise<RemoteOrder>;
  getOrderItems(orderId: string): Promise<RemoteOrderItem[]>;
  shipmentProviders(orderId: string, orderItemIds: string[]): Promise<ShipmentProviders>;
  pack(requests: PackRequest[]): Promise<PackedItem[]>;
  shippingLabel(packages: PackageRef[], options?: { docType?: 'PDF' | 'HTML' }): Promise<ShippingDocument>;
  readyToShip(packages: PackageRef[]): Promise<PackageOutcome[]>;
  cancelReasons(orderId: string, orderItemIds: string[]): Promise<CancelReason[]>;
  cancel(request: CancelRequest): Promise<void>;
  /** Reverse orders by change window (Lazop GetReverseOrdersForSeller); absent where none is offered. */
  listReverseOrders?(query: ReverseQuery): Promise<ReversePage>;
  /**
   * Answers a buyer's cancellation request: Lazop by its reverse order
   * (`/order/reverse/cancel/seller/decide`), AliExpress by the order (accept or refuse cancel).
   */
  decideCancel?(decision: CancelDecision): Promise<void>;
  migrateImages(urls: string[]): Promise<ImageMigration>;
  /** Puts image bytes on the platform's CDN (images made here have no public URL); its hosted URL. */
  uploadImage(image: { bytes: Uint8Array; contentType: string }): Promise<string>;
  /** Checks a push's `Authorization` header over the raw body bytes. */
  verifyPush(rawBody: string | Buffer, authorization: string | undefined): boolean;
  parsePush(rawBody: string | Buffer): PushMessage;
}
