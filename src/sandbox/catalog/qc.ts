import type { ProductRecord } from '../core/model.ts';
import type { Runtime } from '../core/runtime.ts';
import { skuList } from './product-view.ts';

const REJECT_REASONS = [
  {
    suggestion: 'Use a clear main image on a white background',
    violationDetail: 'Main image quality does not meet the image standard',
  },
  {
    suggestion: 'Remove contact details and external links from the description',
    violationDetail: 'Description contains prohibited content',
  },
  { suggestion: 'Choose the category that matches the product', violationDetail: 'Wrong category' },
  {
    suggestion: 'Make the title describe the product (brand, model, key attribute)',
    violationDetail: 'Title does not match the product',
  },
];

/** Puts a product into Pending QC; the decision falls due after the configured QC delay. */
export function submitForQc(rt: Runtime, p: ProductRecord): void {
  p.qc = 'pending';
  p.status = 'Pending QC';
  delete p.rejectReason;
  p.qcDueAt = rt.now() + rt.opts.qcDelayMs;
  rt.timers.add({ at: p.qcDueAt, kind: 'qc', site: p.site, ref: String(p.itemId) });
  rt.notify(p.site, p.sellerId, 1, { itemId: p.itemId, status: 'PENDING', reason: '', date: rt.now() });
}

/** Approves or rejects a product now (QC timer, or the admin deciding by hand). */
export function decideQc(
  rt: Runtime,
  p: ProductRecord,
  decision?: { approve: boolean; reason?: string },
): void {
  const now = rt.now();
  const reject = decision
    ? !decision.approve
    : (p.attributes.name ?? '').includes('QC_REJECT') || rt.rng.chance(rt.opts.qcRejectRate);
  delete p.qcDueAt;
  let reason = '';
  if (reject) {
    const r = decision?.reason
      ? { suggestion: decision.reason, violationDetail: decision.reason }
      : rt.rng.pick(REJECT_REASONS);
    p.qc = 'rejected';
    p.status = 'InActive';
    p.rejectReason = [r];
    reason = r.violationDetail;
    rt.stats.inc('qc.rejected');
  } else {
    p.qc = 'approved';
    p.status = 'Active';
    rt.stats.inc('qc.approved');
  }
  p.updatedAt = now;
  const data = rt.store.site(p.site);
  data.liveCache = undefined;
  rt.store.touch('product', p.site, p.itemId);
  rt.notify(p.site, p.sellerId, 1, {
    itemId: p.itemId,
    status: reject ? 'REJECTED' : 'APPROVED',
    reason,
    date: now,
  });
}

/** The QC timer of an item fell due: decide, unless the item changed since. */
export function runQcTimer(rt: Runtime, siteKey: string, itemId: number): void {
  const p = rt.store.site(siteKey).products.get(itemId);
  if (!p || p.qc !== 'pending' || p.qcDueAt === undefined || p.qcDueAt > rt.now()) return;
  decideQc(rt, p);
}

/** Push type 3/4/5 for product create, edit and delete. */
export function productPush(
  rt: Runtime,
  p: ProductRecord,
  type: 3 | 4 | 5,
  action: 'PUBLISHED' | 'EDITED_INSERTED' | 'EDITED_UPDATED' | 'DELETED' | 'EDITED_DELETED',
  skus = p.skus,
): void {
  rt.notify(p.site, p.sellerId, type, {
    item_id: p.itemId,
    sku_list: skuList(p, skus),
    action,
    status_update_time: rt.now(),
  });
}
