import type { ListingsDeps } from './listing-deps.ts';
import { pollQc } from './qc.ts';
import { reconcileSite } from './reconcile.ts';
import { syncOnce, type SyncSummary } from './sync.ts';

/**
 * Keeps listings correct while a process runs: price and stock deltas every `syncMs` (the outbox
 * coalesces bursts in between), QC polling every `qcMs`, reconciliation every `reconcileMs`. One
 * round at a time; an error is logged and the next round tries again.
 */
/** The advisory lock of a sync round (other locks: catalog import, token refreshes). */
export const SYNC_LOCK_KEY = 4242003;

export interface SyncLoopOptions {
  sites: () => Promise<string[]>;
  syncMs?: number;
  qcMs?: number;
  reconcileMs?: number;
  onRound?: (s: SyncSummary) => void;
}

export function startSyncLoop(deps: ListingsDeps, o: SyncLoopOptions): { stop(): Promise<void> } {
  let stopped = false;
  let lastQc = 0;
  let lastReconcile = Date.now();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const round = async () => {
    try {
      // Worker processes on one PostgreSQL take turns: one round at a time pushes each change once.
      const s = await deps.store.withLock(SYNC_LOCK_KEY, () => syncOnce(deps));
      o.onRound?.(s);
      const now = Date.now();
      if (now - lastQc >= (o.qcMs ?? 30_000)) {
        lastQc = now;
        for (const site of await o.sites()) await pollQc(deps, site);
      }
      if (now - lastReconcile >= (o.reconcileMs ?? 600_000)) {
        lastReconcile = now;
        for (const site of await o.sites()) await reconcileSite(deps, site);
      }
    } catch (e) {
      deps.logger?.warn({ err: (e as Error).message }, 'listings sync round failed');
    }
  };
  const tick = () => {
    if (stopped) return;
    running = round().finally(() => {
      if (!stopped) timer = setTimeout(tick, o.syncMs ?? 500);
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
