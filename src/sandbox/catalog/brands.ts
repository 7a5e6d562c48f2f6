import type { Family } from './attributes.ts';
import type { Site } from '../core/sites.ts';

export interface Brand {
  brand_id: number;
  name: string;
  name_en: string;
  global_identifier: string;
  /** Families the brand may be used in (4142 elsewhere); none = any. */
  families?: Family[];
}

const NAMES: [string, Family[]?][] = [
  ['No Brand'],
  ['OEM'],
  ['Samsung', ['electronics']],
  ['LG', ['electronics']],
  ['Innisfree', ['beauty']],
  ['Laneige', ['beauty']],
  ['Sulwhasoo', ['beauty']],
  ['COSRX', ['beauty']],
  ['Missha', ['beauty']],
  ['Etude House', ['beauty']],
  ['Some By Mi', ['beauty']],
  ['Klairs', ['beauty']],
  ['Beauty of Joseon', ['beauty']],
  ['Dr.Jart+', ['beauty']],
  ['Medicube', ['beauty']],
  ['Nongshim', ['food']],
  ['Samyang', ['food']],
  ['Ottogi', ['food']],
  ['Orion', ['food']],
  ['Lotte', ['food']],
  ['CJ', ['food']],
  ['Binggrae', ['food']],
  ['Cuckoo', ['electronics']],
  ['Lock&Lock'],
  ['Happycall'],
  ['Ader Error', ['fashion']],
  ['Mardi Mercredi', ['fashion']],
  ['Kirsh', ['fashion']],
  ['Fila', ['fashion']],
  ['MLB Korea', ['fashion']],
  ['Gentle Monster', ['fashion']],
  ['Line Friends'],
  ['Kakao Friends'],
  ['Pinkfong', ['baby']],
  ['Apple', ['electronics']],
  ['Xiaomi', ['electronics']],
  ['Nike', ['fashion']],
  ['Adidas', ['fashion']],
  ['Uniqlo', ['fashion']],
  ['Unilever'],
];

const CACHE = new Map<string, { list: Brand[]; byId: Map<number, Brand>; byName: Map<string, Brand> }>();

/** The site's brand list; brand ids differ per site (even "No Brand"), as on the platforms. */
export function brandsFor(site: Site): {
  list: Brand[];
  byId: Map<number, Brand>;
  byName: Map<string, Brand>;
} {
  let b = CACHE.get(site.key);
  if (b) return b;
  const list = NAMES.map(([name, families], i) => {
    const brand: Brand = {
      brand_id: 20_000 + site.index * 7_000 + i * 37 + 11,
      name,
      name_en: name,
      global_identifier: name.toLowerCase().replace(/[^a-z0-9]+/g, '_'),
    };
    if (families) brand.families = families;
    return brand;
  });
  b = {
    list,
    byId: new Map(list.map((x) => [x.brand_id, x])),
    byName: new Map(list.map((x) => [x.name.toLowerCase(), x])),
  };
  CACHE.set(site.key, b);
  return b;
}
