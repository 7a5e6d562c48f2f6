/**
 * The shape of a product template: what one kind of product (toner, ramyeon, jogger pants…) looks like
 * in a Korean open-market listing. The data files (data-*.ts) hold the templates; product.ts turns a
 * template plus a random stream into a ProductRecord.
 */
import type { Rng } from './prng.ts';

export const SAMPLE_CATEGORIES = [
  'beauty',
  'food',
  'fashion',
  'shoes',
  'home',
  'baby',
  'pet',
  'electronics',
] as const;
export type SampleCategory = (typeof SAMPLE_CATEGORIES)[number];

/**
 * Every attribute name the generator writes (상품정보제공고시 fields), in column order. The canonical
 * CSV/XLSX writers use it as their fixed set of `attr:<name>` columns; a test keeps the two in step.
 */
export const SAMPLE_ATTRIBUTE_NAMES = [
  '용량',
  '중량',
  '구성',
  '사이즈',
  '색상',
  '소재',
  '원산지',
  '원재료',
  '제조국',
  '제조일자',
  '사용기한',
  '소비기한',
  '보관방법',
  '피부타입',
  '사용연령',
  '세탁방법',
  '호환기종',
  'KC인증',
] as const;

/**
 * One option axis (옵션명) and how it is priced. `ordered` axes (sizes, volumes, weights) take a
 * consecutive run of values; others take a random subset.
 *
 * extra (추가금) per chosen value: `rising` = position × step (bigger volume costs more), `tail` = +step
 * for each value in the last `tailCount` positions (2XL, 3XL), `zero` = 0.
 */
export interface AxisSpec {
  name: string;
  values: readonly string[];
  count: readonly [number, number];
  ordered?: boolean;
  extra?: { mode: 'rising' | 'tail' | 'zero'; step: readonly [number, number]; tailCount?: number };
  /** The title's target word this axis implies (women's shoe sizes → 여성); overrides `targets`. */
  target?: string;
}

/** Everything product.ts needs to build a listing of one kind. */
export interface ProductTemplate {
  category: SampleCategory;
  /** Category path in Korean, levels joined by " > ". */
  path: string;
  /** Product-type words for the title (one is picked), e.g. 토너, 스킨. */
  nouns: readonly string[];
  /**
   * [brand, manufacturer, lines]; the brand's own model lines replace `lines`. A brand of '' means the
   * listing has no brand (the manufacturer is then the seller's own company).
   */
  brands: readonly (readonly [brand: string, manufacturer: string, lines?: readonly string[]])[];
  /** Words placed between brand and noun: model lines (1025 독도) or style words (기모, 오버핏). */
  lines: readonly string[];
  /** Words placed after the noun/spec: 대용량, 수분 진정, 빅사이즈… (0–2 are picked). */
  features: readonly string[];
  /** Optional target word before the line: 남성, 여성, 아동… */
  targets?: readonly string[];
  /**
   * The product's headline spec (용량, 중량, 구성): an attribute, shown in the title, and sometimes the
   * option axis (then 2–3 consecutive values become options, each step costing more).
   */
  spec?: {
    name: string;
    values: readonly string[];
    optionChance: number;
    /** Price grows by this fraction of the base per step along `values` (a 2kg bag costs more). */
    scale: number;
    /** Attribute name when it differs from the axis name; null: not an attribute. */
    attribute?: string | null;
  };
  /** Option axes tried in order; each plan is chosen by weight ([] = no options). */
  optionPlans: readonly (readonly [readonly AxisSpec[], number])[];
  /** Base price range in KRW (판매가 of the cheapest option). */
  price: readonly [number, number];
  weightG: readonly [number, number];
  /** Box length, width, height in cm before jitter. */
  box: readonly [number, number, number];
  hsCode?: string;
  /** Countries of origin with weights. */
  origins: readonly (readonly [string, number])[];
  /** Category-specific title tags, besides the common ones. */
  tags?: readonly string[];
  /** Sentences for the text block of the 상세페이지. */
  pitch: readonly string[];
  /** Spec fields (상품정보제공고시) besides the ones product.ts derives from spec and options. */
  attributes: (rng: Rng, origin: string) => Record<string, string>;
}

/** `YYYY-MM-DD` between 2026-05-01 and 2026-11-20, the generator's fixed "recent" window (no clock). */
export function recentDate(rng: Rng): string {
  const start = Date.UTC(2026, 4, 1);
  return new Date(start + rng.int(0, 203) * 86_400_000).toISOString().slice(0, 10);
}

export const COLORS = [
  '블랙',
  '화이트',
  '그레이',
  '네이비',
  '베이지',
  '카키',
  '차콜',
  '아이보리',
  '브라운',
  '소라',
  '핑크',
  '멜란지',
  '와인',
  '민트',
] as const;

/** 230–280 mm in 5 mm steps, the usual Korean shoe range. */
export const SHOE_SIZES = Array.from({ length: 11 }, (_, i) => String(230 + i * 5));

/** KC 안전인증 number in the usual shape (e.g. CB063R1234-5001); sample values, not real certificates. */
export function kcNumber(rng: Rng, prefix: string): string {
  return `${prefix}${String(rng.int(1000, 9999))}-${String(rng.int(1001, 9999))}`;
}
