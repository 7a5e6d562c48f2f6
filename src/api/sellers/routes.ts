import { createRoute, z } from '@hono/zod-openapi';
import { getSeller, listSellers, type Seller } from '../../catalog/index.ts';
import { router } from '../env.ts';
import { bearerSecurity, errorResponses, IdParam, PageQuery } from '../schemas.ts';

const SellerSchema = z
  .object({
    id: z.string().openapi({ example: 'sel_01M8846EPXNK9WCFD5F7MERYK2' }),
    name: z.string(),
    bizNo: z.string().openapi({ description: '사업자등록번호, 10 digits' }),
    contactName: z.string().nullable(),
    contactEmail: z.string().nullable(),
    contactPhone: z.string().nullable(),
    status: z.enum(['active', 'suspended', 'closed']),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Seller');

function toJson(s: Seller) {
  return { ...s, createdAt: s.createdAt.toISOString(), updatedAt: s.updatedAt.toISOString() };
}

const list = createRoute({
  method: 'get',
  path: '/v1/sellers',
  summary: 'Sellers the caller may see (a seller key sees only itself)',
  security: bearerSecurity,
  request: { query: PageQuery },
  responses: {
    200: {
      description: 'sellers',
      content: { 'application/json': { schema: z.object({ data: z.array(SellerSchema) }) } },
    },
    ...errorResponses(),
  },
});

const get = createRoute({
  method: 'get',
  path: '/v1/sellers/{id}',
  summary: 'One seller',
  security: bearerSecurity,
  request: { params: IdParam },
  responses: {
    200: { description: 'the seller', content: { 'application/json': { schema: SellerSchema } } },
    ...errorResponses(),
  },
});

export function sellerRoutes() {
  return router()
    .openapi(list, async (c) => {
      const rows = await listSellers(c.get('app').store.db, c.get('scope'), c.req.valid('query'));
      return c.json({ data: rows.map(toJson) }, 200);
    })
    .openapi(get, async (c) => {
      const seller = await getSeller(c.get('app').store.db, c.get('scope'), c.req.valid('param').id);
      return c.json(toJson(seller), 200);
    });
}
