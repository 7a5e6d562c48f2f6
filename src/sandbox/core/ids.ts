import { randomBytes } from 'node:crypto';

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** Random letters and digits, for tokens and codes. */
export function randomAlnum(length: number): string {
  const bytes = randomBytes(length);
  let out = '';
  for (const b of bytes) out += ALNUM[b % ALNUM.length];
  return out;
}

let requestSeq = 0;

/**
 * A request id shaped like the gateway's (`0ba2887315178178017221014`: 8 hex of a host, 13 digits
 * of epoch ms, a 4-digit sequence), 25 characters.
 */
export function newRequestId(nowMs: number): string {
  requestSeq = (requestSeq + 1) % 10000;
  return `7f000001${String(nowMs).padStart(13, '0').slice(-13)}${String(requestSeq).padStart(4, '0')}`;
}

/** `0_<app key>_<25 chars>`, the shape of a real authorization code. */
export function newAuthCode(appKey: string): string {
  return `0_${appKey}_${randomAlnum(25)}`;
}

export function newAccessToken(): string {
  return `50000${randomAlnum(59)}`;
}

export function newRefreshToken(): string {
  return `50001${randomAlnum(59)}`;
}
