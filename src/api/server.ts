import { serve, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import type { App } from '../main/app.ts';
import { createApiApp } from './app.ts';
import { mountConsole } from './console/console-routes.ts';
import { SignInLinks } from './console/sign-in-links.ts';

export interface RunningServer {
  url: string;
  /** A one-time console sign-in link for this key (valid 15 minutes, for this process). */
  signInLink(key: string): string;
  close(): Promise<void>;
}

/** Serves the API and the console on host:port; port 0 picks a free one. */
export async function startApiServer(
  app: App,
  options: { host: string; port: number },
): Promise<RunningServer> {
  const api = createApiApp(app);
  const links = new SignInLinks();
  mountConsole(api, links);
  const server = await new Promise<ServerType>((resolve) => {
    const s = serve({ fetch: api.fetch, hostname: options.host, port: options.port }, () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  const url = `http://${host}:${port}`;
  return {
    url,
    signInLink: (key) => `${url}/?code=${links.create(key)}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((e) => (e ? reject(e) : resolve()));
        // Keep-alive connections would hold close() open.
        (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
      }),
  };
}
