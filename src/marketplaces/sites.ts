import { z } from 'zod';
import sitesData from '../../data/marketplace-sites.json' with { type: 'json' };
import { AppError, isCurrencyCode } from '../shared/index.ts';

/**
 * The sites registry (data/marketplace-sites.json): one entry per platform and venture with its
 * gateway URLs, currency, languages, time zone and fulfillment flavour. URLs are data so tests,
 * the demo and benchmarks point the unchanged client at the sandbox with `withSiteUrls`.
 */
export const PLATFORMS = ['lazada', 'daraz', 'miravia', 'aliexpress'] as const;
export type Platform = (typeof PLATFORMS)[number];

export type Protocol = 'lazop' | 'iop-top';
/** Which order-fulfillment API family the site speaks (research 2.7, 3.1). */
export type FulfillmentFlavour = 'fulfill-pack' | 'legacy' | 'aliexpress';

export interface SiteUrls {
  /** `https://api.lazada.sg/rest`: Lazop API paths are appended to it (and signed without it). */
  readonly apiBaseUrl: string;
  /** Where `/auth/token/create|refresh` live (Lazada: one central auth host). */
  readonly authBaseUrl: string;
  /** The seller-facing authorization page. */
  readonly authorizeUrl: string;
  /** AliExpress business gateway (`…/sync`), IOP/TOP signed. */
  readonly syncUrl?: string | undefined;
}

export interface Site extends SiteUrls {
  readonly id: string;
  readonly platform: Platform;
  /** Upper-case venture code: SG, MY, …, PK, ES; GLOBAL for AliExpress. */
  readonly venture: string;
  readonly protocol: Protocol;
  readonly currency: string;
  readonly languages: readonly string[];
  readonly timeZone: string;
  readonly fulfillment: FulfillmentFlavour;
}

const siteSchema = z.object({
  id: z.string(),
  platform: z.enum(PLATFORMS),
  venture: z.string().regex(/^[A-Z]+$/),
  protocol: z.enum(['lazop', 'iop-top']),
  apiBaseUrl: z.url(),
  authBaseUrl: z.url(),
  authorizeUrl: z.url(),
  syncUrl: z.url().optional(),
  currency: z.string().refine(isCurrencyCode, 'unknown currency'),
  languages: z.array(z.string()).min(1),
  timeZone: z.string(),
  fulfillment: z.enum(['fulfill-pack', 'legacy', 'aliexpress']),
});

const registrySchema = z.object({ source: z.string(), as_of: z.string(), sites: z.array(siteSchema).min(1) });

function loadRegistry(): readonly Site[] {
  const parsed = registrySchema.safeParse(sitesData);
  if (!parsed.success) {
    throw new AppError(
      'config',
      `data/marketplace-sites.json is invalid: ${parsed.error.issues[0]?.message ?? ''}`,
    );
  }
  return Object.freeze(parsed.data.sites.map((s) => Object.freeze({ ...s })));
}

const SITES = loadRegistry();

/** Every site in the registry. */
export function listSites(platform?: Platform): readonly Site[] {
  return platform ? SITES.filter((s) => s.platform === platform) : SITES;
}

/** The site for a platform and venture (case-insensitive); AliExpress may omit the venture. */
export function getSite(platform: Platform, venture?: string): Site {
  const v = (venture ?? (platform === 'aliexpress' ? 'GLOBAL' : '')).toUpperCase();
  const found = SITES.find((s) => s.platform === platform && s.venture === v);
  if (!found) {
    throw new AppError('not_found', `no ${platform} site for venture "${venture ?? ''}"`, {
      details: { platform, venture: venture ?? null, known: listSites(platform).map((s) => s.venture) },
    });
  }
  return found;
}

/** A copy of the site with some URLs replaced (sandbox, staging); trailing slashes are trimmed. */
export function withSiteUrls(site: Site, urls: Partial<SiteUrls>): Site {
  const trim = (u: string | undefined): string | undefined =>
    u === undefined ? undefined : u.replace(/\/+$/, '');
  return Object.freeze({
    ...site,
    apiBaseUrl: trim(urls.apiBaseUrl) ?? site.apiBaseUrl,
    authBaseUrl: trim(urls.authBaseUrl) ?? site.authBaseUrl,
    authorizeUrl: trim(urls.authorizeUrl) ?? site.authorizeUrl,
    syncUrl: trim(urls.syncUrl) ?? site.syncUrl,
  });
}

/**
 * The sandbox's URL layout for a site served at `origin` (e.g. `http://127.0.0.1:4100`):
 * `/<platform>/<venture>/rest`, `/<platform>/<venture>/auth/rest`, `/aliexpress/sync`,
 * `/oauth/authorize`. Venture is lower case in the path.
 */
export function sandboxSiteUrls(origin: string, site: Site): SiteUrls {
  const base = `${origin.replace(/\/+$/, '')}/${site.platform}/${site.venture.toLowerCase()}`;
  return {
    apiBaseUrl: `${base}/rest`,
    authBaseUrl: `${base}/auth/rest`,
    authorizeUrl: `${origin.replace(/\/+$/, '')}/oauth/authorize`,
    syncUrl: site.protocol === 'iop-top' ? `${origin.replace(/\/+$/, '')}/aliexpress/sync` : undefined,
  };
}

/** Push envelopes name the site as `lazada_vn`, `lazada-sg` or `LAZADA_SG`: normalised here. */
export function siteFromPushName(name: string): { platform: Platform; venture: string } | undefined {
  const m = /^(lazada|daraz|miravia|aliexpress)[-_ ]?([a-z]*)$/i.exec(name.trim());
  if (!m) return undefined;
  const platform = (m[1] ?? '').toLowerCase() as Platform;
  const venture = (m[2] ?? '').toUpperCase() || (platform === 'aliexpress' ? 'GLOBAL' : '');
  return { platform, venture };
}
