import { AppError, isCurrencyCode } from '../shared/index.ts';
import { createPricingContext, type PricingContext } from './context.ts';
import { withRates } from './fx/fx-snapshot.ts';
import { cloneInputs, parsePricingData } from './pricing-data.ts';
import { quote, type QuoteOptions } from './quote.ts';
import type { PriceableItem } from './types.ts';

/**
 * What-if: shock FX rates and fee tables, then measure margins across a catalog at today's prices
 * and what requoting would do. Builds a second context; changes nothing stored.
 */

export interface FxShock {
  readonly currency: string; // '*' for every currency
  readonly changePct?: number;
  readonly rate?: string;
}
export interface FeeShock {
  /** 'operator', 'fx-spread', a marketplace ('lazada'), a site/fee schedule ('lazada-th') or '*'. */
  readonly target: string;
  readonly field: 'commission' | 'payment' | 'fee';
  readonly deltaPt?: number;
  readonly relativePct?: number;
}
export interface Scenario {
  readonly fx: readonly FxShock[];
  readonly fees: readonly FeeShock[];
}

/** Parses `THB=-3%`, `*=+2%`, `USD=1460` and `lazada.commission=+1pt`, `operator=+0.5pt`, `daraz-pk.payment=+10%`. */
export function parseScenario(fx: readonly string[], fees: readonly string[]): Scenario {
  const fxShocks = fx.map((text): FxShock => {
    const m = /^([A-Za-z]{3}|\*)=([+-]?\d+(?:\.\d+)?)(%?)$/.exec(text.trim());
    if (!m || (m[1] !== '*' && !isCurrencyCode(m[1]!.toUpperCase()))) {
      throw new AppError('invalid_input', `"${text}" is not CCY=+N% or CCY=<rate> (e.g. THB=-3%)`);
    }
    const currency = m[1] === '*' ? '*' : m[1]!.toUpperCase();
    return m[3] ? { currency, changePct: Number(m[2]) } : { currency, rate: m[2]!.replace(/^\+/, '') };
  });
  const feeShocks = fees.map((text): FeeShock => {
    const m = /^([a-z*][a-z0-9*-]*)(?:\.([a-z-]+))?=([+-]\d+(?:\.\d+)?)(pt|%)$/.exec(text.trim());
    if (!m)
      throw new AppError(
        'invalid_input',
        `"${text}" is not target.field=+Npt or +N% (e.g. lazada.commission=+1pt)`,
      );
    const target = m[1]!;
    const field = (m[2] ??
      (target === 'operator' || target === 'fx-spread' ? 'fee' : '')) as FeeShock['field'];
    const ok =
      target === 'operator' || target === 'fx-spread'
        ? field === 'fee'
        : field === 'commission' || field === 'payment';
    if (!ok)
      throw new AppError(
        'invalid_input',
        `"${text}": use <site|marketplace|*>.commission|payment, operator or fx-spread`,
      );
    const n = Number(m[3]);
    return m[4] === 'pt' ? { target, field, deltaPt: n } : { target, field, relativePct: n };
  });
  return { fx: fxShocks, fees: feeShocks };
}

function shift(value: number, s: FeeShock): number {
  const next = s.deltaPt !== undefined ? value + s.deltaPt : value * (1 + (s.relativePct ?? 0) / 100);
  return Math.min(100, Math.max(0, Math.round(next * 1e6) / 1e6));
}

/** A new context with the scenario applied to the data and the FX snapshot. */
export function applyScenario(ctx: PricingContext, scenario: Scenario): PricingContext {
  const inputs = cloneInputs(ctx.data);
  for (const s of scenario.fees) {
    if (s.target === 'operator') inputs.fees.operator.feePct = shift(inputs.fees.operator.feePct, s);
    else if (s.target === 'fx-spread') inputs.fees.fxSpread.pct = shift(inputs.fees.fxSpread.pct, s);
    else {
      let hit = false;
      for (const [code, sched] of Object.entries(inputs.fees.schedules)) {
        if (s.target !== '*' && s.target !== code && s.target !== sched.marketplace) continue;
        hit = true;
        if (s.field === 'payment') sched.paymentFeePct = shift(sched.paymentFeePct, s);
        else
          for (const k of Object.keys(sched.commissionPct))
            sched.commissionPct[k] = shift(sched.commissionPct[k]!, s);
      }
      if (!hit) throw new AppError('invalid_input', `no fee schedule or marketplace "${s.target}"`);
    }
  }
  const rates: Record<string, string | number> = {};
  for (const shock of scenario.fx) {
    const codes = shock.currency === '*' ? Object.keys(ctx.fx.rates) : [shock.currency];
    for (const c of codes) {
      const base = ctx.fx.rates[c];
      if (shock.rate !== undefined) rates[c] = shock.rate;
      else if (base !== undefined) rates[c] = Number(base) * (1 + (shock.changePct ?? 0) / 100);
      else throw new AppError('invalid_input', `FX snapshot ${ctx.fx.id} has no ${c} rate to shock`);
    }
  }
  const fx = scenario.fx.length ? withRates(ctx.fx, rates, `what-if(${ctx.fx.id})`, ctx.fx.takenAt) : ctx.fx;
  return createPricingContext({ data: parsePricingData(inputs), fx, asOf: ctx.asOf });
}

export interface SiteImpact {
  site: string;
  currency: string;
  items: number;
  /** Quoted before the shock (others failed a guard or had no shipping). */
  quoted: number;
  marginPctBefore: number;
  /** Same prices, shocked costs: what happens if nobody reprices. */
  marginPctAtCurrentPrices: number;
  marginKrwBefore: number;
  marginKrwAtCurrentPrices: number;
  belowFloorAtCurrentPrices: number;
  /** What requoting under the scenario would do. */
  repriced: { changed: number; failed: number; avgPriceChangePct: number; marginPctAfter: number };
}

export interface SimulationReport {
  scenario: Scenario;
  base: { fxSnapshotId: string; dataVersion: string };
  shocked: { fxSnapshotId: string; dataVersion: string };
  sites: SiteImpact[];
  totals: {
    items: number;
    quotes: number;
    quoted: number;
    marginKrwBefore: number;
    marginKrwAtCurrentPrices: number;
    belowFloorAtCurrentPrices: number;
    changed: number;
    failed: number;
  };
}

const r2 = (n: number) => Math.round(n * 100) / 100;

/** Runs the scenario over the items on every site (or `sites`) and summarises margins. */
export function simulate(
  items: Iterable<PriceableItem>,
  base: PricingContext,
  scenario: Scenario,
  options: { sites?: readonly string[]; quoteOptions?: QuoteOptions } = {},
): SimulationReport {
  const shocked = applyScenario(base, scenario);
  const codes = options.sites ?? [...base.sites.keys()];
  const acc = new Map(
    codes.map((c) => [
      c,
      {
        items: 0,
        quoted: 0,
        pctB: 0,
        pctC: 0,
        krwB: 0,
        krwC: 0,
        below: 0,
        changed: 0,
        failed: 0,
        chg: 0,
        pctA: 0,
        quotedA: 0,
      },
    ]),
  );
  const qo = options.quoteOptions ?? {};
  let itemCount = 0;
  for (const item of items) {
    itemCount++;
    for (const code of codes) {
      const a = acc.get(code)!;
      a.items++;
      const before = quote(base, code, item, qo);
      const after = quote(shocked, code, item, qo);
      if (after.ok) {
        a.quotedA++;
        a.pctA += after.value.margin.pct;
      }
      if (!before.ok) continue;
      a.quoted++;
      a.pctB += before.value.margin.pct;
      a.krwB += before.value.margin.krw.minor;
      // At today's price under shocked costs: a fixed-price quote with no margin floor.
      const held = quote(shocked, code, item, {
        ...qo,
        priceMinor: before.value.price.minor,
        minMarginPct: Number.NEGATIVE_INFINITY,
      });
      if (held.ok) {
        a.pctC += held.value.margin.pct;
        a.krwC += held.value.margin.krw.minor;
        if (held.value.margin.pct < before.value.margin.floorPct) a.below++;
      }
      if (!after.ok) a.failed++;
      else if (after.value.price.minor !== before.value.price.minor) {
        a.changed++;
        a.chg += ((after.value.price.minor - before.value.price.minor) / before.value.price.minor) * 100;
      }
    }
  }
  const sites: SiteImpact[] = codes.map((code) => {
    const a = acc.get(code)!;
    return {
      site: code,
      currency: base.sites.get(code)?.currency ?? '',
      items: a.items,
      quoted: a.quoted,
      marginPctBefore: a.quoted ? r2(a.pctB / a.quoted) : 0,
      marginPctAtCurrentPrices: a.quoted ? r2(a.pctC / a.quoted) : 0,
      marginKrwBefore: a.krwB,
      marginKrwAtCurrentPrices: a.krwC,
      belowFloorAtCurrentPrices: a.below,
      repriced: {
        changed: a.changed,
        failed: a.failed,
        avgPriceChangePct: a.changed ? r2(a.chg / a.changed) : 0,
        marginPctAfter: a.quotedA ? r2(a.pctA / a.quotedA) : 0,
      },
    };
  });
  const sum = (f: (s: SiteImpact) => number) => sites.reduce((x, s) => x + f(s), 0);
  return {
    scenario,
    base: { fxSnapshotId: base.fx.id, dataVersion: base.data.version },
    shocked: { fxSnapshotId: shocked.fx.id, dataVersion: shocked.data.version },
    sites,
    totals: {
      items: itemCount,
      quotes: sum((s) => s.items),
      quoted: sum((s) => s.quoted),
      marginKrwBefore: sum((s) => s.marginKrwBefore),
      marginKrwAtCurrentPrices: sum((s) => s.marginKrwAtCurrentPrices),
      belowFloorAtCurrentPrices: sum((s) => s.belowFloorAtCurrentPrices),
      changed: sum((s) => s.repriced.changed),
      failed: sum((s) => s.repriced.failed),
    },
  };
}
