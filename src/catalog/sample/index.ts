/**
 * The sample catalog generator: realistic, deterministic Korean listings (K-beauty, food, fashion,
 * shoes, home, baby, pet, electronics accessories) for demos, tests and benchmarks.
 */
export {
  createSampleCatalog,
  splitProducts,
  type SampleCatalog,
  type SampleCatalogOptions,
} from './generate.ts';
export { SAMPLE_ATTRIBUTE_NAMES, TEMPLATES } from './catalog-templates.ts';
export { SAMPLE_CATEGORIES, type SampleCategory } from './template.ts';
export { CATEGORY_WEIGHTS } from './sellers.ts';
export { SAMPLE_IMAGE_HOST } from './product.ts';
export { createRng, type Rng } from './prng.ts';
