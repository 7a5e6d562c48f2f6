import type { Store } from '../db/index.ts';
import { listTokenExpiries, tokenHealth, type TokenHealth } from '../marketplaces/index.ts';
import type { Scope } from '../shared/index.ts';
import { listChannels } from './channels.ts';

/**
 * A seller's connection to a site, as the operations screen shows it: the channel (which routes
 * the site's orders to the seller) and the expiry of the token it calls the site with. Token
 * values are never read: only their expiry times.
 */
export interface Connection {
  sellerId: string;
  /** Null for a token no channel uses yet (authorized, but no site registered). */
  site: string | null;
  platform: string;
  externalSellerId: string | null;
  channelStatus: 'active' | 'paused' | null;
  token: { accessExpiresAt: string; refreshExpiresAt: string | null; updatedAt: string } | null;
  /** Token health (marketplaces/token-expiry.ts), or `missing` when the channel's token is absent. */
  status: TokenHealth | 'missing';
}

/** Connections in scope (a seller sees its own), by seller then site. */
export async function listConnections(
  store: Pick<Store, 'query'>,
  scope: Scope,
  now: Date,
): Promise<Connection[]> {
  const [channels, tokens] = [await listChannels(store, scope), await listTokenExpiries(store, scope)];
  const byKey = new Map(tokens.map((t) => [t.key, t]));
  const used = new Set(channels.map((c) => c.tokenKey));
  const view = (t: (typeof tokens)[number] | undefined) =>
    t
      ? {
          token: {
            accessExpiresAt: t.accessExpiresAt.toISOString(),
            refreshExpiresAt: t.refreshExpiresAt?.toISOString() ?? null,
            updatedAt: t.updatedAt.toISOString(),
          },
          status: tokenHealth(t, now),
        }
      : { token: null, status: 'missing' as const };
  const out: Connection[] = channels.map((c) => ({
    sellerId: c.sellerId,
    site: c.site,
    platform: c.platform,
    externalSellerId: c.externalSellerId,
    channelStatus: c.status,
    ...view(byKey.get(c.tokenKey)),
  }));
  for (const t of tokens) {
    if (used.has(t.key)) continue;
    out.push({
      sellerId: t.sellerId,
      site: null,
      platform: t.platform,
      externalSellerId: null,
      channelStatus: null,
      ...view(t),
    });
  }
  // By seller, then site; tokens no channel uses last.
  const key = (c: Connection) => `${c.sellerId}\u0000${c.site ?? '\uffff'}`;
  return out.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}
