/** Baby templates: diapers, wipes, bottles, clothes, toys, baby skin care. */
import { colors, flat, KIDS_SIZES } from './axes.ts';
import { goodsAttributes, MOSTLY_KOREA } from './goods.ts';
import type { ProductTemplate } from './template.ts';
import { kcNumber, recentDate } from './template.ts';

const baby = {
  category: 'baby',
  origins: MOSTLY_KOREA,
  lines: [] as string[],
  optionPlans: [[[], 1]],
} as const;

function babyAttributes(materials: readonly string[], ages: readonly string[], kcPrefix: string) {
  return goodsAttributes(materials, (rng) => ({
    사용연령: rng.pick(ages),
    KC인증: kcNumber(rng, kcPrefix),
    제조일자: recentDate(rng),
  }));
}

export const BABY: readonly ProductTemplate[] = [
  {
    ...baby,
    path: '출산/육아 > 기저귀 > 팬티형 기저귀',
    nouns: ['팬티형 기저귀', '밴드형 기저귀', '기저귀'],
    brands: [
      ['하기스', '유한킴벌리(주)', ['맥스드라이', '네이처메이드', '에어솔솔']],
      ['보솜이', '깨끗한나라(주)', ['천연코튼', '리얼코튼']],
      ['마미포코', '엘지유니참(주)', ['360 핏']],
    ],
    features: ['1박스', '남녀공용', '여름용', '특가'],
    tags: ['[박스특가]', '[정품]'],
    spec: { name: '구성', values: ['1팩', '2팩', '4팩(1박스)'], optionChance: 0.35, scale: 0.9 },
    optionPlans: [
      [
        [
          flat(
            '사이즈',
            ['1단계(신생아)', '2단계(소형)', '3단계(중형)', '4단계(대형)', '5단계(특대형)', '6단계(점보)'],
            2,
            4,
          ),
        ],
        0.8,
      ],
      [[], 0.2],
    ],
    price: [15900, 34900],
    weightG: [900, 4800],
    box: [45, 35, 25],
    hsCode: '961900',
    pitch: ['부드러운 안감과 빠른 흡수층으로 밤새 보송보송하게 지켜줍니다.'],
    attributes: babyAttributes(
      ['부직포, 흡수체(펄프, 고흡수성수지)'],
      ['신생아부터', '6개월 이상', '12개월 이상'],
      'CB063R',
    ),
  },
  {
    ...baby,
    path: '출산/육아 > 물티슈 > 캡형 물티슈',
    nouns: ['물티슈', '아기물티슈', '캡형 물티슈'],
    brands: [
      ['몽드드', '(주)몽드드', ['오리지널', '엠보싱']],
      ['순둥이', '(주)호수의나라수오미', ['베이직', '프리미엄 엠보싱']],
      ['베베숲', '(주)베베숲', ['시그니처', '센서티브']],
    ],
    features: ['무향', '도톰한', '대용량', '1박스'],
    tags: ['[박스특가]'],
    spec: {
      name: '구성',
      values: ['70매 x 10팩', '70매 x 20팩', '100매 x 10팩'],
      optionChance: 0.4,
      scale: 0.9,
    },
    price: [12900, 26900],
    weightG: [3000, 7000],
    box: [45, 30, 25],
    hsCode: '330790',
    pitch: ['정제수 99% 이상, 피부 자극 테스트를 완료한 순한 물티슈입니다.'],
    attributes: babyAttributes(['레이온, 폴리에스터, 정제수'], ['신생아부터'], 'CB113R'),
  },
  {
    ...baby,
    path: '출산/육아 > 수유용품 > 젖병',
    nouns: ['젖병', 'PPSU 젖병', '유리 젖병'],
    brands: [
      ['모윰', '(주)모윰', ['올인원', 'PPSU']],
      ['더블하트', '한국피죤(주)', ['모유실감 3세대']],
      ['유피스', '(주)유피스', ['원터치']],
    ],
    features: ['트윈팩', '출산선물', '배앓이 방지'],
    spec: { name: '용량', values: ['160ml', '240ml', '280ml', '330ml'], optionChance: 0.45, scale: 0.15 },
    optionPlans: [
      [[colors(2, 4, ['클리어', '베이지', '그린', '핑크', '스카이블루'])], 0.5],
      [[], 0.5],
    ],
    price: [12900, 32900],
    weightG: [120, 400],
    box: [12, 8, 20],
    hsCode: '392490',
    pitch: ['엄마 젖과 비슷한 부드러운 젖꼭지로 혼합수유에도 거부감이 적습니다.'],
    attributes: babyAttributes(
      ['PPSU, 실리콘', '폴리프로필렌(PP), 실리콘'],
      ['0개월 이상', '3개월 이상'],
      'CB113R',
    ),
  },
  {
    ...baby,
    path: '출산/육아 > 유아동의류 > 내의/잠옷',
    nouns: ['내복', '실내복', '잠옷 세트'],
    brands: [
      ['블루독', '(주)서양네트웍스', ['베이비']],
      ['', '', []],
    ],
    lines: ['오가닉 코튼', '수면', '순면', '기모'],
    features: ['상하복', '사계절', '출산 선물'],
    optionPlans: [
      [[flat('디자인', ['곰돌이', '공룡', '토끼', '스트라이프', '별', '구름'], 2, 2), KIDS_SIZES], 0.4],
      [[KIDS_SIZES], 0.6],
    ],
    price: [12900, 29800],
    weightG: [150, 350],
    box: [25, 20, 4],
    hsCode: '611120',
    pitch: ['무형광 순면 원단으로 아기 피부에 닿아도 안심입니다.'],
    attributes: babyAttributes(
      ['면 100%', '오가닉 코튼 100%'],
      ['6개월 이상', '12개월 이상', '24개월 이상'],
      'CB061R',
    ),
  },
  {
    ...baby,
    path: '출산/육아 > 완구/교구 > 블록',
    nouns: ['블록', '블럭 세트', '자석 블록'],
    brands: [
      ['옥스포드', '(주)옥스포드', ['캐슬', '시티', '토이']],
      ['영실업', '영실업(주)', ['또봇', '콩순이']],
      ['', '', []],
    ],
    lines: ['대형', '말랑', '창의력'],
    features: ['어린이날 선물', '남아', '여아', '교구'],
    spec: { name: '구성', values: ['60pcs', '100pcs', '200pcs'], optionChance: 0.25, scale: 0.6 },
    price: [14900, 59000],
    weightG: [400, 2500],
    box: [40, 30, 15],
    hsCode: '950300',
    pitch: ['모서리가 둥근 블록으로 손이 작은 아이도 쉽게 끼우고 뺄 수 있습니다.'],
    attributes: babyAttributes(['ABS 수지'], ['3세 이상', '4세 이상', '6세 이상'], 'CB061R'),
  },
  {
    ...baby,
    path: '출산/육아 > 유아스킨케어 > 로션/크림',
    nouns: ['베이비 로션', '아기 크림', '베이비 밤'],
    brands: [
      ['궁중비책', '(주)제로투세븐', ['프리뮨', '모이스처']],
      ['아토팜', '(주)네오팜', ['MLE 크림', '톡톡 페이셜']],
      ['닥터아토', '(주)닥터아토', ['키즈']],
    ],
    features: ['저자극', '대용량', '보습'],
    spec: { name: '용량', values: ['150ml', '250ml', '500ml'], optionChance: 0.3, scale: 0.5 },
    price: [12900, 32900],
    weightG: [180, 620],
    box: [8, 6, 18],
    hsCode: '330499',
    origins: [['대한민국', 1]],
    pitch: ['민감한 아기 피부를 위한 저자극 포뮬러, 하루 종일 촉촉함이 유지됩니다.'],
    attributes: (rng, origin) => ({
      제조일자: recentDate(rng),
      사용기한: '제조일로부터 30개월',
      사용연령: '신생아부터',
      제조국: origin,
    }),
  },
];
