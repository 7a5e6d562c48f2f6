import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';

// The stock, returns and orders commands on an embedded store in a temporary data directory.
const cwd = new URL('../..', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'kbridge-orders-cli-'));
function kbridge(args: string[]): { status: number | null; stdout: string; stderr: string } {
  return spawnSync(process.execPath, ['bin/kbridge.js', ...args], {
    encoding: 'utf8',
    cwd,
    // A PostgreSQL run of the suite must not point this CLI at the shared server.
    env: { ...process.env, KBRIDGE_DATA_DIR: join(dir, 'data'), DATABASE_URL: '' },
  });
}
const json = (r: { status: number | null; stdout: string; stderr: string }) => {
  assert.equal(r.status, 0, r.stderr || r.stdout);
  return JSON.parse(r.stdout) as Record<string, unknown> & unknown[];
};

test('stock receive, count, policy, list and ledger; orders and returns on an empty desk', () => {
  const seller = json(
    kbridge(['sellers', 'create', '--name', 'Hanbit Cosmetics', '--biz-no', '220-81-62517', '--json']),
  );
  const file = join(dir, 'catalog.csv');
  writeFileSync(file, 'product_sku,title,price_krw,category_path,stock\nCLI-1,세럼,25000,뷰티,7\n');
  assert.equal(kbridge(['import', file, '--seller', String(seller.id), '--json']).status, 0);
  assert.deepEqual(json(kbridge(['stock', 'open', '--json'])), { opened: 1 });
  const got = json(
    kbridge([
      'stock',
      'receive',
      '--seller',
      String(seller.id),
      '--sku',
      'CLI-1',
      '--qty',
      '5',
      '--request-id',
      'po-7',
      '--json',
    ]),
  );
  assert.deepEqual(got, { applied: true, counts: { onHand: 12, reserved: 0 } });
  assert.equal(
    json(
      kbridge([
        'stock',
        'receive',
        '--seller',
        String(seller.id),
        '--sku',
        'CLI-1',
        '--qty',
        '5',
        '--request-id',
        'po-7',
        '--json',
      ]),
    ).applied,
    false,
  );
  assert.deepEqual(
    json(
      kbridge([
        'stock',
        'count',
        '--seller',
        String(seller.id),
        '--sku',
        'CLI-1',
        '--on-hand',
        '10',
        '--json',
      ]),
    ),
    { onHand: 10, reserved: 0 },
  );
  assert.equal(
    kbridge([
      'stock',
      'policy',
      '--seller',
      String(seller.id),
      '--mode',
      'shared',
      '--buffers',
      'lazada-sg=3',
      '--json',
    ]).status,
    0,
  );
  const [level] = json(
    kbridge(['stock', 'list', '--seller', String(seller.id), '--sites', 'lazada-sg,daraz-pk', '--json']),
  ) as unknown as {
    sellerSku: string;
    free: number;
    bySite: Record<string, number>;
  }[];
  assert.deepEqual(
    [level!.sellerSku, level!.free, level!.bySite],
    ['CLI-1', 10, { 'lazada-sg': 7, 'daraz-pk': 10 }],
  );
  const ledger = json(
    kbridge(['stock', 'ledger', '--seller', String(seller.id), '--sku', 'CLI-1', '--json']),
  ) as unknown as { kind: string }[];
  assert.deepEqual(
    ledger.map((e) => e.kind),
    ['adjustment', 'receipt', 'receipt'],
  );
  assert.deepEqual(json(kbridge(['orders', 'todo', '--seller', String(seller.id), '--json'])), []);
  assert.deepEqual(json(kbridge(['returns', 'list', '--json'])), []);
  assert.equal(json(kbridge(['orders', 'inbox', '--process', '--json'])).pending, 0);
  const missing = kbridge(['orders', 'show', 'ord_nope', '--json']);
  assert.notEqual(missing.status, 0);
  assert.equal((JSON.parse(missing.stdout) as { error: { code: string } }).error.code, 'not_found');
  // Answering a buyer's cancellation request takes exactly one of --accept and --refuse.
  const neither = kbridge(['orders', 'cancel-request', 'ord_nope', '--json']);
  assert.notEqual(neither.status, 0);
  const bad = JSON.parse(neither.stdout) as { error: { code: string; message: string } };
  assert.equal(bad.error.code, 'invalid_input');
  assert.match(bad.error.message, /--accept or --refuse/);
  const unknown = kbridge(['orders', 'cancel-request', 'ord_nope', '--refuse', '--json']);
  assert.equal((JSON.parse(unknown.stdout) as { error: { code: string } }).error.code, 'not_found');
  const human = kbridge(['stock', 'list', '--seller', String(seller.id)]);
  assert.match(human.stdout, /CLI-1\s+10\s+0\s+10/);
});
