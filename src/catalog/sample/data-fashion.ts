/** Fashion templates: apparel (color × size options) and shoes (230–280 mm sizes). */
import {
  colors,
  flat,
  KIDS_SIZES,
  MEN_KS_SIZES,
  MEN_SIZES,
  UNISEX_SIZES,
  WAIST_INCH_SIZES,
  WOMEN_KR_SIZES,
  WOMEN_LETTER_SIZES,
} from './axes.ts';
import type { Rng } from './prng.ts';
import type { ProductTemplate } from './template.ts';
import { recentDate } from './template.ts';

/** Open-market fashion is mostly own labels, often made in China or Vietnam. */
const LABELS: readonly (readonly [string, string])[] = [
  ['데일리먼트', ''],
  ['모던스티치', ''],
  ['어반코드', ''],
  ['베이직하우스', '(주)더베이직하우스'],
  ['스파오', '(주)이랜드월드'],
  ['탑텐', '(주)신성통상'],
  ['자체제작', ''],
  ['', ''],
];

const APPAREL_ORIGINS: readonly (readonly [string, number])[] = [
  ['중국', 4],
  ['대한민국', 3],
  ['베트남', 2],
];

const WASH = [
  '30도 이하 단독 손세탁',
  '드라이클리닝 권장',
  '세탁망 사용, 건조기 사용 금지',
  '중성세제 울코스 세탁',
];

function apparelAttributes(materials: readonly string[]) {
  return (rng: Rng, origin: string): Record<string, string> => ({
    소재: rng.pick(materials),
    세탁방법: rng.pick(WASH),
    제조국: origin,
    제조일자: recentDate(rng).slice(0, 7),
  });
}

const apparel = {
  category: 'fashion',
  brands: LABELS,
  origins: APPAREL_ORIGINS,
  tags: ['[1+1]', '[빅사이즈]', '[국내제작]', '[당일출고]'],
} as const;

export const FASHION: readonly ProductTemplate[] = [
  {
    ...apparel,
    path: '패션의류 > 남성의류 > 바지 > 트레이닝/조거팬츠',
    targets: ['남성', '남자', '남녀공용'],
    nouns: ['조거팬츠', '트레이닝 바지', '츄리닝 바지'],
    lines: ['기모', '밴딩', '쭈리', '와이드', '카고'],
    features: ['빅사이즈', '데일리', '편한', '사계절'],
    optionPlans: [
      [[colors(2, 3), MEN_SIZES], 0.5],
      [[MEN_SIZES], 0.2],
      [[colors(3, 5)], 0.3],
    ],
    price: [12900, 32900],
    weightG: [350, 650],
    box: [30, 25, 5],
    hsCode: '610343',
    pitch: ['허리 밴딩과 넉넉한 핏으로 편하게 입기 좋은 데일리 조거팬츠입니다.'],
    attributes: apparelAttributes(['폴리에스터 95%, 스판덱스 5%', '면 80%, 폴리에스터 20%']),
  },
  {
    ...apparel,
    path: '패션의류 > 공용의류 > 맨투맨/후드',
    targets: ['남녀공용', '커플', '남성', '여성'],
    nouns: ['맨투맨', '후드티', '후드집업'],
    lines: ['오버핏', '기모', '레터링', '무지', '쭈리'],
    features: ['빅사이즈', '커플룩', '데일리'],
    optionPlans: [
      [[colors(2, 3), UNISEX_SIZES], 0.4],
      [[UNISEX_SIZES], 0.2],
      [[colors(3, 5)], 0.4],
    ],
    price: [14900, 39800],
    weightG: [400, 800],
    box: [32, 26, 6],
    hsCode: '611020',
    pitch: ['탄탄한 원단과 여유 있는 오버핏으로 단독으로도 레이어드로도 좋습니다.'],
    attributes: apparelAttributes(['면 100%', '면 70%, 폴리에스터 30%']),
  },
  {
    ...apparel,
    path: '패션의류 > 공용의류 > 티셔츠 > 반팔티셔츠',
    targets: ['남녀공용', '남성', '여성'],
    nouns: ['반팔티', '라운드 티셔츠', '반팔 티셔츠'],
    lines: ['무지', '코튼', '20수', '30수', '오버핏'],
    features: ['여름', '쿨', '이너', '데일리'],
    optionPlans: [
      [[colors(2, 3), UNISEX_SIZES], 0.4],
      [[UNISEX_SIZES], 0.2],
      [[colors(3, 6)], 0.4],
    ],
    price: [6900, 19800],
    weightG: [150, 300],
    box: [28, 22, 3],
    hsCode: '610910',
    pitch: ['목 늘어남 없는 탄탄한 면 원단, 세탁 후에도 변형이 적습니다.'],
    attributes: apparelAttributes(['면 100%', '면 95%, 스판덱스 5%']),
  },
  {
    ...apparel,
    path: '패션의류 > 여성의류 > 원피스',
    targets: ['여성'],
    nouns: ['원피스', '롱원피스', '셔츠원피스'],
    lines: ['플라워', '린넨', '쉬폰', '하객룩', '데일리'],
    features: ['루즈핏', '허리끈', '봄 신상', '빅사이즈'],
    optionPlans: [
      [[colors(2, 3), WOMEN_KR_SIZES], 0.3],
      [[colors(2, 3), WOMEN_LETTER_SIZES], 0.3],
      [[colors(2, 4)], 0.4],
    ],
    price: [19800, 59000],
    weightG: [250, 550],
    box: [30, 25, 4],
    hsCode: '620444',
    pitch: ['하늘하늘한 원단과 여유 있는 핏으로 체형 커버에 좋은 원피스입니다.'],
    attributes: apparelAttributes(['레이온 100%', '폴리에스터 100%', '린넨 55%, 레이온 45%']),
  },
  {
    ...apparel,
    path: '패션의류 > 여성의류 > 니트/가디건',
    targets: ['여성'],
    nouns: ['니트', '가디건', '폴라 니트'],
    lines: ['꽈배기', '울 혼방', '루즈핏', '크롭', '캐시미어 터치'],
    features: ['FREE', '간절기', '데일리'],
    optionPlans: [
      [[colors(3, 6)], 0.7],
      [[colors(2, 3), WOMEN_LETTER_SIZES], 0.3],
    ],
    price: [16900, 45000],
    weightG: [280, 600],
    box: [30, 25, 6],
    hsCode: '611030',
    pitch: ['부드러운 촉감과 보풀이 적은 원사로 오래 입기 좋은 니트입니다.'],
    attributes: apparelAttributes(['아크릴 60%, 나일론 30%, 울 10%', '폴리에스터 70%, 울 30%']),
  },
  {
    ...apparel,
    path: '패션의류 > 남성의류 > 아우터 > 패딩',
    targets: ['남성', '남녀공용'],
    nouns: ['숏패딩', '롱패딩', '경량패딩 조끼', '패딩 점퍼'],
    lines: ['구스다운', '덕다운', '후드', '경량'],
    features: ['겨울', '빅사이즈', '방풍'],
    optionPlans: [
      [[colors(2, 3), MEN_KS_SIZES], 0.4],
      [[MEN_KS_SIZES], 0.3],
      [[colors(2, 3), MEN_SIZES], 0.3],
    ],
    price: [39000, 159000],
    weightG: [600, 1600],
    box: [40, 30, 12],
    hsCode: '620140',
    pitch: ['가볍고 따뜻한 충전재로 한겨울에도 든든한 패딩입니다.'],
    attributes: apparelAttributes([
      '겉감: 나일론 100% / 충전재: 오리털 80%, 깃털 20%',
      '겉감: 폴리에스터 100% / 충전재: 폴리에스터',
    ]),
  },
  {
    ...apparel,
    path: '패션의류 > 여성의류 > 바지 > 슬랙스',
    targets: ['여성'],
    nouns: ['슬랙스', '와이드 슬랙스', '부츠컷 팬츠'],
    lines: ['하이웨스트', '밴딩', '기모', '핀턱'],
    features: ['롱', '키작녀', '빅사이즈', '오피스룩'],
    optionPlans: [
      [[colors(2, 3), WAIST_INCH_SIZES], 0.3],
      [[WAIST_INCH_SIZES], 0.3],
      [[colors(2, 3), WOMEN_LETTER_SIZES], 0.4],
    ],
    price: [19800, 42000],
    weightG: [300, 550],
    box: [30, 25, 5],
    hsCode: '620463',
    pitch: ['허리는 잡아주고 다리는 곧게 떨어지는 핏으로 출근룩에 딱입니다.'],
    attributes: apparelAttributes(['폴리에스터 78%, 레이온 19%, 스판덱스 3%']),
  },
  {
    ...apparel,
    path: '패션잡화 > 양말/스타킹 > 양말',
    targets: ['남녀공용', '남성', '여성', '아동'],
    nouns: ['양말', '발목양말', '장목양말', '덧신'],
    lines: ['무지', '쿠션', '면', '스포츠'],
    features: ['세트', '국내생산', '사계절'],
    spec: { name: '구성', values: ['5켤레', '10켤레', '20켤레'], optionChance: 0.4, scale: 0.8 },
    optionPlans: [
      [[colors(2, 4)], 0.5],
      [[], 0.3],
      [[flat('사이즈', ['220~250mm', '250~280mm'], 2, 2)], 0.2],
    ],
    price: [6900, 15900],
    weightG: [150, 500],
    box: [22, 15, 5],
    hsCode: '611595',
    pitch: ['땀 흡수가 좋은 면 원사로 하루 종일 쾌적한 양말입니다.'],
    attributes: apparelAttributes(['면 80%, 나일론 18%, 스판덱스 2%']),
  },
  {
    ...apparel,
    path: '패션의류 > 아동의류 > 상하복세트',
    targets: ['아동', '주니어'],
    nouns: ['트레이닝 세트', '상하복 세트', '맨투맨 세트'],
    lines: ['기모', '쭈리', '캐릭터'],
    features: ['남아', '여아', '키즈'],
    optionPlans: [
      [[colors(2, 3), KIDS_SIZES], 0.6],
      [[KIDS_SIZES], 0.4],
    ],
    price: [16900, 39000],
    weightG: [250, 500],
    box: [28, 22, 5],
    hsCode: '611020',
    pitch: ['활동량 많은 아이들을 위해 신축성 좋은 원단으로 만들었습니다.'],
    attributes: apparelAttributes(['면 100%', '면 65%, 폴리에스터 35%']),
  },
];
