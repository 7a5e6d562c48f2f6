import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import sharp from 'sharp';
import {
  addGlossaryEntry,
  analysePage,
  countHangul,
  decodeImage,
  ImageLocalizer,
  syntheticDetailPage,
  TranslationService,
  translationMemoryVersion,
  type Box,
  type PageAnalysis,
  type SyntheticPage,
} from '../../../src/localization/index.ts';
import { OPERATOR_SCOPE, systemClock } from '../../../src/shared/index.ts';
import type { Store } from '../../../src/db/index.ts';
import { testStore } from '../../helpers/store.ts';

function iou(a: Box, b: Box): number {
  const ix = Math.max(0, Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x));
  const iy = Math.max(0, Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y));
  return (ix * iy) / (a.w * a.h + b.w * b.h - ix * iy);
}

/** Whether the pixels of `box` are the same in two RGB images. */
function samePixels(a: { data: Uint8Array; width: number }, b: { data: Uint8Array }, box: Box): boolean {
  for (let y = box.y; y < box.y + box.h; y++) {
    const s = (y * a.width + box.x) * 3;
    for (let i = s; i < s + box.w * 3; i++) if (a.data[i] !== b.data[i]) return false;
  }
  return true;
}

describe('image localization pipeline', () => {
  let store: Store;
  let page: SyntheticPage;
  let png: Buffer;
  let analysis: PageAnalysis;

  before(async () => {
    store = await testStore();
    // Taller than one detector strip (2048 px), so the strip seam is crossed.
    page = syntheticDetailPage({ seed: 7, height: 2700 });
    png = await sharp(page.rgba, { raw: { width: page.width, height: page.height, channels: 4 } })
      .png()
      .toBuffer();
    analysis = await analysePage(png);
  });
  after(() => store.close());

  it('detects every line once across strips and reads it', () => {
    const lines = analysis.lines;
    let exact = 0;
    for (const t of page.lines) {
      const hits = lines.filter((l) => iou(l.box, t.box) > 0.3);
      assert.equal(hits.length, 1, `"${t.text}" at y=${t.box.y} detected ${hits.length} times`);
      if (hits[0]!.text.replace(/\s+/g, '') === t.text.replace(/\s+/g, '')) exact++;
    }
    assert.equal(lines.length, page.lines.length, 'no false detections');
    assert.ok(exact >= page.lines.length * 0.85, `${exact}/${page.lines.length} lines read exactly`);
  });

  it('translates, converts, keeps and flags lines, and reports each one', async () => {
    const service = new TranslationService({ store });
    const [v] = await new ImageLocalizer(service).localize(png, { locales: ['th-TH'] });
    const report = v!.report;
    assert.equal(report.locale, 'th-TH');
    assert.equal(report.lines.length, analysis.lines.length);
    assert.equal(report.sourceHash, analysis.sourceHash);
    const by = (src: string) => report.lines.find((l) => l.source.replace(/\s+/g, '') === src);
    assert.equal(by('용량')?.translation, 'ความจุ');
    assert.equal(by('용량')?.status, 'translated');
    assert.equal(by('500ml')?.translation, '500 มล.');
    assert.equal(by('500ml')?.status, 'converted');
    assert.equal(by('POINT01')?.status, 'kept');
    // Text printed on the product in the photo stays as printed.
    for (const t of page.lines.filter((x) => x.onProduct)) {
      const l = report.lines.find((x) => iou(x.box, t.box) > 0.3);
      assert.equal(l?.status, 'kept', `on-product "${t.text}"`);
    }
    assert.ok(
      page.lines.some((x) => x.onProduct),
      'the page has a product photo',
    );
    for (const l of report.lines) {
      assert.ok(l.box.w > 0 && l.box.h > 0 && l.confidence >= 0 && l.confidence <= 1);
      if (l.status === 'translated' || l.status === 'converted') {
        assert.ok(l.translation && countHangul(l.translation) === 0, `${l.source} → ${l.translation}`);
        assert.ok(l.region && l.fontSize && l.removal);
      } else assert.equal(l.translation, null, `${l.source} has no translation drawn`);
    }
    const s = report.summary;
    assert.equal(
      s.translated + s.converted + s.kept + s.needsTranslation + s.needsReview + s.unreadable,
      s.lines,
    );
    assert.ok(s.translated >= 5 && s.converted >= 1 && s.needsTranslation >= 1, JSON.stringify(s));
    assert.equal(s.complete, false);
    // Residual check: nothing Korean left where text was replaced.
    assert.ok(report.residual && report.residual.checked === s.translated + s.converted);
    assert.equal(report.residual.hangul, 0);
    // Lines left as they are (flagged or kept) are untouched pixel for pixel: never a guess.
    const out = await decodeImage(v!.bytes);
    assert.equal(out.width, page.width);
    for (const l of report.lines.filter((x) => x.status === 'needs-translation' || x.status === 'kept')) {
      const overlapsDrawn = report.lines.some((d) => d.region && iou(d.region, l.box) > 0);
      if (!overlapsDrawn) assert.ok(samePixels(analysis.image, out, l.box), `"${l.source}" was changed`);
    }
  });

  it('gives back an image without text unchanged, with an empty report', async () => {
    // A transparent PNG: flattened on white, no line found, nothing drawn.
    const blank = await sharp({
      create: { width: 300, height: 200, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } },
    })
      .png()
      .toBuffer();
    const [v] = await new ImageLocalizer(new TranslationService()).localize(blank, { locales: ['ur-PK'] });
    assert.equal(v!.report.lines.length, 0);
    assert.deepEqual(v!.report.residual, { checked: 0, hangul: 0, lines: [] });
    assert.equal(v!.report.summary.complete, true);
    const out = await decodeImage(v!.bytes);
    assert.ok(out.data.every((b) => b === 255));
  });

  it('caches variants by image, locale and translation-memory version', async () => {
    const service = new TranslationService({ store });
    const localizer = new ImageLocalizer(service);
    const v1 = await translationMemoryVersion(service, 'th-TH');
    const [first] = await localizer.localize(png, { locales: ['th-TH'], residualCheck: false });
    assert.equal(first!.report.cached, true, 'the previous test stored th-TH');
    const [again] = await localizer.localize(png, { locales: ['th-TH'] });
    assert.deepEqual(again!.bytes, first!.bytes);

    // A new glossary entry is a new memory version: the image is done again, with it.
    await addGlossaryEntry(
      store,
      OPERATOR_SCOPE,
      { source: '수분 크림', target: 'ครีมให้ความชุ่มชื้น', language: 'th' },
      systemClock,
    );
    const v2 = await translationMemoryVersion(service, 'th-TH');
    assert.notEqual(v2, v1);
    const [fresh] = await localizer.localize(png, { locales: ['th-TH'], residualCheck: false });
    assert.notEqual(fresh!.report.cached, true);
    assert.notEqual(fresh!.report.tmVersion, v1);
    const cream = fresh!.report.lines.find((l) => l.source.replace(/\s+/g, '') === '수분크림');
    if (cream) assert.equal(cream.translation, 'ครีมให้ความชุ่มชื้น');

    const rows = await store.query<{ n: number | string }>('SELECT count(*) AS n FROM localized_images');
    assert.equal(Number(rows[0]!.n), 2);
  });
});
