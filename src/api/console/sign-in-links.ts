import { randomBytes } from 'node:crypto';

/**
 * One-time sign-in links for the console (`npm start` prints one): the link carries a random code,
 * never the API key; the code is exchanged once for the key and expires after `ttlMs`. Codes live
 * in this server process only.
 */
export class SignInLinks {
  readonly #codes = new Map<string, { key: string; expiresAt: number }>();

  constructor(
    private readonly ttlMs = 15 * 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** A new code for this key. */
  create(key: string): string {
    const code = randomBytes(24).toString('base64url');
    this.#codes.set(code, { key, expiresAt: this.now() + this.ttlMs });
    return code;
  }

  /** The key for a code, once; undefined when unknown, used or expired. */
  redeem(code: string): string | undefined {
    const entry = this.#codes.get(code);
    this.#codes.delete(code);
    for (const [c, e] of this.#codes) if (e.expiresAt <= this.now()) this.#codes.delete(c);
    return entry && entry.expiresAt > this.now() ? entry.key : undefined;
  }
}
