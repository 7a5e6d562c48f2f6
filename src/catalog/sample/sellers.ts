/**
 * Sample sellers: Korean company names (주식회사 …, …상회), contacts and valid 사업자등록번호. Each seller
 * specialises in one or two categories, as real open-market sellers do.
 */
import type { SellerRecord } from '../catalog-record.ts';
import { bizNoCheckDigit } from '../biz-no.ts';
import type { Rng } from './prng.ts';
import { createRng } from './prng.ts';
import type { SampleCategory } from './template.ts';
import { SAMPLE_CATEGORIES } from './template.ts';

/** A seller plus what the generator needs: a SKU prefix and the category mix of its catalog. */
export interface SampleSeller {
  record: SellerRecord;
  /** Upper-case SKU prefix, e.g. DAON. */
  code: string;
  /** Probability per category; sums to 1. */
  mix: readonly (readonly [SampleCategory, number])[];
}

/** Share of each category across the whole sample (beauty and food lead Korean exports). */
export const CATEGORY_WEIGHTS: readonly (readonly [SampleCategory, number])[] = [
  ['beauty', 22],
  ['food', 18],
  ['fashion', 18],
  ['shoes', 7],
  ['home', 12],
  ['baby', 8],
  ['pet', 8],
  ['electronics', 7],
];

/** Name stems with their romanisation, for e-mail domains and SKU prefixes. */
const STEMS: readonly (readonly [string, string])[] = [
  ['한빛', 'hanbit'],
  ['다온', 'daon'],
  ['누리', 'nuri'],
  ['소담', 'sodam'],
  ['미소', 'miso'],
  ['가온', 'gaon'],
  ['라온', 'raon'],
  ['온누리', 'onnuri'],
  ['하늘', 'haneul'],
  ['보람', 'boram'],
  ['새봄', 'saebom'],
  ['청담', 'cheongdam'],
  ['제일', 'jeil'],
  ['대성', 'daesung'],
  ['삼정', 'samjeong'],
  ['동방', 'dongbang'],
  ['유진', 'yujin'],
  ['예담', 'yedam'],
  ['늘품', 'neulpum'],
  ['한결', 'hangyeol'],
  ['초록', 'chorok'],
  ['푸른', 'pureun'],
  ['별빛', 'byeolbit'],
  ['바른', 'bareun'],
  ['모아', 'moa'],
  ['아름', 'areum'],
  ['나래', 'narae'],
  ['세움', 'seum'],
  ['해든', 'haedeun'],
  ['은하', 'eunha'],
  ['우리', 'uri'],
  ['대한', 'daehan'],
];

const SUFFIXES: Record<SampleCategory | 'any', readonly (readonly [string, string])[]> = {
  beauty: [
    ['코스메틱', 'cosmetic'],
    ['뷰티', 'beauty'],
    ['랩', 'lab'],
  ],
  food: [
    ['푸드', 'food'],
    ['식품', 'foods'],
    ['농산', 'farm'],
  ],
  fashion: [
    ['패션', 'fashion'],
    ['어패럴', 'apparel'],
    ['스타일', 'style'],
  ],
  shoes: [
    ['슈즈', 'shoes'],
    ['제화', 'shoes'],
  ],
  home: [
    ['리빙', 'living'],
    ['생활산업', 'life'],
    ['홈', 'home'],
  ],
  baby: [
    ['베이비', 'baby'],
    ['키즈', 'kids'],
    ['맘', 'mom'],
  ],
  pet: [
    ['펫', 'pet'],
    ['펫푸드', 'petfood'],
  ],
  electronics: [
    ['디지털', 'digital'],
    ['테크', 'tech'],
    ['전자', 'elec'],
  ],
  any: [
    ['유통', 'dist'],
    ['컴퍼니', 'company'],
    ['트레이딩', 'trading'],
    ['글로벌', 'global'],
    ['상사', 'sangsa'],
  ],
};

const SURNAMES = ['김', '이', '박', '최', '정', '강', '조', '윤', '장', '임', '한', '오', '서', '신', '권'];
const GIVEN = [
  '민준',
  '서연',
  '지훈',
  '하은',
  '도윤',
  '수빈',
  '예준',
  '지우',
  '현우',
  '서윤',
  '성민',
  '유진',
  '영희',
];

/** A valid 사업자등록번호: tax-office code, 81/86/87/88 for corporations or 01–79 for sole traders. */
function bizNo(rng: Rng, corporate: boolean): string {
  const office = String(rng.int(101, 899));
  const kind = corporate ? rng.pick(['81', '86', '87', '88']) : String(rng.int(1, 79)).padStart(2, '0');
  const nine = office + kind + String(rng.int(0, 9999)).padStart(4, '0');
  return nine + String(bizNoCheckDigit(nine));
}

function phone(rng: Rng, corporate: boolean): string {
  const area = corporate ? rng.pick(['02', '031', '032', '051', '070']) : rng.pick(['010', '070', '031']);
  const mid = area === '02' ? String(rng.int(200, 9999)) : String(rng.int(2000, 9999));
  return `${area}-${mid}-${String(rng.int(0, 9999)).padStart(4, '0')}`;
}

function categoryMix(rng: Rng): SampleSeller['mix'] {
  const primary = rng.weighted(CATEGORY_WEIGHTS.map(([c, w]) => [c, w] as const));
  const secondary = rng.chance(0.5) ? rng.pick(SAMPLE_CATEGORIES.filter((c) => c !== primary)) : undefined;
  const rest = secondary ? 0.1 : 0.15;
  return SAMPLE_CATEGORIES.map((c) => {
    const own = c === primary ? (secondary ? 0.7 : 0.85) : c === secondary ? 0.2 : 0;
    return [c, own + rest / SAMPLE_CATEGORIES.length] as const;
  });
}

/** `count` sellers for `seed`; the same seed always gives the same sellers, names and numbers unique. */
export function generateSellers(seed: string, count: number): SampleSeller[] {
  const sellers: SampleSeller[] = [];
  const names = new Set<string>();
  const numbers = new Set<string>();
  const codes = new Set<string>();
  for (let i = 0; i < count; i++) {
    const rng = createRng(seed, 0, i);
    const mix = categoryMix(rng);
    const primary = mix.reduce((a, b) => (b[1] > a[1] ? b : a))[0];
    const corporate = rng.chance(0.6);
    let name = '';
    let en = '';
    for (let attempt = 0; attempt < 20 && (name === '' || names.has(name)); attempt++) {
      const [stemKo, stemEn] = rng.pick(STEMS);
      // Sole traders are often a plain …상회 (general store), whatever they sell.
      const [sufKo, sufEn] =
        !corporate && rng.chance(0.4)
          ? ['상회', 'sanghoe']
          : rng.pick(rng.chance(0.75) ? SUFFIXES[primary] : SUFFIXES.any);
      en = stemEn + sufEn;
      const company = stemKo + sufKo;
      name = corporate
        ? rng.weighted([
            [`주식회사 ${company}`, 5],
            [`(주)${company}`, 3],
            [`${company} 주식회사`, 1],
          ])
        : company;
    }
    // Past the retries, a number keeps the name unique (as sellers do: 다온코스메틱2).
    if (names.has(name)) name = `${name}${i + 1}`;
    names.add(name);
    let no = bizNo(rng, corporate);
    while (numbers.has(no)) no = bizNo(rng, corporate);
    numbers.add(no);
    const base = en
      .replace(/[^a-z]/g, '')
      .slice(0, 4)
      .toUpperCase();
    let code = base;
    for (let n = 2; codes.has(code); n++) code = `${base}${n}`;
    codes.add(code);
    const contactName = rng.pick(SURNAMES) + rng.pick(GIVEN);
    const contactEmail = corporate
      ? `${rng.pick(['cs', 'help', 'sales', 'order'])}@${en}.co.kr`
      : `${en}${rng.int(1, 99)}@${rng.pick(['naver.com', 'gmail.com', 'daum.net'])}`;
    sellers.push({
      record: { bizNo: no, name, contactName, contactEmail, contactPhone: phone(rng, corporate) },
      code,
      mix,
    });
  }
  return sellers;
}
