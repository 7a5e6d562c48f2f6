import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';

// The listings commands on an embedded store in a temporary data directory (no marketplace app:
// what needs one says so; what does not, works).
const cwd = new URL('../..', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'kbridge-listings-cli-'));
function kbridge(args: string[]) {
  return spawnSync(process.execPath, ['bin/kbridge.js', ...args], {
    encoding: 'utf8',
    cwd,
    env: { ...process.env, KBRIDGE_DATA_DIR: join(dir, 'data'), DATABASE_URL: '' },
  });
}

test('publish, status and show: bad input names the parameter; a store without listings says so', () => {
  const badSite = kbridge(['publish', '--site', 'lazada-xx']);
  assert.notEqual(badSite.status, 0);
  assert.match(badSite.stderr, /--site: "lazada-xx" is not a site/);
  const badLimit = kbridge(['publish', '--site', 'lazada-sg', '--limit', '0']);
  assert.notEqual(badLimit.status, 0);
  assert.match(badLimit.stderr, /limit must be a positive integer/);

  const file = join(dir, 'catalog.csv');
  writeFileSync(file, 'product_sku,title,price_krw,category_path,stock\nCLI-1,세럼,25000,뷰티,7\n');
  const seller = kbridge(['sellers', 'create', '--name', 'Hanbit', '--biz-no', '220-81-62517', '--json']);
  assert.equal(seller.status, 0, seller.stderr);
  const sellerId = (JSON.parse(seller.stdout) as { id: string }).id;
  assert.equal(kbridge(['import', file, '--seller', sellerId, '--json']).status, 0);
  // The seller has no account on any site yet: nothing to publish, nothing listed.
  const published = kbridge(['publish', '--site', 'lazada-sg', '--json']);
  assert.equal(published.status, 0, published.stderr);
  assert.equal((JSON.parse(published.stdout) as { sites: { considered: number }[] }).sites[0]!.considered, 0);
  const status = kbridge(['listings', 'status', '--json']);
  assert.deepEqual(JSON.parse(status.stdout), { sites: [], topErrors: [] });
  const missing = kbridge(['listings', 'show', 'lst_nope']);
  assert.notEqual(missing.status, 0);
  assert.match(missing.stderr, /listing lst_nope not found/);
});
