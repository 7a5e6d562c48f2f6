import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SimulatedCarrier } from './tracking-carriers.ts';
import {
  EMS_LEVELS,
  FIRST_MILE_LEVELS,
  TRACKING_API_CODES,
  TRACKING_ERRORS,
  type TrackingApiAnswer,
} from './tracking-api.ts';

/**
 * The carriers' side of parcel tracking, in-repo: a small HTTP server speaking the tracking
 * protocol of tracking-api.ts for CJ, Hanjin, Lotte, Korea Post parcels and Korea Post
 * international (EMS, K-Packet). A parcel exists once it is accepted (`accept`, or
 * `POST /admin/parcels`); its events then appear as the simulator's clock passes their time, always
 * in the same order (SimulatedCarrier's plans), so tests move the clock instead of waiting.
 */
export interface CarrierSimulator {
  url: string;
  apiKey: string;
  /** The carrier (`CJ`, `KPOST-INTL`…) took the parcel; `destination` names the postal item's country. */
  accept(carrier: string, trackingNumber: string, acceptedAt: Date, destination?: string): void;
  /** Requests served, by carrier code, for tests and the bench. */
  readonly calls: Map<string, number>;
  close(): Promise<void>;
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

function fail(res: ServerResponse, code: string, msg: string): void {
  send(res, 200, { status: false, code, msg });
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, unknown>;
}

const pad = (n: number) => String(n).padStart(2, '0');
/** `YYYY-MM-DD HH:mm:ss` in Korean time, as Korean carriers print it. */
function koreanTime(at: Date): string {
  const k = new Date(at.getTime() + 9 * 3_600_000);
  return `${k.getUTCFullYear()}-${pad(k.getUTCMonth() + 1)}-${pad(k.getUTCDate())} ${pad(k.getUTCHours())}:${pad(k.getUTCMinutes())}:${pad(k.getUTCSeconds())}`;
}

const KIND_KO: Readonly<Record<string, string>> = {
  'picked-up': '집화처리',
  'in-transit': '간선상차',
  'delivered-to-hub': '배달완료',
};

export async function startCarrierSimulator(
  options: {
    port?: number;
    apiKey?: string;
    now?: () => Date;
    /**
     * Treat a waybill first asked about as taken by the carrier then (for `npm start`, where the
     * seller hands over in another process and nobody tells the simulator).
     */
    acceptOnLookup?: boolean;
  } = {},
): Promise<CarrierSimulator> {
  const now = options.now ?? (() => new Date());
  const apiKey = options.apiKey ?? 'carrier-sim-key';
  const carriers = new Map<string, SimulatedCarrier>();
  const byApiCode = new Map<string, string>();
  for (const [code, apiCode] of Object.entries(TRACKING_API_CODES)) {
    carriers.set(
      code,
      new SimulatedCarrier(code, code === 'KPOST-INTL' ? 'international' : 'first-mile', now),
    );
    byApiCode.set(apiCode, code);
  }
  const calls = new Map<string, number>();
  const accepted = new Set<string>();

  async function trackingInfo(url: URL, res: ServerResponse): Promise<void> {
    const q = url.searchParams;
    if (q.get('t_key') !== apiKey) return fail(res, TRACKING_ERRORS.badKey, 't_key is missing or invalid');
    const code = byApiCode.get(q.get('t_code') ?? '');
    if (!code) return fail(res, TRACKING_ERRORS.unknownCarrier, `t_code ${q.get('t_code') ?? ''} is unknown`);
    calls.set(code, (calls.get(code) ?? 0) + 1);
    const invoice = (q.get('t_invoice') ?? '').trim();
    if (options.acceptOnLookup && !accepted.has(`${code}:${invoice}`)) accept(code, invoice, now());
    const [trace] = await carriers.get(code)!.track([invoice]);
    if (!trace || trace.events.length === 0)
      return fail(res, TRACKING_ERRORS.noInformation, `no tracking information for ${invoice}`);
    const postal = code === 'KPOST-INTL';
    const details = trace.events.map((e) => ({
      code: postal ? e.code : null,
      kind: postal ? e.description : (KIND_KO[e.code] ?? e.description),
      level: (postal ? EMS_LEVELS[e.code] : FIRST_MILE_LEVELS[e.code]) ?? 3,
      time: e.at.getTime(),
      timeString: koreanTime(e.at),
      where: e.location ?? '',
    }));
    const level = details.at(-1)!.level;
    const answer: TrackingApiAnswer = {
      invoiceNo: invoice,
      level,
      complete: level === 6,
      trackingDetails: details,
    };
    send(res, 200, answer);
  }

  function accept(carrier: string, trackingNumber: string, acceptedAt: Date, destination?: string): void {
    const c = carriers.get(carrier.toUpperCase());
    if (!c) throw new Error(`carrier simulator: no carrier ${carrier}`);
    const number = trackingNumber.replace(/[\s-]/g, '').toUpperCase();
    accepted.add(`${c.code}:${number}`);
    c.accept(number, acceptedAt, destination);
  }

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://carrier-sim');
    const handle = async () => {
      if (req.method === 'GET' && url.pathname === '/api/v1/trackingInfo') return trackingInfo(url, res);
      if (req.method === 'POST' && url.pathname === '/admin/parcels') {
        const b = await readJson(req);
        accept(
          String(b.carrier ?? ''),
          String(b.trackingNumber ?? ''),
          new Date(String(b.acceptedAt ?? now().toISOString())),
          typeof b.destination === 'string' ? b.destination : undefined,
        );
        return send(res, 201, { accepted: true });
      }
      send(res, 404, { status: false, code: '404', msg: `no route ${req.method ?? ''} ${url.pathname}` });
    };
    handle().catch((e: unknown) => send(res, 400, { status: false, code: '400', msg: String(e) }));
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    apiKey,
    accept,
    calls,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((e) => (e ? reject(e) : resolve()));
      }),
  };
}
