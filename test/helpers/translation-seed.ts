import { addGlossaryEntry, translationService } from '../../src/localization/index.ts';
import type { App } from '../../src/main/app.ts';
import { sellerScope } from '../../src/shared/index.ts';

/** A review item (an untranslatable title) and a glossary entry owned by a seller. */
export async function seedTranslations(
  app: App,
  sellerId: string,
): Promise<{ reviewId: string; glossaryId: string }> {
  const [r] = await translationService(app).translateTexts(['뷁뷁 토너'], { to: 'en-SG', sellerId });
  const reviewId = r?.segments[0]?.reviewId;
  if (!reviewId) throw new Error('seedTranslations: no review item was opened');
  const g = await addGlossaryEntry(
    app.store,
    sellerScope(sellerId),
    { source: '토너', target: 'skin tonic' },
    app.clock,
  );
  return { reviewId, glossaryId: g.id };
}
