import { asArray, asObject, booleanValue, idString, stringValue } from '../lossless-json.ts';
import { type AdapterContext } from './common.ts';
import type { CategoryAttribute, CategoryNode } from './types.ts';

/**
 * AliExpress catalog over `/sync?method=` (IOP/TOP). Method and parameter names named in the
 * research (3.3) are used as written there; the others (category tree, SKU attributes, product
 * info) follow AliExpress's published method names and are marked "inferred" in the docs.
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
  orderList: 'aliexpress.solution.order.get',
  orderInfo: 'aliexpress.solution.order.info.get',
  fulfill: 'aliexpress.solution.order.fulfill',
  logisticsServices: 'aliexpress.logistics.redefining.listlogisticsservice',
  printInfo: 'aliexpress.logistics.redefining.getprintinfo',
  acceptCancel: 'aliexpress.trade.seller.order.acceptcancel',
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

export async function categoryAttributes(
  ctx: AdapterContext,
  categoryId: string,
): Promise<CategoryAttribute[]> {
  const res = await ctx.client.call({
    api: AE_METHODS.attributes,
    httpMethod: 'POST',
    params: { query_sku_attribute_info_request: { aliexpress_category_id: categoryId } },
    session: ctx.session,
    idempotent: true,
  });
  const data = asObject(res.data);
  const list = listOf(data.supporting_sku_attribute_list ?? data.attribute_list ?? data.attributes);
  return list.map((raw) => {
    const a = asObject(raw);
    const sku = booleanValue(a.sku) ?? booleanValue(a.sku_attribute) ?? false;
    return {
      id: idString(a.id) ?? idString(a.attribute_id) ?? '',
      name: stringValue(a.name) ?? stringValue(a.attribute_name) ?? '',
      label: stringValue(a.name) ?? stringValue(a.attribute_name) ?? '',
      mandatory: booleanValue(a.required) ?? false,
      saleProp: sku,
      level: sku ? 'sku' : 'product',
      inputType: stringValue(a.input_type) ?? stringValue(a.attribute_show_type_value) ?? 'text',
      options: listOf(a.values ?? a.attribute_values ?? a.sku_value_list).map((v) => {
        const o = asObject(v);
        return {
          id: idString(o.id),
          name: stringValue(o.name) ?? languageText(o.names) ?? '',
          enName: stringValue(o.name),
        };
      }),
      raw: a,
    };
  });
}
