import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import sharp from 'sharp';
import { specTableImage } from '../../test/helpers/spec-table-image.ts';

const cwd = new URL('../..', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'kbridge-image-cli-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function kbridge(args: string[]): { status: number | null; stdout: string; stderr: string } {
  return spawnSync(process.execPath, ['bin/kbridge.js', ...args], {
    encoding: 'utf8',
    cwd,
    env: { ...process.env, KBRIDGE_DATA_DIR: join(dir, 'data'), KBRIDGE_LOG_LEVEL: 'silent' },
  });
}

test('image localize writes the localized image and its report', async () => {
  const input = join(dir, 'in.png');
  writeFileSync(input, specTableImage());
  const out = join(dir, 'out.png');
  const reportPath = join(dir, 'report.json');
  const res = kbridge(['image', 'localize', input, '--to', 'en-US', '--out', out, '--report', reportPath]);
  assert.equal(res.status, 0, res.stderr);
  assert.match(res.stdout, /en-US: .*out\.png \(600×200\)/);
  const meta = await sharp(out).metadata();
  assert.deepEqual([meta.format, meta.width, meta.height], ['png', 600, 200]);
  const report = JSON.parse(readFileSync(reportPath, 'utf8'));
  const bySource = Object.fromEntries(report.lines.map((l: { source: string }) => [l.source, l]));
  assert.equal(bySource['용량']?.translation, 'Capacity');
  assert.equal(bySource['500ml']?.translation, '16.9 fl oz');
  assert.equal(bySource['500ml']?.status, 'converted');
  assert.equal(report.residual.hangul, 0);

  // A product region: its text stays as printed, and the variant is not the cached one above.
  const keep = kbridge([
    'image',
    'localize',
    input,
    '--to',
    'en-US',
    '--out',
    out,
    '--keep',
    '240,40,160,60',
    '--json',
  ]);
  assert.equal(keep.status, 0, keep.stderr);
  const kept = JSON.parse(keep.stdout);
  assert.notEqual(kept.cached, true);
  const ml = kept.lines.find((l: { source: string }) => l.source === '500ml');
  assert.deepEqual([ml.status, ml.note], ['kept', 'on-product']);
  assert.equal(kept.lines.find((l: { source: string }) => l.source === '용량').status, 'translated');
});

test('image localize refuses a loopback URL and a missing file', () => {
  const url = kbridge([
    'image',
    'localize',
    'http://127.0.0.1/a.png',
    '--to',
    'th-TH',
    '--out',
    join(dir, 'x.png'),
  ]);
  assert.notEqual(url.status, 0);
  assert.match(url.stderr, /refused/);
  const missing = kbridge([
    'image',
    'localize',
    join(dir, 'nope.png'),
    '--to',
    'th-TH',
    '--out',
    join(dir, 'x.png'),
  ]);
  assert.notEqual(missing.status, 0);
  assert.match(missing.stderr, /cannot read/);
  const input = join(dir, 'in.png');
  const badKeep = kbridge([
    'image',
    'localize',
    input,
    '--to',
    'th-TH',
    '--out',
    join(dir, 'x.png'),
    '--keep',
    '1,2,3',
  ]);
  assert.notEqual(badKeep.status, 0);
  assert.match(badKeep.stderr, /--keep wants x,y,w,h/);
});
