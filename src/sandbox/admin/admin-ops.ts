import { decideQc } from '../catalog/qc.ts';
import { productView } from '../catalog/product-view.ts';
import { issueGrant } from '../auth/grants.ts';
import type { FaultConfig } from '../core/faults.ts';
import type { AppRecord, ProductRecord } from '../core/model.ts';
import { SANDBOX_SELLER, type ResolvedOptions, type PushOptions } from '../core/options.ts';
import type { Persistence } from '../core/persistence.ts';
import type { Runtime } from '../core/runtime.ts';
import { findSite, isPlatform } from '../core/sites.ts';
import type { Engine } from '../engine.ts';
import { AdminError, siteOf } from './admin-error.ts';
import { OrderAdmin } from './admin-orders.ts';

export { AdminError } from './admin-error.ts';

export interface TokenGrantView {
  access_token: string;
  refresh_token: string;
  expires_at: number;
  refresh_expires_at: number;
  account: string;
  country: string;
  sites: Record<string, { seller_id: string; user_id: string; short_code: string }>;
}

export type OptionsPatch = Partial<
  Pick<
    ResolvedOptions,
    | 'qcDelayMs'
    | 'qcRejectRate'
    | 'orderRate'
    | 'paymentDelayMs'
    | 'shipDelayMs'
    | 'deliverDelayMs'
    | 'tokenTtlSec'
    | 'refreshTokenTtlSec'
    | 'maxOrdersPerTick'
  >
> & { push?: PushOptions };

/**
 * Sandbox control for tests, benchmarks and the `/_admin` API: time travel, fault switches,
 * state inspection, tokens without the OAuth dance, simulated buyers on demand.
 */
export class SandboxAdmin extends OrderAdmin {
  constructor(
    rt: Runtime,
    private readonly engine: Engine,
    private readonly persistence: Persistence | undefined,
  ) {
    super(rt);
  }

  now(): number {
    return this.rt.now();
  }

  /** Runs the simulation once at the current sandbox time. */
  tick(): void {
    this.engine.tick();
  }

  /** Moves the sandbox clock forward and runs everything that fell due. */
  advanceTime(ms: number): number {
    if (!Number.isFinite(ms) || ms < 0) throw new AdminError('advanceMs must be a non-negative number');
    this.rt.clock.advance(ms);
    this.engine.tick();
    return this.rt.now();
  }

  setTime(ms: number): number {
    if (!Number.isFinite(ms)) throw new AdminError('set must be a time');
    this.rt.clock.setNow(ms);
    this.engine.tick();
    return this.rt.now();
  }

  getFaults(): FaultConfig {
    return this.rt.faults.config;
  }

  setFaults(config: FaultConfig): FaultConfig {
    this.rt.faults.set(config);
    return this.rt.faults.config;
  }

  setOptions(patch: OptionsPatch): ResolvedOptions {
    const { push, ...rest } = patch;
    this.rt.opts = { ...this.rt.opts, ...rest, push: { ...this.rt.opts.push, ...(push ?? {}) } };
    return this.rt.opts;
  }

  options(): ResolvedOptions {
    return this.rt.opts;
  }

  apps(): AppRecord[] {
    return [...this.rt.store.apps.values()];
  }

  /** Creates or changes an app (secret, push URL, registered callback). */
  upsertApp(app: Partial<AppRecord> & { appKey: string }): AppRecord {
    const existing = this.rt.store.apps.get(app.appKey);
    if (!existing && !app.appSecret) throw new AdminError('a new app needs appSecret');
    const next: AppRecord = { ...(existing ?? { appKey: app.appKey, appSecret: app.appSecret! }), ...app };
    for (const k of ['pushUrl', 'callbackUrl'] as const)
      if (next[k] === '' || next[k] === null) delete next[k];
    this.rt.store.apps.set(next.appKey, next);
    this.rt.store.touch('app', '', next.appKey);
    return next;
  }

  sellers(): unknown[] {
    return [...this.rt.store.sellers.values()];
  }

  createSeller(input: { account: string; name?: string; crossBorder?: boolean }): unknown {
    if (!input.account) throw new AdminError('account is required');
    return this.rt.ensureSeller(input.account, input);
  }

  /** Suspends or reactivates a seller (an inactive seller's calls answer SellerNotActive). */
  setSellerStatus(account: string, status: 'ACTIVE' | 'INACTIVE'): unknown {
    const seller = this.rt.store.sellers.get(account);
    if (!seller) throw new AdminError(`no seller ${account}`, true);
    if (status !== 'ACTIVE' && status !== 'INACTIVE')
      throw new AdminError('status must be ACTIVE or INACTIVE');
    seller.status = status;
    this.rt.store.touch('seller', '', account);
    return seller;
  }

  /** A grant and access token without the OAuth dance (what /auth/token/create would issue). */
  issueToken(input: {
    appKey?: string;
    account?: string;
    platform: string;
    venture?: string;
  }): TokenGrantView {
    const rt = this.rt;
    const appKey = input.appKey ?? rt.opts.appKey;
    if (!rt.store.apps.has(appKey)) throw new AdminError(`unknown app ${appKey}`);
    if (!isPlatform(input.platform))
      throw new AdminError('platform must be lazada, daraz, miravia or aliexpress');
    const venture =
      input.venture ?? { lazada: 'sg', daraz: 'pk', miravia: 'es', aliexpress: 'global' }[input.platform];
    if (!findSite(input.platform, venture)) throw new AdminError(`unknown venture ${venture}`);
    const seller = rt.ensureSeller(input.account ?? SANDBOX_SELLER);
    const issued = issueGrant(rt, appKey, seller, input.platform, venture);
    const sites: TokenGrantView['sites'] = {};
    for (const key of issued.grant.sites) {
      const ids = rt.sellerIds(seller, key);
      sites[key] = { seller_id: ids.sellerId, user_id: ids.userId, short_code: ids.shortCode };
    }
    return {
      access_token: issued.accessToken,
      refresh_token: issued.grant.refreshToken,
      expires_at: issued.accessExpiresAt,
      refresh_expires_at: issued.grant.refreshExpiresAt,
      account: seller.account,
      country: issued.grant.country,
      sites,
    };
  }

  /** Expires one access token, or all of them (the next call answers IllegalAccessToken). */
  expireTokens(accessToken?: string): number {
    const now = this.rt.now();
    let n = 0;
    for (const t of this.rt.store.tokens.values()) {
      if ((accessToken === undefined || t.token === accessToken) && t.expiresAt > now) {
        t.expiresAt = now;
        this.rt.store.touch('token', '', t.token);
        n += 1;
      }
    }
    return n;
  }

  products(siteKey: string, filter: { status?: string; limit?: number } = {}): Record<string, unknown>[] {
    const site = siteOf(siteKey);
    const out: Record<string, unknown>[] = [];
    for (const p of this.rt.store.site(site.key).products.values()) {
      if (filter.status && p.status !== filter.status && p.qc !== filter.status) continue;
      out.push({ ...productView(site, p), seller_id: p.sellerId, qc: p.qc, qc_due_at: p.qcDueAt ?? null });
      if (out.length >= (filter.limit ?? 100)) break;
    }
    return out;
  }

  product(siteKey: string, itemId: number): ProductRecord {
    const p = this.rt.store.site(siteOf(siteKey).key).products.get(itemId);
    if (!p) throw new AdminError(`no item ${itemId} on ${siteKey}`, true);
    return p;
  }

  /** Decides QC now instead of waiting for the delay. */
  decideQc(siteKey: string, itemId: number, approve: boolean, reason?: string): ProductRecord {
    const p = this.product(siteKey, itemId);
    decideQc(this.rt, p, reason === undefined ? { approve } : { approve, reason });
    return p;
  }

  counters(): Record<string, number> {
    return this.rt.stats.snapshot();
  }

  calls(limit = 100): unknown[] {
    return this.rt.stats.recent(limit);
  }

  pushes(limit = 100): unknown {
    return {
      queued: this.rt.pushes.queued,
      in_flight: this.rt.pushes.inFlight,
      recent: this.rt.pushes.recent(limit),
    };
  }

  /** Delivers every push that is due now and waits for the receivers' answers. */
  flushPushes(): Promise<void> {
    return this.rt.pushes.idle();
  }

  /** Writes the state directory now (journal flush and a compacted snapshot). */
  async snapshot(): Promise<void> {
    if (!this.persistence) throw new AdminError('this sandbox runs without a state directory');
    await this.persistence.flush();
    await this.persistence.compact();
  }

  summary(): Record<string, unknown> {
    const rt = this.rt;
    const sites: Record<string, unknown> = {};
    for (const [key, data] of rt.store.sites) {
      if (data.products.size === 0 && data.orders.size === 0) continue;
      sites[key] = { products: data.products.size, orders: data.orders.size, packages: data.packages.size };
    }
    return {
      now: new Date(rt.now()).toISOString(),
      clock_offset_ms: rt.clock.offsetMs,
      apps: rt.store.apps.size,
      sellers: rt.store.sellers.size,
      grants: rt.store.grants.size,
      sites,
      timers: rt.timers.size,
      pushes_queued: rt.pushes.queued,
      state_dir: rt.opts.stateDir ?? null,
    };
  }
}
