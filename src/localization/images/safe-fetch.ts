/**
 * Fetching product images from sellers' URLs without letting a URL reach inside our network (SSRF)
 * or exhaust a worker (bombs). Rules, checked on the first URL and again on every redirect:
 * - http or https only, ports 80 and 443 only, no credentials in the URL;
 * - the host name is resolved first and every address it resolves to must be public
 *   (address-policy.ts); the connection then goes to the address that was checked, so a DNS answer
 *   that changes between check and connect (rebinding) cannot slip through;
 * - at most `maxRedirects` redirects, a deadline for the whole fetch, and a byte limit enforced while
 *   streaming (a lying or missing Content-Length does not help);
 * - the body must be an image by its magic bytes, with a pixel count under the limit
 *   (image-io.ts `inspectImage`), before anyone decodes it.
 */
import { lookup as dnsLookup } from 'node:dns/promises';
import http from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { AppError } from '../../shared/index.ts';
import { refusedAddressReason } from './address-policy.ts';
import {
  DEFAULT_IMAGE_LIMITS,
  IMAGE_MIME,
  inspectImage,
  type ImageLimits,
  type ImageType,
} from './image-io.ts';

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/** Resolves a host name to all its addresses (default: the system resolver). Injectable for tests. */
export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>;

export interface SafeFetchOptions extends ImageLimits {
  resolver?: Resolver;
  maxRedirects?: number;
  /** Deadline for the whole fetch, redirects included (default 20 s). */
  timeoutMs?: number;
  /**
   * TEST ONLY: addresses and ports allowed although the rules refuse them (a loopback test server).
   * Production code never sets this; the CLI and jobs have no way to pass it.
   */
  testOnlyAllow?: { addresses: readonly string[]; ports: readonly number[] };
}

export interface FetchedImage {
  bytes: Buffer;
  type: ImageType;
  mime: string;
  width: number;
  height: number;
  /** The URL the bytes finally came from (after redirects). */
  url: string;
}

const systemResolver: Resolver = async (hostname) =>
  (await dnsLookup(hostname, { all: true, verbatim: true })).map((a) => ({
    address: a.address,
    family: a.family === 6 ? 6 : 4,
  }));

function refuse(url: string, reason: string): AppError {
  return new AppError('forbidden', `image URL refused: ${reason}`, {
    details: { field: 'url', url, reason },
  });
}

/** Checks scheme, port and credentials; returns the port to use. */
function checkUrl(url: URL, options: SafeFetchOptions): number {
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw refuse(url.href, `scheme ${url.protocol} is not http(s)`);
  if (url.username || url.password) throw refuse(url.href, 'credentials in the URL');
  const port = url.port ? Number(url.port) : url.protocol === 'https:' ? 443 : 80;
  if (port !== 80 && port !== 443 && !options.testOnlyAllow?.ports.includes(port)) {
    throw refuse(url.href, `port ${port} (only 80 and 443)`);
  }
  return port;
}

/** Resolves and checks every address; returns the one to connect to. */
async function checkedAddress(url: URL, options: SafeFetchOptions): Promise<ResolvedAddress> {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const family = isIP(host);
  const addresses: ResolvedAddress[] = family
    ? [{ address: host, family: family === 6 ? 6 : 4 }]
    : await (options.resolver ?? systemResolver)(host).catch((err: unknown) => {
        throw new AppError('upstream', `cannot resolve ${host}: ${(err as Error).message}`, {
          details: { field: 'url', host },
          cause: err,
        });
      });
  if (addresses.length === 0) throw refuse(url.href, `${host} resolves to no address`);
  for (const a of addresses) {
    const reason = refusedAddressReason(a.address);
    if (reason && !options.testOnlyAllow?.addresses.includes(a.address)) {
      throw refuse(url.href, `${host} resolves to ${a.address} (${reason})`);
    }
  }
  return addresses[0]!;
}

interface Hop {
  status: number;
  location: string | undefined;
  body: Buffer | undefined;
}

function requestOnce(
  url: URL,
  target: ResolvedAddress,
  port: number,
  maxBytes: number,
  signal: AbortSignal,
): Promise<Hop> {
  // The connection goes to the address we checked, whatever DNS answers now.
  const pinned: LookupFunction = (_host, opts, cb) => {
    if ((opts as { all?: boolean }).all) cb(null, [{ address: target.address, family: target.family }]);
    else cb(null, target.address, target.family);
  };
  const mod = url.protocol === 'https:' ? https : http;
  return new Promise<Hop>((resolve, reject) => {
    const req = mod.request(
      url,
      {
        method: 'GET',
        port,
        lookup: pinned,
        signal,
        headers: { accept: 'image/*', 'user-agent': 'kbridge-image-fetch' },
      },
      (res) => {
        const status = res.statusCode ?? 0;
        if (status >= 300 && status < 400) {
          res.resume();
          resolve({ status, location: res.headers.location, body: undefined });
          return;
        }
        if (status !== 200) {
          res.resume();
          reject(
            new AppError('upstream', `image fetch got HTTP ${status}`, {
              details: { field: 'url', url: url.href, status },
            }),
          );
          return;
        }
        const declared = Number(res.headers['content-length'] ?? NaN);
        if (declared > maxBytes) {
          res.destroy();
          reject(
            new AppError('invalid_input', `image is ${declared} bytes, over the ${maxBytes}-byte limit`, {
              details: { field: 'url', url: url.href, maxBytes },
            }),
          );
          return;
        }
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > maxBytes) {
            res.destroy();
            reject(
              new AppError('invalid_input', `image is over the ${maxBytes}-byte limit`, {
                details: { field: 'url', url: url.href, maxBytes },
              }),
            );
            return;
          }
          chunks.push(chunk);
        });
        res.on('end', () => resolve({ status, location: undefined, body: Buffer.concat(chunks) }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end();
  });
}

/** Fetches one image under the rules above; throws `forbidden`, `invalid_input`, `upstream` or `timeout`. */
export async function safeFetchImage(rawUrl: string, options: SafeFetchOptions = {}): Promise<FetchedImage> {
  const maxBytes = options.maxBytes ?? DEFAULT_IMAGE_LIMITS.maxBytes;
  const maxRedirects = options.maxRedirects ?? 3;
  const signal = AbortSignal.timeout(options.timeoutMs ?? 20_000);
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    throw new AppError('invalid_input', `not a URL: ${rawUrl.slice(0, 200)}`, { details: { field: 'url' } });
  }
  for (let hop = 0; ; hop++) {
    const port = checkUrl(url, options);
    const target = await checkedAddress(url, options);
    let res: Hop;
    try {
      res = await requestOnce(url, target, port, maxBytes, signal);
    } catch (err) {
      if (signal.aborted)
        throw new AppError('timeout', `image fetch timed out: ${url.href}`, {
          details: { field: 'url' },
          cause: err,
        });
      if (err instanceof AppError) throw err;
      throw new AppError('upstream', `image fetch failed: ${(err as Error).message}`, {
        details: { field: 'url', url: url.href },
        cause: err,
      });
    }
    if (res.body) {
      const info = await inspectImage(res.body, options);
      return {
        bytes: res.body,
        type: info.type,
        mime: IMAGE_MIME[info.type],
        width: info.width,
        height: info.height,
        url: url.href,
      };
    }
    if (!res.location)
      throw new AppError('upstream', `redirect without a Location from ${url.href}`, {
        details: { field: 'url' },
      });
    if (hop >= maxRedirects) throw refuse(url.href, `more than ${maxRedirects} redirects`);
    url = new URL(res.location, url);
  }
}
