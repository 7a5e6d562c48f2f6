import { ApiError, invalidParameter, missingParameter } from '../core/api-error.ts';
import type { ApiBody, CallContext } from '../core/api-types.ts';
import { attributesFor } from './attributes.ts';
import { brandsFor } from './brands.ts';
import { categoriesFor } from './category-tree.ts';

/** `GET /category/tree/get`: the site's tree, pre-serialized (it is large and never changes). */
export function getCategoryTree(ctx: CallContext): ApiBody {
  // The gateway serializes the body; a raw-JSON marker lets it splice the cached text in.
  return { data: { __rawJson: categoriesFor(ctx.site).json } };
}

/** `GET /category/attributes/get`: the leaf category's attributes with their mandatory flags. */
export function getCategoryAttributes(ctx: CallContext): ApiBody {
  const raw = ctx.params.primary_category_id;
  if (!raw) throw missingParameter('primary_category_id');
  const cat = /^\d+$/.test(raw) ? categoriesFor(ctx.site).byId.get(Number(raw)) : undefined;
  if (!cat) throw new ApiError('4227', `Category ${raw} does not exist in this country`);
  if (!cat.leaf) throw new ApiError('57', `E057: No attribute set for category ${raw}; use a leaf category`);
  return { data: attributesFor(cat) };
}

const brandCalls = new Map<string, { second: number; count: number }>();

/** `/category/brands/query`: pages of at most 200; past 30 calls a second it answers an empty page. */
export function queryBrands(ctx: CallContext): ApiBody {
  const start = Number(ctx.params.startRow ?? '0');
  const size = Number(ctx.params.pageSize ?? '20');
  if (!Number.isInteger(start) || start < 0) throw invalidParameter('startRow');
  if (!Number.isInteger(size) || size < 1 || size > 200)
    throw invalidParameter('pageSize', 'between 1 and 200');
  const second = Math.floor(ctx.now / 1000);
  const w = brandCalls.get(ctx.site.key);
  if (!w || w.second !== second) brandCalls.set(ctx.site.key, { second, count: 1 });
  else w.count += 1;
  const throttled = (brandCalls.get(ctx.site.key)?.count ?? 0) > 30;
  const all = brandsFor(ctx.site).list;
  const module = throttled
    ? []
    : all.slice(start, start + size).map((b) => ({
        brand_id: b.brand_id,
        name: b.name,
        name_en: b.name_en,
        global_identifier: b.global_identifier,
      }));
  return {
    success: true,
    data: {
      start_row: start,
      page_index: Math.floor(start / size) + 1,
      page_size: size,
      total_record: throttled ? 0 : all.length,
      total_page: throttled ? 0 : Math.ceil(all.length / size),
      enable_total: true,
      module,
    },
  };
}
