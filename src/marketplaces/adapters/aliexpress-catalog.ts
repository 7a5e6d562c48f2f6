import { createHash } from 'node:crypto';
import { AppError } from '../../shared/index.ts';
import { asArray, asObject, booleanValue, idString, stringValue } from '../lossless-json.ts';
import { jsonWithIds, numericId, type AdapterContext } from './common.ts';
import type { CategoryAttribute, CategoryNode } from './types.ts';

/**
 * AliExpress catalog over `/sync?method=` (IOP/TOP). Method names are AliExpress's published ones
 * (research 3.3 names the product, order and fulfil methods; the others, and their parameter and
 * field names, follow the IOP SDK's request/response classes; see docs/marketplaces.md).
 */
export const AE_METHODS = Object.freeze({
  categoryTree: 'aliexpress.solution.seller.category.tree.query',
  attributes: 'aliexpress.solution.sku.attribute.query',
  productPost: 'aliexpress.solution.product.post',
  productEdit: 'aliexpress.solution.product.edit',
  productList: 'aliexpress.solution.product.list.get',
  productInfo: 'aliexpress.solution.product.info.get',
  priceUpdate: 'aliexpress.solution.batch.product.price.update',
  inventoryUpdate: 'aliexpress.solution.batch.product.inventory.update',
  productOffline: 'aliexpress.postproduct.redefining.offlineaeproduct',
  photobankUpload: 'aliexpress.photobank.redefining.uploadimageforsdk',
  orderList: 'aliexpress.solution.order.get',
  orderInfo: 'aliexpress.solution.order.info.get',
  logisticsServices: 'aliexpress.logistics.redefining.listlogisticsservice',
  warehouseOrder: 'aliexpress.logistics.createwarehouseorder',
  printInfo: 'aliexpress.logistics.redefining.getprintinfo',
  fulfill: 'aliexpress.solution.order.fulfill',
  acceptCancel: 'aliexpress.trade.seller.order.acceptcancel',
  refuseCancel: 'aliexpress.trade.seller.order.refusecancel',
});

/** TOP JSON keeps XML-ish wrappers (`{"order_dto":[…]}`); this unwraps one level when present. */
export function listOf(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  const o = asObject(value);
  const keys = Object.keys(o);
  if (keys.length === 1 && Array.isArray(o[keys[0] as string])) return o[keys[0] as string] as unknown[];
  return asArray(value);
}

/** Names arrive as `[{"language":"en_US","name":…}]`, `{"en":…}` or plain text. */
export function languageText(value: unknown, locale = 'en_US'): string | undefined {
  const text = stringValue(value);
  if (!text?.startsWith('[') && !text?.startsWith('{')) return text;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return text;
  }
  if (Array.isArray(parsed)) {
    const list = parsed.map(asObject);
    const hit =
      list.find((l) => stringValue(l.language) === locale || stringValue(l.locale) === locale) ?? list[0];
    return hit ? (stringValue(hit.name) ?? stringValue(hit.value)) : undefined;
  }
  const map = asObject(parsed);
  const lang = locale.split('_')[0] ?? 'en';
  return (
    stringValue(map[locale]) ??
    stringValue(map[lang]) ??
    Object.values(map)
      .map(stringValue)
      .find((v) => v !== undefined)
  );
}

export async function categoryTree(ctx: AdapterContext, parentId = '0'): Promise<CategoryNode[]> {
  const res = await ctx.client.call({
    api: AE_METHODS.categoryTree,
    httpMethod: 'POST',
    params: { category_id: parentId, filter_no_permission: true },
    session: ctx.session,
    idempotent: true,
  });
  const body = asObject(res.data);
  return listOf(body.children_category_list).map((raw) => {
    const c = asObject(raw);
    return {
      id: idString(c.children_category_id) ?? idString(c.category_id) ?? '',
      name: languageText(c.multi_language_names) ?? stringValue(c.name) ?? '',
      leaf: booleanValue(c.is_leaf_category) ?? false,
      children: [],
    };
  });
}

/**
 * `aliexpress.solution.sku.attribute.query`: common attributes (`supporting_common_attribute_list`,
 * by name id with value ids; `Brand Name` is 2) become product-level attributes, SKU attributes
 * (`supporting_sku_attribute_list`, by name, values customizable) become sale props.
 */
export async function categoryAttributes(
  ctx: AdapterContext,
  categoryId: string,
): Promise<CategoryAttribute[]> {
  const res = await ctx.client.call({
    api: AE_METHODS.attributes,
    httpMethod: 'POST',
    params: {
      query_sku_attribute_info_request: jsonWithIds({ aliexpress_category_id: numericId(categoryId) }),
    },
    session: ctx.session,
    idempotent: true,
  });
  const data = asObject(res.data);
  const common = listOf(data.supporting_common_attribute_list).map((raw): CategoryAttribute => {
    const a = asObject(raw);
    const name = stringValue(a.aliexpress_common_attribute_name) ?? '';
    const options = listOf(a.aliexpress_common_attribute_value_list).map((v) => {
      const o = asObject(v);
      const value = stringValue(o.aliexpress_common_attribute_value) ?? '';
      return { id: idString(o.aliexpress_common_attribute_value_id), name: value, enName: value };
    });
    return {
      id: idString(a.aliexpress_common_attribute_name_id) ?? name,
      name,
      label: name,
      mandatory: booleanValue(a.required) ?? false,
      saleProp: false,
      level: 'product',
      inputType: options.length > 0 ? 'singleSelect' : 'text',
      options,
      raw: a,
    };
  });
  const sku = listOf(data.supporting_sku_attribute_list).map((raw): CategoryAttribute => {
    const a = asObject(raw);
    const name = stringValue(a.aliexpress_sku_name) ?? '';
    return {
      id: name,
      name,
      label: name,
      mandatory: booleanValue(a.required) ?? false,
      saleProp: true,
      level: 'sku',
      inputType: booleanValue(a.support_customized_name) ? 'enumInput' : 'singleSelect',
      options: listOf(a.aliexpress_sku_value_list).map((v) => {
        const value = stringValue(asObject(v).aliexpress_sku_value_name) ?? '';
        return { name: value, enName: value };
      }),
      raw: a,
    };
  });
  return [...common, ...sku];
}

/**
 * `aliexpress.photobank.redefining.uploadimageforsdk` (multipart `image_bytes`, `file_name`): an
 * image made here (a localized detail page) into the seller's photo bank; its `photobank_url`.
 * Product images may also be the merchant's own URLs, so originals are sent as they are.
 */
export async function uploadToPhotobank(
  ctx: AdapterContext,
  image: { bytes: Uint8Array; contentType: string },
): Promise<string> {
  const ext = image.contentType === 'image/png' ? 'png' : 'jpg';
  const fileName = `kbridge-${createHash('md5').update(image.bytes).digest('hex')}.${ext}`;
  const res = await ctx.client.call({
    api: AE_METHODS.photobankUpload,
    httpMethod: 'POST',
    params: { file_name: fileName },
    files: { image_bytes: { bytes: image.bytes, filename: fileName, contentType: image.contentType } },
    session: ctx.session,
    idempotent: true,
  });
  const url = stringValue(asObject(asObject(res.body).result ?? res.data).photobank_url);
  if (!url) throw new AppError('upstream', `${ctx.site.id} photo bank answered without photobank_url`);
  return url.startsWith('//') ? `https:${url}` : url;
}
