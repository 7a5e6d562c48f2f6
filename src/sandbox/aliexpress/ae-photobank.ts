import { missingParameter } from '../core/api-error.ts';
import type { ApiBody, CallContext } from '../core/api-types.ts';
import { md5Hex } from '../core/signature.ts';
import { dimensions } from '../catalog/image-api.ts';
import { fail } from './ae-common.ts';

/**
 * `aliexpress.photobank.redefining.uploadimageforsdk`: multipart `image_bytes` (jpg or png, ≤ 5 MB)
 * with `file_name` (≤ 256 characters) into the seller's photo bank; `result {is_success,
 * photobank_url, file_name, width, height}`. The same bytes give the same URL.
 */
export function uploadToPhotobank(ctx: CallContext): ApiBody {
  const file = ctx.files.get('image_bytes');
  if (!file) throw missingParameter('image_bytes');
  const name = ctx.params.file_name ?? '';
  if (!name) throw missingParameter('file_name');
  if (name.length > 256) return fail('13201', 'file_name is longer than 256 characters');
  if (file.bytes.byteLength > 5 * 1024 * 1024) return fail('13202', 'the image is larger than 5 MB');
  const dims = dimensions(file.bytes);
  if (!dims) return fail('13203', 'only jpg and png images can be uploaded');
  const hash = md5Hex(file.bytes);
  ctx.rt.stats.inc('images.uploaded');
  return {
    result: {
      is_success: true,
      success: true,
      status: 'SUCCESS',
      photobank_url: `https://ae01.alicdn.com/kf/${hash}.${dims.format}`,
      file_name: name,
      width: dims.width,
      height: dims.height,
    },
  };
}
