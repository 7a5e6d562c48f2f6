import { createRoute, z } from '@hono/zod-openapi';
import {
  customsPapers,
  handOver,
  ordersRuntime,
  packageShippingOptions,
  readyToShip,
  shippingLabel,
} from '../../orders/index.ts';
import { router } from '../env.ts';
import { bearerSecurity, errorResponses, IdParam } from '../schemas.ts';
import { refuse } from './routes.ts';
import { HandOverResult, ReadyToShipPage, ShippingOptionPage } from './schemas.ts';
import { conflictResponse, json, jsonBody } from './shared.ts';

const Pdf = { 'application/pdf': { schema: z.string().openapi({ format: 'binary' }) } };

const label = createRoute({
  method: 'get',
  path: '/v1/packages/{id}/label',
  summary: "The marketplace's shipping label (AWB) for a package, as PDF",
  security: bearerSecurity,
  request: { params: IdParam },
  responses: { 200: { description: 'the label', content: Pdf }, ...errorResponses() },
});

const options = createRoute({
  method: 'get',
  path: '/v1/packages/{id}/shipping-options',
  summary:
    'Logistics options for the parcel: hub or Korea Post, chargeable weight, limits, restricted items, price',
  security: bearerSecurity,
  request: { params: IdParam },
  responses: {
    200: {
      description: 'options, eligible first',
      content: { 'application/json': { schema: ShippingOptionPage } },
    },
    ...errorResponses(),
  },
});

const customs = createRoute({
  method: 'get',
  path: '/v1/packages/{id}/customs',
  summary: 'The CN22/CN23 declaration (doc=declaration) or commercial invoice (doc=invoice) as PDF',
  security: bearerSecurity,
  request: {
    params: IdParam,
    query: z.object({
      doc: z.enum(['declaration', 'invoice']).optional(),
      service: z.string().optional().openapi({ description: 'logistics option code, e.g. kpost-ems' }),
    }),
  },
  responses: {
    200: { description: 'the document', content: Pdf },
    ...conflictResponse(),
    ...errorResponses(),
  },
});

const rts = createRoute({
  method: 'post',
  path: '/v1/packages/{id}/ready-to-ship',
  summary: 'Tell the marketplace the package is ready to ship',
  security: bearerSecurity,
  request: { params: IdParam },
  responses: {
    200: { description: 'outcome', content: { 'application/json': { schema: ReadyToShipPage } } },
    ...errorResponses(),
  },
});

const handover = createRoute({
  method: 'post',
  path: '/v1/packages/{id}/hand-over',
  summary: 'The package went to the first-mile carrier (CJ, HANJIN, LOTTE, KPOST) with this tracking number',
  security: bearerSecurity,
  request: {
    params: IdParam,
    body: jsonBody(
      z.object({
        carrier: z.string().openapi({ example: 'CJ' }),
        trackingNumber: z.string().openapi({ example: '601234567890' }),
        internationalCarrier: z
          .enum(['EMS', 'K-PACKET', 'EMS-PREMIUM', 'HUB'])
          .optional()
          .openapi({ description: "the international leg: Korea Post's services or the marketplace's hub" }),
        internationalTracking: z
          .string()
          .optional()
          .openapi({ example: 'EE123456785KR', description: 'Korea Post: a UPU S10 item number' }),
      }),
    ),
  },
  responses: {
    200: { description: 'handed over', content: { 'application/json': { schema: HandOverResult } } },
    ...conflictResponse(),
    ...errorResponses(),
  },
});

export function packageRoutes() {
  return router()
    .openapi(label, async (c) => {
      const r = await shippingLabel(ordersRuntime(c.get('app')).deps, c.get('scope'), {
        packageIds: [c.req.valid('param').id],
      });
      return c.body(new Uint8Array(r.bytes), 200, {
        'content-type': r.document.mimeType || 'application/pdf',
      });
    })
    .openapi(options, async (c) => {
      const rows = await packageShippingOptions(
        ordersRuntime(c.get('app')).deps,
        c.get('scope'),
        c.req.valid('param').id,
      );
      return c.json({ data: json(rows), next: null }, 200);
    })
    .openapi(customs, async (c) => {
      const q = c.req.valid('query');
      const r = await customsPapers(ordersRuntime(c.get('app')).deps, c.get('scope'), {
        packageId: c.req.valid('param').id,
        ...(q.service ? { serviceCode: q.service } : {}),
      });
      if (!r.ok) return refuse(r.error);
      const bytes = q.doc === 'invoice' ? r.value.invoicePdf : r.value.declarationPdf;
      return c.body(new Uint8Array(bytes), 200, { 'content-type': 'application/pdf' });
    })
    .openapi(rts, async (c) => {
      const out = await readyToShip(ordersRuntime(c.get('app')).deps, c.get('scope'), {
        packageIds: [c.req.valid('param').id],
      });
      return c.json({ data: json(out), next: null }, 200);
    })
    .openapi(handover, async (c) => {
      const r = await handOver(ordersRuntime(c.get('app')).deps, c.get('scope'), {
        packageId: c.req.valid('param').id,
        ...c.req.valid('json'),
      });
      return r.ok ? c.json(json(r.value), 200) : refuse(r.error);
    });
}
