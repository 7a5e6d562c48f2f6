/**
 * The shape of the files under data/termbase/ (validated when loaded). See data/termbase/README.md
 * for how each file was compiled.
 */
import { z } from 'zod';

const provenance = {
  source: z.string().min(20),
  as_of: z.string(),
  licence: z.string(),
};

/**
 * A Korean→English entry: [ko, en] or [ko, en, flag]. Flags: `name` (a proper name, the same in every
 * language, kept as written), `drop` (a Korean-market tag or promo word that does not travel; `en`
 * is the fact it states, e.g. "free shipping"), `dnt` (keep the Korean source's Latin form as is).
 * `ctx` (a sense used only for products of the file's domain: 면 is noodles in food, cotton elsewhere).
 * A `ko` with `{n}` is a pattern: `제조일로부터 {n}개월` → `{n} months from manufacture`.
 */
export const termEntry = z.union([
  z.tuple([z.string().min(1), z.string()]),
  z.tuple([z.string().min(1), z.string(), z.enum(['name', 'drop', 'dnt', 'ctx'])]),
]);

export const termFile = z.object({
  ...provenance,
  domain: z.string(),
  entries: z.array(termEntry).min(1),
});

const brandEntry = z.union([
  z.tuple([z.string().min(1), z.string().min(1)]),
  z.tuple([z.string().min(1), z.string().min(1), z.array(z.string().min(1))]),
]);

/**
 * [Korean name, official Latin name, other Korean spellings?]. `romanized`: brands whose official
 * Latin spelling was not verified (romanized; confirm with the seller).
 */
export const brandFile = z.object({
  ...provenance,
  entries: z.array(brandEntry).min(1),
  romanized: z.array(brandEntry).default([]),
  /** Company names (manufacturers) with their English names, used only inside (주)/주식회사 names. */
  companies: z.array(z.tuple([z.string().min(1), z.string().min(1)])).default([]),
});

export const VOCAB_LANGUAGES = [
  'en',
  'th',
  'vi',
  'id',
  'ms',
  'fil',
  'ur',
  'bn',
  'si',
  'ne',
  'my',
  'es',
  'pt',
] as const;

/**
 * The structured vocabulary in all 13 languages: [group, ko, en, th, vi, id, ms, fil, ur, bn, si, ne,
 * my, es, pt]. Counters (group `counter`) are templates with `{n}`; `a|b` gives singular|plural.
 */
export const vocabularyFile = z.object({
  ...provenance,
  languages: z
    .array(z.string())
    .refine((l) => l.join() === VOCAB_LANGUAGES.join(), `languages must be ${VOCAB_LANGUAGES.join(', ')}`),
  groups: z.record(z.string(), z.string()),
  entries: z.array(z.array(z.string()).length(2 + VOCAB_LANGUAGES.length)).min(1),
});

export type TermFile = z.infer<typeof termFile>;
export type BrandFile = z.infer<typeof brandFile>;
export type VocabularyFile = z.infer<typeof vocabularyFile>;
