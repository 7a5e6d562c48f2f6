// Helpers for running the client against the real sandbox (src/sandbox), loaded dynamically so
// this suite still type-checks and skips cleanly while the sandbox is not in the tree.
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';

export interface SandboxHandle {
  url: string;
  appKey: string;
  appSecret: string;
  // The sandbox's admin object (SandboxAdmin); typed loosely on purpose (see above).
  admin: {
    decideQc(siteKey: string, itemId: number, approve: boolean, reason?: string): unknown;
    placeOrders(input: {
      site: string;
      lines?: { sellerSku: string; quantity?: number }[];
      paymentMethod?: string;
    }): Record<string, unknown>[];
    setFaults(config: unknown): unknown;
    setOptions(patch: Record<string, unknown>): unknown;
    requestCancel(siteKey: string, orderId: number, reason?: string): string;
    order(siteKey: string, orderId: number): Record<string, unknown>;
    products(siteKey: string, filter?: { status?: string; limit?: number }): Record<string, unknown>[];
    flushPushes(): Promise<void>;
    counters(): Record<string, number>;
  };
  close(): Promise<void>;
}

const SANDBOX_ENTRY = fileURLToPath(new URL('../../src/sandbox/index.ts', import.meta.url));

export function sandboxAvailable(): boolean {
  return existsSync(SANDBOX_ENTRY);
}

export async function startSandboxForTest(options: Record<string, unknown>): Promise<SandboxHandle> {
  const mod = (await import(SANDBOX_ENTRY)) as {
    startSandbox(o: Record<string, unknown>): Promise<SandboxHandle>;
  };
  return mod.startSandbox({ port: 0, host: '127.0.0.1', ...options });
}

export interface PushSink {
  url: string;
  received: { raw: Buffer; authorization: string | undefined }[];
  waitFor(
    pred: (raw: string) => boolean,
    timeoutMs?: number,
  ): Promise<{ raw: Buffer; authorization: string | undefined }>;
  close(): Promise<void>;
}

/** A push receiver on a loopback port: records raw bytes and the Authorization header, answers 200. */
export async function startPushSink(): Promise<PushSink> {
  const received: PushSink['received'] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ raw: Buffer.concat(chunks), authorization: req.headers.authorization });
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/push`,
    received,
    async waitFor(pred, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const hit = received.find((r) => pred(r.raw.toString('utf8')));
        if (hit) return hit;
        if (Date.now() > deadline)
          throw new Error(`no matching push within ${timeoutMs} ms (${received.length} received)`);
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
