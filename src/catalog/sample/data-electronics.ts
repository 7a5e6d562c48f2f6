/** Electronics-accessory templates: phone cases, cables, chargers, power banks, holders. */
import { colors, flat } from './axes.ts';
import type { Rng } from './prng.ts';
import type { ProductTemplate } from './template.ts';
import { kcNumber } from './template.ts';

const DIGITAL_ORIGINS: readonly (readonly [string, number])[] = [
  ['중국', 4],
  ['대한민국', 1],
  ['베트남', 1],
];

const PHONES = [
  '갤럭시 S25',
  '갤럭시 S25+',
  '갤럭시 S25 울트라',
  '갤럭시 Z플립6',
  '아이폰 16',
  '아이폰 16 Pro',
  '아이폰 16 Pro Max',
];

function digitalAttributes(materials: readonly string[], compat: readonly string[], kc: string | null) {
  return (rng: Rng, origin: string): Record<string, string> => ({
    소재: rng.pick(materials),
    호환기종: rng.pick(compat),
    ...(kc ? { KC인증: kcNumber(rng, kc) } : {}),
    제조국: origin,
  });
}

const digital = {
  category: 'electronics',
  origins: DIGITAL_ORIGINS,
  tags: ['[정품]', '[당일발송]', '[KC인증]'],
} as const;

export const ELECTRONICS: readonly ProductTemplate[] = [
  {
    ...digital,
    path: '디지털/가전 > 휴대폰 액세서리 > 케이스',
    nouns: ['케이스', '폰케이스', '범퍼 케이스'],
    brands: [
      ['슈피겐', '(주)슈피겐코리아', ['울트라 하이브리드', '터프 아머', '씬핏']],
      ['신지모루', '(주)신지모루', ['맥세이프 투명', '카드수납']],
      ['', '', []],
    ],
    lines: ['투명', '카드수납', '맥세이프', '젤리'],
    features: ['카메라 보호', '충격방지', '슬림'],
    optionPlans: [
      [[flat('기종', PHONES, 2, 5)], 0.7],
      [[flat('기종', PHONES, 2, 3), colors(2, 2, ['클리어', '블랙', '네이비', '라벤더'])], 0.3],
    ],
    price: [7900, 29000],
    weightG: [40, 90],
    box: [18, 10, 2],
    hsCode: '392690',
    pitch: ['모서리 에어쿠션이 낙하 충격을 흡수하고 카메라 턱으로 렌즈를 보호합니다.'],
    attributes: digitalAttributes(
      ['TPU, 폴리카보네이트', '실리콘'],
      ['갤럭시 S25 시리즈', '아이폰 16 시리즈'],
      null,
    ),
  },
  {
    ...digital,
    path: '디지털/가전 > 휴대폰 액세서리 > 충전기/케이블',
    nouns: ['고속충전 케이블', 'C to C 케이블', 'C타입 케이블', '8핀 케이블'],
    brands: [
      ['알로', '(주)알로코리아', ['PD 60W', '100W 패브릭']],
      ['벨킨', '벨킨코리아(유)', ['부스트업']],
      ['', '', []],
    ],
    lines: ['PD 고속', '패브릭', '꼬임방지', 'ㄱ자'],
    features: ['2개입', '차량용', '데이터 전송'],
    spec: {
      name: '길이',
      values: ['0.5m', '1m', '1.5m', '2m', '3m'],
      optionChance: 0.5,
      scale: 0.25,
      attribute: '사이즈',
    },
    optionPlans: [
      [[], 0.6],
      [[colors(2, 3, ['블랙', '화이트', '그레이'])], 0.4],
    ],
    price: [5900, 19900],
    weightG: [30, 120],
    box: [12, 10, 3],
    hsCode: '854442',
    pitch: ['최대 60W 고속충전과 480Mbps 데이터 전송을 지원합니다.'],
    attributes: digitalAttributes(
      ['나일론 패브릭, 알루미늄 커넥터', 'TPE'],
      ['USB-C 기기 전체', '아이폰 14 이하 (8핀)'],
      null,
    ),
  },
  {
    ...digital,
    path: '디지털/가전 > 휴대폰 액세서리 > 충전기',
    nouns: ['충전기', 'PD 충전기', '멀티 충전기'],
    brands: [
      ['삼성전자', '삼성전자(주)', ['초고속', '정품']],
      ['알로', '(주)알로코리아', ['GaN', '슬림']],
      ['앤커', '앤커코리아(주)', ['나노']],
    ],
    lines: ['GaN', '2포트', '3포트'],
    features: ['접지', '노트북 충전', '여행용'],
    spec: {
      name: '출력',
      values: ['25W', '45W', '65W', '100W'],
      optionChance: 0.4,
      scale: 0.35,
      attribute: null,
    },
    optionPlans: [[[], 1]],
    price: [12900, 45000],
    weightG: [60, 250],
    box: [10, 8, 5],
    hsCode: '850440',
    pitch: ['PPS 초고속 충전을 지원해 30분 만에 50% 이상 충전됩니다.'],
    attributes: digitalAttributes(['폴리카보네이트'], ['갤럭시, 아이폰, 노트북'], 'XU10'),
  },
  {
    ...digital,
    path: '디지털/가전 > 휴대폰 액세서리 > 보조배터리',
    nouns: ['보조배터리', '대용량 보조배터리', '맥세이프 보조배터리'],
    brands: [
      ['삼성전자', '삼성전자(주)', ['무선충전']],
      ['아이엠듀', '(주)아이엠듀', ['도킹형', '일체형']],
      ['', '', []],
    ],
    lines: ['고속충전', '도킹형', '슬림'],
    features: ['잔량표시', '기내반입', 'PD 20W'],
    spec: { name: '용량', values: ['5000mAh', '10000mAh', '20000mAh'], optionChance: 0.5, scale: 0.45 },
    optionPlans: [
      [[colors(2, 3, ['블랙', '화이트', '핑크', '민트'])], 0.5],
      [[], 0.5],
    ],
    price: [15900, 39000],
    weightG: [120, 450],
    box: [15, 9, 4],
    hsCode: '850760',
    pitch: ['리튬이온 배터리 탑재, 과충전·과방전 보호 회로로 안전합니다.'],
    attributes: digitalAttributes(['ABS, 리튬이온 배터리'], ['C타입 기기 전체', '아이폰 8핀'], 'XU10'),
  },
  {
    ...digital,
    path: '디지털/가전 > 휴대폰 액세서리 > 거치대',
    nouns: ['차량용 거치대', '스마트폰 거치대', '태블릿 거치대'],
    brands: [
      ['', '', []],
      ['아이엠듀', '(주)아이엠듀', ['송풍구']],
    ],
    lines: ['무선충전', '자석', '각도조절'],
    features: ['강력 흡착', '침대', '원터치'],
    optionPlans: [
      [[colors(2, 3, ['블랙', '화이트', '실버'])], 0.5],
      [[], 0.5],
    ],
    price: [8900, 34900],
    weightG: [90, 400],
    box: [18, 12, 8],
    hsCode: '392690',
    pitch: ['한 손으로 거치하고 분리할 수 있어 운전 중에도 편리합니다.'],
    attributes: digitalAttributes(['ABS, 실리콘 패드', '알루미늄 합금'], ['4~7인치 스마트폰'], null),
  },
];
