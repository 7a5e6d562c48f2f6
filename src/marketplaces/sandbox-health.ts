/** What a GET of the sandbox's root answered. */
export interface SandboxHealth {
  healthy: boolean;
  /** The HTTP status, or null when no answer came (refused, timed out). */
  status: number | null;
  latencyMs: number;
  /** Why it is unhealthy; null when healthy. */
  error: string | null;
}

/**
 * Probes the marketplace sandbox (src/sandbox/server.ts): its root answers JSON naming itself.
 * Short timeout: the operations screen must not hang on a sandbox that went away.
 */
export async function probeSandbox(
  origin: string,
  options: { timeoutMs?: number; now?: () => number } = {},
): Promise<SandboxHealth> {
  const now = options.now ?? (() => performance.now());
  const started = now();
  const elapsed = () => Math.round(now() - started);
  try {
    // fetch refuses URLs with credentials: they travel as a Basic header instead.
    const url = new URL('/', origin);
    const headers: Record<string, string> = {};
    if (url.username) {
      const user = `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`;
      headers.authorization = `Basic ${Buffer.from(user).toString('base64')}`;
      url.username = '';
      url.password = '';
    }
    const res = await fetch(url, { headers, signal: AbortSignal.timeout(options.timeoutMs ?? 2_000) });
    const body = (await res.json().catch(() => undefined)) as { name?: unknown } | undefined;
    const healthy = res.ok && body?.name === 'kbridge marketplace sandbox';
    return {
      healthy,
      status: res.status,
      latencyMs: elapsed(),
      error: healthy ? null : `unexpected answer (HTTP ${res.status})`,
    };
  } catch (e) {
    const timedOut = e instanceof Error && (e.name === 'TimeoutError' || e.name === 'AbortError');
    return {
      healthy: false,
      status: null,
      latencyMs: elapsed(),
      error: timedOut ? 'timed out' : 'unreachable',
    };
  }
}

/** The URL without user info, query or fragment: what may be shown to an operator. */
export function displayUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}${u.pathname === '/' ? '' : u.pathname}`;
  } catch {
    return '[invalid URL]';
  }
}
