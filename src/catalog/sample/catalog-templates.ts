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

export { SAMPLE_ATTRIBUTE_NAMES } from './template.ts';
