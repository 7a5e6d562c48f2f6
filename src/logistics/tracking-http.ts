import { AppError } from '../shared/index.ts';
import type { TrackingLeg } from './tracking.ts';
import {
  EMS_EVENTS,
  FIRST_MILE_EVENTS,
  type CarrierTrace,
  type TrackingCarrier,
} from './tracking-carriers.ts';
import {
  FIRST_MILE_LEVELS,
  TRACKING_API_CODES,
  TRACKING_ERRORS,
  type TrackingApiAnswer,
} from './tracking-api.ts';

/** The first-mile event code for an aggregator level (1, preparing, is none). */
function firstMileCode(level: number): string | undefined {
  if (level >= FIRST_MILE_LEVELS['delivered-to-hub']!) return 'delivered-to-hub';
  if (level >= FIRST_MILE_LEVELS['in-transit']!) return 'in-transit';
  if (level >= FIRST_MILE_LEVELS['picked-up']!) return 'picked-up';
  return undefined;
}

/**
 * A carrier read over the tracking API (tracking-api.ts): one GET per waybill. An unknown waybill
 * (`105`, the carrier has not scanned it yet) has no events; a bad key or carrier code, a non-JSON
 * answer or an HTTP error is an `upstream` error naming the carrier, so the refresh job fails and
 * is retried rather than recording nothing.
 */
export class HttpTrackingCarrier implements TrackingCarrier {
  readonly leg: TrackingLeg;
  readonly #apiCode: string;

  constructor(
    readonly code: string,
    private readonly api: { url: string; key: string; fetch?: typeof fetch; timeoutMs?: number },
  ) {
    const apiCode = TRACKING_API_CODES[code];
    if (!apiCode) throw new AppError('invalid_input', `carrier ${code}: no tracking API code for it`);
    this.#apiCode = apiCode;
    this.leg = code === 'KPOST-INTL' ? 'international' : 'first-mile';
  }

  async track(trackingNumbers: readonly string[]): Promise<CarrierTrace[]> {
    const out: CarrierTrace[] = [];
    for (const n of trackingNumbers) out.push({ trackingNumber: n, events: await this.#one(n) });
    return out;
  }

  async #one(invoice: string): Promise<CarrierTrace['events']> {
    const url = new URL('/api/v1/trackingInfo', this.api.url);
    url.searchParams.set('t_key', this.api.key);
    url.searchParams.set('t_code', this.#apiCode);
    url.searchParams.set('t_invoice', invoice);
    const where = `tracking API (${this.code} ${invoice})`;
    let res: Response;
    try {
      res = await (this.api.fetch ?? fetch)(url, {
        signal: AbortSignal.timeout(this.api.timeoutMs ?? 15_000),
      });
    } catch (e) {
      throw new AppError('upstream', `${where}: ${(e as Error).message}`);
    }
    if (!res.ok) throw new AppError('upstream', `${where}: HTTP ${res.status}`);
    let body: Partial<TrackingApiAnswer> & { status?: boolean; code?: string; msg?: string };
    try {
      body = (await res.json()) as typeof body;
    } catch {
      throw new AppError('upstream', `${where}: the answer is not JSON`);
    }
    if (body.status === false) {
      if (body.code === TRACKING_ERRORS.noInformation) return [];
      throw new AppError(
        body.code === TRACKING_ERRORS.badKey ? 'config' : 'upstream',
        `${where}: ${body.msg ?? body.code}`,
      );
    }
    const events: CarrierTrace['events'] = [];
    for (const d of body.trackingDetails ?? []) {
      // Postal events by their EMSEVT code; domestic carriers give none, so their level decides.
      const code =
        this.leg === 'international'
          ? d.code && EMS_EVENTS[d.code]
            ? d.code
            : undefined
          : firstMileCode(d.level);
      if (!code) continue;
      const ours = (this.leg === 'international' ? EMS_EVENTS : FIRST_MILE_EVENTS)[code]!;
      events.push({
        code,
        description: d.kind && d.kind !== ours ? `${ours} (${d.kind})` : ours,
        location: d.where || null,
        at: new Date(d.time),
      });
    }
    return events.sort((a, b) => a.at.getTime() - b.at.getTime());
  }
}

/** Every carrier kbridge tracks, over the configured tracking API; none when it is not configured. */
export function trackingCarriers(
  api: { url: string; key: { reveal(): string } | undefined } | undefined,
): HttpTrackingCarrier[] {
  if (!api) return [];
  return Object.keys(TRACKING_API_CODES).map(
    (code) => new HttpTrackingCarrier(code, { url: api.url, key: api.key?.reveal() ?? '' }),
  );
}
