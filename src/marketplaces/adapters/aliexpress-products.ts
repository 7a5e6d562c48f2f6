import { isMarketplaceError, type MarketplaceError } from '../errors.ts';
import { asObject, idString, numberValue, stringValue, type JsonObject } from '../lossless-json.ts';
import { formatPacific, parseOptionalTime, ALIEXPRESS_TIME_ZONE } from '../time-format.ts';
import { BATCH_LIMITS, jsonWithIds, moneyFrom, numericId, priceText, type AdapterContext } from './common.ts';
import type {
  CreatedProduct,
  ProductInput,
  ProductPage,
  ProductQuery,
  ProductUpdateInput,
  RemoteProduct,
} from './types.ts';

import { AE_METHODS, listOf, languageText } from './aliexpress-catalog.ts';

/** AliExpress's `Brand Name` common attribute: a `brand_id` from `brands()` is one of its value ids. */
const BRAND_ATTRIBUTE_ID = '2';

/** Centimetres as AliExpress wants them: whole numbers (rounded up: the parcel must fit). */
function wholeCm(value: string | number | undefined): number | undefined {
  if (value === undefined || value === '') return undefined;
  return Math.max(1, Math.ceil(Number(value)));
}

/**
 * `post_product_request` / `edit_product_request` in AliExpress's field names (IOP SDK
 * `PostProductRequestDTO`): `aliexpress_category_id`, subject and detail per language,
 * `main_image_urls_list` (≤ 6), `brand_name` or a `brand_id` (value id of attribute 2),
 * `attribute_list` (other attributes by name, or by name id when the key is one), `weight` (kg)
 * and whole-centimetre package sizes from the first SKU, SKUs by `sku_code` with their sale
 * props as `sku_attributes_list`. Fields left out stay out (an edit keeps what it does not send).
 */
function productRequest(
  ctx: AdapterContext,
  input: ProductInput | ProductUpdateInput,
  productId?: string,
): JsonObject {
  const {
    name,
    description,
    brand,
    brand_name: brandName,
    brand_id: brandId,
    ...attributes
  } = input.attributes ?? {};
  const firstSku = input.skus[0];
  const attributeList: JsonObject[] = Object.entries(attributes).map(([k, v]) =>
    /^\d+$/.test(k)
      ? { aliexpress_attribute_name_id: numericId(k), attribute_value: String(v) }
      : { attribute_name: k, attribute_value: String(v) },
  );
  if (brandId !== undefined && brandId !== '')
    attributeList.unshift({
      aliexpress_attribute_name_id: numericId(BRAND_ATTRIBUTE_ID),
      aliexpress_attribute_value_id: numericId(String(brandId)),
    });
  return {
    product_id: productId === undefined ? undefined : numericId(productId),
    aliexpress_category_id: 'categoryId' in input ? numericId(input.categoryId) : undefined,
    language: productId === undefined ? 'en' : undefined,
    multi_language_subject_list: name === undefined ? undefined : [{ language: 'en', subject: String(name) }],
    multi_language_description_list:
      description === undefined ? undefined : [{ language: 'en', web_detail: String(description) }],
    main_image_urls_list: input.images,
    brand_name: brandName ?? brand,
    attribute_list: attributeList.length > 0 ? attributeList : undefined,
    sku_info_list: input.skus.map((s) => {
      const props = { ...(s.saleProps ?? {}) };
      return {
        sku_code: s.sellerSku,
        price: s.price ? priceText(s.price, ctx.site) : undefined,
        discount_price: s.specialPrice ? priceText(s.specialPrice, ctx.site) : undefined,
        inventory: s.quantity,
        sku_attributes_list:
          Object.keys(props).length === 0
            ? undefined
            : Object.entries(props).map(([k, v]) => ({ sku_attribute_name: k, sku_attribute_value: v })),
      };
    }),
    weight: firstSku?.packageWeightKg === undefined ? undefined : String(firstSku.packageWeightKg),
    package_length: wholeCm(firstSku?.packageLengthCm),
    package_width: wholeCm(firstSku?.packageWidthCm),
    package_height: wholeCm(firstSku?.packageHeightCm),
  };
}

export function parseProduct(raw: unknown, ctx: AdapterContext): RemoteProduct {
  const p = asObject(raw);
  const skus = listOf(p.aeop_ae_product_s_k_us ?? p.sku_info_list ?? p.skus).map((rawSku) => {
    const s = asObject(rawSku);
    const cur = stringValue(s.currency_code) ?? ctx.site.currency;
    return {
      sellerSku: stringValue(s.sku_code) ?? '',
      skuId: idString(s.id) ?? idString(s.sku_id),
      status: stringValue(s.sku_status),
      quantity: numberValue(s.ipm_sku_stock) ?? numberValue(s.inventory) ?? numberValue(s.sku_stock),
      price: moneyFrom(s.sku_price ?? s.price, cur),
      specialPrice: moneyFrom(s.sku_discount_price ?? s.discount_price, cur),
    };
  });
  return {
    itemId: idString(p.product_id) ?? '',
    status: stringValue(p.product_status_type) ?? stringValue(p.status),
    categoryId: idString(p.category_id),
    name: stringValue(p.subject) ?? languageText(p.subject_list),
    skus,
    createdAt: parseOptionalTime(p.gmt_create, ALIEXPRESS_TIME_ZONE),
    updatedAt: parseOptionalTime(p.gmt_modified, ALIEXPRESS_TIME_ZONE),
    rejectReasons: [],
    raw: p,
  };
}

async function productInfo(ctx: AdapterContext, productId: string): Promise<RemoteProduct> {
  const res = await ctx.client.call({
    api: AE_METHODS.productInfo,
    httpMethod: 'POST',
    params: { product_id: productId },
    session: ctx.session,
    idempotent: true,
  });
  const data = asObject(res.data);
  return parseProduct(data.product_id !== undefined ? data : (data.result ?? data), ctx);
}

/**
 * `product.list.get` (pages of display records, no SKUs), or by `itemId` / `sellerSkus` the full
 * products with their SKUs (`product.info.get` for each product found by `sku_code`).
 */
export async function getProducts(ctx: AdapterContext, q: ProductQuery = {}): Promise<ProductPage> {
  if (q.itemId) return { products: [await productInfo(ctx, q.itemId)], total: 1 };
  if (q.sellerSkus && q.sellerSkus.length > 0) {
    const found = new Map<string, RemoteProduct>();
    for (const code of q.sellerSkus.slice(0, BATCH_LIMITS.productsSkuListMax)) {
      const page = await listPage(ctx, { ...q, sellerSkus: [code] });
      for (const p of page.products)
        if (!found.has(p.itemId)) found.set(p.itemId, await productInfo(ctx, p.itemId));
    }
    return { products: [...found.values()], total: found.size };
  }
  return listPage(ctx, q);
}

async function listPage(ctx: AdapterContext, q: ProductQuery): Promise<ProductPage> {
  const limit = Math.min(q.limit ?? 50, 100);
  const res = await ctx.client.call({
    api: AE_METHODS.productList,
    httpMethod: 'POST',
    params: {
      aeop_a_e_product_list_query: {
        current_page: Math.floor((q.offset ?? 0) / limit) + 1,
        page_size: limit,
        product_status_type:
          q.filter === 'live'
            ? 'onSelling'
            : q.filter === 'inactive'
              ? 'offline'
              : q.filter === 'pending'
                ? 'auditing'
                : undefined,
        sku_code: q.sellerSkus?.[0],
        gmt_modified_start: q.updatedAfter ? formatPacific(q.updatedAfter) : undefined,
        gmt_create_start: q.createdAfter ? formatPacific(q.createdAfter) : undefined,
      },
    },
    session: ctx.session,
    idempotent: true,
  });
  const data = asObject(res.data);
  const list = listOf(data.aeop_a_e_product_display_d_t_o_list ?? data.product_list);
  return {
    products: list.map((p) => parseProduct(p, ctx)),
    total: numberValue(data.product_count) ?? numberValue(data.total_count),
  };
}

/** The product holding all these sku_codes, looked up after a create that got no answer. */
async function findBySkuCodes(ctx: AdapterContext, skuCodes: string[]): Promise<CreatedProduct | undefined> {
  const page = await getProducts(ctx, { sellerSkus: skuCodes.slice(0, 1), filter: 'all' });
  const full = page.products.find((p) => skuCodes.every((code) => p.skus.some((s) => s.sellerSku === code)));
  if (!full) return undefined;
  return {
    itemId: full.itemId,
    status: full.status,
    skus: full.skus
      .filter((s) => skuCodes.includes(s.sellerSku))
      .map((s) => ({ sellerSku: s.sellerSku, skuId: s.skuId })),
    reconciled: true,
  };
}

/**
 * The sandbox's "sku_code already in the store" code; AliExpress's own is not published, so its
 * message is matched too. Such an answer to a create is reconciled like an unanswered one.
 */
const DUPLICATE_SKU_CODES = new Set(['13026']);
const DUPLICATE_SKU_MESSAGE = /sku[_ ]?code.*(already|exist|duplicat)/i;

function isDuplicateSkuCode(e: MarketplaceError): boolean {
  return (
    e.errorClass === 'business' &&
    (DUPLICATE_SKU_CODES.has(e.platformCode) || DUPLICATE_SKU_MESSAGE.test(e.platformMessage))
  );
}

/**
 * `aliexpress.solution.product.post`, never blindly retried: when the call got no answer
 * (outcome unknown) or the sku_code already exists, the product is looked up by sku_code
 * (`product.list.get`, then `product.info.get` for its SKUs); it is posted again only when nothing
 * holds the codes. A code held by a product without all of them is a real conflict.
 */
export async function createProduct(ctx: AdapterContext, input: ProductInput): Promise<CreatedProduct> {
  const request = jsonWithIds(productRequest(ctx, input));
  const skuCodes = input.skus.map((s) => s.sellerSku);
  let last: MarketplaceError | undefined;
  for (let attempt = 1; attempt <= ctx.options.createAttempts; attempt++) {
    try {
      const res = await ctx.client.call({
        api: AE_METHODS.productPost,
        httpMethod: 'POST',
        params: { post_product_request: request },
        session: ctx.session,
        idempotent: false,
      });
      const d = asObject(res.data);
      return {
        itemId: idString(d.product_id) ?? '',
        status: undefined,
        skus: input.skus.map((s) => ({ sellerSku: s.sellerSku })),
        reconciled: false,
      };
    } catch (e) {
      if (!isMarketplaceError(e)) throw e;
      const duplicate = isDuplicateSkuCode(e);
      if (!e.outcomeUnknown && !duplicate) throw e;
      const found = await findBySkuCodes(ctx, skuCodes);
      if (found) return found;
      if (duplicate) throw e; // the code belongs to another product: a real conflict
      last = e;
    }
  }
  throw last as MarketplaceError;
}

export async function updateProduct(ctx: AdapterContext, input: ProductUpdateInput): Promise<void> {
  await ctx.client.call({
    api: AE_METHODS.productEdit,
    httpMethod: 'POST',
    params: { edit_product_request: jsonWithIds(productRequest(ctx, input, numericId(input.itemId))) },
    session: ctx.session,
    idempotent: true,
  });
}
