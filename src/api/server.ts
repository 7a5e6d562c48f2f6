import { serve, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import type { App } from '../main/app.ts';
import { createApiApp } from './app.ts';

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

/** Serves the API (and later the console) on host:port; port 0 picks a free one. */
export async function startApiServer(
  app: App,
  options: { host: string; port: number },
): Promise<RunningServer> {
  const api = createApiApp(app);
  const server = await new Promise<ServerType>((resolve) => {
    const s = serve({ fetch: api.fetch, hostname: options.host, port: options.port }, () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  return {
    url: `http://${host}:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((e) => (e ? reject(e) : resolve()));
        // Keep-alive connections would hold close() open.
        (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
      }),
  };
}
