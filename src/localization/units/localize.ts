// Rewrites a text for one market: every quantity is converted (convert.ts), formatted (format.ts)
// and replaced in place; the list of replacements with their UTF-16 spans lets the translation
// pipeline and the image renderer reuse the work.
import { AppError, currency } from '../../shared/index.ts';
import type { TextContext } from './context.ts';
import { chooseUnit, convertTo } from './convert.ts';
import { formatCurrency, numberFormat, unitFormatter } from './format.ts';
import { parseText, type ParsedText } from './parse.ts';
import { localeProfile, type LocaleProfile } from './profiles.ts';
import { apparelTarget, shoeTarget, waistCm } from './sizes.ts';
import type {
  LocalizedQuantity,
  LocalizedSize,
  LocalizeOptions,
  LocalizeResult,
  Quantity,
  Replacement,
  Target,
} from './types.ts';
import { unitDef } from './unit-table.ts';

interface Job {
  text: string;
  profile: LocaleProfile;
  ctx: TextContext;
  options: LocalizeOptions;
}

function rangeText(locale: string, unit: string, value: number, valueMax: number | undefined): string {
  const f = unitFormatter(locale, unit);
  return valueMax === undefined ? f.format(value) : f.formatRange(value, valueMax);
}

/** The original written in the target locale, for `keepOriginal`: `500 mL`, `1 geun`, `₩15,000`. */
function originalText(q: Quantity, locale: string): string {
  if (q.source) {
    const nf = numberFormat(locale);
    const { value, valueMax, unit } = q.source;
    return `${nf.format(value)}${valueMax === undefined ? '' : `–${nf.format(valueMax)}`} ${unit}`;
  }
  return rangeText(locale, q.unit, q.value, q.valueMax);
}

function krwText(locale: string, value: number, valueMax: number | undefined): string {
  const lo = formatCurrency(locale, 'KRW', value);
  return valueMax === undefined ? lo : `${lo}–${formatCurrency(locale, 'KRW', valueMax)}`;
}

function moneyTarget(q: Quantity, job: Job): { target: Target; flags?: string[] } {
  const { locale } = job.profile;
  const fx = job.options.fx;
  if (!fx) {
    const target: Target = { value: q.value, unit: 'KRW', text: krwText(locale, q.value, q.valueMax) };
    if (q.valueMax !== undefined) target.valueMax = q.valueMax;
    return { target, flags: ['needs-fx'] };
  }
  const scale = 10 ** currency(fx.currency).minorUnits;
  const minor = Math.round(q.value * fx.rate * scale);
  const value = minor / scale;
  const text = formatCurrency(locale, fx.currency, value);
  const target: Target = { value, unit: fx.currency, text, money: { currency: fx.currency, minor } };
  if (q.valueMax !== undefined) {
    target.valueMax = Math.round(q.valueMax * fx.rate * scale) / scale;
    target.text = `${text}–${formatCurrency(locale, fx.currency, target.valueMax)}`;
  }
  if (job.options.keepOriginal) target.text += ` (${krwText(locale, q.value, q.valueMax)})`;
  return { target };
}

function measureTarget(q: Quantity, job: Job): Target {
  const { profile, ctx } = job;
  if (q.kind === 'shoe-size') {
    const t = shoeTarget(q.value, q.valueMax, profile, ctx.gender);
    return { ...t, text: `${t.text} (${rangeText(profile.locale, 'millimeter', q.value, q.valueMax)})` };
  }
  const unit = chooseUnit(q.unit, q.valueMax ?? q.value, !!q.source, profile, ctx);
  const c = convertTo(q.value, q.valueMax, q.unit, unit, !!q.source);
  let text = rangeText(profile.locale, unit, c.value, c.valueMax);
  if (q.label === 'waist' && unit === 'inch' && profile.system === 'metric') {
    text += ` (${rangeText(profile.locale, 'centimeter', waistCm(q.value), q.valueMax && waistCm(q.valueMax))})`;
  } else if (job.options.keepOriginal && (unit !== q.unit || q.source)) {
    text += ` (${originalText(q, profile.locale)})`;
  }
  const target: Target = { value: c.value, unit, text };
  if (c.valueMax !== undefined) target.valueMax = c.valueMax;
  return target;
}

/** One dimension group (`40x30x25cm`): a shared target unit chosen by the longest side. */
function localizeGroup(sides: Quantity[], job: Job): { items: LocalizedQuantity[]; text: string } {
  const { profile, ctx } = job;
  let longest = sides[0] as Quantity;
  for (const side of sides) {
    if (side.value * unitDef(side.unit).toBase > longest.value * unitDef(longest.unit).toBase) longest = side;
  }
  const unit = chooseUnit(longest.unit, longest.value, !!longest.source, profile, ctx);
  const f = unitFormatter(profile.locale, unit);
  const items = sides.map((side) => {
    const c = convertTo(side.value, undefined, side.unit, unit, !!side.source);
    const lq = side as LocalizedQuantity;
    lq.target = { value: c.value, unit, text: f.format(c.value) };
    return lq;
  });
  // Side letters (`W600 x D400 x H750mm`) stay with their numbers.
  const letters = sides.map((s) =>
    s.label && /[WDHL]/.test(job.text[s.start - 1] ?? '') ? job.text[s.start - 1] : '',
  );
  let text = f.formatDims(
    items.map((i) => i.target.value),
    letters,
  );
  if (job.options.keepOriginal && sides.some((s) => s.unit !== unit || s.source)) {
    text += ` (${unitFormatter(profile.locale, longest.unit).formatDims(
      sides.map((s) => s.value),
      letters,
    )})`;
  }
  return { items, text };
}

/** A shoe size written without mm (`사이즈 250` on a sneaker): the same text as `250mm`. */
function shoeSizeText(mm: number, mmMax: number | undefined, job: Job): { system: string; text: string } {
  const t = shoeTarget(mm, mmMax, job.profile, job.ctx.gender);
  return { system: t.unit, text: `${t.text} (${rangeText(job.profile.locale, 'millimeter', mm, mmMax)})` };
}

function validate(options: LocalizeOptions): void {
  const fx = options.fx;
  if (fx && !(Number.isFinite(fx.rate) && fx.rate > 0)) {
    throw new AppError('invalid_input', `FX rate must be a positive number, got ${fx.rate}`, {
      details: { fx },
    });
  }
  if (fx) currency(fx.currency);
}

/** Localizes an already parsed text (see `localizeText`). */
export function localizeParsed(
  parsed: ParsedText,
  locale: string,
  options: LocalizeOptions = {},
): LocalizeResult {
  validate(options);
  const job: Job = { text: parsed.result.text, profile: localeProfile(locale), ctx: parsed.ctx, options };
  const { text, quantities, sizes } = parsed.result;
  const out: LocalizedQuantity[] = [];
  const edits: Replacement[] = [];
  for (let i = 0; i < quantities.length; i++) {
    const q = quantities[i] as Quantity;
    if (q.dimension) {
      const group = quantities.slice(i, i + q.dimension.count);
      const { items, text: replacement } = localizeGroup(group, job);
      out.push(...items);
      const { start, end } = q.dimension;
      edits.push({ start, end, original: text.slice(start, end), text: replacement });
      i += group.length - 1;
      continue;
    }
    const { target, flags } = q.kind === 'money' ? moneyTarget(q, job) : { target: measureTarget(q, job) };
    // The parse result is ours (fresh per call), so the target is attached in place, not copied.
    const lq = q as LocalizedQuantity;
    lq.target = target;
    if (flags) lq.flags = flags;
    out.push(lq);
    edits.push({ start: q.start, end: q.end, original: q.match, text: target.text });
  }
  const result: LocalizeResult = { text, quantities: out, localized: text, replacements: edits };
  if (sizes) {
    const localizedSizes: LocalizedSize[] = [];
    for (const z of sizes) {
      const target =
        z.system === 'kr-shoe'
          ? shoeSizeText(z.value, z.valueMax, job)
          : apparelTarget(z.system, z.value, z.valueMax, job.profile);
      if (!target) continue;
      localizedSizes.push({ ...z, target });
      edits.push({ start: z.start, end: z.end, original: z.match, text: target.text });
    }
    result.sizes = localizedSizes;
    edits.sort((a, b) => a.start - b.start);
  }
  result.localized = applyEdits(text, edits);
  return result;
}

/** Applies non-overlapping edits sorted by start. */
export function applyEdits(text: string, edits: readonly Replacement[]): string {
  if (edits.length === 0) return text;
  let out = '';
  let last = 0;
  for (const e of edits) {
    out += text.slice(last, e.start) + e.text;
    last = e.end;
  }
  return out + text.slice(last);
}

/** Parses and localizes `text` for `locale`. */
export function localizeText(text: string, locale: string, options: LocalizeOptions = {}): LocalizeResult {
  return localizeParsed(parseText(text), locale, options);
}
