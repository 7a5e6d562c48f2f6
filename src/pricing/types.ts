import type { Money } from '../shared/index.ts';

/** One rule or data item behind a number, listed in every quote so the working can be checked. */
export interface RuleRef {
  readonly code: string;
  readonly text: string;
  readonly source?: string;
  readonly asOf?: string;
}

/**
 * What the pricing engine needs of a catalog variant. The catalog feeds these (from the DB);
 * benchmarks and tests generate them.
 */
export interface PriceableItem {
  readonly variantId: string;
  readonly sellerId: string;
  /** The seller's price in won (integer KRW): what the seller asks for the goods. */
  readonly priceKrw: number;
  readonly weightG: number;
  readonly dims?: { lengthMm: number; widthMm: number; heightMm: number };
  /** A pricing category (fees.json `categories`); anything else prices as `other`. */
  readonly category?: string;
  /** The seller's cost in won, for cost-plus quotes. */
  readonly costKrw?: number;
}

export type ComponentCode =
  | 'goods'
  | 'fx'
  | 'commission'
  | 'payment_fee'
  | 'fixed_fee'
  | 'operator_fee'
  | 'shipping'
  | 'duty'
  | 'tax'
  | 'margin';

export interface QuoteComponent {
  readonly code: ComponentCode;
  readonly label: string;
  readonly local: Money;
  readonly krw: Money;
  /** Code of the entry in `rules` that produced this amount. */
  readonly rule: string;
}

export interface MarginSummary {
  readonly local: Money;
  readonly krw: Money;
  /** Margin as a percentage of the price net of VAT/GST/sales tax, 2 decimals. */
  readonly pct: number;
  readonly targetPct: number;
  readonly floorPct: number;
}

export interface BuyerPays {
  readonly code: 'duty' | 'tax';
  readonly label: string;
  readonly amount: Money;
  readonly collection: 'import' | 'on-top';
}

export interface Quote {
  readonly status: 'ok';
  readonly site: string;
  readonly marketplace: string;
  readonly country: string;
  readonly currency: string;
  readonly variantId?: string;
  readonly mode: 'price' | 'cost-plus' | 'fixed';
  readonly price: Money;
  readonly priceKrw: Money;
  /** goods + fx + commission + payment_fee + fixed_fee + operator_fee + shipping + duty + tax + margin = price, exactly (local and KRW). */
  readonly components: readonly QuoteComponent[];
  readonly margin: MarginSummary;
  readonly shipping: {
    readonly service: string;
    readonly name: string;
    readonly actualWeightG: number;
    readonly volumetricWeightG: number;
    readonly chargeableWeightG: number;
  };
  readonly customs: {
    readonly band: string;
    readonly customsValue: Money;
    readonly valueBasis: 'fob' | 'cif';
    /** Duties and taxes outside the price: paid by the buyer at import or added at checkout. */
    readonly buyerPays: readonly BuyerPays[];
  };
  readonly rounding: { readonly rule: string; readonly unrounded: Money };
  readonly special?: SpecialPrice;
  readonly fxSnapshot: {
    readonly id: string;
    readonly source: string;
    readonly takenAt: string;
    readonly krwPerUnit: string;
  };
  readonly dataVersion: string;
  readonly asOf: string;
  readonly rules: readonly RuleRef[];
}

export interface SpecialPrice {
  readonly price: Money;
  readonly discountPct: number;
  readonly margin: MarginSummary;
}

export type GuardName = 'min-margin' | 'min-price' | 'max-price' | 'max-discount';

/** Why no price came out: expected business outcomes, returned (never thrown). */
export type QuoteFailure =
  | {
      readonly kind: 'guard-failed';
      readonly guard: GuardName;
      readonly site: string;
      readonly message: string;
      readonly details: Readonly<Record<string, unknown>>;
    }
  | {
      readonly kind: 'no-shipping-service';
      readonly site: string;
      readonly message: string;
      readonly reasons: readonly { service: string; reason: string }[];
    }
  | {
      readonly kind: 'fx-rate-missing';
      readonly site: string;
      readonly message: string;
      readonly currency: string;
    };
