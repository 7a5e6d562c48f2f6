import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadTermBase } from '../termbase/load.ts';
import type { TargetLanguage } from '../languages.ts';
import type { FieldKind } from '../types.ts';
import { translateWithTermBase } from './embedded-engine.ts';
import type { GlossaryTerm } from './lexicon.ts';

const tb = loadTermBase();
const en = (text: string, kind: FieldKind = 'title', domain?: string) =>
  translateWithTermBase(text, kind, { termBase: tb, language: 'en', ...(domain ? { domain } : {}) });
const to = (language: TargetLanguage, text: string, kind: FieldKind = 'option-value') =>
  translateWithTermBase(text, kind, { termBase: tb, language });

test('splits Korean compounds into known words', () => {
  assert.equal(en('남성운동화').text, "Men's Sneakers");
  assert.equal(en('여성기모조거팬츠').text, "Women's Fleece-Lined Jogger Pants");
});

test('drops Korean-market tags and reports the facts they state', () => {
  const r = en('[무료배송][1+1] 남성 양말 당일발송');
  assert.equal(r.text, "Men's Socks");
  assert.deepEqual(r.dropped, ['free shipping', '1+1 bundle', 'same-day dispatch']);
});

test('a bracket with real words is kept as words', () => {
  assert.equal(en('[라운드랩] 토너').text, 'ROUND LAB Toner');
});

test('counts become English with plurals, patterns carry their numbers', () => {
  assert.equal(en('양말 5켤레').text, 'Socks 5 Pairs');
  assert.equal(en('1켤레', 'option-value').text, '1 Pair');
  assert.equal(en('제조일로부터 36개월', 'attribute-value').text, '36 months from the date of manufacture');
  assert.equal(en('6년근 홍삼정').text, '6-Year-Grown Red Ginseng Extract');
  assert.equal(en('4종 택1').text, 'Choose 1 of 4');
});

test('placeholders pass through untouched; ranges use an en dash, not the forbidden ~', () => {
  assert.equal(en('토너 ⟦1⟧ M~2XL').text, 'Toner ⟦1⟧ M–2XL');
});

test('value lists are capitalized per item; sentences keep their commas', () => {
  assert.equal(
    en('면 80%, 나일론 18%, 스판덱스 2%', 'attribute-value').text,
    'Cotton 80%, Nylon 18%, Spandex 2%',
  );
  assert.equal(
    en('직사광선을 피해 서늘하고 건조한 곳에 보관', 'attribute-value').text,
    'Store in a cool, dry place away from direct sunlight',
  );
});

test('an unknown Korean word makes the result not ok, with no guessed output', () => {
  const r = en('라운드랩 뷁뷁 토너');
  assert.equal(r.ok, false);
  assert.equal(r.text, '');
  assert.deepEqual(r.unknown, ['뷁뷁']);
});

test('a domain selects contextual senses', () => {
  assert.equal(en('면', 'attribute-value').text, 'Cotton');
  assert.equal(en('면', 'attribute-value', 'food').text, 'Noodles');
});

test('the vocabulary translates structured values into the 13 languages', () => {
  assert.equal(to('th', '블랙').text, 'ดำ');
  assert.equal(to('es', '네이비, 블랙').text, 'Azul marino, Negro');
  assert.equal(to('vi', '면 100%', 'attribute-value').text, 'Cotton 100%');
  assert.equal(to('my', '30포').text, '30 ထုပ်');
  assert.equal(to('es', '1켤레').text, '1 par');
  assert.equal(to('pt', '3켤레').text, '3 pares');
});

test('a word with no translation in the target language is not guessed', () => {
  const r = to('th', '라운드랩 토너', 'title');
  assert.equal(r.ok, false);
});

test('a glossary entry wins over the term base and reports its scope', () => {
  const glossary = new Map<string, GlossaryTerm>([
    ['토너', { key: '토너', target: 'skin tonic', scope: 'seller' }],
  ]);
  const r = translateWithTermBase('라운드랩 토너', 'title', { termBase: tb, language: 'en', glossary });
  assert.equal(r.text, 'ROUND LAB Skin Tonic');
  assert.deepEqual(r.scopes, ['seller']);
  const keep = new Map<string, GlossaryTerm>([['독도', { key: '독도', target: null, scope: 'brand' }]]);
  assert.equal(
    translateWithTermBase('독도 토너', 'title', { termBase: tb, language: 'en', glossary: keep }).text,
    '독도 Toner',
  );
});

test("manufacturer names become the company's English name with its legal form", () => {
  assert.equal(en('CJ제일제당(주)', 'spec-value').text, 'CJ CheilJedang Co., Ltd.');
  assert.equal(en('(주)한국인삼공사', 'spec-value').text, 'Korea Ginseng Corp.');
  assert.equal(en('벨킨코리아(유)', 'spec-value').text, 'Belkin Korea Ltd.');
  // A company word only counts inside a company name: 대상 alone is not Daesang.
  assert.equal(en('샘표식품(주)', 'spec-value').text, 'Sempio Foods Co., Ltd.');
  assert.equal(en('주식회사 뷁뷁상사', 'spec-value').ok, false);
});

test('a word Korean says twice through near-synonyms is said once in English', () => {
  // 패딩 is "Puffer Jacket" and 점퍼 "Jacket": the title must not read "Jacket Jacket".
  assert.equal(en('겨울 패딩 점퍼').text, 'Winter Puffer Jacket');
});
