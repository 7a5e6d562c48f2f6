import { createRoute, z } from '@hono/zod-openapi';
import { getProduct, listProducts, type ProductWithVariants } from '../../catalog/index.ts';
import { router } from '../env.ts';
import { bearerSecurity, errorResponses, IdParam, PageQuery, pageOf } from '../schemas.ts';

const VariantSchema = z
  .object({
    id: z.string(),
    sellerSku: z.string(),
    optionValues: z.record(z.string(), z.string()).openapi({ example: { 색상: '블랙', 사이즈: 'M' } }),
    priceDeltaKrw: z.number().int().openapi({ description: '추가금 in KRW' }),
    stock: z.number().int(),
    active: z.boolean(),
  })
  .openapi('Variant');

export const ProductSchema = z
  .object({
    id: z.string().openapi({ example: 'prd_01M8846EPXNK9WCFD5F7MERYK2' }),
    sellerId: z.string(),
    sellerSku: z.string(),
    titleKo: z.string(),
    descriptionHtml: z.string(),
    brand: z.string().nullable(),
    manufacturer: z.string().nullable(),
    origin: z.string().nullable(),
    sourceCategoryPath: z.string(),
    attributes: z.record(z.string(), z.string()),
    options: z.array(z.object({ name: z.string(), values: z.array(z.string()) })),
    images: z.array(z.string()),
    price: z.object({ currency: z.literal('KRW'), minor: z.number().int() }),
    weightG: z.number().int().nullable(),
    dimensionsMm: z.object({ length: z.number(), width: z.number(), height: z.number() }).nullable(),
    hsCode: z.string().nullable(),
    status: z.string(),
    variants: z.array(VariantSchema),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Product');

export function productJson(p: ProductWithVariants) {
  return {
    id: p.id,
    sellerId: p.sellerId,
    sellerSku: p.sellerSku,
    titleKo: p.titleKo,
    descriptionHtml: p.descriptionHtml,
    brand: p.brand,
    manufacturer: p.manufacturer,
    origin: p.origin,
    sourceCategoryPath: p.sourceCategoryPath,
    attributes: p.attributes,
    options: p.options,
    images: p.images,
    price: { currency: 'KRW' as const, minor: p.priceKrw },
    weightG: p.weightG,
    dimensionsMm:
      p.lengthMm !== null && p.widthMm !== null && p.heightMm !== null
        ? { length: p.lengthMm, width: p.widthMm, height: p.heightMm }
        : null,
    hsCode: p.hsCode,
    status: p.status,
    variants: p.variants.map((v) => ({
      id: v.id,
      sellerSku: v.sellerSku,
      optionValues: v.optionValues,
      priceDeltaKrw: v.priceDeltaKrw,
      stock: v.stock,
      active: v.active,
    })),
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  };
}

const list = createRoute({
  method: 'get',
  path: '/v1/products',
  summary: 'Products with their variants (a seller key sees only its own)',
  security: bearerSecurity,
  request: {
    query: PageQuery.extend({
      sellerId: z.string().optional().openapi({ description: 'operator only: one seller' }),
    }),
  },
  responses: {
    200: {
      description: 'products',
      content: {
        'application/json': {
          schema: pageOf(ProductSchema),
        },
      },
    },
    ...errorResponses(),
  },
});

const get = createRoute({
  method: 'get',
  path: '/v1/products/{id}',
  summary: 'One product with its variants',
  security: bearerSecurity,
  request: { params: IdParam },
  responses: {
    200: { description: 'the product', content: { 'application/json': { schema: ProductSchema } } },
    ...errorResponses(),
  },
});

export function productRoutes() {
  return router()
    .openapi(list, async (c) => {
      const query = c.req.valid('query');
      const limit = query.limit ?? 50;
      const rows = await listProducts(c.get('app').store.db, c.get('scope'), { ...query, limit });
      return c.json(
        { data: rows.map(productJson), next: rows.length === limit ? (rows.at(-1)?.id ?? null) : null },
        200,
      );
    })
    .openapi(get, async (c) => {
      const product = await getProduct(c.get('app').store.db, c.get('scope'), c.req.valid('param').id);
      return c.json(productJson(product), 200);
    });
}
