/**
 * The image-localization service: given an image's bytes and target locales, returns one
 * localized variant per locale, from the cache when the same image was already done for that
 * locale under the same translation-memory version, otherwise by analysing the page once and
 * rendering each missing locale.
 */
import { defaultTermBase, type TranslationService } from '../text/index.ts';
import { ImageVariantCache, translationMemoryVersion } from './image-cache.ts';
import type { OutputFormat } from './image-io.ts';
import { analysePage, hashBytes, type AnalyseOptions, type PageAnalysis } from './page-analysis.ts';
import { renderLocale, type LocalizedImage } from './localize-image.ts';

export interface LocalizeImageRequest extends Omit<AnalyseOptions, 'brands'> {
  locales: readonly string[];
  sellerId?: string | undefined;
  site?: string | undefined;
  format?: OutputFormat;
  residualCheck?: boolean;
  /** Skip the cache lookup (the result is still stored). */
  refresh?: boolean;
}

export class ImageLocalizer {
  readonly cache: ImageVariantCache | undefined;

  constructor(readonly service: TranslationService) {
    this.cache = service.store ? new ImageVariantCache(service.store) : undefined;
  }

  /** One variant per locale, in the order asked. */
  async localize(bytes: Uint8Array, request: LocalizeImageRequest): Promise<LocalizedImage[]> {
    const sourceHash = hashBytes(bytes);
    const scopeKey = request.sellerId ? `seller:${request.sellerId}` : 'global';
    let page: PageAnalysis | undefined;
    const out: LocalizedImage[] = [];
    for (const locale of request.locales) {
      const tmVersion = await translationMemoryVersion(this.service, locale);
      // Format and product regions change what is drawn: they are part of the variant's key.
      const keep = request.keepRegions?.length
        ? `.keep-${hashBytes(Buffer.from(JSON.stringify(request.keepRegions))).slice(0, 12)}`
        : '';
      const key = { sourceHash, locale: `${locale}.${request.format ?? 'png'}${keep}`, tmVersion, scopeKey };
      const hit = request.refresh || !this.cache ? null : await this.cache.get(key);
      if (hit) {
        out.push({ ...hit, report: { ...hit.report, cached: true } });
        continue;
      }
      page ??= await analysePage(bytes, { ...request, brands: this.service.termBase ?? defaultTermBase() });
      const variant = await renderLocale(page, {
        to: locale,
        service: this.service,
        sellerId: request.sellerId,
        site: request.site,
        ...(request.format ? { format: request.format } : {}),
        ...(request.residualCheck === undefined ? {} : { residualCheck: request.residualCheck }),
        tmVersion,
      });
      // Translating may itself write the memory (new machine translations), which changes the
      // version: the variant is stored under the version as it is now, after its own writes, so
      // the next request for it finds it.
      const after = await translationMemoryVersion(this.service, locale);
      variant.report.tmVersion = after;
      await this.cache?.put({ ...key, tmVersion: after }, variant, request.sellerId);
      out.push(variant);
    }
    return out;
  }
}
