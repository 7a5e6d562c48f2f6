import type { ListingsDeps } from './listing-deps.ts';
import { pollQc } from './qc.ts';
import { reconcileSite } from './reconcile.ts';
import { syncOnce, type SyncSummary } from './sync.ts';

/** The advisory lock of a sync round (other locks: catalog import, token refreshes). */
export const SYNC_LOCK_KEY = 4242003;

/**
 * Keeps listings correct while a process runs: price and stock deltas every `syncMs` (the outbox
 * coalesces bursts in between), and on a separate chain QC polling every `qcMs` and
 * reconciliation every `reconcileMs`. The chains are independent so that reading thousands of
 * listings back never holds up a stock change. An error is logged and the next round tries again.
 */
export interface SyncLoopOptions {
  sites: () => Promise<string[]>;
  syncMs?: number;
  qcMs?: number;
  reconcileMs?: number;
  onRound?: (s: SyncSummary) => void;
}

/** Runs `round` every `everyMs` (measured from the end of the last one) until stopped. */
function repeat(everyMs: number, round: () => Promise<void>): { stop(): Promise<void> } {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const tick = () => {
    if (stopped) return;
    running = round().finally(() => {
      if (!stopped) timer = setTimeout(tick, everyMs);
    });
  };
  tick();
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}

export function startSyncLoop(deps: ListingsDeps, o: SyncLoopOptions): { stop(): Promise<void> } {
  const warn = (what: string) => (e: unknown) =>
    deps.logger?.warn({ err: (e as Error).message }, `listings ${what} failed`);
  // Worker processes on one PostgreSQL take turns: one round at a time pushes each change once.
  const sync = repeat(o.syncMs ?? 500, () =>
    deps.store.withLock(SYNC_LOCK_KEY, () => syncOnce(deps)).then((s) => o.onRound?.(s), warn('sync round')),
  );
  let lastReconcile = Date.now();
  const slow = repeat(o.qcMs ?? 30_000, async () => {
    try {
      const reconcile = Date.now() - lastReconcile >= (o.reconcileMs ?? 600_000);
      if (reconcile) lastReconcile = Date.now();
      for (const site of await o.sites()) {
        await pollQc(deps, site);
        if (reconcile) await reconcileSite(deps, site);
      }
    } catch (e) {
      warn('QC and reconcile round')(e);
    }
  });
  return {
    async stop() {
      await Promise.all([sync.stop(), slow.stop()]);
    },
  };
}
