import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { hasHangul } from '../normalize.ts';
import { loadTermBase, TERMBASE_DIR } from './load.ts';
import { compilePattern } from './termbase.ts';

const tb = loadTermBase();

test('the shipped term base has 2,000+ curated Korean entries besides the taxonomy import', () => {
  const s = tb.stats();
  const curated = Object.entries(s.byDomain)
    .filter(([d]) => d !== 'taxonomy')
    .reduce((n, [, c]) => n + c, 0);
  assert.ok(curated >= 2000, `curated entries: ${curated}`);
  assert.ok(s.brands >= 200, `brands: ${s.brands}`);
  assert.ok(s.patterns >= 30, `patterns: ${s.patterns}`);
});

test('the structured vocabulary has 500+ terms, each in all 13 languages, none left in Korean', () => {
  const vocab = JSON.parse(readFileSync(`${TERMBASE_DIR}/vocabulary.json`, 'utf8')) as {
    languages: string[];
    entries: string[][];
  };
  assert.equal(vocab.languages.length, 13);
  const terms = vocab.entries.filter((e) => e[0] !== 'counter');
  assert.ok(terms.length >= 500, `vocabulary terms: ${terms.length}`);
  for (const e of vocab.entries) {
    const translations = e.slice(2);
    assert.equal(translations.length, 13, e[1]);
    for (const t of translations) {
      assert.ok(t.trim().length > 0, `${e[1]} has an empty translation`);
      assert.ok(!hasHangul(t), `${e[1]}: "${t}" still has Hangul`);
    }
    if (e[0] === 'counter')
      assert.ok(
        translations.every((t) => t.includes('{n}')),
        `counter ${e[1]}`,
      );
  }
});

test('every term file names its source; no English has Hangul', () => {
  for (const entry of tb.entries()) {
    for (const t of Object.values(entry.tr)) assert.ok(!hasHangul(t ?? ''), `${entry.ko}: ${t}`);
  }
});

test('contextual senses apply only in their domain', () => {
  assert.equal(tb.wordByKey('면')?.tr.en, 'cotton');
  assert.equal(tb.inContext('food', '면')?.tr.en, 'noodles');
  assert.equal(tb.inContext('fashion', '면'), undefined);
});

test('brands resolve from Korean names, aliases and their Latin name', () => {
  assert.equal(tb.brand('라운드랩')?.latin, 'ROUND LAB');
  assert.equal(tb.brand('ROUND LAB')?.latin, 'ROUND LAB');
  assert.equal(tb.brand('종가집')?.latin, 'Jongga');
});

test('patterns match only at word edges', () => {
  const re = compilePattern('{n}수');
  assert.equal('호텔 40수 수건'.replace(re, 'X'), '호텔 X 수건');
  re.lastIndex = 0;
  assert.equal('2 수분크림'.replace(re, 'X'), '2 수분크림');
  const months = compilePattern('제조일로부터 {n}개월');
  assert.equal('제조일로부터36개월'.replace(months, '[$1]'), '[36]');
});

test('the version changes with the data (a content hash)', () => {
  assert.match(tb.version, /^[0-9a-f]{12}$/);
  assert.equal(loadTermBase().version, tb.version);
});
