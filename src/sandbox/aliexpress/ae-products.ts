import { invalidParameter, missingParameter } from '../core/api-error.ts';
import { sellerOf, type ApiBody, type CallContext } from '../core/api-types.ts';
import type { ProductRecord, SkuRecord } from '../core/model.ts';
import { skuKey } from '../core/store.ts';
import { categoriesFor } from '../catalog/category-tree.ts';
import { decimals } from '../catalog/product-rules.ts';
import { shopSkuFor } from '../catalog/product-view.ts';
import { submitForQc, productPush } from '../catalog/qc.ts';
import { formatLocalDateTime } from '../core/time-format.ts';

/**
 * AliExpress product methods on `/sync`: business parameters are JSON strings in one named
 * parameter, results sit in `{result: {success, error_code, error_message, …}}`.
 */
type Obj = Record<string, unknown>;

export function jsonArg(ctx: CallContext, name: string): unknown {
  const raw = ctx.params[name];
  if (raw === undefined || raw === '') throw missingParameter(name);
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    throw invalidParameter(name, 'expected JSON');
  }
}

function fail(code: string, message: string): ApiBody {
  return { result: { success: false, error_code: code, error_message: message } };
}

const asObj = (v: unknown): Obj => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : {});
const asArr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string => (v === undefined || v === null ? '' : String(v));

/** `aliexpress.solution.product.post` with `post_product_request`. */
export function postProduct(ctx: CallContext): ApiBody {
  const { rt, site } = ctx;
  const sellerId = sellerOf(ctx);
  const req = asObj(jsonArg(ctx, 'post_product_request'));
  const data = rt.store.site(site.key);
  const cat = categoriesFor(site).byId.get(Number(req.category_id));
  if (!cat) return fail('13004', `category ${str(req.category_id)} does not exist`);
  if (!cat.leaf) return fail('13005', 'category must be a leaf category');
  const subjects = asArr(req.multi_language_subject_list).map(asObj);
  const subject = str(subjects[0]?.subject ?? req.subject);
  if (subject === '') return fail('13001', 'subject is required');
  if (subject.length > 128) return fail('13002', 'subject is longer than 128 characters');
  const images = asArr(req.main_image_urls_list)
    .map(str)
    .filter((x) => x !== '');
  if (images.length === 0 || images.length > 6)
    return fail('13010', 'main_image_urls_list needs 1 to 6 images');
  const skusIn = asArr(req.sku_info_list).map(asObj);
  if (skusIn.length === 0) return fail('13020', 'sku_info_list is required');
  const seen = new Set<string>();
  for (const s of skusIn) {
    const code = str(s.sku_code);
    const price = Number(s.price);
    if (code === '' || seen.has(code) || data.itemBySellerSku.has(skuKey(sellerId, code)))
      return fail('13021', `sku_code ${code} is empty or already used`);
    seen.add(code);
    if (!(price > 0) || decimals(str(s.price)) > 2)
      return fail('13022', `price of ${code} must be > 0 with at most 2 decimals`);
    if (s.discount_price !== undefined && !(Number(s.discount_price) < price))
      return fail('13023', `discount_price of ${code} must be below price`);
    if (!/^\d+$/.test(str(s.inventory))) return fail('13024', `inventory of ${code} must be a whole number`);
  }
  const weight = Number(req.package_weight ?? 0);
  if (!(weight > 0) || weight > 500) return fail('13030', 'package_weight must be between 0 and 500 kg');
  const now = ctx.now;
  const itemId = data.nextItemId();
  const skus: SkuRecord[] = skusIn.map((s) => {
    const skuId = data.nextSkuId();
    const sku: SkuRecord = {
      skuId,
      sellerSku: str(s.sku_code),
      shopSku: shopSkuFor(site, itemId, skuId),
      status: 'active',
      quantity: Number(s.inventory),
      occupied: 0,
      price: str(s.price),
      packageWeight: str(req.package_weight),
      packageLength: str(req.package_length),
      packageWidth: str(req.package_width),
      packageHeight: str(req.package_height),
      images: [],
      saleProp: {},
      attributes: { sku_attributes_list: JSON.stringify(s.sku_attributes_list ?? []) },
    };
    if (s.discount_price !== undefined) sku.specialPrice = str(s.discount_price);
    return sku;
  });
  const p: ProductRecord = {
    itemId,
    site: site.key,
    sellerId,
    primaryCategory: cat.id,
    attributes: {
      name: subject,
      brand: str(req.brand_name),
      description: str(asObj(asArr(req.multi_language_description_list)[0]).web_detail),
    },
    images,
    status: 'Pending QC',
    qc: 'pending',
    skus,
    createdAt: now,
    updatedAt: now,
  };
  data.indexProduct(p);
  rt.store.touch('product', site.key, itemId);
  rt.store.touch('site', site.key, site.key);
  rt.stats.inc('products.created');
  productPush(rt, p, 3, 'PUBLISHED');
  submitForQc(rt, p);
  return { result: { success: true, product_id: itemId } };
}

function aeStatus(p: ProductRecord): string {
  if (p.status === 'Active') return 'onSelling';
  if (p.status === 'Pending QC') return 'auditing';
  if (p.qc === 'rejected') return 'editingRequired';
  return 'offline';
}

/** `aliexpress.solution.product.list.get` with `aeop_a_e_product_list_query`. */
export function listProducts(ctx: CallContext): ApiBody {
  const q = asObj(jsonArg(ctx, 'aeop_a_e_product_list_query'));
  const sellerId = sellerOf(ctx);
  const page = Math.max(1, Number(q.current_page ?? 1));
  const size = Math.min(100, Math.max(1, Number(q.page_size ?? 20)));
  const wanted = q.product_status_type ? str(q.product_status_type) : undefined;
  const all = [...ctx.rt.store.site(ctx.site.key).products.values()].filter(
    (p) => p.sellerId === sellerId && p.status !== 'Deleted' && (!wanted || aeStatus(p) === wanted),
  );
  const items = all.slice((page - 1) * size, page * size).map((p) => ({
    product_id: p.itemId,
    subject: p.attributes.name ?? '',
    product_status_type: aeStatus(p),
    gmt_create: formatLocalDateTime(p.createdAt, 'America/Los_Angeles'),
    gmt_modified: formatLocalDateTime(p.updatedAt, 'America/Los_Angeles'),
    product_min_price: Math.min(...p.skus.map((s) => Number(s.price))).toFixed(2),
    product_max_price: Math.max(...p.skus.map((s) => Number(s.price))).toFixed(2),
    currency_code: 'USD',
    image_u_r_ls: p.images.join(';'),
  }));
  return {
    result: {
      success: true,
      current_page: page,
      product_count: all.length,
      total_page: Math.ceil(all.length / size),
      aeop_a_e_product_display_d_t_o_list: { item_display_dto: items },
    },
  };
}

/** Price or inventory batch update (≤20 products × ≤200 SKUs), by product_id + sku_code. */
export function batchUpdate(kind: 'price' | 'inventory') {
  return (ctx: CallContext): ApiBody => {
    const list = asArr(jsonArg(ctx, 'mutiple_product_update_list')).map(asObj);
    if (list.length === 0 || list.length > 20) return fail('13040', 'between 1 and 20 products per call');
    const data = ctx.rt.store.site(ctx.site.key);
    const sellerId = sellerOf(ctx);
    const okList: Obj[] = [];
    const errList: Obj[] = [];
    for (const entry of list) {
      const p = data.products.get(Number(entry.product_id));
      const skus = asArr(entry.multiple_sku_update_list).map(asObj);
      if (!p || p.sellerId !== sellerId) {
        errList.push({
          product_id: entry.product_id,
          error_code: '13041',
          error_message: 'product not found',
        });
        continue;
      }
      if (skus.length > 200) {
        errList.push({
          product_id: p.itemId,
          error_code: '13042',
          error_message: 'at most 200 SKUs per product',
        });
        continue;
      }
      let bad: string | undefined;
      for (const s of skus) {
        const sku = p.skus.find((x) => x.sellerSku === str(s.sku_code));
        if (!sku) bad = `sku_code ${str(s.sku_code)} not found`;
        else if (kind === 'price' && !(Number(s.price) > 0)) bad = `price of ${sku.sellerSku} must be > 0`;
        else if (kind === 'inventory' && !/^\d+$/.test(str(s.inventory)))
          bad = `inventory of ${sku.sellerSku} must be a whole number`;
        if (bad) break;
      }
      if (bad) {
        errList.push({ product_id: p.itemId, error_code: '13043', error_message: bad });
        continue;
      }
      for (const s of skus) {
        const sku = p.skus.find((x) => x.sellerSku === str(s.sku_code))!;
        if (kind === 'price') {
          sku.price = str(s.price);
          if (s.discount_price !== undefined) sku.specialPrice = str(s.discount_price);
        } else sku.quantity = Number(s.inventory);
      }
      p.updatedAt = ctx.now;
      ctx.rt.store.touch('product', ctx.site.key, p.itemId);
      data.liveCache = undefined;
      okList.push({ product_id: p.itemId });
    }
    return {
      result: {
        success: errList.length === 0,
        update_success_list: { synchronize_product_response_dto: okList },
        update_error_list: { synchronize_product_response_dto: errList },
      },
    };
  };
}
