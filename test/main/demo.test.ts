import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Runs `npm start`'s entry point on a fresh data dir until it prints its URL, then stops it. */
async function runDemo(dataDir: string): Promise<{ url: string; output: string; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main/demo.ts'], {
    env: {
      ...process.env,
      DATABASE_URL: '',
      KBRIDGE_DATA_DIR: dataDir,
      KBRIDGE_PORT: '0',
      KBRIDGE_LOG_LEVEL: 'warn',
    },
  });
  let output = '';
  child.stderr.on('data', (d) => (output += d));
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (d) => {
      output += d;
      // The last line of the start banner: everything above it (URL, console link) is printed.
      const m = /running at (http:\/\/\S+)[\s\S]*stop: /.exec(output);
      if (m) resolve(m[1]!);
    });
    child.once('exit', (code) => reject(new Error(`demo exited with ${code}:\n${output}`)));
  });
  return {
    url,
    output,
    stop: async () => {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

test(
  'npm start: imports the sample once, serves the API with an operator key, restarts cleanly',
  { timeout: 600_000 },
  async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'kbridge-demo-'));
    const first = await runDemo(dataDir);
    try {
      assert.match(first.output, /imported the sample .*: 400 products from 8 sellers, 0 rejected/);
      const key = readFileSync(join(dataDir, 'operator-api-key'), 'utf8').trim();
      assert.ok(!first.output.includes(key), 'the key is not printed');
      const res = await fetch(`${first.url}/v1/products?limit=3`, {
        headers: { authorization: `Bearer ${key}` },
      });
      assert.equal(res.status, 200);
      const body = (await res.json()) as { data: { titleKo: string; variants: unknown[] }[] };
      assert.equal(body.data.length, 3);
      assert.ok(body.data.every((p) => /[가-힣]/.test(p.titleKo) && p.variants.length > 0));
      // The console is served, and the printed sign-in link gives the key once (it is not the key).
      const page = await fetch(first.url);
      assert.equal(page.status, 200);
      assert.match(await page.text(), /<div id="root">/);
      const code = /console: \S+\?code=(\S+)/.exec(first.output)?.[1];
      assert.ok(code, 'a console sign-in link is printed');
      const exchange = () =>
        fetch(`${first.url}/auth/sign-in-link`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ code }),
        });
      const once = await exchange();
      assert.deepEqual(await once.json(), { key });
      assert.equal((await exchange()).status, 401);
    } finally {
      await first.stop();
    }
    const second = await runDemo(dataDir);
    try {
      assert.match(second.output, /400 products already in the store/);
    } finally {
      await second.stop();
    }
  },
);
