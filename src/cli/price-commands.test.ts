import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';

const cwd = new URL('../..', import.meta.url).pathname;
const dataDir = mkdtempSync(join(tmpdir(), 'kb-price-cli-'));
function kbridge(args: string[]): { status: number | null; stdout: string; stderr: string } {
  return spawnSync(process.execPath, ['bin/kbridge.js', ...args], {
    encoding: 'utf8',
    cwd,
    env: { ...process.env, KBRIDGE_DATA_DIR: dataDir },
  });
}
const SERUM = [
  '--site',
  'lazada-th',
  '--krw',
  '25000',
  '--weight-g',
  '350',
  '--dims',
  '12x8x8',
  '--category',
  'beauty',
];

describe('price and fx commands', () => {
  after(() => rmSync(dataDir, { recursive: true, force: true }));

  it('price quote --json prints the quote with the shipped dated FX sample', () => {
    const res = kbridge(['price', 'quote', ...SERUM, '--as-of', '2026-11-25', '--json']);
    assert.equal(res.status, 0, res.stderr);
    const q = JSON.parse(res.stdout);
    assert.deepEqual(q.price, { currency: 'THB', minor: 108900 });
    assert.equal(
      q.components.reduce((a: number, c: { local: { minor: number } }) => a + c.local.minor, 0),
      108900,
    );
    assert.match(q.fxSnapshot.source, /^default:/);
  });
  it('without --json prints a readable waterfall', () => {
    const res = kbridge(['price', 'quote', ...SERUM, '--as-of', '2026-11-25']);
    assert.equal(res.status, 0, res.stderr);
    assert.match(res.stdout, /seller price \(KRW → THB\)\s+538\.65 THB\s+25,000 KRW/);
    assert.match(res.stdout, /= price\s+1,089\.00 THB\s+50,543 KRW/);
  });
  it('a rejected quote prints the guard and exits 1', () => {
    const res = kbridge(['price', 'quote', ...SERUM, '--price', '999', '--json']);
    assert.equal(res.status, 1);
    const body = JSON.parse(res.stdout);
    assert.deepEqual([body.status, body.guard], ['rejected', 'min-margin']);
  });
  it('fx set and fx import store snapshots that quotes then use', () => {
    const set = kbridge(['fx', 'set', 'THB', '44.9', '--json']);
    assert.equal(set.status, 0, set.stderr);
    assert.equal(JSON.parse(set.stdout).snapshot.rates.THB, '44.9');
    const file = join(dataDir, 'rates.csv');
    writeFileSync(file, 'currency,krw\nPHP,24.1\n');
    const imp = kbridge(['fx', 'import', file, '--json']);
    assert.equal(imp.status, 0, imp.stderr);
    const show = JSON.parse(kbridge(['fx', 'show', '--json']).stdout);
    assert.deepEqual([show.rates.THB, show.rates.PHP, show.source], ['44.9', '24.1', 'file:rates.csv']);
    const q = JSON.parse(kbridge(['price', 'quote', ...SERUM, '--json']).stdout);
    assert.equal(q.fxSnapshot.id, show.id);
    assert.equal(q.fxSnapshot.krwPerUnit, '44.9');
  });
  it('price simulate --json summarises margins without storing anything', () => {
    const res = kbridge([
      'price',
      'simulate',
      '--fx',
      'THB=-3%',
      '--fee',
      'lazada.commission=+1pt',
      '--sample',
      '20',
      '--site',
      'lazada-th',
      '--json',
    ]);
    assert.equal(res.status, 0, res.stderr);
    const r = JSON.parse(res.stdout);
    assert.equal(r.sites.length, 1);
    assert.ok(r.sites[0].marginPctAtCurrentPrices < r.sites[0].marginPctBefore);
  });
  it('a malformed scenario is invalid_input', () => {
    const res = kbridge(['price', 'simulate', '--fx', 'THB-3', '--json']);
    assert.equal(res.status, 65);
    assert.equal(JSON.parse(res.stdout).error.code, 'invalid_input');
  });
});
