import assert from 'node:assert/strict';
import { test } from 'node:test';
import { defaultIsHostedImage } from './rules-images.ts';
import { aeInput, issuesOf, lazopInput, sku0 } from './test-fixtures.ts';

const hosted = (n: number) => Array.from({ length: n }, (_, k) => `https://sandbox.slatic.net/p/${k}.jpg`);

test('defaultIsHostedImage: Lazada and AliExpress CDNs only', () => {
  assert.equal(defaultIsHostedImage('https://sg-test-11.slatic.net/p/x.jpg'), true);
  assert.equal(defaultIsHostedImage('https://img.lazcdn.com/g/p/x.jpg'), true);
  assert.equal(defaultIsHostedImage('https://ae01.alicdn.com/kf/x.jpg'), true);
  assert.equal(defaultIsHostedImage('https://shop.example.kr/x.jpg'), false);
  assert.equal(defaultIsHostedImage('https://evil-slatic.net/x.jpg'), false);
  assert.equal(defaultIsHostedImage('not a url'), false);
});

test('images-missing: no image at all is 4139 / 13010', () => {
  assert.equal(
    issuesOf(
      lazopInput((i) => (i.product.images = [])),
      'images-missing',
    )[0]?.code,
    '4139',
  );
  assert.equal(
    issuesOf(
      aeInput((i) => (i.product.images = [])),
      'images-missing',
    )[0]?.code,
    '13010',
  );
  // On Lazop SKU images alone are enough.
  const skuOnly = lazopInput((i) => {
    i.product.images = [];
    for (const s of i.product.skus) s.images = hosted(1);
  });
  assert.deepEqual(issuesOf(skuOnly, 'images-missing'), []);
});

test('images-too-many: 8 per Lazop Image array (4169), 6 main images on AliExpress (13010)', () => {
  assert.equal(
    issuesOf(
      lazopInput((i) => (i.product.images = hosted(9))),
      'images-too-many',
    )[0]?.code,
    '4169',
  );
  assert.deepEqual(
    issuesOf(
      lazopInput((i) => (i.product.images = hosted(8))),
      'images-too-many',
    ),
    [],
  );
  const skuNine = lazopInput((i) => {
    for (const s of i.product.skus) s.images = hosted(9);
  });
  assert.equal(issuesOf(skuNine, 'images-too-many').length, 2);
  assert.equal(
    issuesOf(
      aeInput((i) => (i.product.images = hosted(7))),
      'images-too-many',
    )[0]?.code,
    '13010',
  );
  assert.deepEqual(
    issuesOf(
      aeInput((i) => (i.product.images = hosted(6))),
      'images-too-many',
    ),
    [],
  );
});

test('images-duplicate: a repeated main image is 4116 on Lazop, a warning on AliExpress', () => {
  const [a, b] = hosted(2);
  assert.equal(
    issuesOf(
      lazopInput((i) => (i.product.images = [a!, b!, a!])),
      'images-duplicate',
    )[0]?.code,
    '4116',
  );
  assert.equal(
    issuesOf(
      aeInput((i) => (i.product.images = [a!, a!])),
      'images-duplicate',
    )[0]?.severity,
    'warning',
  );
  assert.deepEqual(issuesOf(lazopInput(), 'images-duplicate'), []);
});

test('images-not-hosted: outer links are 4138 on Lazop (migrate first), a warning on AliExpress', () => {
  const outer = 'https://shop.example.kr/mask.jpg';
  const [hit] = issuesOf(
    lazopInput((i) => i.product.images.push(outer)),
    'images-not-hosted',
  );
  assert.equal(hit?.code, '4138');
  assert.match(hit?.message ?? '', /shop\.example\.kr/);
  assert.equal(
    issuesOf(
      aeInput((i) => (i.product.images = [outer])),
      'images-not-hosted',
    )[0]?.severity,
    'warning',
  );
  // A caller's own hosting check wins.
  const custom = lazopInput((i) => {
    i.product.images.push(outer);
    i.isHostedImage = () => true;
  });
  assert.deepEqual(issuesOf(custom, 'images-not-hosted'), []);
});

test('images-url: AliExpress needs http(s) URLs (13013)', () => {
  assert.equal(
    issuesOf(
      aeInput((i) => (i.product.images = ['ftp://x/y.jpg'])),
      'images-url',
    )[0]?.code,
    '13013',
  );
  assert.deepEqual(issuesOf(aeInput(), 'images-url'), []);
});

test('sku-images-partial: SKU images on all SKUs or none (4153)', () => {
  const partial = lazopInput((i) => (sku0(i).images = hosted(1)));
  const [hit] = issuesOf(partial, 'sku-images-partial');
  assert.deepEqual([hit?.code, hit?.sellerSku], ['4153', 'LN-MASK-WHT']);
  const all = lazopInput((i) => {
    for (const s of i.product.skus) s.images = hosted(1);
  });
  assert.deepEqual(issuesOf(all, 'sku-images-partial'), []);
});
