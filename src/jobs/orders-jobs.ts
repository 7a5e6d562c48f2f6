import { z } from 'zod';
import { trackingCarriers } from '../logistics/index.ts';
import { listChannels, ordersRuntime, refreshTracking, sweepChannel } from '../orders/index.ts';
import { OPERATOR_SCOPE } from '../shared/index.ts';
import { defineJob } from './registry.ts';

/**
 * Order ingestion as jobs, for worker processes: drain the push inbox (the API process that
 * receives pushes also processes them; workers catch up whatever it left), and the polling sweep
 * of every active channel (scheduled every KBRIDGE_ORDERS_SWEEP_SECONDS, two hours by default: the marketplaces throttle
 * tight polling).
 */
export const processInboxJob = defineJob({
  name: 'orders.process-inbox',
  payload: z.object({}),
  retryLimit: 1,
  async handler(_payload, { app }) {
    const batches = await ordersRuntime(app).ingestor.drain();
    return { batches: batches.length, done: batches.reduce((n, b) => n + b.done, 0) };
  },
});

export const sweepOrdersJob = defineJob({
  name: 'orders.sweep',
  payload: z.object({ site: z.string().optional() }),
  retryLimit: 2,
  // Scheduled by the queue (KBRIDGE_ORDERS_SWEEP_SECONDS): the safety net runs without an operator.
  everySeconds: (app) => app.config.ordersSweepSeconds,
  async handler(payload, { app }) {
    const rt = ordersRuntime(app);
    let queued = 0;
    for (const c of await listChannels(app.store, OPERATOR_SCOPE)) {
      if (c.status !== 'active' || (payload.site && c.site !== payload.site)) continue;
      queued += (
        await sweepChannel(
          { store: app.store, gateway: rt.deps.gateway, inbox: rt.inbox, clock: app.clock },
          c,
        )
      ).queued;
    }
    const batches = await rt.ingestor.drain();
    return { queued, done: batches.reduce((n, b) => n + b.done, 0) };
  },
});

/**
 * The tracking timeline of every package on its way, read from the carriers (first mile and
 * Korea Post international) over the configured tracking API; scheduled every
 * KBRIDGE_TRACKING_REFRESH_SECONDS (an hour by default). Each event is recorded once, so a run
 * repeated or overlapping another changes nothing; a final delivery marks the package delivered.
 */
export const refreshTrackingJob = defineJob({
  name: 'orders.refresh-tracking',
  payload: z.object({ packageIds: z.array(z.string()).optional() }),
  retryLimit: 2,
  everySeconds: (app) => app.config.trackingRefreshSeconds,
  async handler(payload, { app }) {
    return refreshTracking(
      { store: app.store, carriers: trackingCarriers(app.config.trackingApi) },
      OPERATOR_SCOPE,
      payload.packageIds ? { packageIds: payload.packageIds } : {},
    );
  },
});
