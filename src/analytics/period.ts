import { AppError, type Clock } from '../shared/index.ts';

/**
 * Calendar days in Asia/Seoul, the operator's time zone. Korea has kept UTC+9 without daylight
 * saving since 1988, so a KST day is the fixed UTC interval [D-1 15:00, D 15:00).
 */
export const ANALYTICS_TIME_ZONE = 'Asia/Seoul' as const;
const KST_OFFSET_MS = 9 * 3_600_000;
const DAY_MS = 86_400_000;
/** The longest period one report may cover. */
export const MAX_PERIOD_DAYS = 366;
export const DEFAULT_PERIOD_DAYS = 30;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A YYYY-MM-DD date as days since 1970-01-01, or undefined when it is not a real calendar date. */
export function parseDay(value: string): number | undefined {
  const m = DATE.exec(value);
  if (!m) return undefined;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  const day = ms / DAY_MS;
  return formatDay(day) === value ? day : undefined;
}

export function formatDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Today's date in Seoul by the app clock, as a day number. */
export function todayKst(clock: Clock): number {
  return Math.floor((clock.now().getTime() + KST_OFFSET_MS) / DAY_MS);
}

/** The instant a KST day starts. */
export function kstDayStart(day: number): Date {
  return new Date(day * DAY_MS - KST_OFFSET_MS);
}

/** An inclusive range of KST days. */
export interface DayRange {
  from: number;
  to: number;
}

export function rangeDays(r: DayRange): number {
  return r.to - r.from + 1;
}

/** The previous range of the same length, ending the day before. */
export function previousRange(r: DayRange): DayRange {
  const n = rangeDays(r);
  return { from: r.from - n, to: r.from - 1 };
}

function dayParam(name: 'from' | 'to', value: string): number {
  const day = parseDay(value);
  if (day === undefined) {
    throw new AppError('invalid_input', `${name}: must be a calendar date YYYY-MM-DD, got "${value}"`, {
      details: { parameter: name },
    });
  }
  return day;
}

/**
 * The period a report covers: [from, to] inclusive, by default the last 30 days ending today (KST).
 * Throws invalid_input naming the parameter for a bad date, to before from, or more than 366 days.
 */
export function resolvePeriod(query: { from?: string; to?: string }, clock: Clock): DayRange {
  const to = query.to === undefined ? undefined : dayParam('to', query.to);
  const from = query.from === undefined ? undefined : dayParam('from', query.from);
  const end = to ?? (from === undefined ? todayKst(clock) : Math.max(from, todayKst(clock)));
  const start = from ?? end - (DEFAULT_PERIOD_DAYS - 1);
  if (end < start) {
    throw new AppError('invalid_input', `to: ${formatDay(end)} is before from ${formatDay(start)}`, {
      details: { parameter: 'to' },
    });
  }
  if (end - start + 1 > MAX_PERIOD_DAYS) {
    throw new AppError('invalid_input', `to: the period may cover at most ${MAX_PERIOD_DAYS} days`, {
      details: { parameter: 'to', days: end - start + 1 },
    });
  }
  return { from: start, to: end };
}

/** Days in a calendar year, and the day number of its 1 January. */
export function yearRange(year: number): DayRange {
  return { from: Date.UTC(year, 0, 1) / DAY_MS, to: Date.UTC(year + 1, 0, 1) / DAY_MS - 1 };
}
