import type { Store } from '../db/index.ts';
import {
  connectMarketplace,
  getSite,
  type MarketplaceAdapter,
  type MarketplaceConnection,
  type Platform,
  type RateLimiter,
  type Site,
  type TokenStore,
} from '../marketplaces/index.ts';
import { AppError, scopedSellerId, type Scope } from '../shared/index.ts';

/**
 * A channel is one seller's account on one site. Pushes name the marketplace's seller id; the
 * channel routes them to our seller, says which token to call the site with, and holds the
 * polling sweep's cursor.
 */
export interface OrderChannel {
  site: string;
  platform: string;
  externalSellerId: string;
  sellerId: string;
  tokenKey: string;
  status: 'active' | 'paused';
  sweptUntil: Date | null;
}

type ChannelRow = {
  site: string;
  platform: string;
  external_seller_id: string;
  seller_id: string;
  token_key: string;
  status: 'active' | 'paused';
  swept_until: Date | null;
};

const toChannel = (r: ChannelRow): OrderChannel => ({
  site: r.site,
  platform: r.platform,
  externalSellerId: r.external_seller_id,
  sellerId: r.seller_id,
  tokenKey: r.token_key,
  status: r.status,
  sweptUntil: r.swept_until,
});

/** The site id of a platform and venture (`lazada-sg`, `aliexpress-global`). */
export function siteIdOf(platform: string, venture: string | undefined): string {
  return getSite(platform as Platform, venture).id;
}

export function siteById(siteId: string): Site {
  const dash = siteId.indexOf('-');
  if (dash < 0) throw new AppError('invalid_input', `site: "${siteId}" is not a site id like lazada-sg`);
  return getSite(siteId.slice(0, dash) as Platform, siteId.slice(dash + 1));
}

/** Registers (or re-points) a seller's account on a site. Idempotent. */
export async function registerChannel(
  store: Pick<Store, 'query'>,
  input: { site: string; externalSellerId: string; sellerId: string; tokenKey: string; sweepFrom?: Date },
): Promise<OrderChannel> {
  const site = siteById(input.site);
  const [row] = await store.query<ChannelRow>(
    `INSERT INTO order_channels (site, external_seller_id, seller_id, platform, token_key, swept_until)
     VALUES ($1,$2,$3,$4,$5,$6)
     ON CONFLICT (site, external_seller_id) DO UPDATE SET seller_id = EXCLUDED.seller_id,
       token_key = EXCLUDED.token_key, status = 'active'
     RETURNING site, platform, external_seller_id, seller_id, token_key, status, swept_until`,
    [site.id, input.externalSellerId, input.sellerId, site.platform, input.tokenKey, input.sweepFrom ?? null],
  );
  return toChannel(row!);
}

/** Channels in scope (a seller sees its own). */
export async function listChannels(store: Pick<Store, 'query'>, scope: Scope): Promise<OrderChannel[]> {
  const rows = await store.query<ChannelRow>(
    `SELECT site, platform, external_seller_id, seller_id, token_key, status, swept_until FROM order_channels
     WHERE ($1::text IS NULL OR seller_id = $1) ORDER BY seller_id, site`,
    [scopedSellerId(scope) ?? null],
  );
  return rows.map(toChannel);
}

/**
 * Channel lookups for the processor, cached: channels change rarely and every push needs one.
 * A miss is looked up again after `missTtlMs`, so a channel registered later is found.
 */
export class ChannelDirectory {
  #byKey = new Map<string, { channel: OrderChannel | undefined; at: number }>();

  constructor(
    private readonly store: Pick<Store, 'query'>,
    private readonly missTtlMs = 5_000,
  ) {}

  async find(site: string, externalSellerId: string): Promise<OrderChannel | undefined> {
    const key = `${site}\n${externalSellerId}`;
    const hit = this.#byKey.get(key);
    if (hit && (hit.channel || Date.now() - hit.at < this.missTtlMs)) return hit.channel;
    const [row] = await this.store.query<ChannelRow>(
      `SELECT site, platform, external_seller_id, seller_id, token_key, status, swept_until FROM order_channels
       WHERE site = $1 AND external_seller_id = $2`,
      [site, externalSellerId],
    );
    const channel = row ? toChannel(row) : undefined;
    this.#byKey.set(key, { channel, at: Date.now() });
    return channel;
  }

  /** The channel that handles an order of our seller on a site (for seller actions). */
  async forSeller(site: string, sellerId: string): Promise<OrderChannel> {
    const [row] = await this.store.query<ChannelRow>(
      `SELECT site, platform, external_seller_id, seller_id, token_key, status, swept_until FROM order_channels
       WHERE site = $1 AND seller_id = $2 ORDER BY created_at LIMIT 1`,
      [site, sellerId],
    );
    if (!row) throw new AppError('not_found', `seller ${sellerId} has no account on ${site}`);
    return toChannel(row);
  }
}

/** Calls a site on a channel's behalf. */
export interface MarketplaceGateway {
  adapter(channel: Pick<OrderChannel, 'site' | 'tokenKey'>): MarketplaceAdapter;
}

/** One app's credentials; pushes are verified against every configured app. */
export interface MarketplaceApp {
  appKey: string;
  appSecret: string;
  /** Platforms this app is registered on; all when omitted. */
  platforms?: readonly string[] | undefined;
}

/**
 * The real gateway: one connection per site (client, token manager, rate limiter) created on
 * first use, with the tokens from `tokenStore`. `sandboxOrigin` points every site at the sandbox.
 */
export function connectGateway(options: {
  apps: readonly MarketplaceApp[];
  tokenStore: TokenStore;
  tokenEncryptionKey: string;
  sandboxOrigin?: string | undefined;
  sleep?: ((ms: number) => Promise<void>) | undefined;
  /** The clock requests are signed with (tests moving the sandbox's clock pass its now). */
  now?: (() => number) | undefined;
  /** One limiter for every site (benchmarks set their own rates); else each site makes one. */
  limiter?: RateLimiter | undefined;
}): MarketplaceGateway & { connection(site: string): MarketplaceConnection } {
  const connections = new Map<string, MarketplaceConnection>();
  const connection = (siteId: string): MarketplaceConnection => {
    let c = connections.get(siteId);
    if (!c) {
      const site = siteById(siteId);
      const app = options.apps.find((a) => !a.platforms || a.platforms.includes(site.platform));
      if (!app) throw new AppError('config', `no marketplace app configured for ${site.platform}`);
      c = connectMarketplace({
        platform: site.platform,
        venture: site.venture,
        appKey: app.appKey,
        appSecret: app.appSecret,
        sandboxOrigin: options.sandboxOrigin,
        tokenStore: options.tokenStore,
        tokenEncryptionKey: options.tokenEncryptionKey,
        sleep: options.sleep,
        now: options.now,
        limiter: options.limiter,
      });
      connections.set(siteId, c);
    }
    return c;
  };
  return {
    connection,
    adapter: (channel) => connection(channel.site).adapter(channel.tokenKey),
  };
}
