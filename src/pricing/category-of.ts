import type { PriceableItem } from './types.ts';

/**
 * Maps a seller's Korean category path to a pricing category (fees.json `categories`). Korean
 * open markets share a top level (뷰티, 식품, 패션의류, ...); finer words pick footwear, bags,
 * fragrance and battery-powered goods, which carry their own fees or shipping rules.
 */
const RULES: readonly [RegExp, string][] = [
  [/향수|퍼퓸|오드뚜왈|fragrance/i, 'fragrance'],
  // Goods with a lithium battery inside. A charger or a wired earphone has none (a wireless
  // charger neither): they price as plain electronics and fly by any service.
  [/보조배터리|배터리|무선이어폰|블루투스 ?이어폰|전동|power ?bank/i, 'electronics-battery'],
  [/신발|운동화|스니커즈|구두|슬리퍼|샌들|부츠|shoe/i, 'footwear'],
  [/가방|백팩|핸드백|크로스백|지갑|bag/i, 'bags'],
  [/시계|watch/i, 'watches'],
  [/뷰티|화장품|스킨케어|메이크업|beauty|cosmetic/i, 'beauty'],
  [/건강|영양제|비타민|health/i, 'health'],
  [/식품|간식|음료|food/i, 'food'],
  // Before accessories: a phone accessory (휴대폰 액세서리) is electronics, not fashion.
  [/디지털|가전|전자|electronic/i, 'electronics'],
  [/패션잡화|액세서리|주얼리|모자|양말/i, 'accessories'],
  [/패션|의류|fashion|apparel/i, 'fashion'],
  [/완구|장난감|toy/i, 'toys'],
  [/도서|음반|media/i, 'media'],
  [/홈|리빙|주방|생활|가구|인테리어|home|kitchen/i, 'home'],
];

export function pricingCategoryOf(categoryPath: string): string {
  for (const [pattern, category] of RULES) if (pattern.test(categoryPath)) return category;
  return 'other';
}

/** A variant's catalog facts as pricing reads them (the catalog's VariantFacts has this shape). */
export interface VariantPricingFacts {
  variantId: string;
  sellerId: string;
  priceKrw: number;
  weightG: number | null;
  dimsMm: { lengthMm: number; widthMm: number; heightMm: number } | null;
  categoryPath: string;
}

/**
 * The item pricing quotes for a variant. A product imported without a weight is priced as a 500 g
 * parcel until the seller fills it (preflight still asks for the weight before publishing).
 */
export function priceableItem(v: VariantPricingFacts): PriceableItem {
  return {
    variantId: v.variantId,
    sellerId: v.sellerId,
    priceKrw: v.priceKrw,
    weightG: v.weightG ?? 500,
    category: pricingCategoryOf(v.categoryPath),
    ...(v.dimsMm ? { dims: v.dimsMm } : {}),
  };
}
