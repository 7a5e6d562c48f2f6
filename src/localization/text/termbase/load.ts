/**
 * Loads data/termbase/ into a TermBase: brands first, then the 13-language vocabulary, then the
 * domain term files in name order (the first entry for a key wins). Validated with the schemas in
 * data-schema.ts; a bad file is a `config` error naming the file.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { z } from 'zod';
import { AppError } from '../../../shared/index.ts';
import type { TargetLanguage } from '../languages.ts';
import { brandFile, termFile, VOCAB_LANGUAGES, vocabularyFile } from './data-schema.ts';
import { TermBase, type TermKind } from './termbase.ts';

/** The folder shipped with kbridge. */
export const TERMBASE_DIR = fileURLToPath(new URL('../../../../data/termbase/', import.meta.url));

function read<S extends z.ZodType>(
  dir: string,
  file: string,
  schema: S,
  hash: ReturnType<typeof createHash>,
) {
  const text = readFileSync(`${dir}/${file}`, 'utf8');
  hash.update(file).update(text);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new AppError('config', `data/termbase/${file} is not JSON: ${(e as Error).message}`);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError('config', `data/termbase/${file}: ${issue?.path.join('.')}: ${issue?.message}`);
  }
  return parsed.data as z.infer<S>;
}

/** Reads a term base folder (the shipped one by default). */
export function loadTermBase(dir: string = TERMBASE_DIR): TermBase {
  const hash = createHash('sha256');
  const files = readdirSync(dir).sort();
  const brands = read(dir, 'brands.json', brandFile, hash);
  const vocab = read(dir, 'vocabulary.json', vocabularyFile, hash);
  const domains = files.filter((f) => /^terms-.+\.json$/.test(f)).map((f) => read(dir, f, termFile, hash));
  const tb = new TermBase(hash.digest('hex').slice(0, 12));

  for (const entry of [...brands.entries, ...brands.romanized]) {
    const [ko, latin, aliases] = entry;
    tb.addBrand({ ko, latin }, aliases ?? []);
  }
  for (const [ko, en] of brands.companies) tb.addCompany(ko, en);
  for (const row of vocab.entries) {
    const [group, ko, ...langs] = row as [string, string, ...string[]];
    const tr: Partial<Record<TargetLanguage, string>> = {};
    VOCAB_LANGUAGES.forEach((l, i) => {
      const t = langs[i];
      if (t) tr[l] = t;
    });
    if (group === 'counter') tb.addCounter({ ko, tr });
    else tb.addVocabulary({ ko, kind: 'term', domain: `vocabulary:${group}`, tr });
  }
  for (const file of domains) {
    for (const entry of file.entries) {
      const [ko, en, flag] = entry as [string, string, TermKind | 'ctx' | undefined];
      if (flag === 'ctx') tb.addContextual({ ko, kind: 'term', domain: file.domain, tr: { en } });
      else tb.add({ ko, kind: flag ?? 'term', domain: file.domain, tr: { en } });
    }
  }
  return tb;
}

let shared: TermBase | undefined;

/** The shipped term base, loaded on first use and shared by the process. */
export function defaultTermBase(): TermBase {
  shared ??= loadTermBase();
  return shared;
}
