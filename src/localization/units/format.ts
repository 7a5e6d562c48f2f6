// Formats quantities with Intl in the target locale. Creating an Intl.NumberFormat costs tens of
// microseconds and `formatRange` ~45 µs a call on Node 20, so formatters are cached per locale and
// unit, and ranges, dimension groups, units Intl cannot format (mg, m², V, mAh …) and right-to-left
// output are rendered from a template taken once from `formatToParts`/`formatRangeToParts`.
import { isRtlLanguage } from './profiles.ts';
import { unitDef } from './unit-table.ts';

const LRI = '\u2066';
const PDI = '\u2069';
const NUMERIC_PARTS = new Set(['integer', 'group', 'decimal', 'fraction', 'minusSign', 'plusSign']);
const RTL_CHARS = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]/;
/** Sanctioned unit whose range pattern (the separator) stands in for units Intl lacks. */
const PROXY = 'meter';
/** Localized labels for units Intl cannot format, by language; the default is the symbol. */
const LABELS: Record<string, Record<string, string>> = {
  th: { milligram: 'มก.', 'square-meter': 'ตร.ม.', 'square-foot': 'ตร.ฟุต' },
};

const MEMO_SIZE = 256;

/** Template pieces: literal text, or a slot: 0 = the (start) number, 1 = the end of a range. */
type Piece = string | 0 | 1;

function isRtl(locale: string): boolean {
  return isRtlLanguage(new Intl.Locale(locale).language);
}

/** Collapses Intl parts into a template: literal text and number slots. */
function toTemplate(parts: readonly Intl.NumberFormatPart[]): Piece[] {
  const out: Piece[] = [];
  let last: Piece | undefined;
  for (const part of parts) {
    const source = (part as { source?: string }).source;
    if (NUMERIC_PARTS.has(part.type)) {
      const slot: 0 | 1 = source === 'endRange' ? 1 : 0;
      if (last !== slot) out.push(slot);
      last = slot;
      continue;
    }
    if (typeof last === 'string') out[out.length - 1] = last + part.value;
    else out.push(part.value);
    last = out[out.length - 1];
  }
  return out;
}

/** Right-to-left: keep number runs (and Latin units with them) in left-to-right isolates. */
function isolate(template: Piece[]): Piece[] {
  const label = template.filter((p): p is string => typeof p === 'string').join('');
  // A Latin or symbol unit (`mL`, `°C`) reads left to right with its number: isolate them together.
  if (!RTL_CHARS.test(label)) return [LRI, ...template, PDI];
  const first = template.findIndex((p) => typeof p === 'number');
  let lastSlot = -1;
  template.forEach((p, i) => {
    if (typeof p === 'number') lastSlot = i;
  });
  return [
    ...template.slice(0, first),
    LRI,
    ...template.slice(first, lastSlot + 1),
    PDI,
    ...template.slice(lastSlot + 1),
  ];
}

function fill(template: Piece[], a: string, b: string): string {
  let s = '';
  for (const p of template) s += p === 0 ? a : p === 1 ? b : p;
  return s;
}

const numberFormats = new Map<string, Intl.NumberFormat>();

/** A plain number formatter for the locale (its digits, separators and grouping). */
export function numberFormat(locale: string): Intl.NumberFormat {
  let nf = numberFormats.get(locale);
  if (!nf) numberFormats.set(locale, (nf = new Intl.NumberFormat(locale, { maximumFractionDigits: 10 })));
  return nf;
}

/** Formats one unit in one locale; built once, reused for every call. */
export class UnitFormatter {
  private readonly num: Intl.NumberFormat;
  private readonly unitFormat: Intl.NumberFormat;
  private readonly label: string | undefined;
  private readonly rtl: boolean;
  private singleTpl: Piece[] | undefined;
  private rangeTpl: Piece[] | undefined;
  private readonly memo = new Map<number, string>();

  constructor(
    readonly locale: string,
    readonly unit: string,
  ) {
    const def = unitDef(unit);
    this.num = numberFormat(locale);
    this.unitFormat = new Intl.NumberFormat(locale, {
      style: 'unit',
      unit: def.sanctioned ? unit : PROXY,
      unitDisplay: 'short',
      maximumFractionDigits: 10,
    });
    const language = new Intl.Locale(locale).language;
    this.label = def.sanctioned ? undefined : (LABELS[language]?.[unit] ?? def.symbol ?? unit);
    this.rtl = isRtl(locale);
  }

  private single(): Piece[] {
    if (!this.singleTpl) {
      // Symbols Intl lacks follow the SI convention everywhere: number, space, symbol.
      const tpl =
        this.label === undefined ? toTemplate(this.unitFormat.formatToParts(2)) : [0, ` ${this.label}`];
      this.singleTpl = this.rtl ? isolate(tpl as Piece[]) : (tpl as Piece[]);
    }
    return this.singleTpl;
  }

  private range(): Piece[] {
    if (!this.rangeTpl) {
      const parts = this.unitFormat.formatRangeToParts(2, 3) as Intl.NumberFormatPart[];
      let tpl = toTemplate(parts);
      if (this.label !== undefined) {
        // Keep the locale's range separator (`–`, ` - `) from the stand-in unit, then our symbol.
        const sep = tpl.slice(tpl.indexOf(0) + 1, tpl.indexOf(1)).join('');
        tpl = [0, sep, 1, ` ${this.label}`];
      }
      this.rangeTpl = this.rtl ? isolate(tpl) : tpl;
    }
    return this.rangeTpl;
  }

  /** `16.9 fl oz`, `৫০০ mL`, `33.1 m²`. */
  format(value: number): string {
    // Catalogs repeat the same few values (500 mL, 1 kg); a small memo skips ICU for them.
    let text = this.memo.get(value);
    if (text === undefined) {
      text =
        this.label === undefined && !this.rtl
          ? this.unitFormat.format(value)
          : fill(this.single(), this.num.format(value), '');
      if (this.memo.size >= MEMO_SIZE) this.memo.clear();
      this.memo.set(value, text);
    }
    return text;
  }

  /** `230–280 mm` in the locale's range pattern; equal ends collapse to one value. */
  formatRange(lo: number, hi: number): string {
    if (lo === hi) return this.format(lo);
    return fill(this.range(), this.num.format(lo), this.num.format(hi));
  }

  /** `15.7 × 11.8 × 9.84 in`: the sides share one unit label; `letters` prefix sides (`W`, `D`). */
  formatDims(values: readonly number[], letters?: readonly (string | undefined)[]): string {
    const sides = values.map((v, i) => `${letters?.[i] ?? ''}${this.num.format(v)}`);
    return fill(this.single(), sides.join(' × '), '');
  }
}

const formatters = new Map<string, Map<string, UnitFormatter>>();

/** The cached formatter for `unit` in `locale`. */
export function unitFormatter(locale: string, unit: string): UnitFormatter {
  let byUnit = formatters.get(locale);
  if (!byUnit) formatters.set(locale, (byUnit = new Map()));
  let f = byUnit.get(unit);
  if (!f) byUnit.set(unit, (f = new UnitFormatter(locale, unit)));
  return f;
}

const moneyFormats = new Map<string, { nf: Intl.NumberFormat; rtl: boolean }>();

/** `$10.80`, `₩15,000`, `১২৳`: a currency amount in major units. */
export function formatCurrency(locale: string, currency: string, amount: number): string {
  const key = `${locale}\u0000${currency}`;
  let f = moneyFormats.get(key);
  if (!f) {
    f = { nf: new Intl.NumberFormat(locale, { style: 'currency', currency }), rtl: isRtl(locale) };
    moneyFormats.set(key, f);
  }
  const text = f.nf.format(amount);
  return f.rtl && !RTL_CHARS.test(text) ? `${LRI}${text}${PDI}` : text;
}

/** Keeps Latin text (`UK 4–10`) in a left-to-right isolate when the text is right to left. */
export function isolateLatin(rtl: boolean, text: string): string {
  return rtl ? `${LRI}${text}${PDI}` : text;
}
