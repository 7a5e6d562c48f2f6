import type { OrderItemRecord, OrderRecord, PackageRecord, SellerRecord } from '../core/model.ts';
import type { Runtime } from '../core/runtime.ts';
import type { Site } from '../core/sites.ts';
import { moveItem } from './item-states.ts';

export interface Provider {
  name: string;
  provider_code: string;
}

/**
 * Shipping allocation: local sellers are TFS (the platform picks the carrier); cross-border
 * sellers are NTFS and choose one of the providers.
 */
export function shippingOptions(
  site: Site,
  seller: SellerRecord | undefined,
): { allocate: 'TFS' | 'NTFS'; providers: Provider[] } {
  const cc = site.country;
  if (seller?.crossBorder) {
    return {
      allocate: 'NTFS',
      providers: [
        { name: `Cainiao Global ${cc}`, provider_code: `CAINIAO_${cc}` },
        { name: 'CJ Logistics KR', provider_code: 'CJ_KR' },
        { name: `SF Express ${cc}`, provider_code: `SF_${cc}` },
      ],
    };
  }
  const local = { lazada: 'LEX', daraz: 'Daraz Express', miravia: 'Correos Express', aliexpress: 'Cainiao' }[
    site.platform
  ];
  return {
    allocate: 'TFS',
    providers: [
      { name: `${local} ${cc}`, provider_code: `${local.replace(/\s+/g, '_').toUpperCase()}_${cc}` },
    ],
  };
}

/** The seller record of an order's seller. */
export function sellerOfOrder(rt: Runtime, order: OrderRecord): SellerRecord | undefined {
  const account = rt.store.accountBySellerId.get(`${order.site}:${order.sellerId}`);
  return account ? rt.store.sellers.get(account) : undefined;
}

/** Packs items of one order into a new package with a platform tracking number. */
export function createPackage(
  rt: Runtime,
  order: OrderRecord,
  items: OrderItemRecord[],
  provider: Provider,
): PackageRecord {
  const data = rt.store.site(order.site);
  const site = data.site;
  const pkg: PackageRecord = {
    packageId: data.nextPackageId(),
    site: order.site,
    orderId: order.orderId,
    orderItemIds: items.map((i) => i.orderItemId),
    trackingNumber: `${site.trackingPrefix}${String(rt.rng.int(0, 9_999_999_999)).padStart(10, '0')}`,
    providerCode: provider.provider_code,
    providerName: provider.name,
    createdAt: rt.now(),
  };
  data.indexPackage(pkg);
  for (const item of items) {
    item.packageId = pkg.packageId;
    item.trackingCode = pkg.trackingNumber;
    item.shipmentProvider = provider.name;
    moveItem(rt, order, item, 'packed');
  }
  rt.store.touch('package', order.site, pkg.packageId);
  rt.store.touch('site', order.site, order.site);
  rt.stats.inc('packages.created');
  return pkg;
}

export function packageItems(order: OrderRecord, pkg: PackageRecord): OrderItemRecord[] {
  return order.items.filter((i) => pkg.orderItemIds.includes(i.orderItemId));
}

/** Ready to ship: the carrier picks the package up after the ship delay. */
export function markReadyToShip(rt: Runtime, order: OrderRecord, pkg: PackageRecord): void {
  for (const item of packageItems(order, pkg)) moveItem(rt, order, item, 'ready_to_ship');
  pkg.shipDueAt = rt.now() + rt.opts.shipDelayMs;
  rt.timers.add({ at: pkg.shipDueAt, kind: 'ship', site: pkg.site, ref: pkg.packageId });
  rt.store.touch('package', pkg.site, pkg.packageId);
}

/** Undoes a pack: the package goes away and its items become `repacked` (packable again). */
export function repack(rt: Runtime, order: OrderRecord, pkg: PackageRecord): void {
  for (const item of packageItems(order, pkg)) {
    delete item.packageId;
    delete item.trackingCode;
    delete item.shipmentProvider;
    moveItem(rt, order, item, 'repacked');
  }
  rt.store.site(pkg.site).dropPackage(pkg.packageId);
  rt.store.touch('package', pkg.site, pkg.packageId);
}

function duePackage(
  rt: Runtime,
  siteKey: string,
  packageId: string,
): { pkg: PackageRecord; order: OrderRecord } | undefined {
  const data = rt.store.site(siteKey);
  const pkg = data.packages.get(packageId);
  const order = pkg ? data.orders.get(pkg.orderId) : undefined;
  return pkg && order ? { pkg, order } : undefined;
}

/** Carrier pick-up: ready_to_ship → shipped, then delivery after the deliver delay. */
export function runShipTimer(rt: Runtime, siteKey: string, packageId: string): void {
  const due = duePackage(rt, siteKey, packageId);
  if (!due || due.pkg.shipDueAt === undefined || due.pkg.shipDueAt > rt.now()) return;
  delete due.pkg.shipDueAt;
  let shipped = 0;
  for (const item of packageItems(due.order, due.pkg))
    if (moveItem(rt, due.order, item, 'shipped')) shipped += 1;
  if (shipped > 0) {
    due.pkg.deliverDueAt = rt.now() + rt.opts.deliverDelayMs;
    rt.timers.add({ at: due.pkg.deliverDueAt, kind: 'deliver', site: siteKey, ref: packageId });
  }
  rt.store.touch('package', siteKey, packageId);
}

export function runDeliverTimer(rt: Runtime, siteKey: string, packageId: string): void {
  const due = duePackage(rt, siteKey, packageId);
  if (!due || due.pkg.deliverDueAt === undefined || due.pkg.deliverDueAt > rt.now()) return;
  delete due.pkg.deliverDueAt;
  for (const item of packageItems(due.order, due.pkg)) moveItem(rt, due.order, item, 'delivered');
  rt.store.touch('package', siteKey, packageId);
}
