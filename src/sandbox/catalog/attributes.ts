import type { CategoryInfo } from './category-tree.ts';

/** One attribute as `/category/attributes/get` returns it. */
export interface AttributeDef {
  id: number;
  name: string;
  label: string;
  is_mandatory: 0 | 1;
  is_sale_prop: 0 | 1;
  attribute_type: 'normal' | 'sku';
  input_type:
    | 'text'
    | 'richText'
    | 'numeric'
    | 'date'
    | 'img'
    | 'singleSelect'
    | 'multiSelect'
    | 'enumInput'
    | 'multiEnumInput';
  options: { id: number; name: string; en_name: string }[];
  advanced: { is_key_prop: 0 | 1 };
  unit?: { type: string[]; numericMin: number; numericMax: number; precision: number };
}

export type Family = 'fashion' | 'electronics' | 'beauty' | 'food' | 'baby' | 'general';

const FAMILY_BY_ROOT: Record<string, Family> = {
  "Women's Shoes and Clothing": 'fashion',
  "Men's Shoes and Clothing": 'fashion',
  "Kids' Shoes and Clothing": 'fashion',
  'Sports Shoes and Clothing': 'fashion',
  'Fashion Accessories': 'fashion',
  'Bags and Travel': 'fashion',
  'Mobiles & Tablets': 'electronics',
  'Computers & Laptops': 'electronics',
  'Cameras & Drones': 'electronics',
  'Televisions & Videos': 'electronics',
  'Small Appliances': 'electronics',
  'Large Appliances': 'electronics',
  'Monitors & Printers': 'electronics',
  'Smart Devices': 'electronics',
  'Data Storage': 'electronics',
  Audio: 'electronics',
  'Electronics Accessories': 'electronics',
  Beauty: 'beauty',
  Health: 'beauty',
  Groceries: 'food',
  'Mother & Baby': 'baby',
  'Toys & Games': 'baby',
};

export function familyOf(category: CategoryInfo): Family {
  return FAMILY_BY_ROOT[category.root] ?? 'general';
}

let optionSeq = 100_000;
function options(names: string[]): AttributeDef['options'] {
  return names.map((name) => ({ id: ++optionSeq, name, en_name: name }));
}

const COLORS = options([
  'Black',
  'White',
  'Grey',
  'Silver',
  'Red',
  'Pink',
  'Orange',
  'Yellow',
  'Green',
  'Blue',
  'Navy Blue',
  'Purple',
  'Brown',
  'Beige',
  'Gold',
  'Multicolor',
  'Khaki',
  'Apricot',
  'Clear',
  'Not Specified',
]);
const SIZES = options([
  'XS',
  'S',
  'M',
  'L',
  'XL',
  'XXL',
  '3XL',
  'Free Size',
  'EU:36',
  'EU:37',
  'EU:38',
  'EU:39',
  'EU:40',
  'EU:41',
  'EU:42',
  'EU:43',
  'EU:44',
]);
const WARRANTY_TYPES = options([
  'No Warranty',
  'Local Supplier Warranty',
  'Local Manufacturer Warranty',
  'International Manufacturer Warranty',
]);
const WARRANTIES = options(['1 Month', '3 Months', '6 Months', '1 Year', '2 Years', '3 Years']);
const HAZMAT = options(['None', 'Battery', 'Flammable', 'Liquid', 'Magnet']);
const ORIGINS = options([
  'Korea',
  'Japan',
  'China',
  'USA',
  'France',
  'Thailand',
  'Malaysia',
  'Philippines',
  'Vietnam',
  'Indonesia',
  'Singapore',
  'Spain',
  'Others',
]);
const SKIN_TYPES = options(['All Skin Types', 'Dry', 'Oily', 'Combination', 'Sensitive', 'Normal']);
const AGES = options(['0-6 Months', '6-12 Months', '1-3 Years', '3-6 Years', '6-12 Years', '12 Years & Up']);

let attrSeq = 0;
function attr(
  name: string,
  label: string,
  input_type: AttributeDef['input_type'],
  attribute_type: AttributeDef['attribute_type'],
  extra: Partial<AttributeDef> = {},
): AttributeDef {
  return {
    id: ++attrSeq,
    name,
    label,
    is_mandatory: 0,
    is_sale_prop: 0,
    attribute_type,
    input_type,
    options: [],
    advanced: { is_key_prop: 0 },
    ...extra,
  };
}

const M = { is_mandatory: 1 } as const;
const numeric = (min: number, max: number, precision: number, type: string): Partial<AttributeDef> => ({
  unit: { type: [type], numericMin: min, numericMax: max, precision },
});

// Attribute definitions are shared objects; per-category lists pick and flag them.
const A = {
  name: attr('name', 'Name', 'text', 'normal', { ...M, advanced: { is_key_prop: 1 } }),
  description: attr('description', 'Long Description', 'richText', 'normal', M),
  short_description: attr('short_description', 'Highlights', 'richText', 'normal'),
  short_description_m: attr('short_description', 'Highlights', 'richText', 'normal', M),
  brand: attr('brand', 'Brand', 'singleSelect', 'normal', { ...M, advanced: { is_key_prop: 1 } }),
  model: attr('model', 'Model', 'text', 'normal'),
  warranty_type: attr('warranty_type', 'Warranty Type', 'singleSelect', 'normal', {
    options: WARRANTY_TYPES,
  }),
  warranty_type_m: attr('warranty_type', 'Warranty Type', 'singleSelect', 'normal', {
    ...M,
    options: WARRANTY_TYPES,
  }),
  warranty: attr('warranty', 'Warranty Period', 'singleSelect', 'normal', { options: WARRANTIES }),
  hazmat: attr('Hazmat', 'Dangerous Goods', 'multiSelect', 'normal', { options: HAZMAT }),
  country_origin: attr('country_origin_hb', 'Country of Origin', 'singleSelect', 'normal', {
    ...M,
    options: ORIGINS,
  }),
  skin_type: attr('skin_type', 'Skin Type', 'multiEnumInput', 'normal', { options: SKIN_TYPES }),
  volume: attr('volume', 'Volume', 'enumInput', 'normal'),
  material: attr('material', 'Material', 'enumInput', 'normal', M),
  age: attr('recommended_age', 'Recommended Age', 'singleSelect', 'normal', { options: AGES }),
  shelf_life: attr('shelf_life', 'Shelf Life', 'enumInput', 'normal'),
  seller_sku: attr('SellerSku', 'SellerSku', 'text', 'sku', M),
  price: attr('price', 'Price', 'numeric', 'sku', { ...M, ...numeric(0, 100_000_000, 2, 'currency') }),
  special_price: attr(
    'special_price',
    'Special Price',
    'numeric',
    'sku',
    numeric(0, 100_000_000, 2, 'currency'),
  ),
  special_from_date: attr('special_from_date', 'Start date of promotion', 'date', 'sku'),
  special_to_date: attr('special_to_date', 'End date of promotion', 'date', 'sku'),
  quantity: attr('quantity', 'Quantity', 'numeric', 'sku', { ...M, ...numeric(0, 999_999, 0, 'piece') }),
  package_weight: attr('package_weight', 'Package Weight (kg)', 'numeric', 'sku', {
    ...M,
    ...numeric(0.001, 300, 2, 'kg'),
  }),
  package_length: attr('package_length', 'Package Length (cm)', 'numeric', 'sku', {
    ...M,
    ...numeric(0.01, 300, 2, 'cm'),
  }),
  package_width: attr('package_width', 'Package Width (cm)', 'numeric', 'sku', {
    ...M,
    ...numeric(0.01, 300, 2, 'cm'),
  }),
  package_height: attr('package_height', 'Package Height (cm)', 'numeric', 'sku', {
    ...M,
    ...numeric(0.01, 300, 2, 'cm'),
  }),
  package_content: attr('package_content', "What's in the box", 'text', 'sku'),
  color: attr('color_family', 'Color Family', 'singleSelect', 'sku', { is_sale_prop: 1, options: COLORS }),
  color_m: attr('color_family', 'Color Family', 'singleSelect', 'sku', {
    ...M,
    is_sale_prop: 1,
    options: COLORS,
  }),
  size_m: attr('size', 'Size', 'enumInput', 'sku', { ...M, is_sale_prop: 1, options: SIZES }),
};

const COMMON_SKU = [
  A.seller_sku,
  A.price,
  A.special_price,
  A.special_from_date,
  A.special_to_date,
  A.quantity,
  A.package_weight,
  A.package_length,
  A.package_width,
  A.package_height,
  A.package_content,
];

/** Names of the basic attributes (4108 when missing); other mandatory ones are 4110. */
export const BASIC_ATTRIBUTES = new Set(['name', 'description', 'brand']);

const CACHE = new Map<string, AttributeDef[]>();

/**
 * A leaf category's attributes: a common set, family-specific mandatory ones (by top-level
 * category), and sale props (`color_family` everywhere, mandatory in fashion and `var`
 * categories; `size` in fashion). Deterministic, so every run and site agrees.
 */
export function attributesFor(category: CategoryInfo): AttributeDef[] {
  const family = familyOf(category);
  const key = `${family}:${category.var ? 1 : 0}`;
  let list = CACHE.get(key);
  if (list) return list;
  const normal: AttributeDef[] = [A.name, A.description, A.brand, A.model, A.hazmat];
  const sku: AttributeDef[] = [...COMMON_SKU];
  switch (family) {
    case 'fashion':
      normal.push(A.short_description, A.material);
      sku.push(A.color_m, A.size_m);
      break;
    case 'electronics':
      normal.push(A.short_description_m, A.warranty_type_m, A.warranty);
      sku.push(category.var ? A.color_m : A.color);
      break;
    case 'beauty':
      normal.push(A.short_description, A.country_origin, A.skin_type, A.volume);
      sku.push(category.var ? A.color_m : A.color);
      break;
    case 'food':
      normal.push(A.short_description, A.country_origin, A.shelf_life);
      sku.push(A.color);
      break;
    case 'baby':
      normal.push(A.short_description, A.age, A.warranty_type);
      sku.push(category.var ? A.color_m : A.color);
      break;
    default:
      normal.push(A.short_description, A.warranty_type, A.warranty);
      sku.push(category.var ? A.color_m : A.color);
  }
  list = [...normal, ...sku];
  CACHE.set(key, list);
  return list;
}
