/**
 * Expected outcomes as tagged results: `{ ok: true, value }` or `{ ok: false, error }` where the
 * error is itself a tagged union with a `kind` (e.g. { kind: 'needs-translation' }).
 */
export type Result<T, E extends { kind: string }> = { ok: true; value: T } | { ok: false; error: E };

export function ok<T>(value: T): { ok: true; value: T } {
  return { ok: true, value };
}

export function err<E extends { kind: string }>(error: E): { ok: false; error: E } {
  return { ok: false, error };
}
