import { createHmac, timingSafeEqual } from 'node:crypto';
import { isEmptyValue, type Params } from './params.ts';

/** A secret given as text or as a config `Secret` (anything that reveals its text on demand). */
export type SecretLike = string | { reveal(): string };

function secretText(secret: SecretLike): string {
  return typeof secret === 'string' ? secret : secret.reveal();
}

/**
 * `name1value1name2value2…` over every parameter except `sign`, sorted by name in plain code-unit
 * order (upper case before lower case, as Java's Arrays.sort and Python's sorted do), values raw.
 * Empty values are left out, matching what the client sends (it never sends them).
 */
export function concatSortedParams(params: Params): string {
  const names = Object.keys(params)
    .filter((name) => name !== 'sign' && !isEmptyValue(params[name]))
    .sort();
  let text = '';
  for (const name of names) text += name + params[name];
  return text;
}

/** The Lazop/GOP string to sign: the API path (`/order/get`, no `/rest`) then the sorted params. */
export function lazopStringToSign(apiPath: string, params: Params): string {
  return apiPath + concatSortedParams(params);
}

function hmacHex(secret: SecretLike, message: string | Buffer): string {
  return createHmac('sha256', Buffer.from(secretText(secret), 'utf8'))
    .update(typeof message === 'string' ? Buffer.from(message, 'utf8') : message)
    .digest('hex');
}

/** Lazop/GOP signature (Lazada, Daraz, Miravia, AliExpress `/rest` auth calls): upper-case hex. */
export function signLazop(secret: SecretLike, apiPath: string, params: Params): string {
  return hmacHex(secret, lazopStringToSign(apiPath, params)).toUpperCase();
}

/** IOP/TOP signature for AliExpress `/sync?method=…`: same HMAC, no API-name prefix. */
export function signIopTop(secret: SecretLike, params: Params): string {
  return hmacHex(secret, concatSortedParams(params)).toUpperCase();
}

/** Push (webhook) signature: lower-case hex HMAC-SHA256 of `app_key + raw body`. */
export function signPush(secret: SecretLike, appKey: string, rawBody: string | Buffer): string {
  const body = typeof rawBody === 'string' ? Buffer.from(rawBody, 'utf8') : rawBody;
  return hmacHex(secret, Buffer.concat([Buffer.from(appKey, 'utf8'), body]));
}

/**
 * Checks a push's `Authorization` header against the raw body bytes (never re-serialised JSON),
 * in constant time. Accepts the header in either case.
 */
export function verifyPushSignature(
  secret: SecretLike,
  appKey: string,
  rawBody: string | Buffer,
  header: string | undefined | null,
): boolean {
  if (!header) return false;
  const expected = Buffer.from(signPush(secret, appKey, rawBody), 'utf8');
  const given = Buffer.from(header.trim().toLowerCase(), 'utf8');
  return expected.length === given.length && timingSafeEqual(expected, given);
}
