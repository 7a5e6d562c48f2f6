import {
  ApiError,
  aeErrorBody,
  illegalAccessToken,
  incompleteSignature,
  invalidParameter,
  lazopErrorBody,
  missingParameter,
} from './api-error.ts';
import type { ApiBody, ApiRoute, CallContext, RouteTable } from './api-types.ts';
import type { FaultDecision } from './faults.ts';
import { newRequestId } from './ids.ts';
import { readParams, type RawRequest } from './request-params.ts';
import type { Runtime } from './runtime.ts';
import { verifySign } from './signature.ts';
import type { Site } from './sites.ts';
import { parseRequestTimestamp } from './time-format.ts';

/** Where a call is going, decided from its URL. */
export interface Target {
  site: Site;
  /** API path as called (Lazop/GOP); AliExpress `/sync` takes its method from the `method` parameter. */
  api: string | undefined;
  routes: RouteTable;
  flavor: 'lazop' | 'ae';
  centralHost: boolean;
}

interface Resolved {
  api: string;
  route: ApiRoute | undefined;
  /** Signed before the parameters: the API path for Lazop/GOP, nothing for AliExpress `/sync`. */
  signPrefix: string;
}

function resolve(target: Target, params: Record<string, string>): Resolved {
  if (target.api !== undefined) {
    const key = target.api.length > 1 ? target.api.replace(/\/+$/, '') : target.api;
    return {
      api: target.api,
      route: Object.hasOwn(target.routes, key) ? target.routes[key] : undefined,
      signPrefix: target.api,
    };
  }
  const method = params.method ?? '';
  return {
    api: method,
    route: Object.hasOwn(target.routes, method) ? target.routes[method] : undefined,
    signPrefix: '',
  };
}

const TIMESTAMP_WINDOW_MS = 7200_000;

/** What the gateway answers; written straight to the socket (no Response objects on the hot path). */
export interface RawResponse {
  status: number;
  contentType: string;
  body: string;
}

const JSON_TYPE = 'application/json;charset=UTF-8';

function json(body: unknown, status = 200): RawResponse {
  return { status, contentType: JSON_TYPE, body: JSON.stringify(body) };
}

const HTML_PAGE =
  '<!DOCTYPE html><html><head><title>Security Verification</title></head><body><h1>Please slide to verify</h1><p>Unusual traffic from your network.</p></body></html>';

function htmlResponse(status: number): RawResponse {
  const body =
    status === 200
      ? HTML_PAGE
      : `<html><head><title>${status}</title></head><body><center><h1>${status} ${status === 502 ? 'Bad Gateway' : status === 504 ? 'Gateway Time-out' : 'Service Temporarily Unavailable'}</h1></center><hr><center>Tengine</center></body></html>`;
  return { status, contentType: 'text/html', body };
}

/** Answers one Lazop or AliExpress call: parse, check, run, wrap, log. */
export async function gatewayCall(rt: Runtime, req: RawRequest, target: Target): Promise<RawResponse> {
  const started = performance.now();
  const now = rt.now();
  const requestId = newRequestId(now);
  let appKey = '';
  let status = 200;
  let code = '0';
  let api = target.api ?? req.url.searchParams.get('method') ?? '';
  let response: RawResponse;
  try {
    const { params, files } = await readParams(req);
    appKey = params.app_key ?? '';
    const resolved = resolve(target, params);
    api = resolved.api;
    const outcome = await check(rt, target, resolved, params, now);
    if ('status' in outcome) {
      response = outcome;
      status = outcome.status;
      code = `http${status}`;
    } else {
      const ctx: CallContext = {
        rt,
        site: target.site,
        api,
        params,
        files,
        appKey,
        centralHost: target.centralHost,
        requestId,
        now,
      };
      if (outcome.account !== undefined) ctx.account = outcome.account;
      if (outcome.sellerId !== undefined) ctx.sellerId = outcome.sellerId;
      const body = await resolved.route!.handle(ctx);
      // A fault set to strike after the API acted: the caller never learns that it did.
      const lost = outcome.late ? await faultResponse(rt, outcome.late) : undefined;
      if (lost) {
        response = lost;
        status = lost.status;
        code = `http${status}`;
      } else response = successResponse(target, api, body, requestId);
    }
  } catch (e) {
    if (!(e instanceof ApiError)) {
      rt.stats.inc('internal_errors');
      console.error('[sandbox] internal error', e);
    }
    const error =
      e instanceof ApiError ? e : new ApiError('1000', 'Internal Application Error', { type: 'ISP' });
    code = error.code;
    response = json(
      target.flavor === 'ae' ? aeErrorBody(error, requestId) : lazopErrorBody(error, requestId),
    );
  }
  rt.stats.record({
    at: now,
    site: target.site.key,
    api,
    appKey,
    code,
    httpStatus: status,
    ms: Math.round((performance.now() - started) * 100) / 100,
    requestId,
  });
  return response;
}

function successResponse(target: Target, api: string, body: ApiBody, requestId: string): RawResponse {
  if (target.flavor === 'ae') {
    const name = `${api.replace(/\./g, '_')}_response`;
    return json({ [name]: { ...body, request_id: requestId }, request_id: requestId });
  }
  const data = body.data as { __rawJson?: string } | undefined;
  if (data && typeof data.__rawJson === 'string') {
    // Large constant bodies (the category tree) are cached as text and spliced in.
    return {
      status: 200,
      contentType: JSON_TYPE,
      body: `{"code":"0","data":${data.__rawJson},"request_id":${JSON.stringify(requestId)}}`,
    };
  }
  return json({ code: '0', ...body, request_id: requestId });
}

/** The gateway's checks in order; returns the caller's seller, or a raw answer for HTTP faults. */
async function check(
  rt: Runtime,
  target: Target,
  resolved: Resolved,
  params: Record<string, string>,
  now: number,
): Promise<{ account?: string; sellerId?: string; late?: FaultDecision } | RawResponse> {
  const { api, route } = resolved;
  if (!route) {
    if (target.flavor === 'ae' && !api) throw missingParameter('method');
    throw new ApiError('InvalidApiPath', `The specified API "${api}" does not exist`);
  }
  for (const name of ['app_key', 'sign', 'timestamp', 'sign_method']) {
    if (!params[name]) throw missingParameter(name);
  }
  const app = rt.store.apps.get(params.app_key!);
  if (!app) throw invalidParameter('app_key', 'no such app');
  const signMethod = params.sign_method!;
  if (signMethod !== 'sha256' && signMethod !== 'hmac') throw invalidParameter('sign_method');
  const ts = parseRequestTimestamp(params.timestamp!);
  const serverNow = now + (rt.faults.config.clockSkewMs ?? 0);
  if (ts === undefined || Math.abs(ts - serverNow) > TIMESTAMP_WINDOW_MS) {
    throw invalidParameter('timestamp', 'it must be within 7200 seconds of the server time');
  }
  const limited = rt.faults.checkQps(app.appKey, api, now);
  if (limited) throw limited;
  if (!verifySign(app.appSecret, resolved.signPrefix, params, signMethod)) throw incompleteSignature();

  const tokenParam = target.flavor === 'ae' ? (params.session ?? params.access_token) : params.access_token;
  const fault = rt.faults.decide(api, target.site.key, tokenParam !== undefined);
  if (fault) rt.stats.inc(`faults.${fault.kind === 'error' ? fault.error.code : fault.kind}`);
  let late: FaultDecision | undefined;
  if (fault?.after) late = fault;
  else if (fault) {
    const answer = await faultResponse(rt, fault);
    if (answer) return answer;
  }
  const extra = late ? { late } : {};
  if (route.auth === 'none' || (route.auth === 'optional' && !tokenParam)) return extra;
  if (!tokenParam) throw missingParameter(target.flavor === 'ae' ? 'session' : 'access_token');
  const token = rt.store.tokens.get(tokenParam);
  const grant = token ? rt.store.grants.get(token.grantId) : undefined;
  if (
    !token ||
    !grant ||
    token.expiresAt <= now ||
    grant.appKey !== app.appKey ||
    !grant.sites.includes(target.site.key)
  ) {
    throw illegalAccessToken();
  }
  const seller = rt.store.sellers.get(grant.account);
  if (!seller) throw illegalAccessToken();
  if (seller.status !== 'ACTIVE')
    throw new ApiError('SellerNotActive', 'Seller not active,please check seller status');
  return { account: seller.account, sellerId: rt.sellerIds(seller, target.site.key).sellerId, ...extra };
}

/** What a fault answers: throws gateway errors, returns raw HTTP answers (after holding for timeouts). */
async function faultResponse(rt: Runtime, fault: FaultDecision): Promise<RawResponse | undefined> {
  switch (fault.kind) {
    case 'error':
      throw fault.error;
    case 'expiredToken':
      throw illegalAccessToken();
    case 'html':
      return htmlResponse(200);
    case 'http5xx':
      return htmlResponse(fault.status);
    case 'timeout':
      await new Promise<void>((resolve) => {
        const release = (): void => {
          clearTimeout(timer);
          rt.held.delete(release);
          resolve();
        };
        const timer = setTimeout(release, fault.delayMs);
        rt.held.add(release);
      });
      return htmlResponse(504);
  }
}
