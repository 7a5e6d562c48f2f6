/** Shoe templates: Korean sizes in mm (230–280, 5 mm steps), sometimes combined with a colour. */
import { colors, shoeSizes } from './axes.ts';
import type { Rng } from './prng.ts';
import type { ProductTemplate } from './template.ts';
import { recentDate } from './template.ts';

const SHOE_BRANDS: readonly (readonly [string, string])[] = [
  ['프로스펙스', '(주)LS네트웍스'],
  ['르까프', '(주)화승'],
  ['휠라', '(주)휠라코리아'],
  ['스베누', '(주)스베누'],
  ['자체제작', ''],
  ['', ''],
];

const SHOE_ORIGINS: readonly (readonly [string, number])[] = [
  ['중국', 4],
  ['베트남', 3],
  ['대한민국', 2],
  ['인도네시아', 1],
];

function shoeAttributes(uppers: readonly string[]) {
  return (rng: Rng, origin: string): Record<string, string> => ({
    소재: `갑피: ${rng.pick(uppers)} / 밑창: ${rng.pick(['고무', 'EVA', 'TPR', 'PU'])}`,
    제조국: origin,
    제조일자: recentDate(rng).slice(0, 7),
  });
}

/** Shoe sizes: women 230–250, men 250–280, unisex 230–280; sellers write '230' or '230mm'. */
const SHOE_PLANS = [
  [[shoeSizes(230, 250, '', [4, 5], '여성')], 0.3],
  [[shoeSizes(250, 280, 'mm', [5, 7], '남성')], 0.3],
  [[shoeSizes(230, 280, '', [5, 8], '남녀공용')], 0.2],
  [
    [
      colors(2, 2, ['블랙', '화이트', '그레이', '베이지', '네이비']),
      shoeSizes(230, 280, 'mm', [3, 5], '남녀공용'),
    ],
    0.2,
  ],
] as const;

const shoe = {
  category: 'shoes',
  brands: SHOE_BRANDS,
  origins: SHOE_ORIGINS,
  tags: ['[당일발송]', '[정품]'],
} as const;

export const SHOES: readonly ProductTemplate[] = [
  {
    ...shoe,
    path: '패션잡화 > 신발 > 운동화/스니커즈',
    nouns: ['스니커즈', '운동화', '러닝화', '워킹화'],
    lines: ['경량', '쿠션', '통굽', '키높이', '메모리폼'],
    features: ['발편한', '데일리', '커플'],
    optionPlans: SHOE_PLANS,
    price: [29000, 89000],
    weightG: [550, 1100],
    box: [33, 21, 12],
    hsCode: '640411',
    pitch: ['발을 편안하게 감싸는 쿠션 인솔로 오래 걸어도 피로가 적습니다.', '정사이즈로 주문하세요.'],
    attributes: shoeAttributes(['메쉬', '니트', '캔버스']),
  },
  {
    ...shoe,
    path: '패션잡화 > 신발 > 슬리퍼/샌들',
    nouns: ['슬리퍼', '샌들', '아쿠아슈즈', '쪼리'],
    lines: ['푹신한', '경량', '미끄럼방지', '욕실'],
    features: ['여름', '실내외 겸용', '커플'],
    optionPlans: SHOE_PLANS,
    price: [9900, 29000],
    weightG: [250, 600],
    box: [30, 18, 10],
    hsCode: '640299',
    pitch: ['가볍고 물에 강한 소재로 해변, 욕실, 산책 어디서나 편하게 신을 수 있습니다.'],
    attributes: shoeAttributes(['EVA', 'PVC', '고무']),
  },
  {
    ...shoe,
    path: '패션잡화 > 신발 > 구두/로퍼',
    nouns: ['로퍼', '옥스퍼드 구두', '정장 구두', '메리제인'],
    lines: ['소가죽', '천연가죽', '키높이', '쿠션 깔창'],
    features: ['출근룩', '발편한', '하객'],
    optionPlans: SHOE_PLANS,
    price: [39000, 129000],
    weightG: [600, 1200],
    box: [32, 20, 12],
    hsCode: '640399',
    pitch: ['부드러운 천연 소가죽으로 발볼이 편하고 오래 신어도 형태가 유지됩니다.'],
    attributes: shoeAttributes(['소가죽', '합성피혁']),
  },
  {
    ...shoe,
    path: '패션잡화 > 신발 > 부츠',
    nouns: ['어그부츠', '첼시부츠', '워커'],
    lines: ['양털', '기모', '소가죽', '방한'],
    features: ['겨울', '미끄럼방지', '발편한'],
    optionPlans: SHOE_PLANS,
    price: [39000, 119000],
    weightG: [800, 1600],
    box: [35, 25, 14],
    hsCode: '640391',
    pitch: ['발목까지 따뜻하게 감싸 주는 안감과 미끄럼방지 밑창으로 겨울 필수템입니다.'],
    attributes: shoeAttributes(['소가죽', '스웨이드', '양가죽']),
  },
];
