// Image localization: Korean text inside product images (detail pages) detected, read,
// translated through the text pipeline with quantities converted by the units engine, removed and
// redrawn in the buyer's language. See docs/images.md.
export type { Box, OcrLine, RgbImage, TextRegion } from './types.ts';
export { countHangul } from './types.ts';
export { safeFetchImage, type FetchedImage, type Resolver, type SafeFetchOptions } from './safe-fetch.ts';
export { refusedAddressReason } from './address-policy.ts';
export {
  decodeImage,
  encodeImage,
  formatForPath,
  inspectImage,
  sniffImageType,
  DEFAULT_IMAGE_LIMITS,
  type ImageLimits,
  type ImageType,
  type OutputFormat,
} from './image-io.ts';
export { TextDetector, detectorModelPath } from './text-detector.ts';
export { planStrips, mergeStripRegions, type Strip } from './strips.ts';
export { readLines, type LineReading, type ReadOptions } from './line-reader.ts';
export { joinOcrWords, repairKoreanSpacing } from './korean-spacing.ts';
export { analyseLayout, type LineLayout, type LineRole } from './page-layout.ts';
export { keepReason, type KeepReason } from './keep-policy.ts';
export { translateLines, type LineStatus, type LineTranslation } from './translate-lines.ts';
export { removeText } from './text-removal.ts';
export { drawTranslations, displayText, contrastRatio, type DrawJob } from './render-text.ts';
export { fitText, breakTokens } from './text-fit.ts';
export { fontStack, localizeDigits, isolateLtrRuns, isRtl } from './script-support.ts';
export {
  analysePage,
  textDetector,
  hashBytes,
  type PageAnalysis,
  type AnalysedLine,
} from './page-analysis.ts';
export {
  renderLocale,
  residualHangul,
  type LocalizedImage,
  type RenderLocaleOptions,
} from './localize-image.ts';
export { ImageLocalizer, type LocalizeImageRequest } from './image-localizer.ts';
export { ImageVariantCache, translationMemoryVersion, IMAGE_PIPELINE_VERSION } from './image-cache.ts';
export type { ImageReport, ReportLine, ReportSummary, ResidualCheck } from './image-report.ts';
export { syntheticDetailPage, type SyntheticPage, type TruthLine } from './synthetic/detail-page.ts';
export {
  localizeProductImages,
  localizeCatalogImages,
  type CatalogImagesSummary,
  localesForSites,
  imageLocalizer,
  type ProductImageOutcome,
} from './product-images.ts';
export {
  productImageViews,
  imageVariantContent,
  type ProductImageView,
  type ImageVariantView,
} from './product-variants.ts';
