/**
 * Decoding and encoding with sharp, behind limits: a product image comes from a seller or the open
 * web, so its type is decided by its bytes (not by a header or a file name) and its pixel count is
 * checked from the header before any pixel is decoded (a 50 KB PNG can claim 100 000 × 100 000).
 */
import sharp, { type Metadata } from 'sharp';
import { AppError } from '../../shared/index.ts';
import type { RgbImage } from './types.ts';

export type ImageType = 'jpeg' | 'png' | 'webp' | 'gif' | 'avif';

export const IMAGE_MIME: Record<ImageType, string> = {
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  gif: 'image/gif',
  avif: 'image/avif',
};

export interface ImageLimits {
  /** Largest encoded size accepted, bytes (default 25 MB). */
  maxBytes?: number;
  /** Largest width × height accepted (default 40 megapixels: 860 × 46 000). */
  maxPixels?: number;
  /** Longest side accepted (default 60 000 px: tall detail pages are long, never wide). */
  maxSide?: number;
}

export const DEFAULT_IMAGE_LIMITS: Required<ImageLimits> = {
  maxBytes: 25 * 1024 * 1024,
  maxPixels: 40_000_000,
  maxSide: 60_000,
};

function startsWith(buf: Uint8Array, bytes: readonly number[], at = 0): boolean {
  if (buf.length < at + bytes.length) return false;
  return bytes.every((b, i) => buf[at + i] === b);
}

const ascii = (s: string): number[] => [...s].map((c) => c.charCodeAt(0));

/** The image type by magic bytes, or null when the bytes are no image we accept (SVG is refused: it is a document that can fetch). */
export function sniffImageType(buf: Uint8Array): ImageType | null {
  if (startsWith(buf, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(buf, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(buf, ascii('GIF87a')) || startsWith(buf, ascii('GIF89a'))) return 'gif';
  if (startsWith(buf, ascii('RIFF')) && startsWith(buf, ascii('WEBP'), 8)) return 'webp';
  if (
    startsWith(buf, ascii('ftyp'), 4) &&
    (startsWith(buf, ascii('avif'), 8) || startsWith(buf, ascii('avis'), 8))
  )
    return 'avif';
  return null;
}

/** Checks type and size from the bytes and header only; throws `invalid_input` naming the limit. */
export async function inspectImage(
  buf: Uint8Array,
  limits: ImageLimits = {},
): Promise<{ type: ImageType; width: number; height: number }> {
  const l = { ...DEFAULT_IMAGE_LIMITS, ...limits };
  if (buf.length > l.maxBytes) {
    throw new AppError('invalid_input', `image is ${buf.length} bytes, over the ${l.maxBytes}-byte limit`, {
      details: { field: 'image', bytes: buf.length, maxBytes: l.maxBytes },
    });
  }
  const type = sniffImageType(buf);
  if (!type) {
    throw new AppError('invalid_input', 'not an image (JPEG, PNG, WebP, GIF or AVIF) by its first bytes', {
      details: { field: 'image' },
    });
  }
  let meta: Metadata;
  try {
    meta = await sharp(buf, { limitInputPixels: false }).metadata();
  } catch (err) {
    throw new AppError('invalid_input', `unreadable ${type} image: ${(err as Error).message}`, {
      details: { field: 'image', type },
      cause: err,
    });
  }
  const width = meta.width ?? 0;
  const height = meta.pageHeight ?? meta.height ?? 0;
  if (!width || !height)
    throw new AppError('invalid_input', `${type} image has no size`, { details: { type } });
  if (width * height > l.maxPixels || Math.max(width, height) > l.maxSide) {
    throw new AppError(
      'invalid_input',
      `image is ${width}×${height} pixels, over the limit of ${l.maxPixels} pixels or ${l.maxSide} px a side`,
      { details: { field: 'image', width, height, maxPixels: l.maxPixels, maxSide: l.maxSide } },
    );
  }
  return { type, width, height };
}

/** Decodes to RGB after `inspectImage`; alpha is flattened on white (product pages are white). */
export async function decodeImage(
  buf: Uint8Array,
  limits: ImageLimits = {},
): Promise<RgbImage & { type: ImageType }> {
  const info = await inspectImage(buf, limits);
  const l = { ...DEFAULT_IMAGE_LIMITS, ...limits };
  // limitInputPixels again at decode: the header check above is the gate, this is the belt.
  const { data, info: out } = await sharp(buf, { limitInputPixels: l.maxPixels, failOn: 'error', pages: 1 })
    .rotate()
    .flatten({ background: '#ffffff' })
    .toColourspace('srgb')
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return {
    data: new Uint8Array(data.buffer, data.byteOffset, data.length),
    width: out.width,
    height: out.height,
    type: info.type,
  };
}

export type OutputFormat = 'png' | 'jpeg' | 'webp';

/** Encodes RGBA or RGB pixels (as canvas or a stage leaves them). */
export async function encodeImage(
  pixels: Uint8Array,
  width: number,
  height: number,
  channels: 3 | 4,
  format: OutputFormat,
): Promise<Buffer> {
  const img = sharp(pixels, { raw: { width, height, channels } });
  if (format === 'jpeg') return img.removeAlpha().jpeg({ quality: 88 }).toBuffer();
  if (format === 'webp') return img.webp({ quality: 85 }).toBuffer();
  return img.removeAlpha().png({ compressionLevel: 6 }).toBuffer();
}

/** The output format for a file name, by its extension (PNG when unknown). */
export function formatForPath(path: string): OutputFormat {
  const ext = path.toLowerCase().split('.').pop();
  if (ext === 'jpg' || ext === 'jpeg') return 'jpeg';
  if (ext === 'webp') return 'webp';
  return 'png';
}
