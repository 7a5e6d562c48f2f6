// Text localization: the translation pipeline for Korean listings (segmentation, protection,
// term base, translation memory, providers, quality checks, review). See docs/translation.md.
export type {
  CheckFailure,
  FieldKind,
  MemoryScopeKind,
  Placeholder,
  Provenance,
  QualityCheck,
  SegmentInput,
  SegmentResult,
  SegmentStatus,
} from './types.ts';
export { FIELD_KINDS, SEGMENT_STATUSES } from './types.ts';
export {
  TARGET_LANGUAGES,
  LANGUAGE_INFO,
  isTargetLanguage,
  parseTarget,
  type Target as LanguageTarget,
  type TargetLanguage,
  type SourceLanguage,
} from './languages.ts';
export { defaultTermBase, loadTermBase, TERMBASE_DIR } from './termbase/load.ts';
export type { TermBase, TermBaseStats } from './termbase/termbase.ts';
export { translateWithTermBase, type EngineResult } from './engine/embedded-engine.ts';
export { protect, restore, reprotect, type ProtectedText } from './protect.ts';
export { normalizeText, hasHangul, matchKey } from './normalize.ts';
export { sanitizeHtml, htmlSegments, type HtmlSegments } from './html.ts';
export { checkTranslation, type QualityInput } from './quality.ts';
export { sitePolicy, sitePolicies, SITE_POLICY_SOURCE, type SitePolicy } from './site-policy.ts';
export { Translator, type TranslateOptions, type TranslatorDeps } from './pipeline.ts';
export {
  TranslationService,
  translationService,
  worstStatus,
  type TextTranslation,
  type TranslateTextsOptions,
  type TranslationServiceOptions,
} from './service.ts';
export { translationReport, type TranslationReport, type ReportOptions, type KindCounts } from './report.ts';
export {
  localizeProduct,
  localizeProductRecord,
  domainOf,
  type LocalizedProduct,
  type LocalizedListing,
  type LocalizedField,
  type LocalizedDescription,
  type LocalizeProductOptions,
} from './product-localizer.ts';
export {
  approveReviewItem,
  dismissReviewItem,
  type ApproveInput,
  type ApproveResult,
} from './review-actions.ts';
export {
  listReviewItems,
  getReviewItem,
  reviewCounts,
  type ReviewItem,
  type ReviewFilter,
  type ReviewStatus,
} from './memory/review-store.ts';
export {
  addGlossaryEntry,
  getGlossaryEntry,
  listGlossary,
  removeGlossaryEntry,
  type GlossaryEntry,
  type NewGlossaryEntry,
  type GlossaryFilter,
} from './memory/glossary.ts';
export {
  TranslationMemory,
  type MemoryKey,
  type MemoryRow,
  type MemoryStats,
} from './memory/memory-store.ts';
export { scopeChain, scopeRef, type ScopeRef } from './memory/scopes.ts';
export { listUsage, type UsageRow } from './memory/usage-store.ts';
export { ProviderRunner, type UsageMeter, type RunResult } from './providers/runner.ts';
export {
  ProviderError,
  type TranslationProvider,
  type ProviderBatch,
  type ProviderSegment,
  type ProviderReply,
  type ProviderLimits,
  type ProviderErrorCode,
} from './providers/types.ts';
export { OpenAiCompatibleProvider, type OpenAiCompatibleOptions } from './providers/openai-compatible.ts';
export { DeepLProvider, type DeepLOptions } from './providers/deepl.ts';
export { EmbeddedProvider } from './providers/embedded.ts';
export { providersFromConfig } from './providers/registry.ts';
