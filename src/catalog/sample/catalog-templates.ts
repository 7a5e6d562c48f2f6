/** Every product template by category, and the fixed list of attribute names they produce. */
import { BEAUTY } from './data-beauty.ts';
import { FASHION } from './data-fashion.ts';
import { FOOD } from './data-food.ts';
import { BABY } from './data-baby.ts';
import { ELECTRONICS } from './data-electronics.ts';
import { HOME } from './data-home.ts';
import { PET } from './data-pet.ts';
import { SHOES } from './data-shoes.ts';
import type { ProductTemplate, SampleCategory } from './template.ts';

export const TEMPLATES: Record<SampleCategory, readonly ProductTemplate[]> = {
  beauty: BEAUTY,
  food: FOOD,
  fashion: FASHION,
  shoes: SHOES,
  home: HOME,
  baby: BABY,
  pet: PET,
  electronics: ELECTRONICS,
};

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
