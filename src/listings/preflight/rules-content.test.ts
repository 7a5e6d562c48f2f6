import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findWord } from './rules-content.ts';
import { aeInput, issuesOf, lazopInput, sku0 } from './test-fixtures.ts';

test('title-missing: no name is 4108 (Lazop) / 13001 (AliExpress)', () => {
  assert.equal(
    issuesOf(
      lazopInput((i) => delete i.product.attributes.name),
      'title-missing',
    )[0]?.code,
    '4108',
  );
  assert.equal(
    issuesOf(
      aeInput((i) => (i.product.attributes.name = ' ')),
      'title-missing',
    )[0]?.code,
    '13001',
  );
  assert.deepEqual(issuesOf(lazopInput(), 'title-missing'), []);
});

test('title-bytes: 255 UTF-8 bytes on Lazop, localized titles too (4160)', () => {
  // 86 Thai characters are 258 bytes but only 86 characters.
  const thai = 'ก'.repeat(86);
  const [hit] = issuesOf(
    lazopInput((i) => (i.product.attributes.name_th = thai)),
    'title-bytes',
  );
  assert.equal(hit?.field, 'name_th');
  assert.equal(hit?.code, '4160');
  assert.deepEqual(
    issuesOf(
      lazopInput((i) => (i.product.attributes.name_th = 'ก'.repeat(85))),
      'title-bytes',
    ),
    [],
  );
});

test('title-chars: AliExpress titles stop at the policy limit (128 characters)', () => {
  const [hit] = issuesOf(
    aeInput((i) => (i.product.attributes.name = 'a'.repeat(129))),
    'title-chars',
  );
  assert.equal(hit?.code, '13002');
  assert.deepEqual(
    issuesOf(
      aeInput((i) => (i.product.attributes.name = 'a'.repeat(128))),
      'title-chars',
    ),
    [],
  );
});

test('title-untranslated: Korean left in a title is a warning', () => {
  const [hit] = issuesOf(
    lazopInput((i) => (i.product.attributes.name = '라네즈 Mask')),
    'title-untranslated',
  );
  assert.equal(hit?.severity, 'warning');
  assert.deepEqual(issuesOf(lazopInput(), 'title-untranslated'), []);
});

test('forbidden-characters: " ^ ~ < > | in attribute values, SellerSku and sale props (4129)', () => {
  const [a] = issuesOf(
    lazopInput((i) => (i.product.attributes.name = 'Mask <70ml>')),
    'forbidden-characters',
  );
  assert.equal(a?.code, '4129');
  const [b] = issuesOf(
    lazopInput((i) => (sku0(i).sellerSku = 'LN|1')),
    'forbidden-characters',
  );
  assert.equal(b?.sellerSku, 'LN|1');
  // Rich text is HTML: tags are fine there.
  assert.deepEqual(issuesOf(lazopInput(), 'forbidden-characters'), []);
  assert.equal(
    issuesOf(
      aeInput((i) => (i.product.attributes.name = 'Mask <b>')),
      'forbidden-characters',
    ).length,
    1,
  );
  assert.deepEqual(
    issuesOf(
      aeInput((i) => (i.product.attributes.name = 'Mask ~ "70ml"')),
      'forbidden-characters',
    ),
    [],
  );
});

test('prohibited-word: an error in the title, a warning in descriptions', () => {
  const [t] = issuesOf(
    lazopInput((i) => (i.product.attributes.name = 'Mask FREE SHIPPING')),
    'prohibited-word',
  );
  assert.equal(t?.severity, 'error');
  assert.equal(t?.code, '4131');
  const [d] = issuesOf(
    lazopInput((i) => (i.product.attributes.short_description = '<li>Best price</li>')),
    'prohibited-word',
  );
  assert.equal(d?.severity, 'warning');
  assert.deepEqual(
    issuesOf(
      lazopInput((i) => (i.product.attributes.name = 'Promotional Mask')),
      'prohibited-word',
    ),
    [],
  );
});

test('findWord: Latin words on word edges, other scripts inside words', () => {
  assert.equal(findWord('A promo pack', ['promo']), 'promo');
  assert.equal(findWord('promotion pack', ['promo']), undefined);
  assert.equal(findWord('ครีมส่งฟรีเลย', ['ส่งฟรี']), 'ส่งฟรี');
});
