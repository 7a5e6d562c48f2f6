import { newAuthCode } from '../core/ids.ts';
import { SANDBOX_SELLER } from '../core/options.ts';
import type { Runtime } from '../core/runtime.ts';
import { findSite, isPlatform } from '../core/sites.ts';

const CODE_TTL_MS = 30 * 60_000;

function page(status: number, title: string, text: string): Response {
  const body = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${title}</title></head><body><h1>${title}</h1><p>${text}</p></body></html>`;
  return new Response(body, { status, headers: { 'content-type': 'text/html;charset=UTF-8' } });
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * The seller authorization page. Sandbox sellers approve at once: it answers 302 to
 * `redirect_uri?code=…&state=…` with a single-use code valid 30 minutes. Sandbox extensions:
 * `seller` (the account to log in as; created on first use), `cross_border=0|1` for a new one,
 * `country` (venture) for a venture-less host.
 */
export function authorize(rt: Runtime, url: URL, prefix: { platform?: string; venture?: string }): Response {
  const q = url.searchParams;
  const appKey = q.get('client_id') ?? '';
  const redirectUri = q.get('redirect_uri') ?? '';
  if (q.get('response_type') !== 'code') return page(400, 'Invalid request', 'response_type must be "code".');
  const app = rt.store.apps.get(appKey);
  if (!app) return page(400, 'Invalid client', `No app with client_id "${escapeHtml(appKey)}".`);
  let target: URL;
  try {
    target = new URL(redirectUri);
  } catch {
    return page(400, 'Invalid redirect_uri', 'redirect_uri must be an absolute URL.');
  }
  if (app.callbackUrl && app.callbackUrl !== redirectUri) {
    return page(
      400,
      'Invalid redirect_uri',
      'redirect_uri does not match the callback URL registered for this app.',
    );
  }
  const platform = prefix.platform ?? q.get('platform') ?? undefined;
  if (platform !== undefined && !isPlatform(platform)) return page(404, 'Not found', 'Unknown platform.');
  const venture = prefix.venture ?? q.get('country')?.toLowerCase() ?? undefined;
  if (platform && venture && venture !== 'cb' && !findSite(platform, venture)) {
    return page(400, 'Invalid country', `Unknown venture "${escapeHtml(venture)}".`);
  }
  const account = q.get('seller') ?? SANDBOX_SELLER;
  const crossBorder = q.get('cross_border');
  rt.ensureSeller(account, crossBorder === null ? {} : { crossBorder: crossBorder !== '0' });
  const code = newAuthCode(appKey);
  const record = { code, appKey, account, expiresAt: rt.now() + CODE_TTL_MS, used: false } as {
    code: string;
    appKey: string;
    account: string;
    expiresAt: number;
    used: boolean;
    platform?: string;
    venture?: string;
  };
  if (platform) record.platform = platform;
  if (venture && venture !== 'cb') record.venture = venture;
  rt.store.codes.set(code, record);
  rt.store.touch('code', '', code);
  rt.stats.inc('oauth.codes');
  target.searchParams.set('code', code);
  const state = q.get('state');
  if (state !== null) target.searchParams.set('state', state);
  return new Response(null, { status: 302, headers: { location: target.toString() } });
}
