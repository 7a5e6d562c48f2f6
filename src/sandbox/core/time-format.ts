/**
 * Time formats the platforms use: order times in venture-local `2018-09-22 00:09:17 +0700`,
 * filters in ISO 8601 with a colon offset, product times as epoch-ms strings, AliExpress query
 * times in US Pacific `yyyy-MM-dd HH:mm:ss`.
 */
const FORMATTERS = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = FORMATTERS.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      timeZoneName: 'longOffset',
    });
    FORMATTERS.set(timeZone, f);
  }
  return f;
}

interface LocalParts {
  date: string;
  time: string;
  /** `+07:00` */
  offset: string;
}

function localParts(ms: number, timeZone: string): LocalParts {
  const parts: Record<string, string> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(ms))) parts[p.type] = p.value;
  const tz = parts.timeZoneName ?? 'GMT';
  const offset = tz === 'GMT' ? '+00:00' : tz.replace('GMT', '');
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    time: `${parts.hour}:${parts.minute}:${parts.second}`,
    offset,
  };
}

/** `2018-09-22 00:09:17 +0700`: what order APIs return. */
export function formatOrderTime(ms: number, timeZone: string): string {
  const p = localParts(ms, timeZone);
  return `${p.date} ${p.time} ${p.offset.replace(':', '')}`;
}

/** `2018-09-22T00:09:17+07:00`. */
export function formatIsoLocal(ms: number, timeZone: string): string {
  const p = localParts(ms, timeZone);
  return `${p.date}T${p.time}${p.offset}`;
}

/** `2018-09-22 00:09:17` in the zone (product special dates, AliExpress Pacific times). */
export function formatLocalDateTime(ms: number, timeZone: string): string {
  const p = localParts(ms, timeZone);
  return `${p.date} ${p.time}`;
}

const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?([+-]\d{2}:\d{2}|Z)$/;

/** Parses a filter time `YYYY-MM-DDTHH:mm:ss±HH:MM` (or Z); undefined when not in that form. */
export function parseIsoFilter(text: string): number | undefined {
  if (!ISO_WITH_OFFSET.test(text)) return undefined;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? undefined : ms;
}

/**
 * Parses a local `yyyy-MM-dd HH:mm:ss` (or `yyyy-MM-dd`) in a time zone; undefined if malformed.
 * Used for special-price dates, which the platforms read in venture-local time.
 */
export function parseLocalDateTime(text: string, timeZone: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(text.trim());
  if (!m) return undefined;
  const [, y, mo, d, h = '0', mi = '0', s = '0'] = m;
  const asUtc = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  if (Number.isNaN(asUtc)) return undefined;
  // The zone's offset at that instant (close enough across DST edges for a simulator).
  const offset = localParts(asUtc, timeZone).offset;
  const sign = offset.startsWith('-') ? -1 : 1;
  const [oh = '0', om = '0'] = offset.slice(1).split(':');
  return asUtc - sign * (Number(oh) * 60 + Number(om)) * 60_000;
}

/** The request `timestamp` parameter: epoch ms digits, or UTC text like `2017-11-11T12:00:00Z`. */
export function parseRequestTimestamp(text: string): number | undefined {
  if (/^\d{10,16}$/.test(text)) return Number(text);
  if (/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:?\d{2})?$/.test(text)) {
    const normalized = text.replace(' ', 'T');
    const ms = Date.parse(/Z|[+-]\d{2}:?\d{2}$/.test(normalized) ? normalized : `${normalized}Z`);
    return Number.isNaN(ms) ? undefined : ms;
  }
  return undefined;
}
