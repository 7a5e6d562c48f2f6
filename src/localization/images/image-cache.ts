/**
 * The cache of localized variants (table `localized_images`): keyed by the source image's SHA-256,
 * the locale, the translation-memory version and the memory scope. A product image shared by many
 * products (brand banners, shipping notices) is processed once per locale; a new memory entry, a
 * glossary change or a new term base makes a new version, so the image is processed again with the
 * better translations.
 */
import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { schema, type Store } from '../../db/index.ts';
import { parseTarget, type TranslationService } from '../text/index.ts';
import type { ImageReport } from './image-report.ts';

/** Bumped when the pipeline changes what it draws, so old variants are not served. */
export const IMAGE_PIPELINE_VERSION = 'img1';

export interface CachedVariant {
  bytes: Buffer;
  mime: string;
  width: number;
  height: number;
  report: ImageReport;
}

export interface VariantKey {
  sourceHash: string;
  locale: string;
  tmVersion: string;
  /** `global`, or `seller:<id>` when the seller's memory took part. */
  scopeKey: string;
}

/**
 * The translation-memory version for a locale: the pipeline version, the term base version, the
 * providers configured, and a digest of the memory and glossary rows for the target language
 * (count and latest change). Any approval, edit or new machine translation changes it.
 */
export async function translationMemoryVersion(service: TranslationService, locale: string): Promise<string> {
  const lang = parseTarget(locale).language;
  const parts = [
    IMAGE_PIPELINE_VERSION,
    service.termBase.version,
    service.providers.map((p) => p.name).join('+'),
  ];
  if (service.store) {
    const rows = await service.store.query<{ n: string | number; at: string | Date | null }>(
      `SELECT count(*) AS n, max(updated_at) AS at FROM translation_memory WHERE target_lang = $1
       UNION ALL SELECT count(*) AS n, max(updated_at) AS at FROM translation_glossary`,
      [lang],
    );
    for (const r of rows) parts.push(`${r.n}@${r.at instanceof Date ? r.at.toISOString() : (r.at ?? '')}`);
  }
  return createHash('sha256').update(parts.join('|')).digest('hex').slice(0, 16);
}

function variantId(k: VariantKey): string {
  return `limg_${createHash('sha256').update([k.sourceHash, k.locale, k.tmVersion, k.scopeKey].join('\u0000')).digest('hex').slice(0, 32)}`;
}

export class ImageVariantCache {
  constructor(private readonly store: Store) {}

  async get(key: VariantKey): Promise<CachedVariant | null> {
    const t = schema.localizedImages;
    const [row] = await this.store.db
      .select()
      .from(t)
      .where(
        and(
          eq(t.sourceHash, key.sourceHash),
          eq(t.locale, key.locale),
          eq(t.tmVersion, key.tmVersion),
          eq(t.scopeKey, key.scopeKey),
        ),
      )
      .limit(1);
    if (!row) return null;
    return {
      bytes: Buffer.from(row.data),
      mime: row.mime,
      width: row.width,
      height: row.height,
      report: row.report as unknown as ImageReport,
    };
  }

  /** Stores a variant; a second writer of the same key leaves the first row (same content). */
  async put(key: VariantKey, variant: CachedVariant, sellerId?: string): Promise<void> {
    await this.store.db
      .insert(schema.localizedImages)
      .values({
        id: variantId(key),
        sourceHash: key.sourceHash,
        locale: key.locale,
        tmVersion: key.tmVersion,
        scopeKey: key.scopeKey,
        sellerId: sellerId ?? null,
        mime: variant.mime,
        width: variant.width,
        height: variant.height,
        data: variant.bytes,
        report: variant.report as unknown as Record<string, unknown>,
      })
      .onConflictDoNothing();
  }
}
