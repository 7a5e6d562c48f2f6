import type { Clock } from '../../shared/index.ts';
import { Faults } from './faults.ts';
import type { PushRecord, SellerRecord, SellerSiteIds } from './model.ts';
import type { ResolvedOptions } from './options.ts';
import { PushDispatcher } from './push.ts';
import { Rng } from './rng.ts';
import { SandboxClock } from './sandbox-clock.ts';
import { MinHeap } from './scheduler.ts';
import { siteByKey, type Site } from './sites.ts';
import { Stats } from './stats.ts';
import { Store } from './store.ts';
import type { TimerRecord } from './model.ts';
import { randomAlnum } from './ids.ts';

/** Everything a request handler or the simulation engine works on. */
export class Runtime {
  readonly store = new Store();
  readonly timers = new MinHeap<TimerRecord>();
  readonly stats = new Stats();
  readonly rng: Rng;
  readonly faults: Faults;
  readonly clock: SandboxClock;
  readonly pushes: PushDispatcher;
  /** Requests held by a `timeout` fault; released (answered) when the sandbox closes. */
  readonly held = new Set<() => void>();

  constructor(
    public opts: ResolvedOptions,
    baseClock: Clock,
  ) {
    this.rng = new Rng(opts.seed);
    this.faults = new Faults(this.rng);
    this.clock = new SandboxClock(baseClock);
    this.pushes = new PushDispatcher(
      this.store,
      () => this.opts,
      this.rng,
      this.stats,
      () => this.now(),
    );
  }

  now(): number {
    return this.clock.nowMs();
  }

  site(key: string): Site {
    const s = siteByKey(key);
    if (!s) throw new Error(`unknown site ${key}`);
    return s;
  }

  /** Creates a sandbox seller if it does not exist yet. */
  ensureSeller(account: string, options: { name?: string; crossBorder?: boolean } = {}): SellerRecord {
    let seller = this.store.sellers.get(account);
    if (!seller) {
      seller = {
        account,
        name: options.name ?? account.split('@')[0] ?? account,
        crossBorder: options.crossBorder ?? true,
        status: 'ACTIVE',
        sites: {},
      };
      this.store.indexSeller(seller);
      this.store.touch('seller', '', account);
    }
    return seller;
  }

  /** The seller's ids on a site, assigned on first use. */
  sellerIds(seller: SellerRecord, siteKey: string): SellerSiteIds {
    let ids = seller.sites[siteKey];
    if (!ids) {
      const data = this.store.site(siteKey);
      const n = ++data.seq.seller;
      const site = this.site(siteKey);
      ids = {
        sellerId: String(1_000_000_000 + site.index * 10_000_000 + n),
        userId: String(2_000_000_000 + site.index * 10_000_000 + n),
        shortCode: `${site.venture.toUpperCase()}${randomAlnum(5).toUpperCase()}`,
      };
      seller.sites[siteKey] = ids;
      this.store.indexSeller(seller);
      this.store.touch('seller', '', seller.account);
      this.store.touch('site', siteKey, siteKey);
    }
    return ids;
  }

  /**
   * Raises a push to every app the seller has a live authorization with on this site (pushes stop
   * for sellers whose authorization lapsed, as on the platforms).
   */
  notify(
    siteKey: string,
    sellerId: string,
    messageType: number,
    data: Record<string, unknown>,
    orderRef?: PushRecord['orderRef'],
  ): void {
    const account = this.store.accountBySellerId.get(`${siteKey}:${sellerId}`);
    if (!account) return;
    const now = this.now();
    const apps = new Set<string>();
    for (const id of this.store.grantsByAccount.get(account) ?? []) {
      const g = this.store.grants.get(id);
      if (g && g.refreshExpiresAt > now && g.sites.includes(siteKey)) apps.add(g.appKey);
    }
    for (const appKey of apps) {
      if (this.store.apps.get(appKey)?.pushUrl)
        this.pushes.enqueue(appKey, siteKey, messageType, sellerId, data, orderRef);
    }
  }
}
