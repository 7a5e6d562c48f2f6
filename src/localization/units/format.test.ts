import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { localizeText, UNIT_LOCALES } from './index.ts';
import { unitFormatter } from './format.ts';

const LRI = '\u2066';
const PDI = '\u2069';

describe('formatting', () => {
  it('reuses one formatter per locale and unit', () => {
    assert.equal(unitFormatter('th-TH', 'kilogram'), unitFormatter('th-TH', 'kilogram'));
    assert.notEqual(unitFormatter('th-TH', 'kilogram'), unitFormatter('th-TH', 'gram'));
  });

  it('ranges match Intl formatRange for sanctioned units in every target locale', () => {
    for (const locale of UNIT_LOCALES) {
      for (const unit of ['millimeter', 'kilogram', 'liter', 'inch', 'celsius']) {
        const expected = new Intl.NumberFormat(locale, { style: 'unit', unit }).formatRange(230, 280);
        const got = unitFormatter(locale, unit).formatRange(230, 280);
        assert.equal(got.replace(/[\u2066\u2069]/g, ''), expected, `${locale} ${unit}`);
      }
    }
  });

  it('uses native digits where the locale does', () => {
    assert.equal(localizeText('500ml', 'bn-BD').localized, '৫০০ mL');
    assert.equal(localizeText('500ml', 'ne-NP').localized, '५०० mL');
    assert.equal(localizeText('500ml', 'my-MM').localized, '၅၀၀ mL');
    assert.equal(localizeText('500ml', 'bn-BD-u-nu-latn').localized, '500 mL');
  });

  it('keeps every Urdu number run inside a left-to-right isolate', () => {
    const texts = [
      '230~280mm',
      '10-20cm',
      '40x30x25cm',
      '3~5kg',
      '1.5리터',
      '-20~40℃',
      '1만5천원',
      '10평',
      '운동화 250mm',
    ];
    for (const text of texts) {
      const out = localizeText(text, 'ur-PK').localized;
      let depth = 0;
      for (const ch of out) {
        if (ch === LRI) depth++;
        else if (ch === PDI) depth--;
        else if (/[0-9]/.test(ch))
          assert.ok(depth > 0, `${text} → ${JSON.stringify(out)}: digit outside an isolate`);
      }
      assert.equal(depth, 0, `${text}: balanced isolates`);
    }
  });

  it('does not add isolates for left-to-right locales', () => {
    for (const locale of UNIT_LOCALES.filter((l) => l !== 'ur-PK')) {
      assert.ok(!/[\u2066-\u2069]/.test(localizeText('230~280mm 1.5kg 10평', locale).localized), locale);
    }
  });
});
