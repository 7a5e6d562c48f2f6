/**
 * The sandbox's records. Plain JSON-able objects: they are kept in memory, journaled to the state
 * directory as JSON lines and replayed at start.
 */
export interface AppRecord {
  appKey: string;
  appSecret: string;
  /** Where pushes (webhooks) for this app go; none means pushes are not sent. */
  pushUrl?: string;
  /** When set, /oauth/authorize requires redirect_uri to equal it (as the real console does). */
  callbackUrl?: string;
}

export interface SellerSiteIds {
  sellerId: string;
  userId: string;
  shortCode: string;
}

export interface SellerRecord {
  account: string;
  name: string;
  /** Cross-border (e.g. Korean) seller: one Lazada authorization covers every Lazada venture. */
  crossBorder: boolean;
  status: 'ACTIVE' | 'INACTIVE';
  /** Per-site ids, assigned when the seller first touches a site (site key → ids). */
  sites: Record<string, SellerSiteIds>;
}

export interface AuthCodeRecord {
  code: string;
  appKey: string;
  account: string;
  platform?: string;
  venture?: string;
  expiresAt: number;
  used: boolean;
}

/** One seller's authorization of one app on one platform; refresh rotates `refreshToken`. */
export interface GrantRecord {
  id: string;
  appKey: string;
  account: string;
  platform: string;
  /** Site keys the tokens are valid on. */
  sites: string[];
  /** `sg`…, or `cb` for a cross-border Lazada grant. */
  country: string;
  refreshToken: string;
  refreshExpiresAt: number;
  createdAt: number;
}

export interface AccessTokenRecord {
  token: string;
  grantId: string;
  expiresAt: number;
}

export interface SkuRecord {
  skuId: number;
  sellerSku: string;
  shopSku: string;
  status: 'active' | 'inactive' | 'deleted';
  /** Total stock the seller declared. */
  quantity: number;
  /** Units held by open orders (sellable = quantity − occupied). */
  occupied: number;
  price: string;
  specialPrice?: string;
  specialFromDate?: string;
  specialToDate?: string;
  packageWeight: string;
  packageLength: string;
  packageWidth: string;
  packageHeight: string;
  packageContent?: string;
  images: string[];
  saleProp: Record<string, string>;
  /** Other sku-level attributes sent (e.g. category sku attributes). */
  attributes: Record<string, string>;
}

export type ProductStatus = 'Pending QC' | 'Active' | 'InActive' | 'Deleted' | 'Suspended';
export type QcState = 'pending' | 'approved' | 'rejected';

export interface ProductRecord {
  itemId: number;
  site: string;
  sellerId: string;
  primaryCategory: number;
  attributes: Record<string, string>;
  images: string[];
  status: ProductStatus;
  qc: QcState;
  rejectReason?: { suggestion: string; violationDetail: string }[];
  skus: SkuRecord[];
  createdAt: number;
  updatedAt: number;
  /** Sandbox time the pending QC decision is due. */
  qcDueAt?: number;
}

export type ItemStatus =
  | 'unpaid'
  | 'pending'
  | 'packed'
  | 'repacked'
  | 'ready_to_ship'
  | 'shipped'
  | 'delivered'
  | 'failed_delivery'
  | 'canceled'
  | 'returned'
  | 'lost_by_3pl'
  | 'shipped_back'
  | 'shipped_back_success';

export interface Address {
  first_name: string;
  last_name: string;
  phone: string;
  phone2: string;
  address1: string;
  address2: string;
  address3: string;
  address4: string;
  address5: string;
  city: string;
  post_code: string;
  country: string;
  addressDsitrict: string;
}

export interface OrderItemRecord {
  orderItemId: number;
  itemId: number;
  skuId: number;
  sellerSku: string;
  shopSku: string;
  name: string;
  variation: string;
  /** Minor units of the site currency. */
  itemPrice: number;
  paidPrice: number;
  shippingAmount: number;
  voucherSeller: number;
  voucherPlatform: number;
  status: ItemStatus;
  createdAt: number;
  updatedAt: number;
  packageId?: string;
  trackingCode?: string;
  shipmentProvider?: string;
  reason?: string;
  reasonDetail?: string;
  cancelReturnInitiator?: string;
  returnStatus?: string;
  reverseOrderId?: number;
  reverseOrderLineId?: number;
  /** The reverse order's latest status (CANCEL_INIT, CANCEL_SUCCESS, REFUND_SUCCESS…) and type. */
  reverseStatus?: string;
  reverseRequestType?: 'CANCEL' | 'RETURN' | 'ONLY_REFUND';
  reverseCreatedAt?: number;
  reverseModifiedAt?: number;
  paymentTime?: number;
  promisedShippingTime: number;
  productMainImage: string;
}

export interface OrderRecord {
  orderId: number;
  orderNumber: number;
  site: string;
  sellerId: string;
  createdAt: number;
  updatedAt: number;
  customerFirstName: string;
  customerLastName: string;
  buyerId: number;
  addressShipping: Address;
  addressBilling: Address;
  paymentMethod: string;
  /** Minor units. */
  shippingFee: number;
  voucherSeller: number;
  voucherPlatform: number;
  voucherCode: string;
  remarks: string;
  buyerNote: string;
  items: OrderItemRecord[];
  /** Sandbox time an unpaid (online payment) order gets paid. */
  payDueAt?: number;
  /** A buyer's cancellation request waiting for the seller (AliExpress `IN_CANCEL`). */
  cancelRequest?: { at: number; reason: string };
  /** Why a closed order ended (AliExpress `order_end_reason`). */
  endReason?: string;
}

export interface PackageRecord {
  packageId: string;
  site: string;
  orderId: number;
  orderItemIds: number[];
  trackingNumber: string;
  providerCode: string;
  providerName: string;
  createdAt: number;
  /** Sandbox times the carrier picks up (ready_to_ship → shipped) and delivers. */
  shipDueAt?: number;
  deliverDueAt?: number;
}

/** A due action of the simulation, in sandbox time; rebuilt from the records' due fields at load. */
export interface TimerRecord {
  at: number;
  kind: 'qc' | 'pay' | 'ship' | 'deliver';
  site: string;
  /** item id (qc), order id (pay) or package id (ship, deliver). */
  ref: string;
}

export interface PushRecord {
  id: number;
  appKey: string;
  site: string;
  messageType: number;
  body: Record<string, unknown>;
  /** Sandbox time the next attempt is due. */
  dueAt: number;
  attempts: number;
  state: 'queued' | 'delivered' | 'failed';
  lastStatus?: number | string;
  /** Refresh `order_status` from this item before a retry ("the retry carries the latest status"). */
  orderRef?: { site: string; orderId: number; orderItemId: number };
  duplicate?: boolean;
}
