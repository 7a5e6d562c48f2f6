/**
 * Per-site listing policy for the translation pipeline: which languages a listing needs (Lazada
 * takes English and translates on its side; Miravia needs Spanish), the title limits, forbidden
 * characters and prohibited words checked on every output. Data: data/termbase/site-policy.json
 * and the sites registry (currency, venture, languages the API accepts).
 */
import { z } from 'zod';
import policyData from '../../../data/termbase/site-policy.json' with { type: 'json' };
import { listSites, type Site } from '../../marketplaces/index.ts';
import { AppError } from '../../shared/index.ts';
import { isTargetLanguage, LANGUAGE_INFO, type Target, type TargetLanguage } from './languages.ts';

const platformSchema = z.object({
  required: z.array(z.string()).min(1),
  optional: z.array(z.string()).optional(),
  note: z.string(),
  title: z.object({
    maxBytes: z.number().int().positive().optional(),
    maxChars: z.number().int().positive().optional(),
  }),
  forbiddenCharacters: z.string(),
  prohibitedWords: z.record(z.string(), z.array(z.string())),
});

const fileSchema = z.object({
  source: z.string(),
  as_of: z.string(),
  licence: z.string(),
  platforms: z.record(z.string(), platformSchema),
});

const data = fileSchema.parse(policyData);

export interface SitePolicy {
  siteId: string;
  platform: string;
  note: string;
  /** Languages the listing must have, with the locale for units; the first is the main one. */
  required: Target[];
  /** Languages the site accepts besides (local titles on Lazada). */
  optional: Target[];
  title: { maxBytes?: number | undefined; maxChars?: number | undefined };
  forbiddenCharacters: string;
  /** Lower-cased prohibited words per language. */
  prohibitedWords: Partial<Record<TargetLanguage, string[]>>;
}

/** The locale for a language on a site: en on lazada-sg reads en-SG; AliExpress buyers get en-US units. */
function targetOn(site: Site, language: TargetLanguage): Target {
  if (site.venture === 'GLOBAL') return { language, locale: LANGUAGE_INFO[language].defaultLocale };
  return { language, locale: `${language}-${site.venture}` };
}

function toTargets(site: Site, langs: readonly string[]): Target[] {
  return langs.filter(isTargetLanguage).map((l) => targetOn(site, l));
}

const cache = new Map<string, SitePolicy>();

/** The policy of a site (`lazada-sg`, `miravia-es` …); `not_found` for an unknown site. */
export function sitePolicy(siteId: string): SitePolicy {
  const hit = cache.get(siteId);
  if (hit) return hit;
  const site = listSites().find((s) => s.id === siteId);
  if (!site) {
    throw new AppError(
      'not_found',
      `no site "${siteId}"; one of ${listSites()
        .map((s) => s.id)
        .join(', ')}`,
      {
        details: { site: siteId },
      },
    );
  }
  const p = data.platforms[site.platform];
  if (!p) throw new AppError('config', `data/termbase/site-policy.json has no ${site.platform}`);
  const siteLanguages = site.languages.map((l) => l.split(/[_-]/)[0] ?? '').filter(isTargetLanguage);
  const required = toTargets(site, p.required);
  const optional = toTargets(
    site,
    [...(p.optional ?? []), ...siteLanguages].filter(
      (l, i, all) => !p.required.includes(l) && all.indexOf(l) === i,
    ),
  );
  const prohibitedWords: Partial<Record<TargetLanguage, string[]>> = {};
  for (const [lang, words] of Object.entries(p.prohibitedWords)) {
    if (isTargetLanguage(lang)) prohibitedWords[lang] = words.map((w) => w.toLowerCase());
  }
  const policy: SitePolicy = {
    siteId,
    platform: site.platform,
    note: p.note,
    required,
    optional,
    title: p.title,
    forbiddenCharacters: p.forbiddenCharacters,
    prohibitedWords,
  };
  cache.set(siteId, policy);
  return policy;
}

/** Every site's policy, for docs and the CLI. */
export function sitePolicies(): SitePolicy[] {
  return listSites().map((s) => sitePolicy(s.id));
}

/** The provenance of the policy data. */
export const SITE_POLICY_SOURCE = { source: data.source, as_of: data.as_of };
