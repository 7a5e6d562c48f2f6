import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXIT_CODE_BY_CODE } from '../shared/index.ts';

const dir = mkdtempSync(join(tmpdir(), 'kbridge-sample-'));
const cli = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'src/main/cli.ts', 'sample', ...args], {
    encoding: 'buffer',
    env: { ...process.env, KBRIDGE_DATA_DIR: join(dir, 'data') },
  });

test.after(() => rmSync(dir, { recursive: true, force: true }));

test('kbridge sample writes the same bytes for the same seed and reports a JSON summary', () => {
  const a = join(dir, 'a.csv');
  const b = join(dir, 'b.csv');
  const first = cli('--sellers', '2', '--products', '30', '--seed', '9', '--out', a, '--json');
  assert.equal(first.status, 0, first.stderr.toString());
  const summary = JSON.parse(first.stdout.toString()) as Record<string, unknown>;
  assert.equal(summary['format'], 'csv');
  assert.equal(summary['products'], 30);
  assert.equal(summary['bytes'], readFileSync(a).length);
  assert.equal(cli('--sellers', '2', '--products', '30', '--seed', '9', '--out', b).status, 0);
  assert.ok(readFileSync(a).equals(readFileSync(b)));
});

test('--out - streams NDJSON to stdout, the summary to stderr', () => {
  const r = cli('--products', '4', '--format', 'ndjson', '--out', '-');
  assert.equal(r.status, 0, r.stderr.toString());
  const lines = r.stdout.toString().trim().split('\n');
  assert.equal(lines.length, 4);
  assert.ok(lines.every((l) => typeof (JSON.parse(l) as { title: string }).title === 'string'));
  assert.match(r.stderr.toString(), /4 products/);
});

test('bad options fail with the invalid_input exit code and leave no file', () => {
  const out = join(dir, 'x.xlsx');
  const r = cli('--products', '3', '--encoding', 'cp949', '--out', out);
  assert.equal(r.status, EXIT_CODE_BY_CODE.invalid_input);
  assert.match(r.stderr.toString(), /cp949 applies to CSV only/);
  assert.equal(existsSync(out), false);
  assert.equal(
    cli('--products', 'many', '--out', join(dir, 'y.csv')).status,
    EXIT_CODE_BY_CODE.invalid_input,
  );
});
