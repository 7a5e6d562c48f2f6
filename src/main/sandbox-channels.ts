import type { Store } from '../db/index.ts';
import type { MarketplaceConnection } from '../marketplaces/index.ts';
import { registerChannel, siteById, type OrderChannel } from '../orders/index.ts';

/**
 * Connects one of our sellers to a site of the sandbox the way a real seller connects: the
 * authorization page (the sandbox's logs in as the named account at once), the code exchanged for
 * tokens, the channel registered. Each of our sellers gets its own sandbox account unless
 * `defaultAccount`, so SellerSkus of different sellers never meet in one shop.
 */
export async function connectSandboxSeller(
  store: Pick<Store, 'query'>,
  connection: MarketplaceConnection,
  input: {
    site: string;
    sellerId: string;
    /** Log in as the sandbox's one default seller instead of an account of this seller's own. */
    defaultAccount?: boolean;
  },
): Promise<OrderChannel> {
  const site = siteById(input.site);
  const tokenKey = `${site.platform}:${input.sellerId}:${site.venture.toLowerCase()}`;
  const url = new URL(connection.tokens.authorizeUrl('https://kbridge.example/marketplace/callback', 'kb'));
  url.searchParams.set('country', site.venture.toLowerCase());
  if (!input.defaultAccount) url.searchParams.set('seller', `${input.sellerId.toLowerCase()}@sandbox.test`);
  const res = await fetch(url, { redirect: 'manual' });
  const code = new URL(res.headers.get('location') ?? 'http://x/').searchParams.get('code');
  if (!code) throw new Error(`the sandbox gave no authorization code for ${input.site} (HTTP ${res.status})`);
  const grant = await connection.tokens.exchangeCode(tokenKey, code);
  const entry =
    grant.sellers.find((s) => s.country.toLowerCase() === site.venture.toLowerCase()) ?? grant.sellers[0];
  if (!entry) throw new Error(`the sandbox named no seller for ${input.site}`);
  return registerChannel(store, {
    site: input.site,
    externalSellerId: entry.sellerId,
    sellerId: input.sellerId,
    tokenKey: grant.key,
  });
}
