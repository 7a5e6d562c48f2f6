// The parts of a quantity written in words rather than digits: native numerals before a
// traditional unit (한 근, 반근, 두 되), a trailing half (1근 반), bare won amounts (만원 이상),
// and the multipack count after a measurement (x 2개, *10봉, 24개입).
import type { TextContext } from './context.ts';
import { isHangul } from './korean-number.ts';
import type { RawQuantity } from './parse.ts';
import { clean, resolveUnit } from './resolve-unit.ts';
import { unitBoundary, type SpellingTarget } from './spellings.ts';
import type { TraditionalUnit } from './types.ts';

const NATIVE = /(?<![가-힣])(한|두|세|네|다섯|반)( ?)(근|되|관|냥|돈|말|평|홉)/g;
const NATIVE_VALUES: Record<string, number> = { 한: 1, 두: 2, 세: 3, 네: 4, 다섯: 5, 반: 0.5 };
const TRADITIONAL_IDS: Record<string, TraditionalUnit> = {
  근: 'geun',
  되: 'doe',
  관: 'gwan',
  냥: 'nyang',
  돈: 'don',
  말: 'mal',
  평: 'pyeong',
  홉: 'hop',
};
// 한돈 is Korean pork, 한말 a dynasty, 두말 "saying twice": these need the space (금 한 돈).
const SPACE_REQUIRED = new Set(['돈', '말', '평']);
const BARE_MONEY = /(?<![가-힣0-9.,])(십만|백만|천만|만|천|백|억)원/g;
const BARE_VALUES: Record<string, number> = {
  십만: 1e5,
  백만: 1e6,
  천만: 1e7,
  만: 1e4,
  천: 1e3,
  백: 100,
  억: 1e8,
};
const MONEY_TARGET: SpellingTarget = { type: 'money' };
const HALF_Y = / ?반/y;
const COUNT_WORDS =
  '개입|개씩|개|입|봉지|봉|캔|병|팩|포|매|장|박스|box|BOX|Box|세트|set|SET|통|ea|EA|pcs|PCS|p|P|롤|족|켤레|알|컵';
const COUNT_Y = new RegExp(
  `(?:[ ]?\\([^()\\n]{1,40}\\))?[ ]?(?:[xX×*][ ]?(\\d{1,4})(?:[ ]?(?:${COUNT_WORDS}))?|(\\d{1,4})[ ]?(?:${COUNT_WORDS}))`,
  'y',
);

/** `1근 반`: the index after a trailing 반 (half), or -1. */
export function halfAfter(s: string, end: number): number {
  HALF_Y.lastIndex = end;
  if (!HALF_Y.exec(s)) return -1;
  const after = HALF_Y.lastIndex;
  return isHangul(s.charCodeAt(after)) ? -1 : after;
}

/** The multipack count right after a measurement (`x 2개`, `*10봉`, `(10g*4입) x 25개`). */
export function readCount(s: string, end: number): number | undefined {
  COUNT_Y.lastIndex = end;
  const m = COUNT_Y.exec(s);
  if (!m) return undefined;
  const after = COUNT_Y.lastIndex;
  const c = s.charCodeAt(after);
  // `2개월` is two months, `x 2L` another measurement, `x 25.5`: not counts.
  if (isHangul(c) && !'에씩의이을를은는도만짜'.includes(s[after] ?? '')) return undefined;
  if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 46) return undefined;
  const n = Number(m[1] ?? m[2]);
  return n > 0 ? n : undefined;
}

function overlaps(list: RawQuantity[], start: number, end: number): boolean {
  return list.some((q) => q.start < end && start < q.end);
}

/** Quantities written without digits, skipping spans already found. */
export function findWordQuantities(s: string, ctx: TextContext, found: RawQuantity[]): RawQuantity[] {
  const out: RawQuantity[] = [];
  NATIVE.lastIndex = 0;
  for (let m = NATIVE.exec(s); m; m = NATIVE.exec(s)) {
    const [whole, word = '', space = '', ko = ''] = m;
    const id = TRADITIONAL_IDS[ko];
    if (!id || (SPACE_REQUIRED.has(ko) && !space)) continue;
    let end = m.index + whole.length;
    const target: SpellingTarget = { type: 'traditional', unit: id };
    if (!unitBoundary(s, end, ko, target)) continue;
    let value = NATIVE_VALUES[word] ?? 0;
    const half = word === '반' ? -1 : halfAfter(s, end);
    if (half > 0) {
      value += 0.5;
      end = half;
    }
    const r = resolveUnit(target, value, m.index, ctx, { celsiusWord: false });
    if (!r?.traditional || overlaps(found, m.index, end)) continue;
    const q: RawQuantity = {
      start: m.index,
      end,
      value: clean(value * (r.factor ?? 1)),
      unit: r.unit,
      source: { value, unit: r.traditional },
    };
    const count = readCount(s, end);
    if (count !== undefined) q.count = count;
    out.push(q);
  }
  BARE_MONEY.lastIndex = 0;
  for (let m = BARE_MONEY.exec(s); m; m = BARE_MONEY.exec(s)) {
    const end = m.index + m[0].length;
    if (!unitBoundary(s, end, '원', MONEY_TARGET) || overlaps(found, m.index, end)) continue;
    out.push({ start: m.index, end, value: BARE_VALUES[m[1] ?? ''] ?? 0, unit: 'KRW', kind: 'money' });
  }
  return out;
}
