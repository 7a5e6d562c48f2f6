import { eq, sql } from 'drizzle-orm';
import { schema, type Store } from '../db/index.ts';
import { AppError, scopedSellerId, type Clock, type Scope } from '../shared/index.ts';
import { totalGmv } from './gmv-query.ts';
import { formatDay, rangeDays, todayKst, yearRange } from './period.ts';

/** The program's annual GMV target when the operator has set none: ₩1 trillion. */
export const DEFAULT_GMV_TARGET_KRW = 1_000_000_000_000;

export interface GmvTargetProgress {
  year: number;
  /** The last KST day counted (today for the current year, 31 December for a past one). */
  asOf: string;
  /** GMV from 1 January to asOf: the program's for the operator, the seller's own for a seller. */
  ytdGmvKrw: number;
  ytdOrders: number;
  /** The program target; null for a seller, who sees only their own figures. */
  target: {
    amountKrw: number;
    source: 'set' | 'default';
    updatedAt: string | null;
    updatedBy: string | null;
  } | null;
  /** ytdGmvKrw / target; null for a seller. */
  progress: number | null;
  /** Linear pace: the share of the target expected by asOf if GMV were spread evenly over the year. */
  pace: { elapsedDays: number; daysInYear: number; expectedKrw: number; ratio: number | null } | null;
}

function checkYear(year: number): void {
  if (!Number.isInteger(year) || year < 2000 || year > 2100) {
    throw new AppError('invalid_input', 'year: must be an integer from 2000 to 2100', {
      details: { parameter: 'year' },
    });
  }
}

/**
 * Year-to-date GMV against the annual target. The operator sees the program's GMV and the target;
 * a seller sees their own GMV and no target (the target is the program's, not theirs).
 */
export async function gmvTargetProgress(
  store: Store,
  scope: Scope,
  year: number,
  clock: Clock,
): Promise<GmvTargetProgress> {
  checkYear(year);
  const sellerId = scopedSellerId(scope);
  const yr = yearRange(year);
  const end = Math.min(todayKst(clock), yr.to);
  const ytd = await totalGmv(store, { from: yr.from, to: end }, sellerId);
  const base = {
    year,
    asOf: formatDay(Math.max(end, yr.from - 1)),
    ytdGmvKrw: ytd.gmvKrw,
    ytdOrders: ytd.orders,
  };
  if (sellerId !== undefined) return { ...base, target: null, progress: null, pace: null };
  const [row] = await store.db.select().from(schema.gmvTargets).where(eq(schema.gmvTargets.year, year));
  const amountKrw = row?.amountKrw ?? DEFAULT_GMV_TARGET_KRW;
  const daysInYear = rangeDays(yr);
  const elapsedDays = Math.max(0, end - yr.from + 1);
  const expectedKrw = Math.round((amountKrw * elapsedDays) / daysInYear);
  return {
    ...base,
    target: {
      amountKrw,
      source: row ? 'set' : 'default',
      updatedAt: row?.updatedAt.toISOString() ?? null,
      updatedBy: row?.updatedBy ?? null,
    },
    progress: ytd.gmvKrw / amountKrw,
    pace: {
      elapsedDays,
      daysInYear,
      expectedKrw,
      ratio: expectedKrw === 0 ? null : ytd.gmvKrw / expectedKrw,
    },
  };
}

/** Sets the program's GMV target for a year (operator only). */
export async function setGmvTarget(
  store: Store,
  scope: Scope,
  input: { year: number; amountKrw: number; updatedBy: string },
  clock: Clock,
): Promise<GmvTargetProgress> {
  if (scope.kind !== 'operator') throw new AppError('forbidden', 'only the operator sets the GMV target');
  checkYear(input.year);
  if (!Number.isSafeInteger(input.amountKrw) || input.amountKrw <= 0) {
    throw new AppError('invalid_input', 'amountKrw: must be a positive whole number of won', {
      details: { parameter: 'amountKrw' },
    });
  }
  const row = {
    year: input.year,
    amountKrw: input.amountKrw,
    updatedAt: clock.now(),
    updatedBy: input.updatedBy,
  };
  await store.db
    .insert(schema.gmvTargets)
    .values(row)
    .onConflictDoUpdate({
      target: schema.gmvTargets.year,
      set: {
        amountKrw: sql`excluded.amount_krw`,
        updatedAt: sql`excluded.updated_at`,
        updatedBy: sql`excluded.updated_by`,
      },
    });
  return gmvTargetProgress(store, scope, input.year, clock);
}
