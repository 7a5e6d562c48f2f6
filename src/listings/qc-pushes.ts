import type { ListingsDeps } from './listing-deps.ts';
import { pollQc } from './qc.ts';

/** Lazada, Daraz and Miravia push type 1: a product's QC decision (research §2, push types). */
export const QC_PUSH_TYPE = 1;

/**
 * Acts on QC pushes as they arrive: each names an item on a site, and the site's waiting
 * listings are read back at once (one poll per site at a time; pushes arriving meanwhile ask for one
 * more round). Polling on its timer stays the safety net for pushes that never come.
 */
export function qcPushHandler(
  deps: ListingsDeps,
): (entries: readonly { messageType: number; site: string | null }[]) => Promise<void> {
  const running = new Map<string, Promise<void>>();
  const again = new Set<string>();
  const poll = (site: string): Promise<void> => {
    const busy = running.get(site);
    if (busy) {
      again.add(site);
      return busy;
    }
    const round = pollQc(deps, site)
      .then(() => undefined)
      .catch((e: unknown) => deps.logger?.warn({ site, err: (e as Error).message }, 'QC after a push failed'))
      .finally(() => {
        running.delete(site);
        if (again.delete(site)) void poll(site);
      });
    running.set(site, round);
    return round;
  };
  return async (entries) => {
    const sites = new Set(
      entries.filter((e) => e.messageType === QC_PUSH_TYPE && e.site).map((e) => e.site!),
    );
    await Promise.all([...sites].map(poll));
  };
}
