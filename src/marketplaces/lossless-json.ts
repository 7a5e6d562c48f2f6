/**
 * JSON parsing that never loses an id. Real gateway bodies mix numbers and strings for ids
 * (order_id as a JSON number in one body, a string in the next) and ids reach ~1.4e15, so any
 * integer literal too long to be exact as a double is turned into a string before JSON.parse;
 * adapters then read ids with `idString()`, which gives a string either way.
 */
export function parseJsonLossless(text: string): unknown {
  return JSON.parse(quoteLongIntegers(text));
}

/** Integer literals with 16+ digits (≥ 2^53 territory) outside strings are quoted. */
export function quoteLongIntegers(text: string): string {
  let out = '';
  let last = 0;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 34 /* " */) {
      i++;
      while (i < n) {
        const d = text.charCodeAt(i);
        if (d === 92 /* \ */) i += 2;
        else if (d === 34) {
          i++;
          break;
        } else i++;
      }
      continue;
    }
    if (c === 45 /* - */ || (c >= 48 && c <= 57)) {
      const start = i;
      i++;
      while (i < n) {
        const d = text.charCodeAt(i);
        if ((d >= 48 && d <= 57) || d === 46 || d === 101 || d === 69 || d === 43 || d === 45) i++;
        else break;
      }
      const literal = text.slice(start, i);
      const digits = literal.startsWith('-') ? literal.length - 1 : literal.length;
      if (digits >= 16 && /^-?\d+$/.test(literal)) {
        out += text.slice(last, start) + '"' + literal + '"';
        last = i;
      }
      continue;
    }
    i++;
  }
  return last === 0 ? text : out + text.slice(last);
}

/** An id as a string whether the body carried it as a number or a string; undefined if absent. */
export function idString(value: unknown): string | undefined {
  if (typeof value === 'string') return value === '' ? undefined : value;
  if (typeof value === 'number' && Number.isFinite(value))
    return Number.isInteger(value) ? value.toFixed(0) : String(value);
  if (typeof value === 'bigint') return value.toString();
  return undefined;
}

/** A number from a body that may stringify it ("3", 3); undefined when not a number. */
export function numberValue(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string' && value.trim() !== '') {
    const n = Number(value);
    return Number.isFinite(n) ? n : undefined;
  }
  return undefined;
}

/** A string field, or undefined; numbers and booleans are rendered as text. */
export function stringValue(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint')
    return String(value);
  return undefined;
}

/** Booleans arrive as true, "true", 1 or "1". */
export function booleanValue(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (value === 'true' || value === 1 || value === '1') return true;
  if (value === 'false' || value === 0 || value === '0') return false;
  return undefined;
}

export type JsonObject = Record<string, unknown>;

/** The value as a plain object, or an empty one. */
export function asObject(value: unknown): JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as JsonObject) : {};
}

/** The value as an array; a lone object becomes a one-element array (XML-ish bodies do that). */
export function asArray(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  if (value === undefined || value === null || value === '') return [];
  return [value];
}
