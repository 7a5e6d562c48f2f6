import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  displayText,
  drawTranslations,
  readLines,
  type Box,
  type DrawJob,
  type RgbImage,
} from '../../../src/localization/index.ts';

const W = 640;
const H = 120;
const REGION: Box = { x: 20, y: 20, w: 600, h: 80 };

function white(width = W, height = H): RgbImage {
  return { data: new Uint8Array(width * height * 3).fill(255), width, height };
}

function job(text: string, locale: string, region = REGION, sizePx = 40): DrawJob {
  return { text, locale, region, sizePx, bold: false, fg: [20, 20, 20], bg: [255, 255, 255], align: 'left' };
}

/** Bounding box of the ink (pixels darker than 200) of an RGBA page, or null. */
function inkBox(rgba: Uint8Array, width: number): Box | null {
  let x0 = Infinity,
    y0 = Infinity,
    x1 = -1,
    y1 = -1;
  for (let i = 0; i < rgba.length; i += 4) {
    if (rgba[i]! > 200) continue;
    const p = i / 4;
    const x = p % width,
      y = Math.floor(p / width);
    x0 = Math.min(x0, x);
    y0 = Math.min(y0, y);
    x1 = Math.max(x1, x);
    y1 = Math.max(y1, y);
  }
  return x1 < 0 ? null : { x: x0, y: y0, w: x1 - x0 + 1, h: y1 - y0 + 1 };
}

function rgbOf(rgba: Uint8Array): RgbImage {
  const data = new Uint8Array((rgba.length / 4) * 3);
  for (let i = 0, o = 0; i < rgba.length; i += 4, o += 3) data.set(rgba.subarray(i, i + 3), o);
  return { data, width: W, height: rgba.length / 4 / W };
}

function assertInside(ink: Box | null, region: Box, label: string): void {
  assert.ok(ink, `${label}: nothing drawn`);
  const slack = 2; // anti-aliasing
  assert.ok(
    ink.x >= region.x - slack &&
      ink.y >= region.y - slack &&
      ink.x + ink.w <= region.x + region.w + slack &&
      ink.y + ink.h <= region.y + region.h + slack,
    `${label}: ink ${JSON.stringify(ink)} outside ${JSON.stringify(region)}`,
  );
}

const SAMPLES: Record<string, string> = {
  'en-US': 'Net weight 16.9 fl oz',
  'es-ES': 'Peso neto 1,2 kg',
  'pt-PT': 'Peso liquido 1,2 kg',
  'id-ID': 'Berat bersih 1,2 kg',
  'ms-MY': 'Berat bersih 1.2 kg',
  'fil-PH': 'Timbang 1.2 kg',
  'vi-VN': 'Trọng lượng tịnh 1,2 kg',
  'th-TH': 'น้ำหนักสุทธิ 1.2 กก.',
  'bn-BD': 'নিট ওজন 1.2 কেজি',
  'si-LK': 'ශුද්ධ බර 1.2 kg',
  'ne-NP': 'खुद तौल 1.2 केजी',
  'my-MM': 'အသားတင်အလေးချိန် 1.2 ကီလိုဂရမ်',
  'ur-PK': 'خالص وزن 1.2 kg',
};

describe('rendering each target script', () => {
  it('draws every script inside its region, in its own glyphs (not the fallback of another script)', () => {
    for (const [locale, text] of Object.entries(SAMPLES)) {
      const { rgba, results } = drawTranslations(white(), [job(text, locale)]);
      assertInside(inkBox(rgba, W), REGION, locale);
      assert.ok(results[0]!.fits, `${locale} did not fit`);
      // A different text in the same script must give different pixels: missing glyphs (tofu)
      // would all look the same.
      const other = drawTranslations(white(), [job([...text].reverse().join(''), locale)]).rgba;
      assert.notDeepEqual(other, rgba, `${locale}: glyphs do not differ`);
    }
  });

  it('reads back the Latin-script languages and Korean with tesseract', async () => {
    const latin = ['en-US', 'es-ES', 'pt-PT', 'id-ID', 'ms-MY', 'fil-PH'];
    const page = white(W, H * latin.length);
    const regions = latin.map((_, i) => ({ ...REGION, y: REGION.y + i * H }));
    const { rgba } = drawTranslations(
      page,
      latin.map((l, i) => job(SAMPLES[l]!, l, regions[i])),
    );
    const read = await readLines(rgbOf(rgba), regions, { languages: 'eng' });
    latin.forEach((l, i) => assert.equal(read[i]!.text.replace(/\s+/g, ' ').trim(), SAMPLES[l], l));

    const ko = drawTranslations(white(), [job('수분을 채워주는 크림', 'ko-KR')]);
    const [k] = await readLines(rgbOf(ko.rgba), [REGION]);
    assert.equal(k!.text.replace(/\s+/g, ''), '수분을채워주는크림');
  });

  it('keeps numbers and Latin units in reading order inside right-to-left Urdu', async () => {
    const text = 'سائز 230–280 mm';
    const { rgba } = drawTranslations(white(), [job(text, 'ur-PK')]);
    const [r] = await readLines(rgbOf(rgba), [REGION], { languages: 'eng' });
    // Without isolation the bidi algorithm would show 280–230 and "mm" on the wrong side.
    assert.match(r!.text, /230\D{1,3}280\s*mm/, r!.text);
    // The Urdu word is to the right of the number: the leftmost ink column is part of the digits.
    const digitsOnly = drawTranslations(white(), [job('\u2066230–280 mm\u2069', 'ur-PK')]).rgba;
    const all = inkBox(rgba, W)!;
    const digits = inkBox(digitsOnly, W)!;
    assert.ok(all.x + all.w > digits.x + digits.w + 20, 'the Urdu word is on the right');
  });

  it('writes native digits for Bangla, Nepali and Burmese', () => {
    assert.equal(displayText('1.2 kg', 'bn-BD'), '১.২ kg');
    assert.equal(displayText('1.2 kg', 'ne-NP'), '१.२ kg');
    assert.equal(displayText('1.2 kg', 'my-MM'), '၁.၂ kg');
    const native = drawTranslations(white(), [job('নিট ওজন 1.2 কেজি', 'bn-BD')]).rgba;
    const ascii = drawTranslations(white(), [job('নিট ওজন 1.2 কেজি', 'th-TH')]).rgba;
    assert.notDeepEqual(native, ascii);
  });

  it('wraps Thai between words into a narrow box and shrinks no further than half the size', () => {
    const region = { x: 20, y: 10, w: 180, h: 100 };
    const { rgba, results } = drawTranslations(white(), [
      job('น้ำหนักสุทธิ 1.2 กก. ผลิตในเกาหลีใต้', 'th-TH', region, 30),
    ]);
    assert.ok(results[0]!.lines >= 2, `lines: ${results[0]!.lines}`);
    assert.ok(results[0]!.size >= 15);
    assert.ok(results[0]!.fits);
    assertInside(inkBox(rgba, W), region, 'th wrapped');
  });

  it('uses the source colour when it contrasts, and black or white when it does not', () => {
    const dark = white();
    dark.data.fill(30);
    const { rgba } = drawTranslations(dark, [
      { ...job('Net weight', 'en-US'), fg: [40, 40, 40], bg: [30, 30, 30] },
    ]);
    let bright = 0;
    for (let i = 0; i < rgba.length; i += 4) if (rgba[i]! > 240) bright++;
    assert.ok(bright > 100, 'low-contrast source colour replaced by white');
  });
});
