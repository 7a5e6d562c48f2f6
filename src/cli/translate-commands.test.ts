import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { openStore } from '../db/index.ts';

const cwd = new URL('../..', import.meta.url).pathname;
const dataDir = mkdtempSync(join(tmpdir(), 'kbridge-translate-cli-'));
function kbridge(args: string[], input?: string): { status: number | null; stdout: string; stderr: string } {
  return spawnSync(process.execPath, ['bin/kbridge.js', ...args], {
    encoding: 'utf8',
    cwd,
    input,
    env: { ...process.env, KBRIDGE_DATA_DIR: dataDir, DATABASE_URL: '', KBRIDGE_LOG_LEVEL: 'silent' },
  });
}
const lines = (s: string) =>
  s
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, unknown>);

after(() => rmSync(dataDir, { recursive: true, force: true }));

test('translate --json prints text, translation, status, provider and segments per input (stdin lines)', () => {
  const res = kbridge(
    ['translate', '--to', 'en-US', '--json'],
    '[무료배송] 라운드랩 1025 독도 토너 500ml\n라운드랩 뷁뷁 토너\n',
  );
  assert.equal(res.status, 0, res.stderr);
  const [a, b] = lines(res.stdout);
  assert.deepEqual(Object.keys(a!), ['text', 'translation', 'status', 'provider', 'segments']);
  assert.equal(a!.translation, 'ROUND LAB 1025 Dokdo Toner 16.9 fl oz');
  assert.equal(a!.status, 'machine');
  assert.equal(a!.provider, 'termbase');
  assert.equal(b!.status, 'needs-translation');
  assert.equal(b!.translation, null);
});

test('translate review list/approve, then the approval is reused', () => {
  const list = kbridge(['translate', 'review', 'list', '--json']);
  assert.equal(list.status, 0, list.stderr);
  const item = lines(list.stdout).find((i) => i.sampleText === '라운드랩 뷁뷁 토너');
  assert.ok(item, list.stdout);
  const ok = kbridge([
    'translate',
    'review',
    'approve',
    String(item.id),
    '--text',
    'ROUND LAB Bwek Toner',
    '--json',
  ]);
  assert.equal(ok.status, 0, ok.stderr);
  assert.equal(lines(ok.stdout)[0]!.scope, 'global');
  const again = kbridge(['translate', '--to', 'en-SG', '--json', '라운드랩 뷁뷁 토너']);
  const [r] = lines(again.stdout);
  assert.equal(r!.status, 'approved');
  assert.equal(r!.translation, 'ROUND LAB Bwek Toner');
});

test('translate without --to, or to an unknown language, is a usage error', () => {
  const missing = kbridge(['translate', '--json', '토너']);
  assert.notEqual(missing.status, 0);
  assert.match(missing.stderr, /--to is required/);
  const bad = kbridge(['translate', '--to', 'xx-YY', '--no-memory', '토너']);
  assert.notEqual(bad.status, 0);
});

test('localize product prints each field with its status; the report counts the catalog', async () => {
  const report = kbridge(['translate', 'report', '--sample', '40', '--site', 'lazada-sg', '--json']);
  assert.equal(report.status, 0, report.stderr);
  const [r] = lines(report.stdout);
  assert.equal(r!.products, 40);
  const titles = r!.titles as { total: number; fullyTranslated: number };
  assert.equal(titles.total, 40);
  assert.ok(titles.fullyTranslated >= 36, JSON.stringify(titles));
  const store = await openStore({ engine: 'pglite', dataDir: join(dataDir, 'db') });
  const [row] = await store.query<{ id: string }>('SELECT id FROM products ORDER BY id LIMIT 1');
  await store.close();
  const res = kbridge(['localize', 'product', row!.id, '--site', 'miravia-es', '--json']);
  assert.equal(res.status, 0, res.stderr);
  const [p] = lines(res.stdout);
  const listing = (p!.listings as { language: string; title: { status: string } }[])[0]!;
  assert.equal(listing.language, 'es');
  assert.ok(['machine', 'needs-translation', 'needs-review', 'approved'].includes(listing.title.status));
});
