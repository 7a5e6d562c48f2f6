import { shipStock } from '../inventory/index.ts';
import {
  checkFirstMileTracking,
  checkInternationalTracking,
  INTERNATIONAL_CARRIERS,
  recordTracking,
  type TrackingProblem,
} from '../logistics/index.ts';
import type { PackageRef, ShippingDocument } from '../marketplaces/index.ts';
import { AppError, err, newId, ok, scopedSellerId, type Result, type Scope } from '../shared/index.ts';
import { siteById } from './channels.ts';
import { channelOf, linesOf, orderInScope, recordEvent, refreshOrder, type OrderDeps } from './order-deps.ts';

/**
 * Fulfilment through each platform's flavour (research 2.7): `fulfill-pack` (Lazada, Daraz,
 * Miravia: providers → pack → AWB → ready-to-ship; cross-border sellers are NTFS and name a
 * provider, local ones TFS) and `aliexpress` (the seller ships with its own logistics number and
 * service). Packages are recorded as the marketplace answers; statuses come back by reading the
 * order after each call (the same exactly-once path as pushes). Handing a package to the
 * first-mile carrier is when its units leave the seller's stock.
 */

export type PackFailure =
  | { kind: 'nothing-to-pack'; statuses: string[] }
  | { kind: 'stock-short'; lines: string[] }
  | { kind: 'needs-tracking'; message: string }
  | {
      kind: 'rejected';
      items: {
        lineId: string;
        code?: string | undefined;
        message?: string | undefined;
        retryable?: boolean | undefined;
      }[];
    };

export interface PackResult {
  packages: {
    packageId: string;
    externalPackageId: string;
    trackingNumber?: string | undefined;
    provider?: string | undefined;
    lines: string[];
  }[];
}

const PACKABLE = new Set(['pending', 'repacked']);

export async function packOrder(
  deps: OrderDeps,
  scope: Scope,
  input: {
    orderId: string;
    lineIds?: readonly string[];
    providerCode?: string;
    trackingNumber?: string;
    actor?: string;
  },
): Promise<Result<PackResult, PackFailure>> {
  const order = await orderInScope(deps.store, scope, input.orderId);
  const all = await linesOf(deps.store, order.id);
  const lines = all.filter(
    (l) =>
      PACKABLE.has(l.status) &&
      (!input.lineIds || input.lineIds.includes(l.id) || input.lineIds.includes(l.externalItemId)),
  );
  if (lines.length === 0)
    return err({ kind: 'nothing-to-pack', statuses: [...new Set(all.map((l) => l.status))] });
  const short = lines.filter((l) => l.stockState === 'short');
  if (short.length > 0) return err({ kind: 'stock-short', lines: short.map((l) => l.id) });
  const site = siteById(order.site);
  const adapter = deps.gateway.adapter(await channelOf(deps, order));
  const itemIds = lines.map((l) => l.externalItemId);
  let request;
  if (site.fulfillment === 'aliexpress') {
    if (!input.trackingNumber || !input.providerCode) {
      return err({
        kind: 'needs-tracking',
        message:
          'AliExpress ships with your own logistics: book the parcel (e.g. Korea Post EMS) and give its service and tracking number',
      });
    }
    request = {
      orderId: order.externalOrderId,
      orderItemIds: itemIds,
      shipmentProviderCode: input.providerCode,
      trackingNumber: input.trackingNumber,
    };
  } else {
    const providers = await adapter.shipmentProviders(order.externalOrderId, itemIds);
    const ntfs = providers.allocateType === 'NTFS';
    const code = input.providerCode ?? providers.providers[0]?.code;
    if (ntfs && !code)
      throw new AppError(
        'upstream',
        `${site.id} offers no shipment provider for order ${order.externalOrderId}`,
      );
    request = {
      orderId: order.externalOrderId,
      orderItemIds: itemIds,
      shippingAllocateType: ntfs ? ('NTFS' as const) : ('TFS' as const),
      ...(ntfs ? { shipmentProviderCode: code } : {}),
    };
  }
  const packed = await adapter.pack([request]);
  const byItem = new Map(lines.map((l) => [l.externalItemId, l]));
  const failed = packed.filter((p) => !p.ok);
  const now = deps.clock.now();
  const groups = new Map<string, PackResult['packages'][number]>();
  for (const p of packed.filter((x) => x.ok && x.packageId)) {
    const line = byItem.get(p.orderItemId);
    if (!line) continue;
    let g = groups.get(p.packageId!);
    if (!g) {
      const [row] = await deps.store.query<{ id: string }>(
        `INSERT INTO packages (id, seller_id, order_id, site, external_package_id, tracking_number, shipment_provider, status,
           created_at, updated_at) VALUES ($1,$2,$3,$4,$5,$6,$7,'packed',$8,$8)
         ON CONFLICT (site, external_package_id) DO UPDATE SET tracking_number = EXCLUDED.tracking_number,
           shipment_provider = EXCLUDED.shipment_provider, status = 'packed', updated_at = EXCLUDED.updated_at
         RETURNING id`,
        [
          newId('package', now.getTime()),
          order.sellerId,
          order.id,
          order.site,
          p.packageId,
          p.trackingNumber ?? input.trackingNumber ?? null,
          p.shipmentProvider ?? input.providerCode ?? null,
          now,
        ],
      );
      g = {
        packageId: row!.id,
        externalPackageId: p.packageId!,
        trackingNumber: p.trackingNumber ?? input.trackingNumber,
        provider: p.shipmentProvider ?? input.providerCode,
        lines: [],
      };
      groups.set(p.packageId!, g);
    }
    g.lines.push(line.id);
    await deps.store.query(
      `UPDATE order_lines SET package_id = $2, external_package_id = $3, tracking_number = COALESCE($4, tracking_number),
         shipment_provider = COALESCE($5, shipment_provider), updated_at = $6 WHERE id = $1`,
      [line.id, g.packageId, g.externalPackageId, g.trackingNumber ?? null, g.provider ?? null, now],
    );
  }
  for (const g of groups.values()) {
    await recordEvent(deps.store, {
      sellerId: order.sellerId,
      orderId: order.id,
      kind: 'packed',
      source: input.actor ?? 'seller',
      detail: { ...g },
      at: now,
    });
  }
  await refreshOrder(deps, order, 'manual');
  if (groups.size === 0) {
    return err({
      kind: 'rejected',
      items: failed.map((f) => ({
        lineId: byItem.get(f.orderItemId)?.id ?? f.orderItemId,
        code: f.code,
        message: f.message,
        retryable: f.retryable,
      })),
    });
  }
  return ok({ packages: [...groups.values()] });
}

/** A package's statuses (the packages table's CHECK list): ours, moved by the seller's actions and tracking. */
export const PACKAGE_STATUSES = [
  'packed',
  'ready_to_ship',
  'handed_over',
  'shipped',
  'delivered',
  'canceled',
] as const;

export type PackageStatus = (typeof PACKAGE_STATUSES)[number];

export interface PackageRow {
  id: string;
  sellerId: string;
  orderId: string;
  site: string;
  externalPackageId: string;
  trackingNumber: string | null;
  shipmentProvider: string | null;
  status: PackageStatus;
  serviceCode: string | null;
  firstMileCarrier: string | null;
  firstMileTracking: string | null;
  internationalCarrier: string | null;
  internationalTracking: string | null;
  labelPrintedAt: Date | null;
  handedOverAt: Date | null;
}

/** Packages in scope, by our id or the marketplace's package id. */
export async function packagesInScope(
  store: OrderDeps['store'],
  scope: Scope,
  ids: readonly string[],
): Promise<PackageRow[]> {
  const rows = await store.query<Record<string, unknown>>(
    `SELECT id, seller_id, order_id, site, external_package_id, tracking_number, shipment_provider, status, service_code,
       first_mile_carrier, first_mile_tracking, international_carrier, international_tracking, label_printed_at,
       handed_over_at
     FROM packages WHERE (id = ANY($1::text[]) OR external_package_id = ANY($1::text[]) OR order_id = ANY($1::text[]))
       AND ($2::text IS NULL OR seller_id = $2) ORDER BY id`,
    [[...ids], scopedSellerId(scope) ?? null],
  );
  if (rows.length === 0) throw new AppError('not_found', `package ${ids.join(', ')} not found`);
  return rows.map((r) => ({
    id: String(r.id),
    sellerId: String(r.seller_id),
    orderId: String(r.order_id),
    site: String(r.site),
    externalPackageId: String(r.external_package_id),
    trackingNumber: (r.tracking_number as string | null) ?? null,
    shipmentProvider: (r.shipment_provider as string | null) ?? null,
    status: r.status as PackageStatus,
    serviceCode: (r.service_code as string | null) ?? null,
    firstMileCarrier: (r.first_mile_carrier as string | null) ?? null,
    firstMileTracking: (r.first_mile_tracking as string | null) ?? null,
    internationalCarrier: (r.international_carrier as string | null) ?? null,
    internationalTracking: (r.international_tracking as string | null) ?? null,
    labelPrintedAt: (r.label_printed_at as Date | null) ?? null,
    handedOverAt: (r.handed_over_at as Date | null) ?? null,
  }));
}

function refsOf(
  pkgs: PackageRow[],
  lines: { packageId: string | null; externalItemId: string; orderExternalId: string }[],
): PackageRef[] {
  return pkgs.map((p) => ({
    packageId: p.externalPackageId,
    orderId: lines.find((l) => l.packageId === p.id)?.orderExternalId,
    orderItemIds: lines.filter((l) => l.packageId === p.id).map((l) => l.externalItemId),
    trackingNumber: p.trackingNumber ?? undefined,
    shipmentProvider: p.shipmentProvider ?? undefined,
  }));
}

async function packageLines(deps: OrderDeps, pkgs: PackageRow[]) {
  return deps.store.query<{ packageId: string | null; externalItemId: string; orderExternalId: string }>(
    `SELECT l.package_id AS "packageId", l.external_item_id AS "externalItemId", o.external_order_id AS "orderExternalId"
     FROM order_lines l JOIN orders o ON o.id = l.order_id WHERE l.package_id = ANY($1::text[])`,
    [pkgs.map((p) => p.id)],
  );
}

/** The marketplace's shipping label (AWB) for packages of one site, as one PDF. */
export async function shippingLabel(
  deps: OrderDeps,
  scope: Scope,
  input: { packageIds: readonly string[]; actor?: string },
): Promise<{ document: ShippingDocument; bytes: Buffer; packages: PackageRow[] }> {
  const pkgs = await packagesInScope(deps.store, scope, input.packageIds);
  const sites = new Set(pkgs.map((p) => p.site));
  if (sites.size > 1) throw new AppError('invalid_input', 'packages: print labels one site at a time');
  const first = pkgs[0]!;
  const order = await orderInScope(deps.store, scope, first.orderId);
  const adapter = deps.gateway.adapter(await channelOf(deps, order));
  const document = await adapter.shippingLabel(refsOf(pkgs, await packageLines(deps, pkgs)), {
    docType: 'PDF',
  });
  const now = deps.clock.now();
  await deps.store.query(
    `UPDATE packages SET label_printed_at = $2, updated_at = $2 WHERE id = ANY($1::text[])`,
    [pkgs.map((p) => p.id), now],
  );
  for (const p of pkgs) {
    await recordEvent(deps.store, {
      sellerId: p.sellerId,
      orderId: p.orderId,
      kind: 'label-printed',
      source: input.actor ?? 'seller',
      detail: { packageId: p.id, trackingNumber: p.trackingNumber },
      at: now,
    });
  }
  return { document, bytes: Buffer.from(document.base64, 'base64'), packages: pkgs };
}

/** Tells the marketplace the packages are ready to ship; returns each package's outcome. */
export async function readyToShip(
  deps: OrderDeps,
  scope: Scope,
  input: { packageIds: readonly string[]; actor?: string },
): Promise<{ packageId: string; ok: boolean; message?: string | undefined }[]> {
  const pkgs = await packagesInScope(deps.store, scope, input.packageIds);
  const out: { packageId: string; ok: boolean; message?: string | undefined }[] = [];
  for (const siteId of new Set(pkgs.map((p) => p.site))) {
    const mine = pkgs.filter((p) => p.site === siteId);
    const order = await orderInScope(deps.store, scope, mine[0]!.orderId);
    const adapter = deps.gateway.adapter(await channelOf(deps, order));
    const outcomes = await adapter.readyToShip(refsOf(mine, await packageLines(deps, mine)));
    const now = deps.clock.now();
    for (const p of mine) {
      const o = outcomes.find((x) => x.packageId === p.externalPackageId);
      out.push({ packageId: p.id, ok: !!o?.ok, message: o?.message });
      if (o?.ok) {
        await deps.store.query(
          `UPDATE packages SET status = 'ready_to_ship', updated_at = $2 WHERE id = $1 AND status = 'packed'`,
          [p.id, now],
        );
        await recordEvent(deps.store, {
          sellerId: p.sellerId,
          orderId: p.orderId,
          kind: 'ready-to-ship',
          source: input.actor ?? 'seller',
          detail: { packageId: p.id },
          at: now,
        });
      }
    }
    for (const orderId of new Set(mine.map((p) => p.orderId)))
      await refreshOrder(deps, await orderInScope(deps.store, scope, orderId), 'manual');
  }
  return out;
}

/**
 * The seller handed the package to the first-mile carrier (to the marketplace's hub) with that
 * carrier's tracking number: the units leave stock now, and the timeline starts. The international
 * leg's carrier and number (Korea Post EMS/K-Packet by S10 number, or the marketplace's hub) may be
 * given too, now or by handing over again; the tracking refresh reads that carrier by that number.
 */
export async function handOver(
  deps: OrderDeps,
  scope: Scope,
  input: {
    packageId: string;
    carrier: string;
    trackingNumber: string;
    /** `EMS`, `K-PACKET`, `EMS-PREMIUM` or `HUB` (the number then defaults to the marketplace's). */
    internationalCarrier?: string | undefined;
    internationalTracking?: string | undefined;
    actor?: string;
    at?: Date;
  },
): Promise<
  Result<{ packageId: string; shippedLines: number }, TrackingProblem | { kind: 'not-ready'; status: string }>
> {
  const [pkg] = await packagesInScope(deps.store, scope, [input.packageId]);
  if (!pkg) throw new AppError('not_found', `package ${input.packageId} not found`);
  if (!['packed', 'ready_to_ship', 'handed_over'].includes(pkg.status))
    return err({ kind: 'not-ready', status: pkg.status });
  const checked = checkFirstMileTracking(input.carrier, input.trackingNumber);
  if (!checked.ok) return checked;
  if (input.internationalTracking && !input.internationalCarrier)
    return err({
      kind: 'unknown-carrier',
      field: 'internationalCarrier',
      known: INTERNATIONAL_CARRIERS.map((c) => c.code),
    });
  const intl = input.internationalCarrier
    ? checkInternationalTracking(input.internationalCarrier, input.internationalTracking, pkg.trackingNumber)
    : undefined;
  if (intl && !intl.ok) return intl;
  const at = input.at ?? deps.clock.now();
  const shippedLines = await deps.store.transaction(async (tx) => {
    await tx.query(
      `UPDATE packages SET status = CASE WHEN status IN ('packed','ready_to_ship') THEN 'handed_over' ELSE status END,
         first_mile_carrier = $2, first_mile_tracking = $3, handed_over_at = COALESCE(handed_over_at, $4), updated_at = $4,
         international_carrier = COALESCE($5, international_carrier), international_tracking = COALESCE($6, international_tracking)
       WHERE id = $1`,
      [
        pkg.id,
        checked.value.carrier.code,
        checked.value.tracking,
        at,
        intl?.value.carrier.code ?? null,
        intl?.value.tracking ?? null,
      ],
    );
    const lines = await tx.query<{
      id: string;
      seller_id: string;
      variant_id: string | null;
      site: string;
      quantity: number;
      stock_state: string;
    }>(
      `SELECT id, seller_id, variant_id, site, quantity, stock_state FROM order_lines WHERE package_id = $1 ORDER BY variant_id, id FOR UPDATE`,
      [pkg.id],
    );
    let n = 0;
    for (const l of lines) {
      if (!l.variant_id || l.stock_state !== 'reserved') continue;
      const r = await shipStock(tx, {
        ref: l.id,
        sellerId: l.seller_id,
        variantId: l.variant_id,
        site: l.site,
        quantity: l.quantity,
        at,
      });
      if (r.ok) {
        await tx.query(`UPDATE order_lines SET stock_state = 'shipped', updated_at = $2 WHERE id = $1`, [
          l.id,
          at,
        ]);
        n += 1;
      }
    }
    await recordTracking(tx, [
      {
        sellerId: pkg.sellerId,
        packageId: pkg.id,
        leg: 'first-mile',
        carrier: checked.value.carrier.code,
        trackingNumber: checked.value.tracking,
        code: 'handed-over',
        description: `Handed to ${checked.value.carrier.name} for the marketplace hub`,
        location: 'KR',
        at,
      },
    ]);
    await recordEvent(tx, {
      sellerId: pkg.sellerId,
      orderId: pkg.orderId,
      kind: 'handed-over',
      source: input.actor ?? 'seller',
      detail: {
        packageId: pkg.id,
        carrier: checked.value.carrier.code,
        tracking: checked.value.tracking,
        ...(intl
          ? { internationalCarrier: intl.value.carrier.code, internationalTracking: intl.value.tracking }
          : {}),
      },
      at,
    });
    return n;
  });
  return ok({ packageId: pkg.id, shippedLines });
}
