import { XMLParser } from 'fast-xml-parser';
import { ApiError } from '../core/api-error.ts';

/**
 * Product payloads arrive as one `payload` parameter holding XML `<Request>…</Request>` or the
 * equivalent JSON `{"Request":{…}}`. Both are read into the same plain shape; JSON must carry
 * `Images.Image` and `Skus.Sku` as arrays (1001 otherwise), as the platforms require.
 */
const ARRAY_TAGS = new Set(['Image', 'Sku', 'Url', 'SkuId', 'MultiWarehouseInventory']);

const xml = new XMLParser({
  ignoreAttributes: true,
  parseTagValue: false,
  trimValues: true,
  isArray: (name) => ARRAY_TAGS.has(name),
});

export type Obj = Record<string, unknown>;

export function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The `Request` element of a payload, from XML or JSON. */
export function readRequest(payload: string | undefined): { request: Obj; json: boolean } {
  if (payload === undefined || payload.trim() === '') throw new ApiError('30', 'E030: Empty Request');
  const text = payload.trim();
  let doc: unknown;
  const json = text.startsWith('{');
  try {
    doc = json ? JSON.parse(text) : xml.parse(text, true);
  } catch {
    throw new ApiError('5', 'E005: Invalid Request Format');
  }
  const request = isObj(doc) ? doc.Request : undefined;
  if (!isObj(request)) throw new ApiError('5', 'E005: Invalid Request Format');
  return { request, json };
}

/** A scalar payload value as text (JSON numbers and booleans arrive typed). */
export function text(v: unknown): string | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return JSON.stringify(v);
}

/** `{Image: [...]}`-style list; in JSON a non-array is error 1001. */
export function list(container: unknown, tag: string, json: boolean): unknown[] | undefined {
  if (container === undefined || container === '' || container === null) return undefined;
  if (!isObj(container)) {
    throw new ApiError(
      '1001',
      `The parameters are not in JSON format: ${tag} must be an array inside its container`,
    );
  }
  const v = container[tag];
  if (v === undefined) return [];
  if (Array.isArray(v)) return v;
  if (json) throw new ApiError('1001', `The parameters are not in JSON format: ${tag} must be an array`);
  return [v];
}

function stringMap(v: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!isObj(v)) return out;
  for (const [k, x] of Object.entries(v)) {
    const t = text(x);
    if (t !== undefined) out[k] = t;
  }
  return out;
}

export interface SkuInput {
  /** Every sku field sent except `saleProp` and `Images` (SellerSku, price, package_*, attributes…). */
  fields: Record<string, string>;
  saleProp: Record<string, string>;
  /** Undefined when the sku carried no `Images` element. */
  images: string[] | undefined;
}

export interface ProductInput {
  primaryCategory: string | undefined;
  associatedSku: string | undefined;
  itemId: string | undefined;
  images: string[] | undefined;
  attributes: Record<string, string>;
  skus: SkuInput[];
}

function images(v: unknown, json: boolean): string[] | undefined {
  const items = list(v, 'Image', json);
  return items?.map((x) => text(x) ?? '').filter((x) => x !== '');
}

/** `Request.Product` of `/product/create` and `/product/update`. */
export function readProduct(payload: string | undefined): ProductInput {
  const { request, json } = readRequest(payload);
  const p = request.Product;
  if (!isObj(p)) throw new ApiError('5', 'E005: Invalid Request Format: Request.Product is missing');
  const skus = (list(p.Skus, 'Sku', json) ?? []).map((s): SkuInput => {
    if (!isObj(s)) throw new ApiError('5', 'E005: Invalid Request Format: Sku');
    const { saleProp, Images, ...rest } = s;
    return { fields: stringMap(rest), saleProp: stringMap(saleProp), images: images(Images, json) };
  });
  return {
    primaryCategory: text(p.PrimaryCategory),
    associatedSku: text(p.AssociatedSku),
    itemId: text(p.ItemId),
    images: images(p.Images, json),
    attributes: stringMap(p.Attributes),
    skus,
  };
}
