import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadTermBase } from './termbase/load.ts';
import { protect, reprotect, restore } from './protect.ts';

const tb = loadTermBase();

test('quantities become placeholders and come back converted for the market', () => {
  const p = protect('라운드랩 토너 500ml', { locale: 'en-US', brands: tb });
  assert.equal(p.text, '⟦1⟧ 토너 ⟦2⟧');
  assert.deepEqual(
    p.placeholders.map((x) => [x.kind, x.original, x.restore]),
    [
      ['brand', '라운드랩', 'ROUND LAB'],
      ['quantity', '500ml', '16.9 fl oz'],
    ],
  );
  assert.equal(restore('⟦1⟧ Toner ⟦2⟧', p.placeholders), 'ROUND LAB Toner 16.9 fl oz');
  const metric = protect('라운드랩 토너 500ml', { locale: 'en-SG', brands: tb });
  assert.equal(restore('⟦1⟧ Toner ⟦2⟧', metric.placeholders), 'ROUND LAB Toner 500 ml');
});

test('the key reduces placeholders to their kind, so other quantities and brands share it', () => {
  const a = protect('라운드랩 토너 500ml', { locale: 'en-SG', brands: tb });
  const b = protect('아누아 토너 300㎖', { locale: 'en-SG', brands: tb });
  assert.equal(a.key, b.key);
  assert.equal(a.key, '⟦brand⟧ 토너 ⟦quantity⟧');
});

test('URLs, e-mail addresses and model codes are kept as written', () => {
  const p = protect('문의 cs@seller.co.kr 상세 https://shop.example.kr/p?id=1 모델 CW2288-111', {
    locale: 'en-SG',
  });
  assert.deepEqual(
    p.placeholders.map((x) => [x.kind, x.restore]),
    [
      ['email', 'cs@seller.co.kr'],
      ['url', 'https://shop.example.kr/p?id=1'],
      ['code', 'CW2288-111'],
    ],
  );
  assert.equal(
    restore(p.text, p.placeholders),
    '문의 cs@seller.co.kr 상세 https://shop.example.kr/p?id=1 모델 CW2288-111',
  );
});

test('do-not-translate terms are protected verbatim', () => {
  const p = protect('독도 토너', { locale: 'en-SG', keep: ['독도'] });
  assert.equal(p.text, '⟦1⟧ 토너');
  assert.equal(p.placeholders[0]?.kind, 'dnt');
});

test('brands match whole words only', () => {
  const p = protect('헤라클레스 헤라 쿠션', { locale: 'en-SG', brands: tb });
  assert.equal(p.text, '헤라클레스 ⟦1⟧ 쿠션');
});

test("a person's edit written with restored text is turned back into placeholders", () => {
  const p = protect('라운드랩 토너 500ml', { locale: 'en-SG', brands: tb });
  assert.equal(reprotect('ROUND LAB Facial Toner 500 ml', p.placeholders), '⟦1⟧ Facial Toner ⟦2⟧');
  assert.equal(reprotect('Facial Toner', p.placeholders), undefined);
});

test('round trip: protect then restore gives back the text with localized quantities only', () => {
  const text = '[무료배송] 닥터지 선크림 50ml x 2개 SPF50+ 모델 DG-2025A';
  const p = protect(text, { locale: 'en-SG', brands: tb });
  const back = restore(
    p.text,
    p.placeholders.map((x) => ({ ...x, restore: x.original })),
  );
  assert.equal(back, text);
});
