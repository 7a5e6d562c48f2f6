// How sellers write each unit after a number, compiled once into one sticky regex. Text is
// already folded (normalize.ts), so ㎖ arrives as `ml` and ℃ as `°C`.
import { isHangul } from './korean-number.ts';
import type { TraditionalUnit } from './types.ts';

export type SpellingTarget =
  | { type: 'unit'; unit: string }
  | { type: 'traditional'; unit: TraditionalUnit }
  | { type: 'money' }
  /** 미리: millimetre or millilitre, decided from context. */
  | { type: 'miri' }
  /** 형: screen inches (`55형`), only for plausible screen sizes. */
  | { type: 'hyeong' }
  /** 도: degrees Celsius, only after 섭씨 or 영하. */
  | { type: 'do' };

interface SpellingRow {
  spellings: string[];
  target: SpellingTarget;
  /** ASCII letters match in any case (`ml`, `ML`, `mL`). */
  anyCase?: boolean;
}

const u = (unit: string): SpellingTarget => ({ type: 'unit', unit });
const t = (unit: TraditionalUnit): SpellingTarget => ({ type: 'traditional', unit });

// Case matters where it disambiguates: `m` is a metre but `3M` is a brand; `g` is a gram but
// `5G` is a network and `128G` storage; `W`/`V` are symbols.
const ROWS: SpellingRow[] = [
  { spellings: ['ml', 'cc', 'mℓ'], target: u('milliliter'), anyCase: true },
  { spellings: ['밀리리터', '미리리터', '씨씨'], target: u('milliliter') },
  { spellings: ['l', 'L', 'ℓ', '리터', '리타'], target: u('liter') },
  { spellings: ['liter', 'litre', 'ltr'], target: u('liter'), anyCase: true },
  { spellings: ['g', 'gr', '그램', '그람'], target: u('gram') },
  { spellings: ['kg', 'kgs'], target: u('kilogram'), anyCase: true },
  { spellings: ['킬로그램', '킬로그람', '키로그램', '킬로', '키로'], target: u('kilogram') },
  { spellings: ['mg'], target: u('milligram'), anyCase: true },
  { spellings: ['밀리그램', '미리그램'], target: u('milligram') },
  { spellings: ['mm'], target: u('millimeter'), anyCase: true },
  { spellings: ['밀리미터', '미리미터'], target: u('millimeter') },
  { spellings: ['cm'], target: u('centimeter'), anyCase: true },
  { spellings: ['센티미터', '센치미터', '센티', '센치', '센지'], target: u('centimeter') },
  { spellings: ['m', '미터'], target: u('meter') },
  { spellings: ['km'], target: u('kilometer'), anyCase: true },
  { spellings: ['킬로미터'], target: u('kilometer') },
  { spellings: ['m2', 'm²', 'sqm'], target: u('square-meter') },
  { spellings: ['제곱미터', '평방미터', '스퀘어미터'], target: u('square-meter') },
  { spellings: ['inch', 'inches', 'in'], target: u('inch'), anyCase: true },
  { spellings: ['인치', '″'], target: u('inch') },
  { spellings: ['ft', 'feet'], target: u('foot'), anyCase: true },
  { spellings: ['피트'], target: u('foot') },
  { spellings: ['fl oz', 'fl.oz', 'fl. oz', 'floz'], target: u('fluid-ounce'), anyCase: true },
  { spellings: ['oz'], target: u('ounce'), anyCase: true },
  { spellings: ['온스'], target: u('ounce') },
  { spellings: ['lb', 'lbs'], target: u('pound'), anyCase: true },
  { spellings: ['파운드'], target: u('pound') },
  { spellings: ['gal'], target: u('gallon'), anyCase: true },
  { spellings: ['갤런'], target: u('gallon') },
  { spellings: ['°C', '°c', '도씨', '도C'], target: u('celsius') },
  { spellings: ['°F', '°f'], target: u('fahrenheit') },
  { spellings: ['V', 'v', '볼트'], target: u('volt') },
  { spellings: ['W', '와트'], target: u('watt') },
  { spellings: ['kW'], target: u('kilowatt'), anyCase: true },
  { spellings: ['Wh'], target: u('watt-hour'), anyCase: true },
  { spellings: ['kWh'], target: u('kilowatt-hour'), anyCase: true },
  { spellings: ['mAh'], target: u('milliampere-hour'), anyCase: true },
  { spellings: ['Ah', 'AH'], target: u('ampere-hour') },
  { spellings: ['MB'], target: u('megabyte') },
  { spellings: ['GB', 'Gb', 'gb', '기가', '기가바이트'], target: u('gigabyte') },
  { spellings: ['TB', 'Tb', 'tb', '테라', '테라바이트'], target: u('terabyte') },
  { spellings: ['원', 'won', 'KRW'], target: { type: 'money' }, anyCase: true },
  { spellings: ['근'], target: t('geun') },
  { spellings: ['돈', '돈쭝'], target: t('don') },
  { spellings: ['냥'], target: t('nyang') },
  { spellings: ['푼'], target: t('pun') },
  { spellings: ['관'], target: t('gwan') },
  { spellings: ['홉'], target: t('hop') },
  { spellings: ['되'], target: t('doe') },
  { spellings: ['말'], target: t('mal') },
  { spellings: ['섬'], target: t('seom') },
  { spellings: ['자'], target: t('ja') },
  { spellings: ['치'], target: t('chi') },
  { spellings: ['평', '평형'], target: t('pyeong') },
  { spellings: ['미리'], target: { type: 'miri' } },
  { spellings: ['형'], target: { type: 'hyeong' } },
  { spellings: ['도'], target: { type: 'do' } },
];

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function anyCasePattern(s: string): string {
  return [...s]
    .map((c) => (/[a-z]/i.test(c) ? `[${c.toLowerCase()}${c.toUpperCase()}]` : escape(c)))
    .join('');
}

const EXACT = new Map<string, SpellingTarget>();
const LOWER = new Map<string, SpellingTarget>();
const patterns: string[] = [];
for (const row of ROWS) {
  for (const sp of row.spellings) {
    if (row.anyCase) LOWER.set(sp.toLowerCase(), row.target);
    else EXACT.set(sp, row.target);
    patterns.push(row.anyCase ? anyCasePattern(sp) : escape(sp));
  }
}
// Longest first so `mm` wins over `m`, `평형` over `평`, `kWh` over `kW`.
const ordered = patterns
  .map((p, i) => ({ p, len: (ROWS.flatMap((r) => r.spellings)[i] ?? '').length }))
  .sort((a, b) => b.len - a.len)
  .map((x) => x.p);
/** One optional (no-break) space, then a unit spelling. */
const UNIT_Y = new RegExp(`[ \\u00a0]?(?:${ordered.join('|')})`, 'y');

export interface UnitMatch {
  target: SpellingTarget;
  spelling: string;
  /** Index just past the spelling. */
  end: number;
}

// Particles and suffixes that may follow a Hangul unit (`1근에`, `2kg짜리`, `10평대`, `1리터용`).
const PARTICLES = new Set('은는이을를에의도만씩짜정로으와과당대용내입까부안쯤짜'.split(''));
const MONEY_SUFFIXES = new Set('권상어할추적대씩이부까짜'.split(''));

/** Whether the character after a unit ends the word (so `3근무`, `2kg5`, `5mins` are not units). */
export function unitBoundary(s: string, end: number, spelling: string, target: SpellingTarget): boolean {
  const c = s.charCodeAt(end);
  if (Number.isNaN(c)) return true;
  const last = spelling.charCodeAt(spelling.length - 1);
  if (isHangul(last)) {
    if (!isHangul(c)) return true;
    const ch = s[end] ?? '';
    if (target.type === 'money') return PARTICLES.has(ch) || MONEY_SUFFIXES.has(ch);
    if (target.type === 'traditional' && target.unit === 'nyang' && ch === '이') return false; // 냥이: cat
    return PARTICLES.has(ch);
  }
  const isAlnum = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  if (!isAlnum) return true;
  // `500mlx2`, `40cmx30cm`: an x directly followed by a digit is a separator, not a letter.
  if (c === 120 || c === 88) {
    const n = s.charCodeAt(end + 1) === 32 ? s.charCodeAt(end + 2) : s.charCodeAt(end + 1);
    return n >= 48 && n <= 57;
  }
  return false;
}

function isDigitAt(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  return c >= 48 && c <= 57;
}

/** Matches a unit spelling at `i` (after an optional space) with its word boundary. */
export function matchUnit(s: string, i: number): UnitMatch | null {
  UNIT_Y.lastIndex = i;
  const m = UNIT_Y.exec(s);
  if (!m) return null;
  const raw = m[0];
  const spelling = raw.charCodeAt(0) === 32 || raw.charCodeAt(0) === 0xa0 ? raw.slice(1) : raw;
  const target = EXACT.get(spelling) ?? LOWER.get(spelling.toLowerCase());
  if (!target) return null;
  const end = i + raw.length;
  if (!unitBoundary(s, end, spelling, target)) return null;
  // `3 in 1 커피믹스`, `2 in 1`: a product type, not inches.
  if ((spelling === 'in' || spelling === 'IN') && s.charCodeAt(end) === 32 && isDigitAt(s, end + 1))
    return null;
  return { target, spelling, end };
}
