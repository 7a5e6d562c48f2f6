import { createRoute, z } from '@hono/zod-openapi';
import {
  addGlossaryEntry,
  approveReviewItem,
  dismissReviewItem,
  FIELD_KINDS,
  getGlossaryEntry,
  getReviewItem,
  listGlossary,
  listReviewItems,
  localizeProduct,
  removeGlossaryEntry,
  translationService,
  type GlossaryEntry,
  type ReviewItem,
} from '../../localization/index.ts';
import { getSeller } from '../../catalog/index.ts';
import { scopedSellerId } from '../../shared/index.ts';
import { router } from '../env.ts';
import { bearerSecurity, errorResponses, IdParam, PageQuery, pageOf } from '../schemas.ts';

const Check = z.object({ check: z.string(), message: z.string() });

const Segment = z
  .object({
    id: z.string(),
    kind: z.string(),
    source: z.string(),
    translation: z.string().nullable(),
    status: z.enum(['machine', 'approved', 'needs-review', 'needs-translation']),
    provenance: z.string().nullable(),
    proposal: z.string().optional(),
    checks: z.array(Check),
    unknown: z.array(z.string()).optional(),
    dropped: z.array(z.string()).optional(),
    omitted: z.boolean().optional(),
    reviewId: z.string().optional(),
    error: z.string().optional(),
    memory: z
      .object({ provenance: z.string(), scope: z.string(), status: z.string(), fuzzy: z.number().optional() })
      .optional(),
  })
  .openapi('TranslatedSegment');

const TextTranslation = z
  .object({
    text: z.string(),
    translation: z.string().nullable(),
    status: z.enum(['machine', 'approved', 'needs-review', 'needs-translation']),
    provider: z.string().nullable().openapi({ example: 'termbase' }),
    segments: z.array(Segment),
  })
  .openapi('TextTranslation');

const ReviewItemSchema = z
  .object({
    id: z.string(),
    sellerId: z.string().nullable(),
    brand: z.string().nullable(),
    sourceLang: z.string(),
    targetLang: z.string(),
    style: z.string(),
    sourceText: z.string().openapi({ description: 'with placeholders ⟦n⟧' }),
    sampleText: z.string(),
    placeholders: z.array(
      z.object({ index: z.number(), kind: z.string(), original: z.string(), restore: z.string() }),
    ),
    reason: z.enum(['needs-review', 'needs-translation']),
    status: z.enum(['open', 'approved', 'dismissed']),
    proposal: z.string().nullable(),
    proposalProvenance: z.string().nullable(),
    checks: z.array(Check),
    unknownWords: z.array(z.string()),
    occurrences: z.array(z.object({ productId: z.string(), field: z.string() })),
    occurrenceCount: z.number().int(),
    resolution: z.string().nullable(),
    resolvedBy: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('TranslationReviewItem');

const GlossarySchema = z
  .object({
    id: z.string(),
    sellerId: z.string().nullable(),
    brand: z.string().nullable(),
    language: z.string().openapi({ description: '`*` for do-not-translate entries' }),
    source: z.string(),
    target: z.string().nullable().openapi({ description: 'null: keep the source as written' }),
    note: z.string().nullable(),
  })
  .openapi('GlossaryEntry');

function reviewJson(r: ReviewItem) {
  const { resolvedAt: _r, sourceKey: _k, ...rest } = r;
  return { ...rest, createdAt: r.createdAt.toISOString(), updatedAt: r.updatedAt.toISOString() };
}

function glossaryJson(g: GlossaryEntry) {
  return {
    id: g.id,
    sellerId: g.sellerId,
    brand: g.brand,
    language: g.targetLang,
    source: g.sourceText,
    target: g.targetText,
    note: g.note,
  };
}

const translate = createRoute({
  method: 'post',
  path: '/v1/translations',
  summary: 'Translate Korean texts (term base, memory, configured providers); failures go to review',
  security: bearerSecurity,
  request: {
    body: {
      content: {
        'application/json': {
          schema: z.object({
            texts: z.array(z.string().max(5000)).min(1).max(200),
            to: z.string().openapi({ example: 'en-SG' }),
            from: z.enum(['ko', 'en']).optional(),
            field: z.enum(FIELD_KINDS as [string, ...string[]]).optional(),
            site: z.string().optional().openapi({ example: 'lazada-sg' }),
            brand: z.string().optional(),
            sellerId: z
              .string()
              .optional()
              .openapi({ description: 'operator only: translate for this seller' }),
          }),
        },
      },
    },
  },
  responses: {
    200: {
      description: 'one result per text',
      content: { 'application/json': { schema: z.object({ data: z.array(TextTranslation) }) } },
    },
    ...errorResponses(),
  },
});

const reviewList = createRoute({
  method: 'get',
  path: '/v1/translations/review',
  summary: 'The review queue (a seller key sees its own items)',
  security: bearerSecurity,
  request: {
    query: PageQuery.extend({
      status: z.enum(['open', 'approved', 'dismissed']).optional(),
      reason: z.enum(['needs-review', 'needs-translation']).optional(),
      language: z.string().optional(),
      sellerId: z.string().optional().openapi({ description: 'operator only: one seller' }),
    }),
  },
  responses: {
    200: {
      description: 'review items',
      content: {
        'application/json': {
          schema: pageOf(ReviewItemSchema),
        },
      },
    },
    ...errorResponses(),
  },
});

const reviewGet = createRoute({
  method: 'get',
  path: '/v1/translations/review/{id}',
  summary: 'One review item',
  security: bearerSecurity,
  request: { params: IdParam },
  responses: {
    200: { description: 'the item', content: { 'application/json': { schema: ReviewItemSchema } } },
    ...errorResponses(),
  },
});

const reviewApprove = createRoute({
  method: 'post',
  path: '/v1/translations/review/{id}/approve',
  summary: 'Approve a translation (the proposal, or an edited text); it goes into the memory and is reused',
  security: bearerSecurity,
  request: {
    params: IdParam,
    body: {
      content: {
        'application/json': {
          schema: z.object({
            text: z.string().min(1).optional(),
            memoryScope: z.enum(['seller', 'brand', 'global']).optional(),
          }),
        },
      },
    },
  },
  responses: {
    200: {
      description: 'approved',
      content: {
        'application/json': {
          schema: z.object({
            item: ReviewItemSchema,
            translation: z.string(),
            scope: z.string(),
            closed: z.number().int(),
            warnings: z.array(Check),
          }),
        },
      },
    },
    409: { description: 'already approved or dismissed' },
    ...errorResponses(),
  },
});

const reviewDismiss = createRoute({
  method: 'post',
  path: '/v1/translations/review/{id}/dismiss',
  summary: 'Dismiss a review item',
  security: bearerSecurity,
  request: { params: IdParam, body: { content: { 'application/json': { schema: z.object({}) } } } },
  responses: {
    200: { description: 'dismissed', content: { 'application/json': { schema: ReviewItemSchema } } },
    409: { description: 'already approved or dismissed' },
    ...errorResponses(),
  },
});

const glossaryList = createRoute({
  method: 'get',
  path: '/v1/translations/glossary',
  summary: 'Glossary entries (a seller key sees its own)',
  security: bearerSecurity,
  request: {
    query: PageQuery.extend({
      language: z.string().optional(),
      sellerId: z.string().optional().openapi({ description: 'operator only: one seller' }),
    }),
  },
  responses: {
    200: {
      description: 'entries',
      content: {
        'application/json': {
          schema: pageOf(GlossarySchema),
        },
      },
    },
    ...errorResponses(),
  },
});

const glossaryAdd = createRoute({
  method: 'post',
  path: '/v1/translations/glossary',
  summary:
    "Add or replace a glossary entry in the caller's scope (a seller's own; brand-wide or global for the operator)",
  security: bearerSecurity,
  request: {
    body: {
      content: {
        'application/json': {
          schema: z.object({
            source: z.string().min(1),
            target: z.string().min(1).nullable().optional(),
            language: z.string().optional().openapi({ example: 'en' }),
            doNotTranslate: z.boolean().optional(),
            brand: z.string().optional(),
            sellerId: z.string().optional().openapi({ description: 'operator only' }),
            note: z.string().optional(),
          }),
        },
      },
    },
  },
  responses: {
    201: { description: 'the entry', content: { 'application/json': { schema: GlossarySchema } } },
    ...errorResponses(),
  },
});

const glossaryGet = createRoute({
  method: 'get',
  path: '/v1/translations/glossary/{id}',
  summary: 'One glossary entry',
  security: bearerSecurity,
  request: { params: IdParam },
  responses: {
    200: { description: 'the entry', content: { 'application/json': { schema: GlossarySchema } } },
    ...errorResponses(),
  },
});

const glossaryDelete = createRoute({
  method: 'delete',
  path: '/v1/translations/glossary/{id}',
  summary: 'Remove a glossary entry',
  security: bearerSecurity,
  request: { params: IdParam },
  responses: { 204: { description: 'removed' }, ...errorResponses() },
});

const localized = createRoute({
  method: 'get',
  path: '/v1/products/{id}/localized',
  summary: "A product's listing content for a site, each field with its translation status",
  security: bearerSecurity,
  request: {
    params: IdParam,
    query: z.object({
      site: z.string().default('lazada-sg').openapi({ example: 'lazada-sg' }),
      optional: z
        .enum(['true', 'false'])
        .optional()
        .openapi({ description: "also the site's optional languages" }),
    }),
  },
  responses: {
    200: {
      description: 'localized listing content',
      content: {
        'application/json': { schema: z.record(z.string(), z.unknown()).openapi('LocalizedProduct') },
      },
    },
    ...errorResponses(),
  },
});

export function translationRoutes() {
  return router()
    .openapi(translate, async (c) => {
      const body = c.req.valid('json');
      const scope = c.get('scope');
      // An operator naming a seller must name one that exists (review items are owned by it).
      if (!scopedSellerId(scope) && body.sellerId)
        await getSeller(c.get('app').store.db, scope, body.sellerId);
      const data = await translationService(c.get('app')).translateTexts(body.texts, {
        to: body.to,
        ...(body.from ? { from: body.from } : {}),
        ...(body.field ? { kind: body.field as (typeof FIELD_KINDS)[number] } : {}),
        site: body.site,
        brand: body.brand,
        // The caller's credentials decide whose translation it is; a seller cannot name another.
        sellerId: scopedSellerId(scope) ?? body.sellerId,
      });
      return c.json({ data }, 200);
    })
    .openapi(reviewList, async (c) => {
      const q = c.req.valid('query');
      const limit = q.limit ?? 50;
      const rows = await listReviewItems(c.get('app').store, c.get('scope'), { ...q, limit });
      return c.json(
        { data: rows.map(reviewJson), next: rows.length === limit ? (rows.at(-1)?.id ?? null) : null },
        200,
      );
    })
    .openapi(reviewGet, async (c) => {
      const item = await getReviewItem(c.get('app').store, c.get('scope'), c.req.valid('param').id);
      return c.json(reviewJson(item), 200);
    })
    .openapi(reviewApprove, async (c) => {
      const r = await approveReviewItem(
        translationService(c.get('app')),
        c.get('scope'),
        c.req.valid('param').id,
        c.req.valid('json'),
      );
      return c.json({ ...r, item: reviewJson(r.item) }, 200);
    })
    .openapi(reviewDismiss, async (c) => {
      const item = await dismissReviewItem(
        translationService(c.get('app')),
        c.get('scope'),
        c.req.valid('param').id,
      );
      return c.json(reviewJson(item), 200);
    })
    .openapi(glossaryList, async (c) => {
      const q = c.req.valid('query');
      const limit = q.limit ?? 50;
      const rows = await listGlossary(c.get('app').store, c.get('scope'), { ...q, limit });
      return c.json(
        { data: rows.map(glossaryJson), next: rows.length === limit ? (rows.at(-1)?.id ?? null) : null },
        200,
      );
    })
    .openapi(glossaryAdd, async (c) => {
      const app = c.get('app');
      const body = c.req.valid('json');
      const entry = await addGlossaryEntry(app.store, c.get('scope'), body, app.clock);
      return c.json(glossaryJson(entry), 201);
    })
    .openapi(glossaryGet, async (c) => {
      const entry = await getGlossaryEntry(c.get('app').store, c.get('scope'), c.req.valid('param').id);
      return c.json(glossaryJson(entry), 200);
    })
    .openapi(glossaryDelete, async (c) => {
      await removeGlossaryEntry(c.get('app').store, c.get('scope'), c.req.valid('param').id);
      return c.body(null, 204);
    })
    .openapi(localized, async (c) => {
      const { site, optional } = c.req.valid('query');
      const result = await localizeProduct(
        translationService(c.get('app')),
        c.get('scope'),
        c.req.valid('param').id,
        site,
        { optional: optional === 'true' },
      );
      return c.json(result as unknown as Record<string, unknown>, 200);
    });
}
