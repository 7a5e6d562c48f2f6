import type {
  AccessTokenRecord,
  AppRecord,
  AuthCodeRecord,
  GrantRecord,
  OrderRecord,
  PackageRecord,
  ProductRecord,
  SellerRecord,
} from './model.ts';
import { SITES, type Site } from './sites.ts';

/** Per-site id sequences; ids are spread per site so they never collide across sites. */
export interface SiteSeq {
  item: number;
  sku: number;
  order: number;
  orderItem: number;
  package: number;
  reverse: number;
  seller: number;
}

/** One site's silo with the O(1) indexes request handling needs. */
export class SiteData {
  readonly products = new Map<number, ProductRecord>();
  /** `${sellerId}\u0000${SellerSku}` → item id. */
  readonly itemBySellerSku = new Map<string, number>();
  /** sku id → item id. */
  readonly itemBySkuId = new Map<number, number>();
  readonly orders = new Map<number, OrderRecord>();
  /** order item id → order id. */
  readonly orderByItemId = new Map<number, number>();
  readonly packages = new Map<string, PackageRecord>();
  /** tracking number → package id (AliExpress prints labels and declares shipment by tracking number). */
  readonly packageByTracking = new Map<string, string>();
  /** Active items with sellable stock, for simulated buyers; rebuilt lazily. */
  liveCache: number[] | undefined;
  seq: SiteSeq = { item: 0, sku: 0, order: 0, orderItem: 0, package: 0, reverse: 0, seller: 0 };
  /** Fractional orders carried between ticks by the order-rate simulation. */
  orderCarry = 0;

  constructor(readonly site: Site) {}

  nextItemId(): number {
    return 2_000_000_000 + this.site.index * 50_000_000 + ++this.seq.item;
  }
  nextSkuId(): number {
    return 10_000_000_000 + this.site.index * 500_000_000 + ++this.seq.sku;
  }
  nextOrderId(): number {
    return 500_000_000_000_000 + this.site.index * 10_000_000_000_000 + ++this.seq.order;
  }
  nextOrderItemId(): number {
    return 700_000_000_000_000 + this.site.index * 10_000_000_000_000 + ++this.seq.orderItem;
  }
  nextPackageId(): string {
    return `FP${String(this.site.index * 10_000_000_000 + ++this.seq.package).padStart(12, '0')}`;
  }
  nextReverseId(): number {
    return 900_000_000_000_000 + this.site.index * 10_000_000_000_000 + ++this.seq.reverse;
  }

  indexProduct(p: ProductRecord): void {
    this.products.set(p.itemId, p);
    for (const s of p.skus) {
      this.itemBySkuId.set(s.skuId, p.itemId);
      if (s.status !== 'deleted') this.itemBySellerSku.set(skuKey(p.sellerId, s.sellerSku), p.itemId);
      else this.itemBySellerSku.delete(skuKey(p.sellerId, s.sellerSku));
    }
    this.liveCache = undefined;
  }

  indexPackage(pkg: PackageRecord): void {
    const old = this.packages.get(pkg.packageId);
    if (old && old.trackingNumber !== pkg.trackingNumber) this.packageByTracking.delete(old.trackingNumber);
    this.packages.set(pkg.packageId, pkg);
    this.packageByTracking.set(pkg.trackingNumber, pkg.packageId);
  }

  /** Gives a package another tracking number (the seller's own, on AliExpress), keeping the index right. */
  retrack(pkg: PackageRecord, trackingNumber: string): void {
    if (this.packageByTracking.get(pkg.trackingNumber) === pkg.packageId)
      this.packageByTracking.delete(pkg.trackingNumber);
    pkg.trackingNumber = trackingNumber;
    this.indexPackage(pkg);
  }

  dropPackage(packageId: string): void {
    const pkg = this.packages.get(packageId);
    if (pkg && this.packageByTracking.get(pkg.trackingNumber) === packageId)
      this.packageByTracking.delete(pkg.trackingNumber);
    this.packages.delete(packageId);
  }

  indexOrder(o: OrderRecord): void {
    this.orders.set(o.orderId, o);
    for (const i of o.items) this.orderByItemId.set(i.orderItemId, o.orderId);
  }
}

export function skuKey(sellerId: string, sellerSku: string): string {
  return `${sellerId}\u0000${sellerSku}`;
}

export type JournalKind =
  'app' | 'seller' | 'code' | 'grant' | 'token' | 'product' | 'order' | 'package' | 'site' | 'meta';

/**
 * All sandbox state in memory. Mutations call `touch()` so the journal writes the changed record
 * (once per flush, however often it changed) instead of serializing everything.
 */
export class Store {
  readonly apps = new Map<string, AppRecord>();
  readonly sellers = new Map<string, SellerRecord>();
  /** `${siteKey}:${sellerId}` → account. */
  readonly accountBySellerId = new Map<string, string>();
  readonly codes = new Map<string, AuthCodeRecord>();
  readonly grants = new Map<string, GrantRecord>();
  readonly grantByRefresh = new Map<string, string>();
  /** account → grant ids, so a push finds its apps without scanning every grant. */
  readonly grantsByAccount = new Map<string, Set<string>>();
  readonly tokens = new Map<string, AccessTokenRecord>();
  readonly sites = new Map<string, SiteData>();
  /** Journal keys `${kind}|${site}|${id}` of records changed since the last flush. */
  readonly dirty = new Map<string, { kind: JournalKind; site: string; id: string }>();

  constructor() {
    for (const s of SITES) this.sites.set(s.key, new SiteData(s));
  }

  site(key: string): SiteData {
    const data = this.sites.get(key);
    if (!data) throw new Error(`unknown site ${key}`);
    return data;
  }

  touch(kind: JournalKind, site: string, id: string | number): void {
    const key = `${kind}|${site}|${id}`;
    if (!this.dirty.has(key)) this.dirty.set(key, { kind, site, id: String(id) });
  }

  indexSeller(s: SellerRecord): void {
    this.sellers.set(s.account, s);
    for (const [siteKey, ids] of Object.entries(s.sites))
      this.accountBySellerId.set(`${siteKey}:${ids.sellerId}`, s.account);
  }

  indexGrant(g: GrantRecord): void {
    const old = this.grants.get(g.id);
    if (old && old.refreshToken !== g.refreshToken) this.grantByRefresh.delete(old.refreshToken);
    this.grants.set(g.id, g);
    this.grantByRefresh.set(g.refreshToken, g.id);
    let ids = this.grantsByAccount.get(g.account);
    if (!ids) this.grantsByAccount.set(g.account, (ids = new Set()));
    ids.add(g.id);
  }
}
