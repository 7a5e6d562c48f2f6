/**
 * Korean open-market titles: `[태그] 브랜드 (대상) 모델/스타일 상품유형 용량 특징 옵션힌트`, e.g.
 * "[무료배송] 라운드랩 1025 독도 토너 500ml 대용량 수분 진정" or
 * "[1+1] 남성 기모 조거팬츠 빅사이즈 M~3XL 블랙/그레이".
 */
import type { ChosenAxis } from './options.ts';
import type { Rng } from './prng.ts';
import type { ProductTemplate } from './template.ts';

const COMMON_TAGS: readonly (readonly [string, number])[] = [
  ['[무료배송]', 30],
  ['[당일발송]', 14],
  ['[오늘출발]', 6],
  ['[1+1]', 8],
  ['[특가]', 6],
  ['[쿠폰]', 4],
  ['[국내배송]', 3],
  ['[사은품증정]', 3],
];

/** ESM counts 100 bytes (about 50 Hangul); we stay under Coupang's 120 characters and mostly under 60. */
const MAX_TITLE_CHARS = 60;

export interface TitleInput {
  template: ProductTemplate;
  brand: string | undefined;
  lines: readonly string[];
  /** The headline spec when it is not an option (500ml). */
  specValue: string | undefined;
  axes: readonly ChosenAxis[];
  /** The first axis is the headline spec (용량 150ml/300ml). */
  specOption: boolean;
}

/** Sellers paste 'ml'/'kg' or the CJK compatibility characters ㎖/㎏; downstream must NFKC-normalise. */
function unitStyle(rng: Rng, text: string): string {
  return rng.chance(0.1) ? text.replace(/(\d)ml\b/g, '$1㎖').replace(/(\d)kg\b/g, '$1㎏') : text;
}

function sizeRange(values: readonly string[]): string {
  const first = values[0] ?? '';
  const last = values[values.length - 1] ?? '';
  return last.endsWith('mm') ? `${first.replace(/mm$/, '')}~${last}` : `${first}~${last}`;
}

function optionHint(rng: Rng, axis: ChosenAxis, isSpec: boolean): string | undefined {
  const { values } = axis;
  if (values.length < 2) return undefined;
  const short = values.every((v) => v.length <= 6 && !v.includes(' '));
  if (isSpec) return short && values.length === 2 ? values.join('/') : `${values[0]} 외`;
  switch (axis.spec.name) {
    case '사이즈':
      return axis.spec.ordered && rng.chance(0.8) ? sizeRange(values) : undefined;
    case '색상':
      if (!short) return `${values.length}컬러`;
      return rng.chance(0.6) ? values.slice(0, 3).join('/') : undefined;
    case '맛':
      return short && values.length <= 3 ? values.join('/') : `${values.length}종 택1`;
    case '기종':
      return '기종선택';
    default:
      return rng.chance(0.5) ? `${values.length}종 택1` : undefined;
  }
}

export function buildTitle(rng: Rng, input: TitleInput): string {
  const { template } = input;
  const tagCount = rng.weighted([
    [0, 40],
    [1, 45],
    [2, 15],
  ]);
  const tagPool: (readonly [string, number])[] = [
    ...COMMON_TAGS,
    ...(template.tags ?? []).map((t) => [t, 8] as const),
  ];
  const tags: string[] = [];
  while (tags.length < tagCount) {
    const tag = rng.weighted(tagPool);
    if (!tags.includes(tag)) tags.push(tag);
  }

  const head: string[] = [];
  if (input.brand && input.brand !== '자체제작' && rng.chance(template.category === 'fashion' ? 0.4 : 0.9)) {
    head.push(input.brand);
  }
  const axisTarget = input.axes.find((a) => a.spec.target)?.spec.target;
  if (axisTarget) head.push(axisTarget);
  else if (template.targets && rng.chance(0.85)) head.push(rng.pick(template.targets));
  const noun = rng.pick(template.nouns);
  // A line the noun already says (실리콘 + 실리콘 주걱) is left out.
  const lines = input.lines.filter((l) => !noun.includes(l));
  if (lines.length > 0)
    head.push(...rng.sample(lines, rng.chance(0.3) && template.category === 'fashion' ? 2 : 1));
  if (noun) head.push(noun);
  if (input.specValue) head.push(unitStyle(rng, input.specValue));

  const features = rng.sample(template.features, rng.int(0, 2));
  const hints: string[] = [];
  input.axes.forEach((axis, i) => {
    const hint = optionHint(rng, axis, i === 0 && input.specOption);
    if (hint) hints.push(unitStyle(rng, hint));
  });

  // A feature that only repeats words already there (대용량 after 대용량 과자) is dropped; then features
  // are trimmed until the title fits.
  const words = new Set(head.flatMap((p) => p.split(' ')));
  const kept = features.filter((f) => {
    const fresh = f.split(' ').some((w) => !words.has(w) && ![...words].some((x) => x.includes(w)));
    f.split(' ').forEach((w) => words.add(w));
    return fresh;
  });
  let title = [tags.join(''), ...head, ...kept, ...hints].filter(Boolean).join(' ');
  for (const f of kept) {
    if (title.length <= MAX_TITLE_CHARS) break;
    title = title.replace(` ${f}`, '');
  }
  return title;
}
