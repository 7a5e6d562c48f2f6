import type { Brand, CategoryAttribute } from '../marketplaces/index.ts';

/**
 * Fills a category's attributes from product data. Each function answers a value the platform
 * accepts, or undefined; the builder turns every undefined mandatory attribute into a line of the
 * listing's "missing" list, so a seller sees exactly what to add.
 */

/** Korean option-axis names that mean colour; every other axis is a size-like variation. */
const COLOR_AXIS = /색상|컬러|색깔|칼라|color|colour/i;

export function isColorAxis(name: string): boolean {
  return COLOR_AXIS.test(name);
}

const squash = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/**
 * Colour words, per word, to the colour families platforms list (Lazada's `color_family` is a
 * family: a mint shirt is listed under Green, a "03 Chili" lipstick under Red). English shades
 * and the Spanish colour names Miravia's localized options carry.
 */
const COLOR_FAMILIES: Record<string, string> = {
  black: 'Black',
  white: 'White',
  grey: 'Grey',
  gray: 'Grey',
  silver: 'Silver',
  red: 'Red',
  pink: 'Pink',
  orange: 'Orange',
  yellow: 'Yellow',
  green: 'Green',
  blue: 'Blue',
  purple: 'Purple',
  brown: 'Brown',
  beige: 'Beige',
  gold: 'Gold',
  khaki: 'Khaki',
  apricot: 'Apricot',
  clear: 'Clear',
  charcoal: 'Grey',
  heather: 'Grey',
  melange: 'Grey',
  ash: 'Grey',
  mint: 'Green',
  olive: 'Green',
  sage: 'Green',
  lavender: 'Purple',
  violet: 'Purple',
  plum: 'Purple',
  lilac: 'Purple',
  wine: 'Red',
  burgundy: 'Red',
  chili: 'Red',
  cherry: 'Red',
  brick: 'Red',
  coral: 'Orange',
  ivory: 'White',
  cream: 'Beige',
  oatmeal: 'Beige',
  nude: 'Beige',
  sand: 'Beige',
  camel: 'Brown',
  mocha: 'Brown',
  chocolate: 'Brown',
  navy: 'Navy Blue',
  sky: 'Blue',
  denim: 'Blue',
  mustard: 'Yellow',
  lemon: 'Yellow',
  rose: 'Pink',
  rosebud: 'Pink',
  peach: 'Pink',
  blush: 'Pink',
  fuchsia: 'Pink',
  transparent: 'Clear',
  negro: 'Black',
  blanco: 'White',
  gris: 'Grey',
  plata: 'Silver',
  rojo: 'Red',
  rosa: 'Pink',
  naranja: 'Orange',
  amarillo: 'Yellow',
  verde: 'Green',
  azul: 'Blue',
  marino: 'Navy Blue',
  morado: 'Purple',
  lila: 'Purple',
  marrón: 'Brown',
  marron: 'Brown',
  dorado: 'Gold',
  menta: 'Green',
  crema: 'Beige',
  burdeos: 'Red',
  transparente: 'Clear',
};

/** The colour family a shade's words name ("Heather Gray" → Grey, "Navy" → Navy Blue), if any. */
function colorFamily(text: string): string | undefined {
  const words = text
    .toLowerCase()
    .split(/[^\p{L}]+/u)
    .filter(Boolean);
  // The last colour word decides: "Light Pink" is pink, "Rose Gold" gold, "Verde menta" green.
  const hits = words.map((w) => COLOR_FAMILIES[w]).filter((f): f is string => !!f);
  if (words[0] && /^(verde|azul|rojo|rosa|gris|negro|blanco|amarillo|morado|marrón)$/.test(words[0]))
    return COLOR_FAMILIES[words[0]]; // Spanish puts the colour first: "verde menta"
  return hits.at(-1);
}

/** The option of an enum attribute that a free text names (exact, colour family, then word containment). */
export function matchOption(attr: CategoryAttribute, text: string): string | undefined {
  const key = squash(text);
  if (!key) return undefined;
  const names = attr.options.map((o) => o.enName ?? o.name);
  if (/colou?r/i.test(attr.name)) {
    const exactName = names.find((n) => squash(n) === key);
    if (exactName) return exactName;
    const family = colorFamily(text);
    const hit = family && names.find((n) => squash(n) === squash(family));
    if (hit) return hit;
  }
  const exact = names.find((n) => squash(n) === key);
  if (exact) return exact;
  // "Navy" → "Navy Blue", "Light Pink" → "Pink": the longest option whose words all occur.
  const words = new Set(
    text
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter(Boolean),
  );
  const contained = names
    .filter((n) =>
      n
        .toLowerCase()
        .split(/\s+/)
        .every((w) => words.has(w)),
    )
    .sort((a, b) => b.length - a.length)[0];
  if (contained) return contained;
  return names.find((n) => key.startsWith(squash(n)) || squash(n).startsWith(key));
}

/** Accepts free text (`enumInput`, `text`), or only one of its options (`singleSelect`). */
export function acceptsFreeText(attr: CategoryAttribute): boolean {
  return attr.options.length === 0 || !/select/i.test(attr.inputType);
}

/** The site's brand for a product's brand (English, then Korean spelling), or "No Brand" when it has none. */
export function matchBrand(
  brands: readonly Brand[],
  names: readonly (string | null | undefined)[],
): { brand: Brand | undefined; asked: string | undefined } {
  const wanted = names.filter((n): n is string => !!n && n.trim() !== '');
  for (const n of wanted) {
    const key = squash(n);
    const hit = brands.find((b) => squash(b.name) === key || (b.nameEn && squash(b.nameEn) === key));
    if (hit) return { brand: hit, asked: n };
  }
  if (wanted.length > 0) return { brand: undefined, asked: wanted[0] };
  return { brand: brands.find((b) => squash(b.name) === 'nobrand'), asked: undefined };
}

/** Grams to the package weight field: kilograms, 2 decimals, rounded up, at least 0.01. */
export function packageKg(grams: number): string {
  return (Math.max(1, Math.ceil(grams / 10)) / 100).toFixed(2).replace(/\.?0+$/, '');
}

/** Millimetres to a package side: whole centimetres, rounded up, at least 1. */
export function packageCm(mm: number): number {
  return Math.max(1, Math.ceil(mm / 10));
}

/** Korean attribute keys whose value answers a category attribute (by the attribute's key). */
const ATTRIBUTE_SOURCES: Record<string, RegExp> = {
  material: /소재|재질|원단/,
  volume: /용량/,
  shelf_life: /소비기한|유통기한|사용기한/,
  skin_type: /피부\s*타입/,
  recommended_age: /사용\s*연령|권장\s*연령/,
  model: /모델명|모델/,
};

/** The Korean attribute (name, English value) the product states for a category attribute. */
export function sourceAttribute(
  attrName: string,
  localized: readonly { name: string; value: string | null }[],
): string | undefined {
  const re = ATTRIBUTE_SOURCES[attrName.toLowerCase().replace(/\s+/g, '_')];
  if (!re) return undefined;
  return localized.find((a) => re.test(a.name) && a.value)?.value ?? undefined;
}

/** Countries of origin as Korean listings write them (원산지 / 제조국). */
const ORIGIN_NAMES: [RegExp, string][] = [
  [/대한민국|한국|국내산|국산|korea/i, 'Korea'],
  [/중국|china/i, 'China'],
  [/일본|japan/i, 'Japan'],
  [/미국|usa|united states/i, 'USA'],
  [/프랑스|france/i, 'France'],
  [/베트남|vietnam/i, 'Vietnam'],
  [/태국|thailand/i, 'Thailand'],
];

export function originCountry(origin: string | null | undefined): string | undefined {
  if (!origin) return undefined;
  return ORIGIN_NAMES.find(([re]) => re.test(origin))?.[1];
}
