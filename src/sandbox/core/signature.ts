import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The sandbox's own signature check, written from the platforms' documented algorithm (not shared
 * with the client, so the sandbox is an independent check of it): every received parameter but
 * `sign` (files never reach here), sorted by name in code-unit order, `name + value` concatenated
 * raw, prefixed with the API path for Lazop/GOP (`/order/get`) and with nothing for AliExpress
 * `/sync`; HMAC-SHA256 keyed by the app secret (legacy `hmac` = HMAC-MD5), hex.
 */
export function computeSign(
  secret: string,
  prefix: string,
  params: Readonly<Record<string, string>>,
  options: { signMethod: string; includeEmpty: boolean },
): string {
  const names = Object.keys(params)
    .filter((n) => n !== 'sign' && (options.includeEmpty || (params[n] ?? '').trim() !== ''))
    .sort();
  let text = prefix;
  for (const n of names) text += n + params[n];
  const algorithm = options.signMethod === 'hmac' ? 'md5' : 'sha256';
  return createHmac(algorithm, Buffer.from(secret, 'utf8'))
    .update(Buffer.from(text, 'utf8'))
    .digest('hex')
    .toUpperCase();
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * True when `sign` matches. SDKs disagree on empty values (the Java SDK drops them, Python and
 * PHP sign `name` + ""), and both work against the real gateway, so either reading is accepted.
 */
export function verifySign(
  secret: string,
  prefix: string,
  params: Readonly<Record<string, string>>,
  signMethod: string,
): boolean {
  const given = (params.sign ?? '').toUpperCase();
  if (given === '') return false;
  if (sameText(computeSign(secret, prefix, params, { signMethod, includeEmpty: true }), given)) return true;
  const hasEmpty = Object.entries(params).some(([n, v]) => n !== 'sign' && v.trim() === '');
  return (
    hasEmpty && sameText(computeSign(secret, prefix, params, { signMethod, includeEmpty: false }), given)
  );
}

/** Push `Authorization` header: lower-case hex HMAC-SHA256(app secret, app key + raw body). */
export function pushSignature(appKey: string, appSecret: string, rawBody: string): string {
  return createHmac('sha256', Buffer.from(appSecret, 'utf8'))
    .update(Buffer.from(appKey + rawBody, 'utf8'))
    .digest('hex');
}

/** A stable content hash (image hash codes, migrated URLs). */
export function md5Hex(text: string | Uint8Array): string {
  return createHash('md5').update(text).digest('hex');
}
