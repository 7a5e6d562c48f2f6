/**
 * Approving, editing and dismissing review items. An approved translation goes into the memory
 * (as `human`, `approved`) in the reviewer's scope and closes every open item for the same segment
 * in that scope, so one fix covers every product the segment occurs in.
 */
import { and, eq } from 'drizzle-orm';
import { schema } from '../../db/index.ts';
import { AppError, scopedSellerId, type Scope } from '../../shared/index.ts';
import { isTargetLanguage } from './languages.ts';
import { closeReviewItems, getReviewItem, type ReviewItem } from './memory/review-store.ts';
import { scopeRef, type ScopeRef } from './memory/scopes.ts';
import { hasHangul } from './normalize.ts';
import { reprotect, restore } from './protect.ts';
import { checkTranslation } from './quality.ts';
import type { TranslationService } from './service.ts';
import type { CheckFailure, Placeholder } from './types.ts';

export interface ApproveInput {
  /** The translation as a person writes it (quantities and brands as shown), or with `⟦n⟧` tokens. */
  text?: string | undefined;
  /** Where the approval applies: the caller's seller (default for sellers), a brand, or everyone (operators). */
  memoryScope?: 'seller' | 'brand' | 'global' | undefined;
}

export interface ApproveResult {
  item: ReviewItem;
  translation: string;
  scope: ScopeRef['kind'];
  /** Other open items (same segment, same scope) closed by this approval. */
  closed: number;
  warnings: CheckFailure[];
}

function requireStore(service: TranslationService) {
  if (!service.store) throw new AppError('unsupported', 'review needs a database');
  return service.store;
}

function targetScope(scope: Scope, item: ReviewItem, wanted: ApproveInput['memoryScope']): ScopeRef {
  const seller = scopedSellerId(scope);
  if (seller) {
    if (wanted === 'global')
      throw new AppError(
        'forbidden',
        'a seller approves for its own listings only (memoryScope seller or brand)',
      );
    if (wanted === 'brand') {
      if (!item.brand) throw new AppError('invalid_input', 'memoryScope: this item has no brand');
      return scopeRef('seller-brand', seller, item.brand);
    }
    return scopeRef('seller', seller, null);
  }
  if (wanted === 'seller') {
    if (!item.sellerId) throw new AppError('invalid_input', 'memoryScope: this item belongs to no seller');
    return scopeRef('seller', item.sellerId, null);
  }
  if (wanted === 'brand') {
    if (!item.brand) throw new AppError('invalid_input', 'memoryScope: this item has no brand');
    return scopeRef('brand', null, item.brand);
  }
  return scopeRef('global', null, null);
}

/** Approves an item with its proposal or an edited text. */
export async function approveReviewItem(
  service: TranslationService,
  scope: Scope,
  id: string,
  input: ApproveInput = {},
): Promise<ApproveResult> {
  const store = requireStore(service);
  const item = await getReviewItem(store, scope, id);
  if (item.status !== 'open') throw new AppError('conflict', `review item ${id} is already ${item.status}`);
  const placeholders = item.placeholders as Placeholder[];
  let protectedText: string | undefined;
  if (input.text !== undefined) {
    const edit = input.text.trim();
    protectedText = /⟦\d+⟧/.test(edit) ? edit : reprotect(edit, placeholders);
    if (protectedText === undefined) {
      const missing = placeholders.filter((p) => !edit.includes(p.restore)).map((p) => p.restore);
      throw new AppError(
        'invalid_input',
        `text: keep ${missing.map((m) => `"${m}"`).join(', ')} as shown (or write ⟦n⟧)`,
        {
          details: { missing },
        },
      );
    }
  } else protectedText = item.proposal ?? undefined;
  if (!protectedText)
    throw new AppError('invalid_input', 'text: this item has no proposal; give the translation');
  if (!isTargetLanguage(item.targetLang))
    throw new AppError('internal', `review item ${id} has language ${item.targetLang}`);
  const restored = restore(protectedText, placeholders);
  const checks = checkTranslation({
    kind: item.style === 'title' ? 'title' : 'text',
    language: item.targetLang,
    source: item.sourceText,
    placeholders,
    output: protectedText,
    restored,
  });
  const blocking = checks.filter(
    (c) => c.check === 'placeholders' || c.check === 'empty' || (c.check === 'hangul' && hasHangul(restored)),
  );
  if (blocking.length > 0) {
    throw new AppError('invalid_input', `text: ${blocking.map((c) => c.message).join('; ')}`, {
      details: { checks: blocking },
    });
  }
  const target = targetScope(scope, item, input.memoryScope);
  const by = scopedSellerId(scope) ?? 'operator';
  await service.memory.upsert(
    [
      {
        sourceLang: item.sourceLang,
        targetLang: item.targetLang,
        style: item.style,
        sourceKey: item.sourceKey,
        scope: target,
        sourceText: item.sourceText,
        targetText: protectedText,
        provenance: 'human',
        status: 'approved',
        approvedBy: by,
      },
    ],
    service.clock.now(),
  );
  const segment = {
    sourceLang: item.sourceLang,
    targetLang: item.targetLang,
    style: item.style,
    sourceKey: item.sourceKey,
  };
  const everyone = target.kind === 'global' || target.kind === 'brand';
  const { closed, productIds } = await closeReviewItems(
    store,
    segment,
    everyone ? { all: true } : { sellerId: target.sellerId },
    { status: 'approved', text: protectedText, by },
    service.clock,
  );
  // The products that used the segment changed: the next publish run rebuilds their listings
  // (a draft held for translation goes out, a live one is updated) with the approved text.
  // now(), not the clock: listings compare it with their own updated_at, which the database sets.
  if (productIds.length > 0)
    await store.query(`UPDATE products SET updated_at = now() WHERE id = ANY($1::text[])`, [productIds]);
  const updated = await getReviewItem(store, scope, id);
  return {
    item: updated,
    translation: restored,
    scope: target.kind,
    closed: Math.max(0, closed - 1),
    warnings: checks.filter((c) => !blocking.includes(c)),
  };
}

/** Dismisses an item (nothing goes into the memory). */
export async function dismissReviewItem(
  service: TranslationService,
  scope: Scope,
  id: string,
): Promise<ReviewItem> {
  const store = requireStore(service);
  const item = await getReviewItem(store, scope, id);
  if (item.status !== 'open') throw new AppError('conflict', `review item ${id} is already ${item.status}`);
  const t = schema.translationReviewItems;
  const now = service.clock.now();
  await store.db
    .update(t)
    .set({
      status: 'dismissed',
      resolvedBy: scopedSellerId(scope) ?? 'operator',
      resolvedAt: now,
      updatedAt: now,
    })
    .where(and(eq(t.id, id), eq(t.status, 'open')));
  return getReviewItem(store, scope, id);
}
