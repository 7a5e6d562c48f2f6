import type { ApiBody, CallContext } from '../core/api-types.ts';
import type { Site } from '../core/sites.ts';
import { attributesFor, familyOf } from '../catalog/attributes.ts';
import { brandsFor } from '../catalog/brands.ts';
import { categoriesFor, type CategoryInfo, type CategoryNode } from '../catalog/category-tree.ts';
import { aeError, asObj, bad, jsonObject, ruled, str } from './ae-common.ts';

/**
 * AliExpress catalog methods: `aliexpress.solution.seller.category.tree.query` (one level of the
 * tree) and `aliexpress.solution.sku.attribute.query` (a leaf category's common and SKU
 * attributes). The attribute sets are derived from the sandbox's Lazop sets (same families), in
 * AliExpress's shape: common attributes by name id (`Brand Name` is 2, `Origin` 219, as on
 * AliExpress) with value ids, SKU attributes by name (`Color`, `Size`) with customizable values.
 */

export interface AeValue {
  id: number;
  value: string;
}

export interface AeCommonAttribute {
  id: number;
  name: string;
  required: boolean;
  values: AeValue[];
  /** Free text allowed (no value list, or an "enum input" one). */
  custom: boolean;
}

export interface AeSkuAttribute {
  name: string;
  required: boolean;
  values: string[];
}

export interface AeAttributeSet {
  common: AeCommonAttribute[];
  /** Lower-cased name and id (as text) → attribute. */
  commonByKey: Map<string, AeCommonAttribute>;
  sku: AeSkuAttribute[];
  skuByName: Map<string, AeSkuAttribute>;
}

export const BRAND_ATTRIBUTE_ID = 2;
export const ORIGIN_ATTRIBUTE_ID = 219;

const ORIGINS = ['Korea', 'Mainland China', 'Japan', 'United States', 'Other'];
/** Lazop attributes AliExpress carries elsewhere (subject, detail, brand, origin, SKU fields). */
const NOT_COMMON = new Set(['name', 'description', 'short_description', 'brand', 'country_origin_hb']);
const SKU_NAMES: Record<string, string> = { color_family: 'Color', size: 'Size' };

const SETS = new Map<string, AeAttributeSet>();

/** The AliExpress attribute set of a leaf category (cached per site and attribute family). */
export function aeAttributesFor(site: Site, cat: CategoryInfo): AeAttributeSet {
  const key = `${site.key}:${familyOf(cat)}:${cat.var ? 1 : 0}`;
  let set = SETS.get(key);
  if (set) return set;
  const family = familyOf(cat);
  const brands = brandsFor(site).list.filter((b) => !b.families || b.families.includes(family));
  const common: AeCommonAttribute[] = [
    {
      id: BRAND_ATTRIBUTE_ID,
      name: 'Brand Name',
      required: true,
      values: brands.map((b) => ({ id: b.brand_id, value: b.name })),
      custom: false,
    },
    {
      id: ORIGIN_ATTRIBUTE_ID,
      name: 'Origin',
      required: true,
      values: ORIGINS.map((value, i) => ({ id: 9_441_741_844 + i, value })),
      custom: false,
    },
  ];
  const sku: AeSkuAttribute[] = [];
  for (const a of attributesFor(cat)) {
    if (a.attribute_type === 'sku') {
      const name = SKU_NAMES[a.name];
      if (name && a.is_sale_prop === 1)
        sku.push({ name, required: a.is_mandatory === 1, values: a.options.map((o) => o.name) });
      continue;
    }
    if (NOT_COMMON.has(a.name)) continue;
    common.push({
      id: 200_000 + a.id,
      name: a.label,
      required: a.is_mandatory === 1,
      values: a.options.map((o) => ({ id: o.id, value: o.name })),
      custom: a.input_type !== 'singleSelect' && a.input_type !== 'multiSelect',
    });
  }
  const commonByKey = new Map<string, AeCommonAttribute>();
  for (const c of common) {
    commonByKey.set(c.name.toLowerCase(), c);
    commonByKey.set(String(c.id), c);
  }
  set = { common, commonByKey, sku, skuByName: new Map(sku.map((s) => [s.name.toLowerCase(), s])) };
  SETS.set(key, set);
  return set;
}

/** The leaf category a request names (`aliexpress_category_id`, or the deprecated `category_id`). */
export function leafCategory(site: Site, req: Record<string, unknown>): CategoryInfo {
  const raw = str(req.aliexpress_category_id ?? req.category_id);
  const cat = /^\d+$/.test(raw) ? categoriesFor(site).byId.get(Number(raw)) : undefined;
  if (!cat) bad('13004', `category ${raw || '(none)'} does not exist`);
  if (!cat.leaf) bad('13005', `category ${raw} is not a leaf category`);
  return cat;
}

/** `aliexpress.solution.sku.attribute.query` with `query_sku_attribute_info_request`. */
export function skuAttributeQuery(ctx: CallContext): ApiBody {
  const req = jsonObject(ctx, 'query_sku_attribute_info_request');
  return ruled(() => attributeBody(aeAttributesFor(ctx.site, leafCategory(ctx.site, req))));
}

function attributeBody(set: AeAttributeSet): ApiBody {
  return {
    result: {
      success: true,
      supporting_common_attribute_list: {
        supported_common_attribute_dto: set.common.map((c) => ({
          aliexpress_common_attribute_name_id: c.id,
          aliexpress_common_attribute_name: c.name,
          required: c.required,
          aliexpress_common_attribute_value_list: {
            common_attribute_value_info_dto: c.values.map((v) => ({
              aliexpress_common_attribute_value_id: v.id,
              aliexpress_common_attribute_value: v.value,
            })),
          },
        })),
      },
      supporting_sku_attribute_list: {
        supported_sku_attribute_dto: set.sku.map((s) => ({
          aliexpress_sku_name: s.name,
          required: s.required,
          support_customized_name: true,
          support_customized_picture: s.name === 'Color',
          aliexpress_sku_value_list: {
            sku_value_simplified_info_dto: s.values.map((v) => ({ aliexpress_sku_value_name: v })),
          },
        })),
      },
    },
  };
}

const CHILDREN = new Map<string, Map<number, CategoryNode[]>>();

/** Children per category id, built once per site, so each tree query is one lookup. */
function childrenIndex(site: Site): Map<number, CategoryNode[]> {
  let index = CHILDREN.get(site.key);
  if (index) return index;
  index = new Map();
  const walk = (nodes: CategoryNode[]): void => {
    for (const n of nodes) {
      if (n.children) {
        index!.set(n.category_id, n.children);
        walk(n.children);
      }
    }
  };
  const cats = categoriesFor(site);
  index.set(0, cats.tree);
  walk(cats.tree);
  CHILDREN.set(site.key, index);
  return index;
}

/** `aliexpress.solution.seller.category.tree.query`: children of `category_id` (0 = roots). */
export function categoryChildren(ctx: CallContext): ApiBody {
  const parent = Number(ctx.params.category_id ?? '0');
  const cats = categoriesFor(ctx.site);
  if (parent !== 0 && !cats.byId.has(parent)) throw aeError('13004', `category ${parent} does not exist`);
  const nodes = childrenIndex(ctx.site).get(parent) ?? [];
  return {
    result: {
      success: true,
      children_category_list: {
        category_info: nodes.map((n) => ({
          children_category_id: n.category_id,
          is_leaf_category: n.leaf,
          level: cats.byId.get(n.category_id)?.path.length ?? 1,
          multi_language_names: JSON.stringify({ en: n.name }),
        })),
      },
    },
  };
}

/** A common attribute of the set by `aliexpress_attribute_name_id` or `attribute_name`. */
export function commonAttributeOf(set: AeAttributeSet, entry: unknown): AeCommonAttribute | undefined {
  const e = asObj(entry);
  const id = str(e.aliexpress_attribute_name_id);
  if (id) return set.commonByKey.get(id);
  return set.commonByKey.get(str(e.attribute_name).toLowerCase());
}
