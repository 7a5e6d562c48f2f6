/**
 * Pricing: landed-cost quotes for Korean catalog items on every marketplace site, with a waterfall
 * (FX, commission, payment fee, operator fee, shipping, duty, tax, margin) that adds up exactly.
 * This file is the capability's only door.
 */
import { join } from 'node:path';
import { defaultFxSnapshot, type FxSnapshot } from './fx/fx-snapshot.ts';
import type { FxRepository } from './fx/fx-repository.ts';

export type {
  BuyerPays,
  ComponentCode,
  GuardName,
  MarginSummary,
  PriceableItem,
  Quote,
  QuoteComponent,
  QuoteFailure,
  RuleRef,
  SpecialPrice,
} from './types.ts';
export { quote, type QuoteOptions, type QuoteResult } from './quote.ts';
export {
  createPricingContext,
  type PricingContext,
  type PricingContextInput,
  type CompiledSite,
} from './context.ts';
export {
  loadPricingData,
  parsePricingData,
  cloneInputs,
  type PricingData,
  type PricingInputs,
  type SiteConfig,
} from './pricing-data.ts';
export {
  createFxSnapshot,
  withRates,
  defaultFxSnapshot,
  convert,
  fxChanges,
  krwPerUnit,
  rateToText,
  type FxSnapshot,
  type FxSnapshotInput,
  type Conversion,
  type RateChange,
} from './fx/fx-snapshot.ts';
export { InMemoryFxRepository, JsonFileFxRepository, type FxRepository } from './fx/fx-repository.ts';
export { DbFxRepository } from './fx/fx-repository-db.ts';
export {
  FileRateSource,
  HttpRateSource,
  parseRatesDocument,
  type RateSource,
  type HttpRateSourceOptions,
} from './fx/rate-sources.ts';
export {
  compileRoundingRule,
  roundNice,
  ceilNice,
  floorNice,
  nextNice,
  isNicePrice,
  type RoundingRule,
} from './rounding.ts';
export {
  chargeableWeight,
  stepUp,
  serviceRestriction,
  parseDimsCm,
  destinationRates,
  type Dims,
  type ChargeableWeight,
  type DestinationRates,
} from './shipping.ts';
export {
  compileCustoms,
  assessImport,
  bandFor,
  inPrice,
  type CompiledCustoms,
  type ImportAssessment,
} from './customs.ts';
export {
  planRequote,
  requote,
  requoteStream,
  type PriceChange,
  type RequoteOptions,
  type RequoteReason,
  type RequoteSummary,
  type SitePlan,
} from './requote.ts';
export {
  REQUOTE_JOB,
  requoteJobPayload,
  createRequoteJobHandler,
  type RequoteJobDeps,
  type RequoteJobPayload,
} from './requote-job.ts';
export {
  parseScenario,
  applyScenario,
  simulate,
  type Scenario,
  type FxShock,
  type FeeShock,
  type SimulationReport,
  type SiteImpact,
} from './simulate.ts';
export { sampleItems, mulberry32 } from './sample-items.ts';
export {
  loadPricingContext,
  quoteFromRequest,
  quoteResultBody,
  type QuoteRequest,
} from './pricing-service.ts';

/** Where the CLI keeps FX snapshots until the fx_snapshots table is wired: <dataDir>/pricing/fx-snapshots.json. */
export function fxSnapshotFile(dataDir: string): string {
  return join(dataDir, 'pricing', 'fx-snapshots.json');
}

/** The snapshot quotes should use: the newest stored one, else the shipped dated sample. */
export async function currentFxSnapshot(repo: FxRepository): Promise<FxSnapshot> {
  return (await repo.latest()) ?? defaultFxSnapshot();
}
export { pricingCategoryOf, priceableItem, type VariantPricingFacts } from './category-of.ts';
export { COMPONENT_CODES } from './waterfall.ts';
export { saveSitePrices } from './site-prices.ts';
