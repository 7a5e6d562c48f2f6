import { bandFor, inPrice, type CompiledBand, type CompiledCustoms } from './customs.ts';

/**
 * The price equation, in local minor units. With D the value net of duty and tax (goods, fees,
 * shipping and margin), duty = d·(D − [FOB] S) + flat, N = D + duty (net of tax), P = (1+t)·N,
 * and every percentage fee a share r of P, the margin a share m of N:
 *   D = K + q·N with q = r(1+t) + m, K = goods + shipping + fixed fees
 * which is linear, so D = (K + q·e) / (1 − q(1+d)) with e = flat − d·[FOB]S.
 */

export interface Inputs {
  /** Goods (seller price or cost), shipping and fixed fees, local minor units (integers). */
  readonly goods: number;
  readonly shipping: number;
  readonly fixed: number;
  /** Fee rates on the gross price: commission, payment (both before tax on fees), operator, FX spread. */
  readonly commission: number;
  readonly payment: number;
  readonly feeTax: number;
  readonly operator: number;
  readonly fxSpread: number;
  readonly category: string;
  readonly ddp: boolean;
  readonly customs: CompiledCustoms;
}

/** The duty and tax terms of one customs band as they enter the price. */
export interface Terms {
  readonly band: CompiledBand;
  readonly d: number;
  readonly flat: number;
  readonly t: number;
  readonly fob: boolean;
}

export function termsFor(inp: Inputs, band: CompiledBand): Terms {
  const dutyIn = inPrice(band.dutyCollection, inp.ddp);
  return {
    band,
    d: dutyIn ? band.dutyRate(inp.category) : 0,
    flat: dutyIn ? band.dutyFlatMinor : 0,
    t: inPrice(band.taxCollection, inp.ddp) ? band.taxRate : 0,
    fob: inp.customs.valueBasis === 'fob',
  };
}

function feeRate(inp: Inputs): number {
  return (inp.commission + inp.payment) * (1 + inp.feeTax) + inp.operator + inp.fxSpread;
}

/** The exact (unrounded) price for a margin share m under one band; undefined when infeasible. */
export function solve(inp: Inputs, terms: Terms, m: number): { price: number; value: number } | undefined {
  const e = terms.flat - terms.d * (terms.fob ? inp.shipping : 0);
  const q = feeRate(inp) * (1 + terms.t) + m;
  const denom = 1 - q * (1 + terms.d);
  if (denom <= 1e-9) return undefined;
  const value = (inp.goods + inp.shipping + inp.fixed + q * e) / denom;
  return { price: (1 + terms.t) * ((1 + terms.d) * value + e), value };
}

export function customsValue(inp: Inputs, terms: Terms, value: number): number {
  return terms.fob ? value - inp.shipping : value;
}

/**
 * Solves with the band the result itself falls in (a price near a threshold could flip regime):
 * iterate from the duty-free guess; on oscillation keep the higher price (conservative).
 */
export function solveConsistent(inp: Inputs, m: number): { price: number; terms: Terms } | undefined {
  let band = inp.customs.bands[0]!;
  const first = solve(inp, termsFor(inp, band), m);
  if (!first) return undefined;
  band = bandFor(inp.customs, inp.customs.valueBasis === 'fob' ? first.value - inp.shipping : first.value);
  let best: { price: number; terms: Terms } | undefined;
  for (let i = 0; i < 4; i++) {
    const terms = termsFor(inp, band);
    const s = solve(inp, terms, m);
    if (!s) return best;
    const next = bandFor(inp.customs, customsValue(inp, terms, s.value));
    if (!best || s.price > best.price) best = { price: s.price, terms };
    if (next === band) return { price: s.price, terms };
    band = next;
  }
  return best;
}

/** The exact price at which the customs value equals `customsValueMinor` under a band's terms. */
export function priceAtCustomsValue(inp: Inputs, terms: Terms, customsValueMinor: number): number {
  const value = customsValueMinor + (terms.fob ? inp.shipping : 0);
  const net = value + terms.d * customsValueMinor + terms.flat;
  return (1 + terms.t) * net;
}

/** Integer amounts of every component at an integer price. They add up to `price` by construction. */
export interface Breakdown {
  readonly price: number;
  readonly terms: Terms;
  readonly goods: number;
  readonly fx: number;
  readonly commission: number;
  readonly payment: number;
  readonly fixed: number;
  readonly operator: number;
  readonly shipping: number;
  readonly duty: number;
  readonly tax: number;
  readonly margin: number;
  /** Price net of tax (the margin's basis). */
  readonly net: number;
  /** Value net of duty and tax. */
  readonly value: number;
  readonly customsValue: number;
}

export function decompose(inp: Inputs, terms: Terms, price: number): Breakdown {
  const net = terms.t > 0 ? Math.round(price / (1 + terms.t)) : price;
  const tax = price - net;
  let value = net;
  if (terms.d > 0 || terms.flat !== 0) {
    const e = terms.flat - terms.d * (terms.fob ? inp.shipping : 0);
    value = Math.round((net - e) / (1 + terms.d));
  }
  const duty = net - value;
  const commission = Math.round(inp.commission * (1 + inp.feeTax) * price);
  const payment = Math.round(inp.payment * (1 + inp.feeTax) * price);
  const operator = Math.round(inp.operator * price);
  const fx = Math.round(inp.fxSpread * price);
  const margin = value - inp.goods - inp.shipping - inp.fixed - commission - payment - operator - fx;
  return {
    price,
    terms,
    goods: inp.goods,
    fx,
    commission,
    payment,
    fixed: inp.fixed,
    operator,
    shipping: inp.shipping,
    duty,
    tax,
    margin,
    net,
    value,
    customsValue: customsValue(inp, terms, value),
  };
}

/**
 * Decomposes at a price under the band that price actually falls in: tries the guess, then the
 * band its value lands in; undefined when neither is self-consistent (a threshold edge).
 */
export function decomposeConsistent(inp: Inputs, guess: Terms, price: number): Breakdown | undefined {
  const a = decompose(inp, guess, price);
  const bandA = bandFor(inp.customs, a.customsValue);
  if (bandA === guess.band) return a;
  const b = decompose(inp, termsFor(inp, bandA), price);
  return bandFor(inp.customs, b.customsValue) === bandA ? b : undefined;
}

/**
 * Decomposes a given price (checked prices, special prices): the self-consistent band when there
 * is one, else (a price in the gap a threshold's taxes open) the higher band — taxes treated as due.
 */
export function decomposeAt(inp: Inputs, guess: Terms, price: number): Breakdown {
  const consistent = decomposeConsistent(inp, guess, price);
  if (consistent) return consistent;
  const a = decompose(inp, guess, price);
  const other = bandFor(inp.customs, a.customsValue);
  return other.index > guess.band.index ? decompose(inp, termsFor(inp, other), price) : a;
}

/** Margin share of the net price meets the floor (exact integer-safe comparison). */
export function meetsFloor(b: Breakdown, floorPct: number): boolean {
  return b.margin * 100 >= floorPct * b.net - 1e-6;
}
