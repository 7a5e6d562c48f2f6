import { isIP } from 'node:net';
import { ApiError, missingParameter } from '../core/api-error.ts';
import type { ApiBody, CallContext } from '../core/api-types.ts';
import { randomAlnum } from '../core/ids.ts';
import { md5Hex } from '../core/signature.ts';
import { isObj, list, readRequest, text } from './payload.ts';
import { isHostedImage } from './product-rules.ts';

/** Where "migrated" images live. The sandbox never downloads anything; it vouches for the URL. */
export function hostedUrl(source: string): { url: string; hash_code: string } {
  if (isHostedImage(source)) return { url: source, hash_code: md5Hex(source) };
  const hash = md5Hex(source);
  return { url: `https://sandbox.slatic.net/p/${hash}.jpg`, hash_code: hash };
}

/** Source URL rules: http(s) on ports 80/443, no IP literals or private hosts. Returns why not. */
function urlProblem(source: string): string | undefined {
  let u: URL;
  try {
    u = new URL(source);
  } catch {
    return 'not a URL';
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return 'only http and https are supported';
  if (u.port !== '' && u.port !== '80' && u.port !== '443') return 'only ports 80 and 443 are supported';
  const host = u.hostname.replace(/^\[|\]$/g, '');
  if (isIP(host) !== 0) return 'IP addresses are not supported';
  if (host === 'localhost' || host.endsWith('.local') || host.endsWith('.internal') || !host.includes('.'))
    return 'private hosts are not supported';
  return undefined;
}

function migrateOne(source: string): { url: string; hash_code: string } {
  const why = urlProblem(source);
  if (why) throw new ApiError('302', `E302: Unsupported URL: ${why}`);
  return hostedUrl(source);
}

/** `POST /image/migrate`: `<Request><Image><Url>…</Url></Image></Request>` → `data.image`. */
export function migrateImage(ctx: CallContext): ApiBody {
  const { request } = readRequest(ctx.params.payload);
  // XML reads `Image` as a list (it is one in product payloads); JSON sends one object.
  const image = Array.isArray(request.Image) ? request.Image[0] : request.Image;
  const urls = isObj(image) ? (Array.isArray(image.Url) ? image.Url : [image.Url]) : [];
  const source = text(urls[0]);
  if (!source) throw new ApiError('30', 'E030: Empty Request');
  ctx.rt.stats.inc('images.migrated');
  return { data: { image: migrateOne(source) } };
}

interface Batch {
  images: { url: string; hash_code: string }[];
  errors: { field: string; msg: string; original_url: string }[];
}

const batches = new Map<string, Batch>();

/** `POST /images/migrate`: up to 8 URLs; answers a top-level `batch_id` for /image/response/get. */
export function migrateImages(ctx: CallContext): ApiBody {
  const { request, json } = readRequest(ctx.params.payload);
  const urls = (list(request.Images, 'Url', json) ?? []).map((u) => text(u) ?? '');
  if (urls.length === 0) throw new ApiError('30', 'E030: Empty Request');
  if (urls.length > 8) throw new ApiError('301', 'E301: Migrate image failed: at most 8 images per batch');
  const batch: Batch = { images: [], errors: [] };
  for (const source of urls) {
    const why = urlProblem(source);
    if (why) batch.errors.push({ field: 'Url', msg: `E302: Unsupported URL: ${why}`, original_url: source });
    else batch.images.push(hostedUrl(source));
  }
  const id = `${ctx.now}${randomAlnum(8)}`;
  batches.set(id, batch);
  if (batches.size > 10_000) batches.delete(batches.keys().next().value!);
  ctx.rt.stats.inc('images.migrated', batch.images.length);
  return { batch_id: id };
}

/** `GET /image/response/get?batch_id=`. */
export function getImageResponse(ctx: CallContext): ApiBody {
  const id = ctx.params.batch_id;
  if (!id) throw missingParameter('batch_id');
  const batch = batches.get(id);
  if (!batch) throw new ApiError('304', `E304: Get response failed: unknown batch ${id}`);
  return { data: { images: batch.images, errors: batch.errors } };
}

export function dimensions(
  bytes: Uint8Array,
): { format: 'png' | 'jpg'; width: number; height: number } | undefined {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (b.length > 24 && b.readUInt32BE(0) === 0x89504e47)
    return { format: 'png', width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
  if (b.length > 4 && b[0] === 0xff && b[1] === 0xd8) {
    let i = 2;
    while (i + 9 < b.length) {
      if (b[i] !== 0xff) return undefined;
      const marker = b[i + 1]!;
      const length = b.readUInt16BE(i + 2);
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
        return { format: 'jpg', height: b.readUInt16BE(i + 5), width: b.readUInt16BE(i + 7) };
      }
      i += 2 + length;
    }
  }
  return undefined;
}

/** `POST /image/upload`, multipart file `image`: jpg/png, 330–5000 px a side, ≤3 MB. */
export function uploadImage(ctx: CallContext): ApiBody {
  const file = ctx.files.get('image');
  if (!file) throw missingParameter('image');
  if (file.bytes.byteLength > 3_145_728) throw new ApiError('303', 'E303: Image is too large (max 3 MB)');
  const dims = dimensions(file.bytes);
  if (!dims) throw new ApiError('301', 'E301: Image upload failed: only jpg and png are supported');
  if (Math.min(dims.width, dims.height) < 330 || Math.max(dims.width, dims.height) > 5000) {
    throw new ApiError(
      '301',
      `E301: Image upload failed: ${dims.width}x${dims.height} px, each side must be 330-5000 px`,
    );
  }
  const hash = md5Hex(file.bytes);
  ctx.rt.stats.inc('images.uploaded');
  return { data: { image: { url: `https://sandbox.slatic.net/p/${hash}.${dims.format}`, hash_code: hash } } };
}
