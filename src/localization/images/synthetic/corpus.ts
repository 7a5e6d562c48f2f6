/**
 * Korean text of synthetic detail pages: what real cosmetics and shoe pages print (headlines,
 * selling points, recommendation lists, spec tables, footers). Some lines are in the embedded term
 * base and translate offline; the sentences need an external provider and must come back flagged.
 */
export const HEADLINES = [
  '촉촉한 보습 크림',
  '가볍고 편안한 착화감',
  '자연 유래 성분',
  '고급스러운 디자인',
  '피부 진정 앰플',
];
export const SUBTITLES = [
  '하루 종일 촉촉한 피부',
  '민감한 피부도 안심',
  '사계절용 데일리 아이템',
  '선물용으로 좋아요',
];
export const POINTS = ['저자극', '방수', '사계절용', '미끄럼 방지', '천연 가죽', '대용량', '피부 보습'];
export const RECOMMEND_TITLE = '이런 분께 추천합니다';
export const RECOMMEND = ['건조한 피부', '민감한 피부', '선물용을 찾는 분', '가벼운 신발을 원하는 분'];
export const SPEC_ROWS: readonly [string, string][] = [
  ['제품명', '수분 크림'],
  ['용량', '500ml'],
  ['중량', '1.2kg'],
  ['원산지', '대한민국'],
  ['사이즈', '230~280mm'],
  ['색상', '블랙'],
  ['소재', '가죽'],
  ['크기', '380 x 250 x 20mm'],
  ['제조사', '한빛코스메틱'],
  ['사용기한', '제조일로부터 24개월'],
];
export const NOTICES = ['주의사항', '직사광선을 피해 보관하세요', '적당량을 덜어 발라주세요'];
export const FOOTER = ['고객센터 1588-1234', '무료 배송'];
/** Printed on the product in the photo: a Latin brand mark and a small Korean label. */
export const ON_PRODUCT = ['HYALURON', '히알루론 크림'];
