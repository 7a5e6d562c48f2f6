import { AppError, currency } from '../shared/index.ts';
import type { RoundingRuleSpec } from './pricing-data.ts';

/**
 * Price endings people expect (SGD x.90/x.99, THB ...9, VND to 1,000). A rule is a list of tiers;
 * within a tier the allowed prices are k * step + ending (minor units). All functions are pure and
 * work on integer minor units.
 */
export interface RoundingRule {
  readonly name: string;
  readonly currency: string;
  readonly mode: 'nearest' | 'up';
  readonly tiers: readonly { lo: number; below: number; step: number; endings: readonly number[] }[];
  /** One line for people and the quote's rules list, e.g. "THB: whole baht ending in 9". */
  readonly description: string;
}

function toMinor(text: string, digits: number): number {
  const [whole = '0', fraction = ''] = text.split('.');
  if (fraction.length > digits) throw new AppError('config', `"${text}" has more decimals than ${digits}`);
  return Number(whole + fraction.padEnd(digits, '0'));
}

/** Compiles a rounding rule from data for a currency (its minor units come from the kernel). */
export function compileRoundingRule(
  name: string,
  currencyCode: string,
  spec: RoundingRuleSpec,
): RoundingRule {
  const digits = currency(currencyCode).minorUnits;
  let lo = 0;
  const tiers = spec.tiers.map((t, i) => {
    const step = toMinor(t.step, digits);
    const endings = t.endings.map((e) => toMinor(e, digits)).sort((a, b) => a - b);
    if (step <= 0 || endings.some((e) => e < 0 || e >= step)) {
      throw new AppError('config', `rounding rule ${name}: endings must lie within one step`);
    }
    const below = t.below === undefined ? Number.POSITIVE_INFINITY : toMinor(t.below, digits);
    if (t.below === undefined && i !== spec.tiers.length - 1) {
      throw new AppError('config', `rounding rule ${name}: only the last tier may omit "below"`);
    }
    const tier = { lo, below, step, endings };
    lo = below;
    return tier;
  });
  const description = spec.tiers
    .map((t) => {
      const ends = t.endings.join('/');
      return `${t.below ? `below ${t.below}: ` : ''}multiples of ${t.step} + ${ends}`;
    })
    .join('; ');
  return {
    name,
    currency: currencyCode,
    mode: spec.mode,
    tiers,
    description: `${currencyCode} ${description}`,
  };
}

const EPS = 1e-7;

/** True when `minor` is an allowed price under the rule. */
export function isNicePrice(rule: RoundingRule, minor: number): boolean {
  if (!Number.isInteger(minor) || minor < 0) return false;
  const tier = rule.tiers.find((t) => minor >= t.lo && minor < t.below);
  return !!tier && tier.endings.includes(minor % tier.step);
}

/** The smallest allowed price >= x (x may be fractional). */
export function ceilNice(rule: RoundingRule, x: number): number {
  const xi = Math.max(0, Math.ceil(x - EPS));
  for (const t of rule.tiers) {
    if (xi >= t.below) continue;
    const start = Math.max(xi, t.lo);
    let k = Math.floor(start / t.step);
    for (let guard = 0; guard < 3; guard++, k++) {
      const hit = t.endings.find((e) => k * t.step + e >= start);
      if (hit !== undefined) {
        const c = k * t.step + hit;
        if (c < t.below) return c;
        break;
      }
    }
  }
  throw new AppError('internal', `rounding rule ${rule.name} has no price above ${x}`);
}

/** The largest allowed price <= x, or undefined when x is below every allowed price. */
export function floorNice(rule: RoundingRule, x: number): number | undefined {
  const xi = Math.floor(x + EPS);
  for (let i = rule.tiers.length - 1; i >= 0; i--) {
    const t = rule.tiers[i]!;
    if (xi < t.lo) continue;
    const end = Math.min(xi, t.below - 1);
    let k = Math.floor(end / t.step);
    for (let guard = 0; guard < 3 && k >= 0; guard++, k--) {
      for (let j = t.endings.length - 1; j >= 0; j--) {
        const c = k * t.step + t.endings[j]!;
        if (c <= end) {
          if (c >= t.lo) return c;
          guard = 3;
          break;
        }
      }
    }
  }
  return undefined;
}

/** The next allowed price strictly above an allowed (integer) price. */
export function nextNice(rule: RoundingRule, minor: number): number {
  return ceilNice(rule, Math.floor(minor) + 1);
}

/** Rounds x by the rule's mode: nearest allowed price (ties go up) or always up. */
export function roundNice(rule: RoundingRule, x: number, mode: 'nearest' | 'up' = rule.mode): number {
  const up = ceilNice(rule, x);
  if (mode === 'up') return up;
  const down = floorNice(rule, x);
  if (down === undefined) return up;
  return x - down < up - x ? down : up;
}
