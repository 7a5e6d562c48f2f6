// Korean shoe sizes (foot length in mm) and apparel sizes to the systems each market reads. The
// tables are data/kr_*size* (sources and caveats inside them); equivalents are approximate, so
// the Korean size always stays in the output: `US M 7 / W 8 (250 mm)`, `US 4–6 (KR 55)`.
import { readFileSync } from 'node:fs';
import mensTops from '../../../data/kr_mens_tops_sizes.json' with { type: 'json' };
import womens from '../../../data/kr_womens_clothing_sizes.json' with { type: 'json' };
import waist from '../../../data/kr_bottoms_waist.json' with { type: 'json' };
import type { Gender } from './context.ts';
import { isolateLatin, numberFormat } from './format.ts';
import type { LocaleProfile, ShoeSystem } from './profiles.ts';
import type { KrApparelSystem } from './types.ts';

interface ShoeRow {
  usMen: number;
  usWomen: number;
  uk: number;
  eu: number;
}

const half = (v: number): number => Math.round(v * 2) / 2;
// Outside the table: the retail rule of thumb for US (W = (mm−170)/10, M = (mm−180)/10) and the
// foot-length formulas for UK (3·in − 23) and EU (1.5·cm + 2), as the CSV's header documents.
function formulaRow(mm: number): ShoeRow {
  return {
    usMen: half((mm - 180) / 10),
    usWomen: half((mm - 170) / 10),
    uk: half((3 * mm) / 25.4 - 23),
    eu: half(1.5 * (mm / 10) + 2),
  };
}

function loadShoes(): Map<number, ShoeRow> {
  const csv = readFileSync(new URL('../../../data/kr_shoe_size_conversion.csv', import.meta.url), 'utf8');
  const lines = csv.split(/\r?\n/).filter((l) => l && !l.startsWith('#'));
  const header = (lines.shift() ?? '').split(',');
  const col = (name: string): number => header.indexOf(name);
  const table = new Map<number, ShoeRow>();
  for (const line of lines) {
    const cells = line.split(',');
    const mm = Number(cells[col('kr_mm')]);
    const formula = formulaRow(mm);
    const num = (name: string, fallback: number): number => {
      const v = cells[col(name)];
      return v ? Number(v) : fallback;
    };
    table.set(mm, {
      usMen: num('retail_us_men', formula.usMen),
      usWomen: num('retail_us_women', formula.usWomen),
      uk: num('formula_uk', formula.uk),
      eu: num('formula_eu', formula.eu),
    });
  }
  return table;
}

const SHOES = loadShoes();

/** US (retail chart), UK and EU sizes for a Korean shoe size in mm. */
export function shoeSize(mm: number): ShoeRow {
  return SHOES.get(mm) ?? formulaRow(mm);
}

export interface ShoeTarget {
  value: number;
  valueMax?: number;
  unit: string;
  text: string;
}

function span(locale: string, lo: number, hi: number | undefined): string {
  const nf = numberFormat(locale);
  return hi === undefined || hi === lo ? nf.format(lo) : `${nf.format(lo)}–${nf.format(hi)}`;
}

interface Piece {
  unit: string;
  text: string;
  lo: number;
  hi?: number;
}

function piece(
  profile: LocaleProfile,
  unit: string,
  prefix: string,
  key: keyof ShoeRow,
  lo: ShoeRow,
  hi: ShoeRow | undefined,
): Piece {
  const p: Piece = { unit, text: `${prefix}${span(profile.locale, lo[key], hi?.[key])}`, lo: lo[key] };
  if (hi) p.hi = hi[key];
  return p;
}

/** `US M 5–10 / W 6–11`, `EU 36.5–44`, `UK 4–10 / EU 36.5–44`, for one market and gender. */
export function shoeTarget(
  mm: number,
  mmMax: number | undefined,
  profile: LocaleProfile,
  gender: Gender,
): ShoeTarget {
  const lo = shoeSize(mm);
  const hi = mmMax === undefined ? undefined : shoeSize(mmMax);
  const pieces: Piece[] = [];
  for (const system of profile.shoe as ShoeSystem[]) {
    if (system === 'US') {
      if (gender !== 'women') pieces.push(piece(profile, 'shoe-us-men', 'US M ', 'usMen', lo, hi));
      if (gender !== 'men') {
        const prefix = gender === 'women' ? 'US W ' : 'W ';
        pieces.push(piece(profile, 'shoe-us-women', prefix, 'usWomen', lo, hi));
      }
    } else if (system === 'UK') pieces.push(piece(profile, 'shoe-uk', 'UK ', 'uk', lo, hi));
    else pieces.push(piece(profile, 'shoe-eu', 'EU ', 'eu', lo, hi));
  }
  const first = pieces[0] ?? { unit: 'shoe-eu', text: '', lo: lo.eu };
  const text = isolateLatin(profile.rtl, pieces.map((p) => p.text).join(' / '));
  const target: ShoeTarget = { value: first.lo, unit: first.unit, text };
  if (first.hi !== undefined) target.valueMax = first.hi;
  return target;
}

interface ApparelRow {
  letter: string;
  us: string;
  uk?: string;
  eu?: string;
}

const WOMEN = new Map<number, ApparelRow>(
  womens.sizes.map((s) => [Number(s.kr), { letter: s.letter, us: s.us, uk: s.uk, eu: s.eu }]),
);
const MEN = new Map<number, ApparelRow>(
  mensTops.sizes.map((s) => [Number(s.kr), { letter: s.letter, us: s.us }]),
);

/** Joins two table cells into one range: `0-2` … `8-10` → `0–10`; `XS` … `M` → `XS–M`. */
function joinCells(a: string, b: string | undefined): string {
  const first = a.split(/[-/]/)[0] ?? a;
  const last = b === undefined ? undefined : (b.split(/[-/]/).pop() ?? b);
  const lo = b === undefined ? a : first;
  return (last === undefined || last === lo ? lo : `${lo}-${last}`).replace(/-/g, '–');
}

function localDigits(locale: string, text: string): string {
  const nf = numberFormat(locale);
  return text.replace(/\d+(?:\.\d+)?/g, (d) => nf.format(Number(d)));
}

/** `US 4–6 (KR 55)`, `EU 36–38 (KR 55)`, `M (KR 100)`: a Korean apparel size for a market. */
export function apparelTarget(
  system: KrApparelSystem,
  value: number,
  valueMax: number | undefined,
  profile: LocaleProfile,
): { system: string; text: string } | undefined {
  const table = system === 'kr-women' ? WOMEN : MEN;
  const lo = table.get(value);
  const hi = valueMax === undefined ? undefined : table.get(valueMax);
  if (!lo || (valueMax !== undefined && !hi)) return undefined;
  const kr = `KR ${span(profile.locale, value, valueMax)}`;
  let out: { system: string; label: string };
  if (profile.apparel === 'letter') out = { system: 'letter', label: joinCells(lo.letter, hi?.letter) };
  else if (system === 'kr-men') {
    // KS men's numbers run about one letter larger than US letters (KR 100 ≈ US M); Western
    // markets read US letters, which is also what UK and EU shops use for tops.
    const letters = joinCells(lo.us, hi?.us);
    out = { system: 'us-letter', label: profile.apparel === 'US' ? `US ${letters}` : letters };
  } else {
    const key = profile.apparel === 'US' ? 'us' : profile.apparel === 'UK' ? 'uk' : 'eu';
    const cell = (row: ApparelRow): string => row[key] ?? row.us;
    out = { system: key, label: `${profile.apparel} ${joinCells(cell(lo), hi && cell(hi))}` };
  }
  return {
    system: out.system,
    text: isolateLatin(profile.rtl, `${localDigits(profile.locale, out.label)} (${kr})`),
  };
}

const WAIST_CM = new Map<number, number>(waist.waist.map((w) => [w.inch, w.cm]));

/** Waist circumference in cm for a waist size in inches (table, else 2.54 cm/in to 0.1 cm). */
export function waistCm(inch: number): number {
  return WAIST_CM.get(inch) ?? Math.round(inch * 25.4) / 10;
}
