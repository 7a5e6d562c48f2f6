import { siteByKey, type Site } from '../core/sites.ts';

/** A bad admin request (answered 400, or 404 with `notFound`). */
export class AdminError extends Error {
  constructor(
    message: string,
    readonly notFound = false,
  ) {
    super(message);
  }
}

/** The site of a site key, or a 400. */
export function siteOf(key: string): Site {
  const site = siteByKey(key);
  if (!site) throw new AdminError(`unknown site "${key}" (use e.g. lazada-sg)`);
  return site;
}
