// Fixtures for the preflight unit tests: a valid Lazada SG and AliExpress payload with their
// category attributes, and helpers to break one thing at a time.
import { getSite, type CategoryAttribute, type ProductInput } from '../../marketplaces/index.ts';
import { preflight } from './preflight.ts';
import type { PreflightInput, PreflightIssue } from './types.ts';

export const LAZADA_SG = getSite('lazada', 'SG');
export const ALIEXPRESS = getSite('aliexpress');
const HOSTED = 'https://sandbox.slatic.net/p/';

function attr(
  name: string,
  level: 'product' | 'sku',
  extra: Partial<CategoryAttribute> = {},
): CategoryAttribute {
  return {
    id: name,
    name,
    label: name,
    mandatory: false,
    saleProp: false,
    level,
    inputType: 'text',
    options: [],
    raw: {},
    ...extra,
  };
}

const opts = (...names: string[]): CategoryAttribute['options'] =>
  names.map((n, i) => ({ id: String(100 + i), name: n, enName: n }));

export const LAZOP_ATTRIBUTES: CategoryAttribute[] = [
  attr('name', 'product', { mandatory: true }),
  attr('description', 'product', { mandatory: true, inputType: 'richText' }),
  attr('brand', 'product', { mandatory: true, inputType: 'singleSelect' }),
  attr('short_description', 'product', { inputType: 'richText' }),
  attr('country_origin_hb', 'product', {
    mandatory: true,
    inputType: 'singleSelect',
    options: opts('Korea', 'Japan'),
  }),
  attr('Hazmat', 'product', { inputType: 'multiSelect', options: opts('None', 'Battery', 'Flammable') }),
  attr('SellerSku', 'sku', { mandatory: true }),
  attr('price', 'sku', { mandatory: true, inputType: 'numeric' }),
  attr('quantity', 'sku', { mandatory: true, inputType: 'numeric' }),
  attr('package_weight', 'sku', { mandatory: true, inputType: 'numeric' }),
  attr('package_content', 'sku'),
  attr('color_family', 'sku', {
    mandatory: true,
    saleProp: true,
    inputType: 'singleSelect',
    options: opts('Black', 'White', 'Red'),
  }),
  attr('size', 'sku', { saleProp: true, inputType: 'enumInput', options: opts('S', 'M', 'L') }),
];

export const AE_ATTRIBUTES: CategoryAttribute[] = [
  attr('Brand Name', 'product', {
    id: '2',
    mandatory: true,
    inputType: 'singleSelect',
    options: [{ id: '201', name: 'Laneige', enName: 'Laneige' }],
  }),
  attr('Origin', 'product', {
    id: '219',
    mandatory: true,
    inputType: 'singleSelect',
    options: [{ id: '9441741844', name: 'Korea', enName: 'Korea' }],
  }),
  attr('Color', 'sku', { saleProp: true, mandatory: true, inputType: 'enumInput', options: opts('Black') }),
];

export function lazopProduct(): ProductInput {
  return {
    categoryId: '1001',
    attributes: {
      name: 'Laneige Water Sleeping Mask 70ml',
      description: '<p>Overnight mask</p>',
      brand_id: '31',
      country_origin_hb: 'Korea',
    },
    images: [`${HOSTED}a.jpg`, `${HOSTED}b.jpg`],
    skus: [
      {
        sellerSku: 'LN-MASK-BLK',
        price: { currency: 'SGD', minor: 3550 },
        quantity: 10,
        packageWeightKg: '0.4',
        packageLengthCm: 15,
        packageWidthCm: 10,
        packageHeightCm: 8,
        saleProps: { color_family: 'Black' },
      },
      {
        sellerSku: 'LN-MASK-WHT',
        price: { currency: 'SGD', minor: 3550 },
        specialPrice: { currency: 'SGD', minor: 2990 },
        specialFrom: new Date('2026-01-01T00:00:00Z'),
        specialTo: new Date('2026-02-01T00:00:00Z'),
        quantity: 5,
        packageWeightKg: 0.4,
        packageLengthCm: '15',
        packageWidthCm: '10',
        packageHeightCm: '8',
        saleProps: { color_family: 'White' },
      },
    ],
  };
}

export function aeProduct(): ProductInput {
  return {
    categoryId: '2001',
    attributes: {
      name: 'Laneige Water Sleeping Mask 70ml',
      description: '<p>mask</p>',
      brand_id: '201',
      Origin: 'Korea',
    },
    images: [`${HOSTED}a.jpg`],
    skus: [
      {
        sellerSku: 'LN-MASK-AE',
        price: { currency: 'USD', minor: 2599 },
        specialPrice: { currency: 'USD', minor: 1999 },
        quantity: 10,
        packageWeightKg: '0.45',
        packageLengthCm: 15.5,
        packageWidthCm: 10,
        packageHeightCm: 8,
        saleProps: { Color: 'Black' },
      },
    ],
  };
}

/** A valid Lazada SG input; `edit` changes a copy. */
export function lazopInput(edit: (i: PreflightInput) => void = () => {}): PreflightInput {
  const input: PreflightInput = {
    site: LAZADA_SG,
    category: { id: '1001', leaf: true },
    attributes: LAZOP_ATTRIBUTES,
    product: lazopProduct(),
    compliance: {
      titleKo: '라네즈 워터 슬리핑 마스크',
      titleEn: 'Laneige Water Sleeping Mask',
      sourceCategoryPath: '뷰티 > 스킨케어 > 마스크',
      country: 'SG',
      weightKg: 0.4,
    },
  };
  edit(input);
  return input;
}

/** A valid AliExpress input; `edit` changes a copy. */
export function aeInput(edit: (i: PreflightInput) => void = () => {}): PreflightInput {
  const input: PreflightInput = {
    site: ALIEXPRESS,
    category: { id: '2001', leaf: true },
    attributes: AE_ATTRIBUTES,
    product: aeProduct(),
    compliance: {
      titleKo: '라네즈 워터 슬리핑 마스크',
      titleEn: 'Laneige Water Sleeping Mask',
      sourceCategoryPath: '뷰티 > 스킨케어 > 마스크',
      country: 'global',
      weightKg: 0.45,
    },
  };
  edit(input);
  return input;
}

/** Rule ids of the errors (sorted, unique) preflight finds. */
export function errors(input: PreflightInput): string[] {
  return [
    ...new Set(
      preflight(input)
        .filter((i) => i.severity === 'error')
        .map((i) => i.rule),
    ),
  ].sort();
}

/** Issues of one rule. */
export function issuesOf(input: PreflightInput, rule: string): PreflightIssue[] {
  return preflight(input).filter((i) => i.rule === rule);
}

/** The first SKU (the fixtures always have one). */
export function sku0(i: PreflightInput): ProductInput['skus'][number] {
  const s = i.product.skus[0];
  if (!s) throw new Error('fixture has no SKU');
  return s;
}
