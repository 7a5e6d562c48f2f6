import type { TrackingLeg } from './tracking.ts';

/**
 * Carriers we read tracking events from, behind one small interface: the Korean first-mile
 * carriers (CJ, Hanjin, Lotte, Korea Post parcel) to the hub, and Korea Post's international
 * services (EMS, K-Packet, EMS Premium: UPU S10 item numbers). International events use the UPU
 * EMSEVT codes (EMA posting … EMI final delivery) so every postal feed reads the same. Real
 * adapters (the carriers' lookup APIs) and the in-repo simulator pass the same contract suite
 * (test/logistics/tracking.test.ts).
 */
export interface CarrierEvent {
  code: string;
  description: string;
  location: string | null;
  at: Date;
}

export interface CarrierTrace {
  trackingNumber: string;
  events: CarrierEvent[];
}

export interface TrackingCarrier {
  /** FIRST_MILE_CARRIERS code, or `KPOST-INTL` for Korea Post's international item numbers. */
  readonly code: string;
  readonly leg: TrackingLeg;
  /** Events so far for each number, oldest first; an unknown number has none. */
  track(trackingNumbers: readonly string[]): Promise<CarrierTrace[]>;
}

/** The UPU EMSEVT events (EMS event codes) used for the international leg. */
export const EMS_EVENTS: Readonly<Record<string, string>> = {
  EMA: 'Posting/collection',
  EMB: 'Arrival at outward office of exchange',
  EMC: 'Departure from outward office of exchange',
  EMD: 'Arrival at inward office of exchange',
  EME: 'Held by import customs',
  EMF: 'Departure from inward office of exchange',
  EMG: 'Arrival at delivery office',
  EMH: 'Attempted/unsuccessful delivery',
  EMI: 'Final delivery',
};

/** Codes that end a package's journey at the buyer. */
export const DELIVERED_CODES: ReadonlySet<string> = new Set(['EMI', 'delivered']);

export const FIRST_MILE_EVENTS: Readonly<Record<string, string>> = {
  'picked-up': 'Picked up from the seller',
  'in-transit': 'At the sorting terminal',
  'delivered-to-hub': 'Delivered to the cross-border hub',
};

interface Plan {
  events: { code: string; afterMs: number; location: string }[];
}

const H = 3_600_000;
const FIRST_MILE_PLAN: Plan = {
  events: [
    { code: 'picked-up', afterMs: 2 * H, location: 'Seoul' },
    { code: 'in-transit', afterMs: 10 * H, location: 'Gonjiam hub terminal' },
    { code: 'delivered-to-hub', afterMs: 26 * H, location: 'Incheon' },
  ],
};
const EMS_PLAN = (destination: string): Plan => ({
  events: [
    { code: 'EMA', afterMs: 0, location: 'Seoul IMC, KR' },
    { code: 'EMB', afterMs: 8 * H, location: 'Incheon, KR' },
    { code: 'EMC', afterMs: 20 * H, location: 'Incheon, KR' },
    { code: 'EMD', afterMs: 44 * H, location: destination },
    { code: 'EME', afterMs: 50 * H, location: destination },
    { code: 'EMF', afterMs: 68 * H, location: destination },
    { code: 'EMG', afterMs: 80 * H, location: destination },
    { code: 'EMI', afterMs: 92 * H, location: destination },
  ],
});

/**
 * A carrier that behaves like the real feeds without the network: a number registered at
 * hand-over gains its events as time passes (the clock decides), always in order.
 */
export class SimulatedCarrier implements TrackingCarrier {
  readonly #parcels = new Map<string, { acceptedAt: Date; plan: Plan }>();

  constructor(
    readonly code: string,
    readonly leg: TrackingLeg,
    private readonly now: () => Date,
  ) {}

  /** The carrier took the parcel (a destination country for postal items). */
  accept(trackingNumber: string, acceptedAt: Date, destination = 'destination'): void {
    const plan = this.leg === 'international' ? EMS_PLAN(destination) : FIRST_MILE_PLAN;
    this.#parcels.set(trackingNumber, { acceptedAt, plan });
  }

  async track(trackingNumbers: readonly string[]): Promise<CarrierTrace[]> {
    const now = this.now().getTime();
    const names = this.leg === 'international' ? EMS_EVENTS : FIRST_MILE_EVENTS;
    return trackingNumbers.map((n) => {
      const p = this.#parcels.get(n);
      const events = (p?.plan.events ?? [])
        .map((e) => ({ ...e, at: new Date(p!.acceptedAt.getTime() + e.afterMs) }))
        .filter((e) => e.at.getTime() <= now)
        .map((e) => ({ code: e.code, description: names[e.code] ?? e.code, location: e.location, at: e.at }));
      return { trackingNumber: n, events };
    });
  }
}
