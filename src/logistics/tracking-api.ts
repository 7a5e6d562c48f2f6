/**
 * The parcel-tracking protocol kbridge speaks to carriers, and the carriers it names.
 *
 * CJ, Hanjin and Lotte publish no open tracking API; Korean shops read them, and Korea Post,
 * through a tracking aggregator. We speak the shape of the best-known one (SweetTracker's
 * `GET /api/v1/trackingInfo?t_key=…&t_code=…&t_invoice=…`, JSON, one waybill per call, as seen in
 * public client code — unofficial, not checked against its documentation), so a real account is a
 * base URL and a key away. The in-repo simulator (carrier-sim.ts) answers the same. Korea Post's
 * own open API (data.go.kr, XML) is not spoken: the aggregator covers its parcels and EMS.
 *
 * Response: `{ invoiceNo, level, complete, trackingDetails: [{ code, kind, level, time, timeString,
 * where }] }`, `time` in ms, oldest first; `level` 1 preparing, 2 picked up, 3 in transit, 4 at the
 * branch, 5 out for delivery, 6 delivered. Postal items carry the UPU EMSEVT code in `code`;
 * domestic carriers give none. Failure: `{ status: false, code, msg }` with HTTP 200 — `104` bad
 * key, `102` unknown carrier code, `105` no information for this waybill (yet).
 */

/** The aggregator's carrier codes (`t_code`) for the carriers kbridge tracks. */
export const TRACKING_API_CODES: Readonly<Record<string, string>> = {
  KPOST: '01',
  CJ: '04',
  HANJIN: '05',
  LOTTE: '08',
  'KPOST-INTL': '12',
};

export const TRACKING_ERRORS = {
  badKey: '104',
  unknownCarrier: '102',
  noInformation: '105',
} as const;

export interface TrackingApiDetail {
  code: string | null;
  kind: string;
  level: number;
  time: number;
  timeString: string;
  where: string;
}

export interface TrackingApiAnswer {
  invoiceNo: string;
  level: number;
  complete: boolean;
  trackingDetails: TrackingApiDetail[];
}

/** Our first-mile event codes by the aggregator's level (1, preparing, is not an event of ours). */
export const FIRST_MILE_LEVELS: Readonly<Record<string, number>> = {
  'picked-up': 2,
  'in-transit': 3,
  'delivered-to-hub': 6,
};

/** The aggregator's level of each UPU EMSEVT event. */
export const EMS_LEVELS: Readonly<Record<string, number>> = {
  EMA: 2,
  EMB: 3,
  EMC: 3,
  EMD: 3,
  EME: 4,
  EMF: 3,
  EMG: 4,
  EMH: 5,
  EMI: 6,
};
