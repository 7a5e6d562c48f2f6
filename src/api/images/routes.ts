import { createRoute, z } from '@hono/zod-openapi';
import { imageVariantContent, productImageViews, type ImageVariantView } from '../../localization/index.ts';
import { router } from '../env.ts';
import { bearerSecurity, DateTime, errorResponses, IdParam } from '../schemas.ts';

const BoxSchema = z
  .object({ x: z.number(), y: z.number(), w: z.number(), h: z.number() })
  .openapi('ImageBox');

const ImageLineSchema = z
  .object({
    index: z.number().int(),
    box: BoxSchema,
    source: z.string().openapi({ description: 'the Korean text read' }),
    confidence: z.number(),
    translation: z.string().nullable(),
    status: z.enum(['translated', 'converted', 'kept', 'needs-translation', 'needs-review', 'unreadable']),
    unitConversion: z
      .string()
      .nullable()
      .openapi({ description: 'a measurement-only line converted by the units engine (status converted)' }),
    note: z
      .string()
      .nullable()
      .openapi({ description: 'why it was kept or flagged (keep reason, failed check)' }),
    provider: z.string().nullable(),
    role: z.enum(['heading', 'text', 'spec-label', 'spec-value']),
    block: z.number().int(),
    keep: z.enum(['unreadable', 'brand', 'on-product', 'no-hangul']).nullable(),
    region: BoxSchema.nullable(),
    fontSize: z.number().nullable(),
    fits: z.boolean().nullable(),
    residualHangul: z.number().int().nullable(),
  })
  .openapi('ImageLine');

const ImageVariantSchema = z
  .object({
    id: z.string(),
    locale: z.string().openapi({ example: 'th-TH' }),
    format: z.string().openapi({ example: 'png' }),
    mime: z.string(),
    width: z.number().int(),
    height: z.number().int(),
    scope: z.enum(['global', 'seller']).openapi({ description: 'whose translation memory shaped it' }),
    status: z.enum(['complete', 'flagged']),
    translatedLines: z.number().int(),
    summary: z.object({
      lines: z.number().int(),
      translated: z.number().int(),
      converted: z.number().int(),
      kept: z.number().int(),
      needsTranslation: z.number().int(),
      needsReview: z.number().int(),
      unreadable: z.number().int(),
      overflow: z.number().int(),
      complete: z.boolean(),
    }),
    residualHangul: z.number().int().nullable(),
    contentUrl: z.string().openapi({ example: '/v1/images/limg_…/content' }),
    lines: z.array(ImageLineSchema),
    createdAt: DateTime,
  })
  .openapi('ImageVariant');

export const ProductImageSchema = z
  .object({
    position: z.number().int(),
    url: z.string().openapi({ description: 'the original, at its source URL (originals are not stored)' }),
    sourceHash: z.string().nullable(),
    fetchedAt: DateTime.nullable(),
    width: z.number().int().nullable(),
    height: z.number().int().nullable(),
    variants: z.array(ImageVariantSchema),
  })
  .openapi('ProductImage');

const list = createRoute({
  method: 'get',
  path: '/v1/products/{id}/images',
  summary: "A product's images with their localized variants per locale and each variant's per-line report",
  security: bearerSecurity,
  request: { params: IdParam },
  responses: {
    200: {
      description: 'images in order',
      content: { 'application/json': { schema: z.object({ data: z.array(ProductImageSchema) }) } },
    },
    ...errorResponses(),
  },
});

const content = createRoute({
  method: 'get',
  path: '/v1/images/{id}/content',
  summary: "A localized image variant's bytes (the caller's own products' images)",
  security: bearerSecurity,
  request: { params: IdParam },
  responses: {
    200: {
      description: 'the image',
      content: {
        'image/png': { schema: z.string().openapi({ format: 'binary' }) },
        'image/jpeg': { schema: z.string().openapi({ format: 'binary' }) },
        'image/webp': { schema: z.string().openapi({ format: 'binary' }) },
      },
    },
    ...errorResponses(),
  },
});

function variantJson(v: ImageVariantView) {
  return {
    ...v,
    contentUrl: `/v1/images/${v.id}/content`,
    createdAt: new Date(v.createdAt).toISOString(),
    lines: v.lines.map((l) => ({
      index: l.index,
      box: l.box,
      source: l.source,
      confidence: l.confidence,
      translation: l.translation,
      status: l.status,
      unitConversion: l.status === 'converted' ? l.translation : null,
      note: l.note,
      provider: l.provider,
      role: l.role,
      block: l.block,
      keep: l.keep,
      region: l.region ?? null,
      fontSize: l.fontSize ?? null,
      fits: l.fits ?? null,
      residualHangul: l.residualHangul ?? null,
    })),
  };
}

export function imageRoutes() {
  return router()
    .openapi(list, async (c) => {
      const images = await productImageViews(c.get('app').store, c.get('scope'), c.req.valid('param').id);
      const data = images.map((i) => ({
        ...i,
        fetchedAt: i.fetchedAt ? new Date(i.fetchedAt).toISOString() : null,
        variants: i.variants.map(variantJson),
      }));
      return c.json({ data }, 200);
    })
    .openapi(content, async (c) => {
      const v = await imageVariantContent(c.get('app').store, c.get('scope'), c.req.valid('param').id);
      // Variants are immutable (a new memory version makes a new id): the browser may keep them.
      return c.body(new Uint8Array(v.bytes), 200, {
        'content-type': v.mime,
        'cache-control': 'private, max-age=86400, immutable',
      }) as never;
    });
}
