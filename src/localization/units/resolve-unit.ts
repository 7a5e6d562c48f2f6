// Turns a matched spelling into a unit, using the text's context where the spelling alone is
// ambiguous (근, 미리, 형, 도, 자/치, 관). Returns null when the spelling is not a unit here.
import type { TextContext } from './context.ts';
import type { SpellingTarget } from './spellings.ts';
import type { TraditionalUnit } from './types.ts';
import { TRADITIONAL } from './unit-table.ts';

export interface Resolved {
  /** CLDR unit id, or 'KRW' for money. */
  unit: string;
  money?: true;
  /** Set for traditional units: the value is multiplied by `factor` into `unit`. */
  traditional?: TraditionalUnit;
  factor?: number;
}

export interface Prefix {
  /** 섭씨 (Celsius) or 영하 (below zero) was written before the number. */
  celsiusWord: boolean;
}

const MONEY: Resolved = { unit: 'KRW', money: true };
const cache = new Map<string, Resolved>();
function plain(unit: string): Resolved {
  let r = cache.get(unit);
  if (!r) cache.set(unit, (r = { unit }));
  return r;
}

/** Resolves a spelling at text position `pos` for the number `value`. */
export function resolveUnit(
  target: SpellingTarget,
  value: number,
  pos: number,
  ctx: TextContext,
  prefix: Prefix,
): Resolved | null {
  switch (target.type) {
    case 'unit':
      return plain(target.unit);
    case 'money':
      return MONEY;
    case 'miri':
      return plain(ctx.miriIsVolume(pos, value) ? 'milliliter' : 'millimeter');
    case 'hyeong':
      // 형 is the legal spelling of screen inches (55형); small numbers are types (1형 당뇨).
      return value >= 10 && value <= 120 ? plain('inch') : null;
    case 'do':
      return prefix.celsiusWord ? plain('celsius') : null;
    case 'traditional': {
      const id = target.unit;
      if ((id === 'ja' || id === 'chi') && !ctx.acceptsJa()) return null;
      if (id === 'gwan' && !ctx.acceptsGwan()) return null;
      const def = TRADITIONAL.get(id);
      if (!def) return null;
      const factor =
        id === 'geun' && def.produceFactor && ctx.geunIsProduce(pos) ? def.produceFactor : def.factor;
      return { unit: def.unit, traditional: id, factor };
    }
  }
}

/** Removes binary floating-point noise (10 × 3.3058 = 33.058000000000004). */
export function clean(v: number): number {
  return Number(v.toPrecision(12));
}
