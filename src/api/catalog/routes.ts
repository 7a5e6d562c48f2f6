import { createRoute, z } from '@hono/zod-openapi';
import { catalogGrid, GRID_STATES } from '../../listings/index.ts';
import { listSites } from '../../marketplaces/index.ts';
import { router } from '../env.ts';
import { bearerSecurity, errorResponses, PageQuery, pageOf } from '../schemas.ts';

const SITE_IDS = listSites().map((s) => s.id) as [string, ...string[]];
/** A marketplace site id (the 13 of the sites registry). */
export const SiteId = z.enum(SITE_IDS).openapi('SiteId', { example: 'lazada-sg' });
/** A listing state, or one derived from a draft's issues (`needs-translation`, `preflight-failed`) or `not-listed`. */
export const GridStateSchema = z.enum(GRID_STATES).openapi('GridState', { example: 'live' });

const GridCellSchema = z
  .object({
    site: SiteId,
    state: GridStateSchema,
    reason: z.string().nullable().openapi({
      description: "the platform's QC rejection reason, the last platform error, or the first blocking issue",
    }),
    listingId: z.string().nullable(),
  })
  .openapi('GridCell');

const GridRowSchema = z
  .object({
    productId: z.string(),
    sellerId: z.string(),
    sellerSku: z.string(),
    title: z.string().openapi({ description: 'the Korean title' }),
    brand: z.string().nullable(),
    imageUrl: z.string().nullable().openapi({ description: "the product's first image (its source URL)" }),
    variantCount: z.number().int().openapi({ description: 'active variants' }),
    status: z.string().openapi({ example: 'active' }),
    sites: z.array(GridCellSchema).openapi({
      description: 'one cell per site the seller has an account on or the product was listed on, by site id',
    }),
  })
  .openapi('GridRow');

export const GridPageSchema = pageOf(GridRowSchema).openapi('GridPage');

const grid = createRoute({
  method: 'get',
  path: '/v1/catalog/grid',
  summary: 'Products with their listing state on every site (the catalog grid), keyset-paged by product id',
  security: bearerSecurity,
  request: {
    query: PageQuery.extend({
      q: z
        .string()
        .max(200)
        .optional()
        .openapi({ description: 'substring of the Korean title or a seller SKU' }),
      site: SiteId.optional().openapi({ description: 'only this site (cells and the state filter)' }),
      state: GridStateSchema.optional().openapi({ description: 'products with a cell in this state' }),
      sellerId: z.string().optional().openapi({ description: 'operator: one seller' }),
    }),
  },
  responses: {
    200: { description: 'one page of rows', content: { 'application/json': { schema: GridPageSchema } } },
    ...errorResponses(),
  },
});

export function catalogRoutes() {
  return router().openapi(grid, async (c) => {
    const page = await catalogGrid(c.get('app').store, c.get('scope'), c.req.valid('query'));
    return c.json({ data: page.items as z.infer<typeof GridRowSchema>[], next: page.nextCursor }, 200);
  });
}
