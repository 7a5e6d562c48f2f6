// Finds quantity expressions. One pass visits each digit run once: at a number it tries, in order,
// a range (`230~280mm`), a dimension group (`40x30x25cm`), then a single value with an optional
// multipack count (`500ml x 2개`). Sticky regexes and a hand-written number scanner keep it
// allocation-light; words without digits (반근, 만원) are found by a second, small pass.
import { TextContext } from './context.ts';
import { scanNumber, type ScannedNumber } from './korean-number.ts';
import { normalizeText, originalSpan } from './normalize.ts';
import { findWordQuantities, halfAfter, readCount } from './parse-words.ts';
import { clean, resolveUnit, type Resolved } from './resolve-unit.ts';
import {
  isAsciiAlnum,
  isDigitCode,
  labelBefore,
  leftBoundary,
  readLead,
  sideLetter,
  SIDE_LETTERS,
  type Lead,
} from './parse-lead.ts';
import { detectSizes } from './size-detect.ts';
import { matchUnit, type UnitMatch } from './spellings.ts';
import type { ParseResult, Quantity, QuantityLabel } from './types.ts';
import { UNITS } from './unit-table.ts';

/** A quantity with offsets into the normalized text; mapped back at the end. */
export type RawQuantity = Omit<Quantity, 'match'>;

export interface ParsedText {
  result: ParseResult;
  ctx: TextContext;
}

const DIGIT = /\d/g;
const RANGE_SEP_Y = /[ ]?[~∼〜\-–—][ ]?/y;
const DIM_SEP_Y = /[ ]?[xX×*][ ]?/y;

function isTemperature(unit: string): boolean {
  return unit === 'celsius' || unit === 'fahrenheit';
}

function lengthUnit(r: Resolved | null): boolean {
  return !!r && !r.money && UNITS.get(r.unit)?.dimension === 'length';
}

function sameUnit(a: Resolved, b: Resolved): boolean {
  return a.unit === b.unit && a.traditional === b.traditional && a.factor === b.factor;
}

function apply(r: Resolved, v: number): number {
  return r.factor ? clean(v * r.factor) : v;
}

class Parser {
  readonly out: RawQuantity[] = [];
  constructor(
    readonly s: string,
    readonly ctx: TextContext,
  ) {}

  private resolve(m: UnitMatch | null, n: ScannedNumber, pos: number, lead: Lead): Resolved | null {
    return m ? resolveUnit(m.target, n.value, pos, this.ctx, lead.prefix) : null;
  }

  /** Tries every form at the digit `p`; returns where scanning continues, or -1 for nothing. */
  at(p: number): number {
    const s = this.s;
    const n1 = scanNumber(s, p);
    if (!n1) return -1;
    const lead = readLead(s, p);
    const m1 = matchUnit(s, n1.end);
    const r1 = this.resolve(m1, n1, p, lead);
    if (lead.money && (!r1 || r1.money)) {
      if (!Number.isInteger(n1.value)) return -1;
      const end = r1 ? (m1?.end ?? n1.end) : n1.end;
      this.out.push({ start: lead.wordStart, end, value: n1.value, unit: 'KRW', kind: 'money' });
      return end;
    }
    const afterFirst = r1 && m1 ? m1.end : n1.end;
    const range = this.range(n1, r1, afterFirst, lead);
    if (range >= 0) return range;
    if (!r1 || lengthUnit(r1)) {
      const dims = this.dims(p, n1, m1 && r1 ? { m: m1, r: r1 } : null, lead);
      if (dims >= 0) return dims;
    }
    if (!r1 || !m1) return -1;
    let end = m1.end;
    // `5W-30` (oil grade), `2kg-A`: a hyphen right after the unit makes it a code.
    if (s[end] === '-' && isAsciiAlnum(s.charCodeAt(end + 1))) return -1;
    let value = n1.value;
    let sourceValue = n1.value;
    if (r1.traditional) {
      const half = halfAfter(s, end);
      if (half > 0) {
        sourceValue += 0.5;
        end = half;
      }
      value = sourceValue;
    }
    // A minus sign only belongs to temperatures; elsewhere it is a dash (`-5kg 감량`).
    const temperature = isTemperature(r1.unit);
    if (lead.negative && temperature) value = -value;
    this.push(temperature ? lead.wordStart : p, end, r1, value, undefined, sourceValue, undefined);
    return end;
  }

  private push(
    start: number,
    end: number,
    r: Resolved,
    value: number,
    valueMax: number | undefined,
    sourceValue: number,
    sourceMax: number | undefined,
  ): void {
    const q: RawQuantity =
      valueMax === undefined
        ? { start, end, value: apply(r, value), unit: r.unit }
        : { start, end, value: apply(r, value), valueMax: apply(r, valueMax), unit: r.unit };
    const count = readCount(this.s, end);
    if (count !== undefined && !r.money) q.count = count;
    if (r.traditional) {
      q.source = { value: sourceValue, unit: r.traditional };
      if (sourceMax !== undefined) q.source.valueMax = sourceMax;
    }
    if (r.money) q.kind = 'money';
    if (r.unit === 'millimeter' && value >= 200 && (valueMax ?? value) <= 320 && this.ctx.shoes) {
      q.kind = 'shoe-size';
    }
    if (UNITS.get(r.unit)?.dimension === 'length') {
      const label = sideLetter(this.s, start) ?? labelBefore(this.s, start);
      if (label) q.label = label;
    }
    this.out.push(q);
  }

  /** `230~280mm`, `3kg~5kg`, `-20~40℃`, `1만~2만원`. */
  private range(n1: ScannedNumber, r1: Resolved | null, from: number, lead: Lead): number {
    const s = this.s;
    RANGE_SEP_Y.lastIndex = from;
    if (!RANGE_SEP_Y.exec(s)) return -1;
    let q = RANGE_SEP_Y.lastIndex;
    let negative2 = false;
    if ((s[q] === '-' || s[q] === '−') && isDigitCode(s.charCodeAt(q + 1))) {
      negative2 = true;
      q++;
    }
    if (!isDigitCode(s.charCodeAt(q))) return -1;
    const n2 = scanNumber(s, q);
    if (!n2) return -1;
    const m2 = matchUnit(s, n2.end);
    const r2 = m2 ? resolveUnit(m2.target, n2.value, q, this.ctx, lead.prefix) : null;
    if (!r2 || !m2) return -1;
    if (r1 && !sameUnit(r1, r2)) return -1;
    const temp = isTemperature(r2.unit);
    if ((lead.negative || negative2) && !temp) return -1;
    const lo = lead.negative ? -n1.value : n1.value;
    const hi = negative2 ? -n2.value : n2.value;
    if (!(hi > lo)) return -1;
    if (r2.money && (!Number.isInteger(lo) || !Number.isInteger(hi))) return -1;
    let end = m2.end;
    let srcHi = hi;
    if (r2.traditional) {
      const half = halfAfter(s, end);
      if (half > 0) {
        srcHi += 0.5;
        end = half;
      }
    }
    this.push(temp || r2.money ? lead.wordStart : lead.start, end, r2, lo, srcHi, lo, srcHi);
    return end;
  }

  /** `40x30x25cm`, `160×230cm`, `40cm x 30cm`: one quantity per side, each with the unit. */
  private dims(
    p: number,
    n1: ScannedNumber,
    first: { m: UnitMatch; r: Resolved } | null,
    lead: Lead,
  ): number {
    if (lead.negative || lead.money) return -1;
    const s = this.s;
    type Side = { start: number; end: number; value: number; r: Resolved | null; label?: QuantityLabel };
    const sides: Side[] = [
      { start: p, end: first ? first.m.end : n1.end, value: n1.value, r: first?.r ?? null },
    ];
    const firstLabel = sideLetter(s, p);
    if (firstLabel && sides[0]) sides[0].label = firstLabel;
    let pos = sides[0]?.end ?? p;
    while (sides.length < 3) {
      DIM_SEP_Y.lastIndex = pos;
      if (!DIM_SEP_Y.exec(s)) break;
      let q = DIM_SEP_Y.lastIndex;
      const label = SIDE_LETTERS[s[q] ?? ''];
      if (label && isDigitCode(s.charCodeAt(q + 1))) q++;
      if (!isDigitCode(s.charCodeAt(q))) break;
      const n = scanNumber(s, q);
      if (!n) break;
      const m = matchUnit(s, n.end);
      const r = m ? resolveUnit(m.target, n.value, q, this.ctx, lead.prefix) : null;
      if (m && !r) break;
      const side: Side = { start: q, end: r && m ? m.end : n.end, value: n.value, r };
      if (label && q > 0 && s[q - 1] !== ' ' && SIDE_LETTERS[s[q - 1] ?? '']) side.label = label;
      sides.push(side);
      pos = sides[sides.length - 1]?.end ?? pos;
      if (r && !lengthUnit(r)) break;
    }
    const last = sides[sides.length - 1];
    if (sides.length < 2 || !last || !lengthUnit(last.r)) return -1;
    if (sides.some((side) => side.r && !lengthUnit(side.r))) return -1;
    const unit = last.r as Resolved;
    const group = { start: firstLabel ? p - 1 : p, end: last.end };
    const count = readCount(s, group.end);
    sides.forEach((side, index) => {
      const r = side.r ?? unit;
      const q: RawQuantity = { start: side.start, end: side.end, value: apply(r, side.value), unit: r.unit };
      if (count !== undefined) q.count = count;
      if (r.traditional) q.source = { value: side.value, unit: r.traditional };
      if (side.label) q.label = side.label;
      q.dimension = { index, count: sides.length, start: group.start, end: group.end };
      this.out.push(q);
    });
    return group.end;
  }
}

/** Parses `text`, keeping the context for localization. */
export function parseText(text: string): ParsedText {
  const norm = normalizeText(text);
  const s = norm.text;
  const ctx = new TextContext(s);
  const parser = new Parser(s, ctx);
  DIGIT.lastIndex = 0;
  for (let m = DIGIT.exec(s); m; m = DIGIT.exec(s)) {
    const p = m.index;
    let next = -1;
    if (leftBoundary(s, p)) next = parser.at(p);
    if (next < 0) {
      // Skip the rest of this digit run and any attached letters (model codes).
      next = p + 1;
      while (next < s.length && (isAsciiAlnum(s.charCodeAt(next)) || s[next] === '.')) next++;
    }
    DIGIT.lastIndex = next;
  }
  let raw = parser.out;
  const words = findWordQuantities(s, ctx, raw);
  if (words.length) raw = [...raw, ...words].sort((a, b) => a.start - b.start);
  const quantities: Quantity[] = raw.map((q) => {
    const [start, end] = originalSpan(norm, q.start, q.end);
    const out: Quantity = { match: text.slice(start, end), ...q, start, end };
    if (q.dimension && norm.map) {
      const [gs, ge] = originalSpan(norm, q.dimension.start, q.dimension.end);
      out.dimension = { ...q.dimension, start: gs, end: ge };
    }
    return out;
  });
  const result: ParseResult = { text, quantities };
  const sizes = detectSizes(s, raw, () => ctx.shoes);
  if (sizes.length) {
    result.sizes = sizes.map((z) => {
      const [start, end] = originalSpan(norm, z.start, z.end);
      return { match: text.slice(start, end), ...z, start, end };
    });
  }
  return { result, ctx };
}
