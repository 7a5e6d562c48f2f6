// What stands left of a number: where a quantity may start (not inside a model code or a date),
// a minus sign, 섭씨/영하, a ₩/KRW prefix, and side labels (가로 30cm, W600).
import type { Prefix } from './resolve-unit.ts';
import type { QuantityLabel } from './types.ts';

const LABEL = /(가로|세로|높이|폭|너비|길이|총장|깊이|지름|직경|두께|둘레|허리|가슴)\s?[:：]?\s?$/;
const LABELS: Record<string, QuantityLabel> = {
  가로: 'width',
  폭: 'width',
  너비: 'width',
  세로: 'length',
  길이: 'length',
  총장: 'length',
  높이: 'height',
  깊이: 'depth',
  지름: 'diameter',
  직경: 'diameter',
  두께: 'thickness',
  둘레: 'circumference',
  허리: 'waist',
  가슴: 'chest',
};

/** Furniture notation: `W600 x D400 x H750mm`. */
export const SIDE_LETTERS: Record<string, QuantityLabel> = {
  W: 'width',
  D: 'depth',
  H: 'height',
  L: 'length',
};

/** The side letter right before `p` (`W` of `W600`), if it starts a word. */
export function sideLetter(s: string, p: number): QuantityLabel | undefined {
  const label = SIDE_LETTERS[s[p - 1] ?? ''];
  return label && !isAsciiAlnum(s.charCodeAt(p - 2)) ? label : undefined;
}

export function isDigitCode(c: number): boolean {
  return c >= 48 && c <= 57;
}
export function isAsciiAlnum(c: number): boolean {
  return isDigitCode(c) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** A number may start here: not inside a model code (CW2288-111, S24), a date or `1+1`. */
export function leftBoundary(s: string, p: number): boolean {
  if (p === 0) return true;
  const c = s.charCodeAt(p - 1);
  const b = s.charCodeAt(p - 2);
  if (c === 120 || c === 88) return isDigitCode(b) || b === 32; // 2x500ml
  if (SIDE_LETTERS[s[p - 1] ?? ''] && !isAsciiAlnum(b)) return true; // W600 x D400 x H750mm
  if (isAsciiAlnum(c) || c === 95) return false;
  if (c === 46 || c === 44) return !isDigitCode(b); // the 05 of 2024.05
  if (c === 45) return !isAsciiAlnum(b); // A2K-500, CW2288-111
  if (c === 47 || c === 43) return !isDigitCode(b); // 12/25, 1+1; but 500ml/1L, 100ml+100ml
  return true;
}

export interface Lead {
  /** Where the quantity starts: at a minus sign (temperatures only). */
  start: number;
  /** Where it starts including a word or sign before it: 섭씨/영하, ₩, KRW. */
  wordStart: number;
  negative: boolean;
  prefix: Prefix;
  money: boolean;
}

/** Looks left of a number for a sign, 섭씨/영하, or a ₩/KRW prefix. */
export function readLead(s: string, p: number): Lead {
  let start = p;
  let negative = false;
  const c = s[p - 1];
  if ((c === '-' || c === '−') && (p === 1 || /[\s(~:]/.test(s[p - 2] ?? ''))) {
    negative = true;
    start = p - 1;
  }
  const q = s.charCodeAt(start - 1) === 32 ? start - 1 : start;
  const word = s.slice(Math.max(0, q - 2), q);
  const celsiusWord = word === '섭씨' || word === '영하';
  if (word === '영하') negative = true;
  let wordStart = celsiusWord ? q - 2 : start;
  let money = false;
  if (s[q - 1] === '₩') {
    money = true;
    wordStart = q - 1;
  } else if (/krw$/i.test(s.slice(Math.max(0, q - 3), q))) {
    money = true;
    wordStart = q - 3;
  }
  return { start, wordStart, negative, prefix: { celsiusWord }, money };
}

/** A side label written just before a length (`가로 30cm`, `두께: 5mm`). */
export function labelBefore(s: string, start: number): QuantityLabel | undefined {
  const m = LABEL.exec(s.slice(Math.max(0, start - 7), start));
  return m ? LABELS[m[1] ?? ''] : undefined;
}
