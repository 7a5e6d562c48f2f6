import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';

const BIN = fileURLToPath(new URL('../../bin/kbridge.js', import.meta.url));

describe('kbridge sandbox (CLI)', () => {
  it('serves on a free port, prints its URL and credentials as JSON, stops on SIGINT', async () => {
    const child = spawn(
      process.execPath,
      [
        BIN,
        'sandbox',
        '--port',
        '0',
        '--memory',
        '--app-key',
        '777001',
        '--app-secret',
        'cli-secret',
        '--json',
      ],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      const first = await createInterface({ input: child.stdout })[Symbol.asyncIterator]().next();
      const info = JSON.parse(first.value as string) as {
        url: string;
        appKey: string;
        appSecret: string;
        stateDir: string | null;
      };
      assert.equal(info.appKey, '777001');
      assert.equal(info.appSecret, 'cli-secret');
      assert.equal(info.stateDir, null);
      const index = (await (await fetch(`${info.url}/`)).json()) as { sites: Record<string, string> };
      assert.equal(index.sites['daraz-bd'], `${info.url}/daraz/bd/rest`);
      const apps = (await (await fetch(`${info.url}/_admin/apps`)).json()) as { appKey: string }[];
      assert.deepEqual(
        apps.map((a) => a.appKey),
        ['777001'],
      );
    } finally {
      child.kill('SIGINT');
    }
    assert.equal(await exited, 0);
  });
});
