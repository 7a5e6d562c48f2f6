import { translationService, type TranslationService } from '../localization/index.ts';
import type { Describe, DescribedGoods } from './customs-papers.ts';

/**
 * The English description of goods on customs papers from the localization capability: the
 * product's Korean title in English, from the translation memory (what listing localization
 * stored, reviewed translations first) and the term base. No external provider is called while
 * papers print; a title neither can translate comes back with its status, and the papers fall
 * back to the listing name or the HS heading and say so.
 */
export function englishTitleDescriber(service: TranslationService): Describe {
  return async (item): Promise<DescribedGoods | undefined> => {
    if (!item.titleKo) return { text: null, status: 'no-title' };
    const [t] = await service.translateTexts([item.titleKo], {
      to: 'en',
      kind: 'title',
      sellerId: item.sellerId,
      providers: 'none',
      review: false,
    });
    if (!t) return undefined;
    return { text: t.translation, status: t.status };
  };
}

/** The describer for an app's store (one translation service per process and store). */
export function describerFor(app: Parameters<typeof translationService>[0]): Describe {
  return englishTitleDescriber(translationService(app));
}
