/**
 * The sites the sandbox serves: every Lazop venture (Lazada, Daraz, Miravia) plus AliExpress.
 * Each site is its own data silo (categories, brands, products, orders, seller ids), as on the
 * real platforms.
 */
export type Platform = 'lazada' | 'daraz' | 'miravia' | 'aliexpress';

export interface Site {
  /** `lazada-sg`, `daraz-pk`, `miravia-es`, `aliexpress-global`. */
  readonly key: string;
  readonly platform: Platform;
  readonly venture: string;
  /** ISO 3166 alpha-2 of the buyers' country (AliExpress: none, buyers come from anywhere). */
  readonly country: string;
  readonly countryName: string;
  readonly currency: string;
  readonly timeZone: string;
  readonly language: string;
  /** Decimal places a price may carry (4104 above it). Sandbox choice, see docs/sandbox.md. */
  readonly priceDecimals: number;
  /** 0 for PH (real ids), 1.. for derived sites; also spreads seller and order id ranges. */
  readonly index: number;
  /** Push envelope `site` value. */
  readonly pushSite: string;
  readonly trackingPrefix: string;
}

function site(
  platform: Platform,
  venture: string,
  index: number,
  country: string,
  countryName: string,
  currency: string,
  timeZone: string,
  language: string,
  priceDecimals: number,
  trackingPrefix: string,
): Site {
  return {
    key: `${platform}-${venture}`,
    platform,
    venture,
    country,
    countryName,
    currency,
    timeZone,
    language,
    priceDecimals,
    index,
    pushSite: `${platform}_${venture}`,
    trackingPrefix,
  };
}

export const SITES: readonly Site[] = [
  site('lazada', 'ph', 0, 'PH', 'Philippines', 'PHP', 'Asia/Manila', 'en_US', 2, 'MPH'),
  site('lazada', 'sg', 1, 'SG', 'Singapore', 'SGD', 'Asia/Singapore', 'en_SG', 2, 'LXSG'),
  site('lazada', 'my', 2, 'MY', 'Malaysia', 'MYR', 'Asia/Kuala_Lumpur', 'ms_MY', 2, 'MYMPA'),
  site('lazada', 'th', 3, 'TH', 'Thailand', 'THB', 'Asia/Bangkok', 'th_TH', 2, 'THLEX'),
  site('lazada', 'id', 4, 'ID', 'Indonesia', 'IDR', 'Asia/Jakarta', 'id_ID', 0, 'LXAD'),
  site('lazada', 'vn', 5, 'VN', 'Vietnam', 'VND', 'Asia/Ho_Chi_Minh', 'vi_VN', 0, 'LZDVN'),
  site('daraz', 'pk', 6, 'PK', 'Pakistan', 'PKR', 'Asia/Karachi', 'en_US', 0, 'DEXPK'),
  site('daraz', 'bd', 7, 'BD', 'Bangladesh', 'BDT', 'Asia/Dhaka', 'en_US', 0, 'DEXBD'),
  site('daraz', 'lk', 8, 'LK', 'Sri Lanka', 'LKR', 'Asia/Colombo', 'en_US', 0, 'DEXLK'),
  site('daraz', 'np', 9, 'NP', 'Nepal', 'NPR', 'Asia/Kathmandu', 'en_US', 0, 'DEXNP'),
  site('daraz', 'mm', 10, 'MM', 'Myanmar', 'MMK', 'Asia/Yangon', 'en_US', 0, 'SHMM'),
  site('miravia', 'es', 11, 'ES', 'Spain', 'EUR', 'Europe/Madrid', 'es_ES', 2, 'MRVES'),
  site('aliexpress', 'global', 12, 'US', 'Global', 'USD', 'America/Los_Angeles', 'en_US', 2, 'AEGLB'),
];

const BY_KEY = new Map(SITES.map((s) => [s.key, s]));

export const PLATFORMS: readonly Platform[] = ['lazada', 'daraz', 'miravia', 'aliexpress'];

export function isPlatform(value: string): value is Platform {
  return (PLATFORMS as readonly string[]).includes(value);
}

export function findSite(platform: string, venture: string): Site | undefined {
  return BY_KEY.get(`${platform}-${venture}`);
}

export function siteByKey(key: string): Site | undefined {
  return BY_KEY.get(key);
}

export function sitesOf(platform: Platform): Site[] {
  return SITES.filter((s) => s.platform === platform);
}

/** The site a token endpoint without a venture (central auth host) falls back to. */
export function defaultVenture(platform: Platform): string {
  return { lazada: 'sg', daraz: 'pk', miravia: 'es', aliexpress: 'global' }[platform];
}
