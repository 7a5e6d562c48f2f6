import restricted from '../../data/logistics/airmail_restricted_items.json' with { type: 'json' };

/**
 * Item-level restrictions on the way out of Korea (research/domain.md 8.2,
 * data/logistics/airmail_restricted_items.json): what air mail refuses (flammable liquids such as
 * perfume and nail polish, aerosols, loose batteries), what only EMS Premium takes (devices with
 * built-in lithium batteries), and destination rules (Vietnam refuses kimchi by EMS; Indonesia
 * caps cosmetics at 20 pieces a shipment). Matched on the HS code and on words in the item's
 * Korean or English description; a match explains itself with its source.
 */
export interface RestrictionItem {
  description: string;
  descriptionKo?: string | undefined;
  hsCode?: string | null | undefined;
  quantity: number;
}

export type RestrictionEffect =
  /** Refused by air mail (every option here flies, except a marketplace's surface service). */
  | 'no-air'
  /** Only services that take built-in lithium batteries (EMS Premium). */
  | 'battery'
  /** Refused for this destination by every Korean postal service. */
  | 'destination';

export interface RestrictionRule {
  id: string;
  effect: RestrictionEffect;
  hsPrefixes?: readonly string[];
  /** Lower-case words; Korean words match inside longer words, English ones on word edges. */
  words?: readonly string[];
  /** Only for these destinations. */
  countries?: readonly string[];
  /** Only when a shipment holds more than this many pieces of the matched goods. */
  maxPieces?: number;
  reason: string;
}

export const RESTRICTION_RULES: readonly RestrictionRule[] = [
  {
    id: 'perfume',
    effect: 'no-air',
    hsPrefixes: ['3303'],
    words: [
      'perfume',
      'eau de parfum',
      'eau de toilette',
      'fragrance mist',
      '향수',
      '오드퍼퓸',
      '오드뚜왈렛',
    ],
    reason: 'perfume is a flammable liquid (IATA DG class 3): refused by air mail',
  },
  {
    id: 'nail-polish',
    effect: 'no-air',
    hsPrefixes: ['330430'],
    // Only nail remover: a makeup remover (립앤아이 리무버) is water or oil, not acetone.
    words: [
      'nail polish',
      'nail lacquer',
      'polish remover',
      '매니큐어',
      '네일폴리시',
      '네일 리무버',
      '네일리무버',
      '아세톤',
    ],
    reason: 'nail polish and remover are flammable liquids: refused by air mail',
  },
  {
    id: 'aerosol',
    effect: 'no-air',
    words: ['spray', 'aerosol', '스프레이', '에어로졸', '부탄', 'butane', '라이터'],
    reason: 'gases and aerosols (sprays, butane, lighters) are refused by air mail',
  },
  {
    id: 'lithium-battery',
    effect: 'battery',
    hsPrefixes: ['8507'],
    words: ['battery', 'batteries', 'power bank', '배터리', '보조배터리', '리튬', 'lithium'],
    reason: 'lithium batteries: loose ones are refused, devices with built-in cells go only by EMS Premium',
  },
  {
    id: 'vn-kimchi',
    effect: 'destination',
    countries: ['VN'],
    hsPrefixes: ['200599'],
    words: ['kimchi', '김치'],
    reason: 'Vietnam: kimchi is not accepted by EMS',
  },
  {
    id: 'id-cosmetics-cap',
    effect: 'destination',
    countries: ['ID'],
    hsPrefixes: ['3303', '3304', '3305', '3306', '3307'],
    maxPieces: 20,
    reason: 'Indonesia (Permendag 7/2024): at most 20 pieces of cosmetics per shipment',
  },
];

export const RESTRICTION_SOURCE = restricted.source;

function wordHit(text: string, word: string): boolean {
  if (/[가-힣]/.test(word)) return text.includes(word);
  return new RegExp(`(^|[^a-z])${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^a-z])`).test(text);
}

export interface RestrictionHit {
  rule: RestrictionRule;
  items: string[];
}

/** The rules a set of items (going to `country`) runs into. */
export function restrictionsFor(items: readonly RestrictionItem[], country: string): RestrictionHit[] {
  const out: RestrictionHit[] = [];
  for (const rule of RESTRICTION_RULES) {
    if (rule.countries && !rule.countries.includes(country)) continue;
    const matched = items.filter((i) => {
      const hs = (i.hsCode ?? '').replace(/\D/g, '');
      if (hs && rule.hsPrefixes?.some((p) => hs.startsWith(p))) return true;
      const text = `${i.description} ${i.descriptionKo ?? ''}`.toLowerCase();
      return rule.words?.some((w) => wordHit(text, w)) ?? false;
    });
    if (matched.length === 0) continue;
    if (rule.maxPieces !== undefined && matched.reduce((n, i) => n + i.quantity, 0) <= rule.maxPieces)
      continue;
    out.push({ rule, items: matched.map((i) => i.description) });
  }
  return out;
}
