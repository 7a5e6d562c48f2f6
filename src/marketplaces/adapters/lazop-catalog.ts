import { AppError } from '../../shared/index.ts';
import { isMarketplaceError } from '../errors.ts';
import {
  asArray,
  asObject,
  booleanValue,
  idString,
  numberValue,
  stringValue,
  type JsonObject,
} from '../lossless-json.ts';
import { toXmlPayload } from '../payload.ts';
import { BATCH_LIMITS, chunk, type AdapterContext } from './common.ts';
import type { Brand, BrandPage, CategoryAttribute, CategoryNode, ImageMigration } from './types.ts';

/** Catalog reads and image migration shared by Lazada, Daraz and Miravia (research 2.1, 2.5). */

function toCategoryNode(raw: unknown): CategoryNode {
  const o = asObject(raw);
  return {
    id: idString(o.category_id) ?? '',
    name: stringValue(o.name) ?? '',
    leaf: booleanValue(o.leaf) ?? false,
    children: asArray(o.children).map(toCategoryNode),
  };
}

export async function categoryTree(ctx: AdapterContext, language?: string): Promise<CategoryNode[]> {
  const res = await ctx.client.call({
    api: '/category/tree/get',
    params: { language_code: language },
    session: ctx.session,
  });
  return asArray(res.data).map(toCategoryNode);
}

export async function categoryAttributes(
  ctx: AdapterContext,
  categoryId: string,
  language?: string,
): Promise<CategoryAttribute[]> {
  const res = await ctx.client.call({
    api: '/category/attributes/get',
    params: { primary_category_id: categoryId, language_code: language },
    session: ctx.session,
  });
  return asArray(res.data).map((raw) => {
    const a = asObject(raw);
    return {
      id: idString(a.id) ?? '',
      name: stringValue(a.name) ?? '',
      label: stringValue(a.label) ?? stringValue(a.name) ?? '',
      mandatory: booleanValue(a.is_mandatory) ?? false,
      saleProp: booleanValue(a.is_sale_prop) ?? false,
      level: stringValue(a.attribute_type) === 'sku' ? 'sku' : 'product',
      inputType: stringValue(a.input_type) ?? 'text',
      options: asArray(a.options).map((opt) => {
        const p = asObject(opt);
        return { id: idString(p.id), name: stringValue(p.name) ?? '', enName: stringValue(p.en_name) };
      }),
      raw: a,
    };
  });
}

export async function brands(ctx: AdapterContext, offset = 0, limit = 200): Promise<BrandPage> {
  const res = await ctx.client.call({
    api: '/category/brands/query',
    params: { startRow: offset, pageSize: Math.min(limit, 200) },
    session: ctx.session,
  });
  const data = asObject(res.data);
  const list: Brand[] = asArray(data.module).map((raw) => {
    const b = asObject(raw);
    return {
      id: idString(b.brand_id) ?? '',
      name: stringValue(b.name) ?? '',
      nameEn: stringValue(b.name_en),
      globalIdentifier: stringValue(b.global_identifier),
    };
  });
  return { brands: list, total: numberValue(data.total_record) };
}

async function imageResponse(
  ctx: AdapterContext,
  batchId: string,
  sleep: (ms: number) => Promise<void>,
): Promise<JsonObject> {
  for (let poll = 0; ; poll++) {
    await sleep(500);
    try {
      const r = await ctx.client.call({
        api: '/image/response/get',
        params: { batch_id: batchId },
        session: ctx.session,
      });
      return asObject(r.data);
    } catch (e) {
      if (!(isMarketplaceError(e) && e.platformCode === '304' && poll < 3)) throw e;
    }
  }
}

/**
 * `/images/migrate` (≤ 8 URLs per batch, XML payload) then `/image/response/get` after ≥ 0.5 s;
 * a result that is not ready yet (304) is asked for again a few times.
 */
export async function migrateImages(
  ctx: AdapterContext,
  urls: string[],
  sleep: (ms: number) => Promise<void>,
): Promise<ImageMigration> {
  const out: ImageMigration = { images: [], errors: [] };
  for (const batch of chunk(urls, BATCH_LIMITS.imagesMax)) {
    const res = await ctx.client.call({
      api: '/images/migrate',
      httpMethod: 'POST',
      params: { payload: toXmlPayload({ Images: { Url: batch } }) },
      session: ctx.session,
      idempotent: true,
    });
    const batchId = idString(res.body.batch_id) ?? idString(asObject(res.data).batch_id);
    if (!batchId) throw new AppError('upstream', `${ctx.site.id} /images/migrate answered without batch_id`);
    out.batchId = out.batchId ?? batchId;
    const data = await imageResponse(ctx, batchId, sleep);
    for (const raw of asArray(data.images)) {
      const i = asObject(raw);
      out.images.push({
        url: stringValue(i.url) ?? '',
        hashCode: stringValue(i.hash_code),
        originalUrl: stringValue(i.original_url),
      });
    }
    for (const raw of asArray(data.errors)) {
      const er = asObject(raw);
      out.errors.push({
        originalUrl: stringValue(er.original_url),
        message: stringValue(er.msg) ?? stringValue(er.message) ?? '',
      });
    }
  }
  return out;
}

/**
 * `POST /image/upload` (multipart `image`: jpg or png, 330–5000 px a side, ≤ 3 MB) → the image on
 * the platform's CDN. For images made here (localized detail pages) that have no public URL to
 * migrate from. Idempotent: the same bytes come back as the same hosted image.
 */
export async function uploadImage(
  ctx: AdapterContext,
  image: { bytes: Uint8Array; contentType: string },
): Promise<string> {
  const ext = image.contentType === 'image/png' ? 'png' : 'jpg';
  const res = await ctx.client.call({
    api: '/image/upload',
    httpMethod: 'POST',
    files: { image: { bytes: image.bytes, filename: `image.${ext}`, contentType: image.contentType } },
    session: ctx.session,
    idempotent: true,
  });
  const url = stringValue(asObject(asObject(res.data).image).url);
  if (!url) throw new AppError('upstream', `${ctx.site.id} /image/upload answered without an image url`);
  return url;
}
