import { sellerOf, type ApiBody, type CallContext } from '../core/api-types.ts';
import type { ProductRecord } from '../core/model.ts';
import { skuKey } from '../core/store.ts';
import { formatLocalDateTime, parseLocalDateTime } from '../core/time-format.ts';
import { sellable } from '../catalog/product-view.ts';
import { aeError, jsonObject, PACIFIC, str } from './ae-common.ts';
import { ownProduct } from './ae-products.ts';
import { BRAND_ATTRIBUTE_ID, ORIGIN_ATTRIBUTE_ID } from './ae-catalog.ts';

/**
 * AliExpress product reads: `aliexpress.solution.product.list.get` (`aeop_a_e_product_list_query`:
 * status, `sku_code`, `product_id`, Pacific-time windows, pages ≤ 100) and
 * `aliexpress.solution.product.info.get` (`product_id`: SKUs with `sku_code`, stock, prices).
 */

/** The AliExpress operation status of a product. */
export function aeStatus(p: ProductRecord): string {
  if (p.status === 'Active') return 'onSelling';
  if (p.status === 'Pending QC') return 'auditing';
  if (p.qc === 'rejected') return 'editingRequired';
  return 'offline';
}

const pt = (ms: number): string => formatLocalDateTime(ms, PACIFIC);

/** `aliexpress.solution.product.list.get`. */
export function listProducts(ctx: CallContext): ApiBody {
  const q = jsonObject(ctx, 'aeop_a_e_product_list_query');
  const sellerId = sellerOf(ctx);
  const data = ctx.rt.store.site(ctx.site.key);
  const page = Math.max(1, Number(q.current_page ?? 1) || 1);
  const size = Math.min(100, Math.max(1, Number(q.page_size ?? 20) || 20));
  const wanted = q.product_status_type ? str(q.product_status_type) : undefined;
  const time = (k: string): number | undefined => {
    const raw = str(q[k]);
    if (!raw) return undefined;
    const ms = parseLocalDateTime(raw, PACIFIC);
    if (ms === undefined) throw aeError('13060', `${k} must be yyyy-MM-dd HH:mm:ss (US Pacific time)`);
    return ms;
  };
  const cs = time('gmt_create_start');
  const ce = time('gmt_create_end');
  const ms = time('gmt_modified_start');
  const me = time('gmt_modified_end');
  // sku_code and product_id are index lookups; other queries walk the site's products.
  let candidates: Iterable<ProductRecord>;
  if (q.sku_code !== undefined && str(q.sku_code) !== '') {
    const id = data.itemBySellerSku.get(skuKey(sellerId, str(q.sku_code)));
    const p = id === undefined ? undefined : data.products.get(id);
    candidates = p ? [p] : [];
  } else if (q.product_id !== undefined && str(q.product_id) !== '') {
    const p = data.products.get(Number(q.product_id));
    candidates = p ? [p] : [];
  } else candidates = data.products.values();
  const items: Record<string, unknown>[] = [];
  let total = 0;
  const first = (page - 1) * size;
  for (const p of candidates) {
    if (p.sellerId !== sellerId || p.status === 'Deleted') continue;
    if (wanted && aeStatus(p) !== wanted) continue;
    if ((cs !== undefined && p.createdAt < cs) || (ce !== undefined && p.createdAt > ce)) continue;
    if ((ms !== undefined && p.updatedAt < ms) || (me !== undefined && p.updatedAt > me)) continue;
    if (total >= first && items.length < size) items.push(displayDto(p));
    total += 1;
  }
  return {
    result: {
      success: true,
      current_page: page,
      page_size: size,
      product_count: total,
      total_page: Math.ceil(total / size),
      aeop_a_e_product_display_d_t_o_list: { item_display_dto: items },
    },
  };
}

function displayDto(p: ProductRecord): Record<string, unknown> {
  const prices = p.skus.filter((s) => s.status !== 'deleted').map((s) => Number(s.price));
  return {
    product_id: p.itemId,
    subject: p.attributes.name ?? '',
    product_status_type: aeStatus(p),
    gmt_create: pt(p.createdAt),
    gmt_modified: pt(p.updatedAt),
    product_min_price: Math.min(...prices).toFixed(2),
    product_max_price: Math.max(...prices).toFixed(2),
    currency_code: 'USD',
    image_u_r_ls: p.images.join(';'),
  };
}

const OWN_KEYS = new Set(['name', 'description', 'brand', 'language']);
const ATTRIBUTE_IDS: Record<string, number> = {
  'Brand Name': BRAND_ATTRIBUTE_ID,
  Origin: ORIGIN_ATTRIBUTE_ID,
};

/** `aliexpress.solution.product.info.get`: one product of the caller (error_response when absent). */
export function productInfo(ctx: CallContext): ApiBody {
  const id = ctx.params.product_id;
  if (!id || !/^\d+$/.test(id)) throw aeError('13050', 'product_id is required (a number)');
  const p = ownProduct(ctx, id);
  if (!p) throw aeError('13050', `product ${id} does not exist`);
  const live = p.skus.filter((s) => s.status !== 'deleted');
  const first = live[0];
  const language = p.attributes.language ?? 'en';
  return {
    result: {
      product_id: p.itemId,
      category_id: p.primaryCategory,
      subject: p.attributes.name ?? '',
      product_status_type: aeStatus(p),
      gmt_create: pt(p.createdAt),
      gmt_modified: pt(p.updatedAt),
      currency_code: 'USD',
      product_price: Math.min(...live.map((s) => Number(s.price))).toFixed(2),
      image_u_r_ls: p.images.join(';'),
      gross_weight: first?.packageWeight ?? '',
      package_length: Number(first?.packageLength ?? 0),
      package_width: Number(first?.packageWidth ?? 0),
      package_height: Number(first?.packageHeight ?? 0),
      product_unit: 100_000_015,
      lot_num: 1,
      reduce_strategy: 'place_order_withhold',
      multi_language_subject_list: { global_subject: [{ language, subject: p.attributes.name ?? '' }] },
      multi_language_description_list: {
        global_detail_source: [{ language, web_detail: p.attributes.description ?? '', mobile_detail: '' }],
      },
      aeop_ae_product_propertys: {
        global_aeop_ae_product_property: Object.entries(p.attributes)
          .filter(([k]) => !OWN_KEYS.has(k))
          .map(([k, v]) => ({ attr_name_id: ATTRIBUTE_IDS[k] ?? -1, attr_name: k, attr_value: v })),
      },
      aeop_ae_product_s_k_us: {
        global_aeop_a_e_product_sku: live.map((s) => ({
          id: String(s.skuId),
          sku_code: s.sellerSku,
          sku_price: s.price,
          ...(s.specialPrice ? { sku_discount_price: s.specialPrice } : {}),
          ipm_sku_stock: s.quantity,
          sku_stock: sellable(s) > 0,
          currency_code: 'USD',
          aeop_s_k_u_property_list: {
            global_aeop_sku_property: Object.entries(s.saleProp).map(([name, value]) => ({
              sku_property_name: name,
              property_value_definition_name: value,
            })),
          },
        })),
      },
    },
  };
}
