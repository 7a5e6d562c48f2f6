import { AppError } from '../shared/index.ts';

/**
 * Marketplace time formats. Requests want ISO 8601 with an explicit colon offset for filters,
 * `yyyy-MM-dd HH:mm:ss` (venture-local) for product sale dates, `yyyy-MM-dd` for price dates, and
 * AliExpress query windows in US Pacific time. Responses mix `2018-09-22 00:09:17 +0700`,
 * ISO with offset, epoch seconds and epoch milliseconds (as numbers or strings).
 */

export const ALIEXPRESS_TIME_ZONE = 'America/Los_Angeles';

interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function localParts(date: Date, timeZone: string): LocalParts {
  let fmt = formatters.get(timeZone);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, fmt);
  }
  const parts: Record<string, number> = {};
  for (const p of fmt.formatToParts(date)) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  return {
    year: parts.year ?? 0,
    month: parts.month ?? 0,
    day: parts.day ?? 0,
    hour: parts.hour ?? 0,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
  };
}

/** Minutes east of UTC for a time zone at an instant (DST-aware: Europe/Madrid, US Pacific). */
export function offsetMinutes(date: Date, timeZone: string): number {
  const p = localParts(date, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return Math.round((asUtc - Math.floor(date.getTime() / 1000) * 1000) / 60000);
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

function offsetText(minutes: number, colon: boolean): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${pad(Math.floor(abs / 60))}${colon ? ':' : ''}${pad(abs % 60)}`;
}

/** `2018-02-10T16:00:00+08:00` in the given zone: the filter format of `/orders/get` and friends. */
export function formatIsoWithOffset(date: Date, timeZone: string): string {
  const p = localParts(date, timeZone);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}${offsetText(offsetMinutes(date, timeZone), true)}`;
}

/** `yyyy-MM-dd HH:mm:ss` local to the zone (sale dates; AliExpress windows in Pacific time). */
export function formatLocalDateTime(date: Date, timeZone: string): string {
  const p = localParts(date, timeZone);
  return `${p.year}-${pad(p.month)}-${pad(p.day)} ${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}`;
}

/** `yyyy-MM-dd` local to the zone (price/quantity sale dates). */
export function formatLocalDate(date: Date, timeZone: string): string {
  return formatLocalDateTime(date, timeZone).slice(0, 10);
}

/** AliExpress order-query time: US Pacific, `yyyy-MM-dd HH:mm:ss`. */
export function formatPacific(date: Date): string {
  return formatLocalDateTime(date, ALIEXPRESS_TIME_ZONE);
}

/** The UTC instant of a wall-clock time in a zone (two passes settle DST edges). */
export function zonedTimeToUtc(parts: LocalParts, timeZone: string): Date {
  const naive = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
  let guess = naive - offsetMinutes(new Date(naive), timeZone) * 60000;
  guess = naive - offsetMinutes(new Date(guess), timeZone) * 60000;
  return new Date(guess);
}

const WITH_OFFSET =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3})\d*)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * Parses any time a marketplace sends: epoch s or ms (number or digits), ISO 8601 with `Z` or
 * offset, `yyyy-MM-dd HH:mm:ss +0700`, or a zone-less local time read in `localZone`
 * (AliExpress answers in Pacific time). Throws `invalid_input` on anything else.
 */
export function parseMarketplaceTime(value: unknown, localZone?: string): Date {
  if (typeof value === 'number' || (typeof value === 'string' && /^\d{9,13}$/.test(value.trim()))) {
    const n = Number(value);
    // 10 digits are seconds until the year 2286; 13 digits are milliseconds.
    return new Date(n < 1e11 ? n * 1000 : n);
  }
  if (typeof value !== 'string') {
    throw new AppError('invalid_input', `not a marketplace time: ${String(value)}`);
  }
  const m = WITH_OFFSET.exec(value.trim());
  if (!m) throw new AppError('invalid_input', `not a marketplace time: ${value}`);
  const [, y, mo, d, h, mi, s, ms, off] = m;
  const parts: LocalParts = {
    year: Number(y),
    month: Number(mo),
    day: Number(d),
    hour: Number(h),
    minute: Number(mi),
    second: Number(s ?? 0),
  };
  const millis = ms ? Number(ms.padEnd(3, '0')) : 0;
  if (!off) {
    if (!localZone) throw new AppError('invalid_input', `time without offset and no zone given: ${value}`);
    return new Date(zonedTimeToUtc(parts, localZone).getTime() + millis);
  }
  const utc = Date.UTC(
    parts.year,
    parts.month - 1,
    parts.day,
    parts.hour,
    parts.minute,
    parts.second,
    millis,
  );
  if (off === 'Z') return new Date(utc);
  const digits = off.replace(':', '');
  const sign = digits.startsWith('-') ? -1 : 1;
  const minutes = Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5));
  return new Date(utc - sign * minutes * 60000);
}

/** Like parseMarketplaceTime but undefined for absent/empty/unparseable values (optional fields). */
export function parseOptionalTime(value: unknown, localZone?: string): Date | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  try {
    return parseMarketplaceTime(value, localZone);
  } catch {
    return undefined;
  }
}
