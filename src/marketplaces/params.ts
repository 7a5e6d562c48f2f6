/**
 * Request parameters as the gateways see them: flat name → string. Objects and arrays become the
 * exact JSON text that is both sent and signed; empty values are dropped, because the official
 * SDKs disagree on whether an empty value is signed (Java drops it, Python/PHP sign `name` + ""),
 * so the only safe rule is never to send one.
 */
export type ParamInput = string | number | boolean | bigint | null | undefined | object;

export type Params = Record<string, string>;

/** Serialises one value the way it travels: strings raw, numbers plain, objects as JSON. */
export function paramValue(value: ParamInput): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return undefined;
    return String(value);
  }
  if (typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (value instanceof Date) return String(value.getTime());
  return JSON.stringify(value);
}

/** True when a value would be dropped (absent, empty or whitespace only). */
export function isEmptyValue(value: string | undefined): boolean {
  return value === undefined || value.trim() === '';
}

/** Normalises caller input into the parameters actually sent; empty values are removed. */
export function normalizeParams(input: Record<string, ParamInput>): Params {
  const out: Params = {};
  for (const [name, raw] of Object.entries(input)) {
    const value = paramValue(raw);
    if (!isEmptyValue(value)) out[name] = value as string;
  }
  return out;
}
