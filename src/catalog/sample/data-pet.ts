/** Pet templates: food, treats, pads, cat litter, harnesses. */
import { colors, flat } from './axes.ts';
import type { Rng } from './prng.ts';
import type { ProductTemplate } from './template.ts';
import { recentDate } from './template.ts';

function petFoodAttributes(ingredients: readonly string[], origins: readonly string[]) {
  return (rng: Rng): Record<string, string> => ({
    원산지: rng.pick(origins),
    원재료: rng.pick(ingredients),
    사용연령: rng.pick(['전연령', '퍼피(1세 미만)', '어덜트(1~7세)', '시니어(7세 이상)']),
    제조일자: recentDate(rng),
    소비기한: rng.pick(['제조일로부터 18개월', '제조일로부터 12개월']),
  });
}

const HARNESS_SIZES = { ...flat('사이즈', ['S', 'M', 'L', 'XL'], 3, 4), ordered: true };

const pet = {
  category: 'pet',
  origins: [['대한민국', 1]],
  lines: [] as string[],
  optionPlans: [[[], 1]],
  tags: ['[정품]', '[사은품증정]'],
} as const;

export const PET: readonly ProductTemplate[] = [
  {
    ...pet,
    path: '반려동물 > 강아지 > 사료',
    nouns: ['강아지 사료', '건식 사료', '소프트 사료'],
    brands: [
      ['네츄럴코어', '(주)네츄럴코어', ['에코 유기농', '베네 M50']],
      ['더리얼', '(주)하림펫푸드', ['크런치 닭고기', '그레인프리']],
      ['ANF', '(주)에이엔에프', ['6free 플러스', '유기농 소고기']],
    ],
    features: ['전연령', '눈물 개선', '관절 케어', '소형견'],
    spec: { name: '중량', values: ['1.2kg', '2kg', '2.4kg', '6kg', '10kg'], optionChance: 0.35, scale: 0.6 },
    optionPlans: [
      [[], 0.6],
      [[flat('맛', ['닭고기', '연어', '오리', '양고기', '소고기'], 2, 3)], 0.4],
    ],
    price: [14900, 49000],
    weightG: [1300, 10500],
    box: [40, 28, 12],
    hsCode: '230910',
    pitch: ['사람이 먹을 수 있는 등급의 원료로 만든 사료로 기호성이 뛰어납니다.'],
    attributes: petFoodAttributes(
      ['닭고기(국내산) 30%, 현미, 귀리, 연어오일, 비타민 혼합제', '연어(노르웨이산), 완두콩, 감자, 어유'],
      ['닭고기(국내산)', '연어(노르웨이산), 제조: 국내'],
    ),
  },
  {
    ...pet,
    path: '반려동물 > 강아지 > 간식 > 육포/저키',
    nouns: ['강아지 간식', '육포', '저키', '덴탈껌'],
    brands: [
      ['강아지대통령', '(주)펫모닝', ['수제', '순살']],
      ['도그포레스트', '(주)도그포레스트', ['동결건조', '져키']],
      ['', '', []],
    ],
    lines: ['수제', '무첨가', '동결건조'],
    features: ['대용량', '훈련용', '소형견'],
    spec: { name: '중량', values: ['100g', '300g', '500g', '1kg'], optionChance: 0.4, scale: 0.7 },
    optionPlans: [
      [[flat('맛', ['닭가슴살', '오리', '소고기', '연어', '고구마'], 2, 4)], 0.6],
      [[], 0.4],
    ],
    price: [5900, 19900],
    weightG: [120, 1100],
    box: [25, 18, 6],
    hsCode: '230910',
    pitch: ['국내산 원료만 저온에서 천천히 건조해 영양과 향을 살렸습니다.'],
    attributes: petFoodAttributes(
      ['닭가슴살(국내산) 100%', '오리고기(국내산) 95%, 고구마(국내산) 5%'],
      ['국내산'],
    ),
  },
  {
    ...pet,
    path: '반려동물 > 강아지 > 배변용품 > 배변패드',
    nouns: ['배변패드', '강아지 패드', '배변 시트'],
    brands: [
      ['펫모닝', '(주)펫모닝', ['4겹 항균']],
      ['', '', []],
    ],
    lines: ['4겹', '항균', '소취'],
    features: ['대용량', '초흡수', '1박스'],
    spec: { name: '구성', values: ['50매', '100매', '200매', '400매'], optionChance: 0.4, scale: 0.9 },
    optionPlans: [
      [[flat('사이즈', ['일반형(40x50cm)', '대형(50x60cm)', '초대형(60x80cm)'], 2, 3)], 0.5],
      [[], 0.5],
    ],
    price: [9900, 29900],
    weightG: [1200, 6500],
    box: [45, 35, 20],
    // No HS code: pads for pets are classified differently by different customs offices.
    pitch: ['빠르게 흡수하고 역류 없이 냄새를 잡아주는 4겹 구조 배변패드입니다.'],
    attributes: (rng, origin) => ({
      소재: '부직포, 펄프, 고흡수성수지(SAP)',
      제조국: origin,
      제조일자: recentDate(rng),
    }),
  },
  {
    ...pet,
    path: '반려동물 > 고양이 > 모래',
    nouns: ['고양이 모래', '벤토나이트 모래', '응고형 모래'],
    brands: [
      ['캣츠랑', '(주)대한사료', ['클린']],
      ['', '', []],
    ],
    lines: ['먼지 없는', '무향', '가는입자'],
    features: ['대용량', '탈취', '응고력'],
    spec: { name: '중량', values: ['2.8kg', '5kg', '7kg', '10kg'], optionChance: 0.4, scale: 0.6 },
    price: [8900, 22900],
    weightG: [3000, 10500],
    box: [35, 25, 20],
    hsCode: '250810',
    origins: [
      ['대한민국', 1],
      ['중국', 1],
    ],
    pitch: ['빠르게 단단히 뭉쳐 청소가 쉽고 먼지 날림이 적습니다.'],
    attributes: (rng, origin) => ({ 소재: '벤토나이트 100%', 제조국: origin, 제조일자: recentDate(rng) }),
  },
  {
    ...pet,
    path: '반려동물 > 강아지 > 산책용품 > 하네스/리드줄',
    nouns: ['하네스', '리드줄', '하네스 리드줄 세트'],
    brands: [['', '', []]],
    lines: ['조끼형', '쿠션', '반사띠'],
    features: ['소형견', '중형견', '산책'],
    optionPlans: [
      [[colors(2, 3, ['레드', '네이비', '핑크', '옐로우', '블랙', '민트']), HARNESS_SIZES], 0.3],
      [[HARNESS_SIZES], 0.7],
    ],
    price: [9900, 29000],
    weightG: [80, 250],
    box: [20, 15, 4],
    hsCode: '420100',
    origins: [
      ['중국', 2],
      ['대한민국', 1],
    ],
    pitch: ['가슴을 넓게 감싸 목에 부담이 없고 반사띠로 밤 산책도 안전합니다.'],
    attributes: (rng, origin) => ({
      소재: '폴리에스터, 메쉬, ABS 버클',
      제조국: origin,
      제조일자: recentDate(rng).slice(0, 7),
    }),
  },
];
