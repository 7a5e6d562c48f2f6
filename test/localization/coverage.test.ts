/**
 * Coverage of the embedded engine on listing titles: the sample catalog (generated from a fixed
 * vocabulary) and hand-written titles (a dev set used while building the term base, and a held-out
 * set written at the same time but never used to tune it). Floors, so regressions show.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createSampleCatalog } from '../../src/catalog/index.ts';
import { TranslationService } from '../../src/localization/index.ts';

const service = new TranslationService();

async function coverage(titles: string[]): Promise<number> {
  const results = await service.translateTexts(titles, { to: 'en-SG', memory: false });
  return results.filter((r) => r.status === 'machine').length / titles.length;
}

function fixture(name: string): string[] {
  return readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8')
    .split('\n')
    .filter(Boolean);
}

test('sample catalog titles translate fully for at least 90% of products', async () => {
  const titles = [...createSampleCatalog({ sellers: 20, products: 2000, seed: 'coverage' }).products()].map(
    (p) => p.title,
  );
  const rate = await coverage(titles);
  assert.ok(rate >= 0.9, `coverage ${rate}`);
});

test('hand-written titles: the dev set fully, the held-out set at least 85%', async () => {
  const dev = await coverage(fixture('handwritten-titles-dev.txt'));
  assert.ok(dev >= 0.95, `dev ${dev}`);
  const heldOut = await coverage(fixture('handwritten-titles-heldout.txt'));
  assert.ok(heldOut >= 0.85, `held-out ${heldOut}`);
});
