// The payloads of the preflight contract test: each breaks one rule the sandbox enforces (plus
// the valid one), and a few that only preflight's stricter policy refuses.
import type { CategoryAttribute, MarketplaceAdapter, ProductInput } from '../../src/marketplaces/index.ts';

/** One site's sandbox category, its attributes and a valid payload factory (unique SellerSkus). */
export interface SiteSetup {
  adapter: MarketplaceAdapter;
  leaf: string;
  parent: string;
  attributes: CategoryAttribute[];
  base: () => ProductInput;
}

const LAZOP = ['lazada-sg'];
const AE = ['aliexpress-global'];

export interface Case {
  name: string;
  /** Only on these sites (both when absent). */
  sites?: string[];
  edit: (p: ProductInput, s: SiteSetup) => void;
}

const sku = (p: ProductInput) => p.skus[0]!;
const second = (p: ProductInput, saleProps: Record<string, string> | undefined): void => {
  p.skus.push({ ...sku(p), sellerSku: `${sku(p).sellerSku}-2`, saleProps });
};
const colorName = (s: SiteSetup) => s.attributes.find((a) => a.saleProp)?.name ?? 'color_family';
const money = (p: ProductInput, minor: number) => ({ currency: sku(p).price.currency, minor });

/** One payload per rule the sandbox enforces, each broken in one way, plus the valid one. */
export const CASES: Case[] = [
  { name: 'valid', edit: () => {} },
  { name: 'non-leaf category', edit: (p, s) => (p.categoryId = s.parent) },
  {
    name: 'mandatory attribute missing',
    edit: (p, s) => {
      const m = s.attributes.find(
        (a) =>
          a.mandatory &&
          a.level === 'product' &&
          a.id !== '2' &&
          !['name', 'description', 'brand'].includes(a.name),
      );
      delete p.attributes[m!.name];
    },
  },
  { name: 'brand missing', edit: (p) => delete p.attributes.brand_id },
  {
    name: 'attribute value not an option',
    edit: (p, s) => {
      const m = s.attributes.find(
        (a) =>
          a.level === 'product' &&
          a.id !== '2' &&
          a.name !== 'brand' &&
          a.inputType === 'singleSelect' &&
          a.options.length > 0,
      );
      p.attributes[m!.name] = 'Atlantis';
    },
  },
  { name: 'title over the limit', edit: (p) => (p.attributes.name = `Cream ${'x'.repeat(250)}`) },
  { name: 'title missing', edit: (p) => delete p.attributes.name },
  { name: 'forbidden character in title', sites: LAZOP, edit: (p) => (p.attributes.name = 'Cream ^50ml^') },
  { name: 'no image', edit: (p) => (p.images = []) },
  {
    name: 'too many images',
    edit: (p) => (p.images = Array.from({ length: 9 }, (_, k) => `https://sandbox.slatic.net/p/${k}.jpg`)),
  },
  { name: 'duplicate main image', edit: (p) => (p.images = [p.images[0]!, p.images[0]!]) },
  { name: 'image not hosted', edit: (p) => p.images.push('https://shop.example.kr/cream.jpg') },
  {
    name: 'SKU images on some SKUs only',
    sites: LAZOP,
    edit: (p, s) => {
      sku(p).saleProps = { [colorName(s)]: 'Black' };
      second(p, { [colorName(s)]: 'White' });
      sku(p).images = [p.images[0]!];
    },
  },
  { name: 'price zero', edit: (p) => (sku(p).price = money(p, 0)) },
  { name: 'special price not below price', edit: (p) => (sku(p).specialPrice = sku(p).price) },
  { name: 'special price under 10 %', sites: LAZOP, edit: (p) => (sku(p).specialPrice = money(p, 100)) },
  {
    name: 'promotion dates reversed',
    sites: LAZOP,
    edit: (p) => {
      sku(p).specialPrice = money(p, 2000);
      sku(p).specialFrom = new Date('2026-03-01T00:00:00Z');
      sku(p).specialTo = new Date('2026-02-01T00:00:00Z');
    },
  },
  {
    name: 'promotion dates without special price',
    sites: LAZOP,
    edit: (p) => (sku(p).specialFrom = new Date('2026-03-01T00:00:00Z')),
  },
  { name: 'negative quantity', edit: (p) => (sku(p).quantity = -2) },
  { name: 'package weight missing', edit: (p) => (sku(p).packageWeightKg = undefined) },
  { name: 'package weight with too many decimals', edit: (p) => (sku(p).packageWeightKg = '0.4055') },
  { name: 'package weight with 3 decimals', edit: (p) => (sku(p).packageWeightKg = '0.405') },
  {
    name: 'package too heavy',
    edit: (p, s) => (sku(p).packageWeightKg = s.adapter.site.platform === 'aliexpress' ? 501 : 41),
  },
  {
    name: 'package too large',
    edit: (p, s) => (sku(p).packageLengthCm = s.adapter.site.platform === 'aliexpress' ? 700.5 : 283),
  },
  { name: 'SellerSku empty', edit: (p) => (sku(p).sellerSku = '') },
  {
    name: 'SellerSku repeated',
    edit: (p, s) => {
      sku(p).saleProps = { [colorName(s)]: 'Black' };
      second(p, { [colorName(s)]: 'White' });
      p.skus[1]!.sellerSku = sku(p).sellerSku;
    },
  },
  { name: 'unknown sale prop', edit: (p) => (sku(p).saleProps = { ...sku(p).saleProps, flavour: 'Mint' }) },
  {
    name: 'two SKUs with the same sale props',
    edit: (p, s) => {
      sku(p).saleProps = { [colorName(s)]: 'Black' };
      second(p, { [colorName(s)]: 'Black' });
    },
  },
  {
    name: 'second SKU without sale props',
    edit: (p, s) => {
      sku(p).saleProps = { [colorName(s)]: 'Black' };
      second(p, {});
    },
  },
  {
    name: 'sale prop value with a comma',
    sites: AE,
    edit: (p, s) => (sku(p).saleProps = { [colorName(s)]: 'Black, Red' }),
  },
];

/** Rules stricter than the sandbox on purpose: preflight blocks, the simulator would accept. */
export const STRICTER: Case[] = [
  { name: 'prohibited word in title', edit: (p) => (p.attributes.name = 'Hydrating Cream 50ml replica') },
  {
    name: 'AliExpress title over 128 characters',
    sites: AE,
    edit: (p) => (p.attributes.name = `Cream ${'x'.repeat(140)}`),
  },
  {
    name: 'angle brackets in an AliExpress title',
    sites: AE,
    edit: (p) => (p.attributes.name = 'Cream <50ml>'),
  },
  {
    name: 'perfume (no air service carries it)',
    sites: LAZOP,
    edit: (p) => (p.attributes.name = 'Eau de Parfum 50ml'),
  },
];
