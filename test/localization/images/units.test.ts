import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  analyseLayout,
  breakTokens,
  isolateLtrRuns,
  joinOcrWords,
  localizeDigits,
  mergeStripRegions,
  planStrips,
  repairKoreanSpacing,
  residualHangul,
} from '../../../src/localization/index.ts';

describe('strip tiling', () => {
  it('covers a tall page with overlapping strips no taller than the limit', () => {
    for (const height of [100, 2048, 2049, 3000, 12_000, 12_345]) {
      const strips = planStrips(height, 2048, 256);
      assert.equal(strips[0]!.y0, 0);
      assert.equal(strips.at(-1)!.y1, height);
      for (const s of strips) assert.ok(s.y1 - s.y0 <= 2048 && s.y1 > s.y0);
      for (let i = 1; i < strips.length; i++) {
        assert.ok(strips[i - 1]!.y1 - strips[i]!.y0 >= 256, `overlap at strip ${i} of a ${height}-px page`);
      }
    }
    assert.equal(planStrips(2048).length, 1);
    assert.equal(planStrips(12_000).length, 7);
    assert.throws(() => planStrips(5000, 256, 256), /overlap/);
  });

  it('drops lines cut by an interior strip edge and merges duplicates from the overlap', () => {
    const [a, b] = planStrips(3000, 2048, 256);
    assert.deepEqual(
      [a, b],
      [
        { y0: 0, y1: 1628 },
        { y0: 1372, y1: 3000 },
      ],
    );
    const box = (y: number, h: number, score = 0.9) => ({
      box: { x: 10, y, w: 100, h },
      score,
      rawTop: y + 3,
      rawBottom: y + h - 3,
    });
    const merged = mergeStripRegions(
      [
        // A line across the first strip's bottom edge (cut there) and whole in the second; a line in
        // the overlap found by both (the better score stays).
        { strip: a!, regions: [box(100, 30), box(1400, 30, 0.8), box(1610, 30)] },
        { strip: b!, regions: [box(1400, 30, 0.95), box(1610, 30), box(2500, 30)] },
      ],
      3000,
    );
    assert.deepEqual(
      merged.map((r) => [r.box.y, r.score]),
      [
        [100, 0.9],
        [1400, 0.95],
        [1610, 0.9],
        [2500, 0.9],
      ],
    );
  });
});

describe('Korean spacing repair', () => {
  it('joins syllables read as words and keeps the real spaces, by position', () => {
    // Positions as tesseract gave them for "수분을 채워주는 크림" at 32 px.
    const words = [
      ['수', 12],
      ['분', 45],
      ['을', 70],
      ['채', 108],
      ['워', 137],
      ['주', 166],
      ['는', 192],
      ['크림', 232],
    ].map(([text, left]) => ({ text: text as string, left: left as number }));
    assert.equal(joinOcrWords(words), '수분을 채워주는 크림');
    assert.equal(
      joinOcrWords([
        { text: 'POINT', left: 0 },
        { text: '01', left: 100 },
      ]),
      'POINT 01',
    );
    assert.equal(repairKoreanSpacing('수 분 을 채 워 주 는 크림 500ml'), '수분을채워주는 크림 500ml');
  });
});

describe('page layout', () => {
  it('finds spec-table rows, centred headings and blocks', () => {
    const boxes = [
      { x: 280, y: 40, w: 300, h: 60 }, // centred heading
      { x: 300, y: 130, w: 260, h: 30 }, // centred subtitle
      ...[0, 1, 2, 3].flatMap((i) => [
        { x: 90, y: 400 + i * 64, w: 60, h: 28 },
        { x: 300, y: 402 + i * 64, w: 120, h: 26 },
      ]),
    ];
    const layout = analyseLayout(boxes, 860);
    assert.equal(layout[0]!.role, 'heading');
    assert.equal(layout[0]!.align, 'center');
    assert.equal(layout[1]!.align, 'center');
    assert.equal(layout[0]!.block, layout[1]!.block);
    assert.deepEqual(
      layout.slice(2).map((l) => l.role),
      [
        'spec-label',
        'spec-value',
        'spec-label',
        'spec-value',
        'spec-label',
        'spec-value',
        'spec-label',
        'spec-value',
      ],
    );
    assert.notEqual(layout[2]!.block, layout[1]!.block);
    assert.equal(new Set(layout.slice(2).map((l) => l.block)).size, 1);
  });
});

describe('script support', () => {
  it('breaks Thai and Myanmar between dictionary words and keeps punctuation with its word', () => {
    const th = breakTokens('น้ำหนักสุทธิ 500 กรัม ผลิตในเกาหลีใต้', 'th');
    assert.ok(th.length >= 5, th.join('|'));
    assert.equal(th.join(''), 'น้ำหนักสุทธิ 500 กรัม ผลิตในเกาหลีใต้');
    assert.ok(th.includes('น้ำ') || th.includes('น้ำหนัก'), th.join('|'));
    const my = breakTokens('မူလနိုင်ငံ တောင်ကိုရီးယား။', 'my');
    assert.ok(my.length >= 3, my.join('|'));
    assert.ok(my.at(-1)!.endsWith('။'));
    assert.deepEqual(breakTokens('Net weight: 500 g.', 'en'), ['Net ', 'weight: ', '500 ', 'g.']);
  });

  it('writes native digits where the locale uses them, not inside codes', () => {
    assert.equal(localizeDigits('500 g', 'bn-BD'), '৫০০ g');
    assert.equal(localizeDigits('1.2 kg', 'ne-NP'), '१.२ kg');
    assert.equal(localizeDigits('230-280 mm', 'my-MM'), '၂၃၀-၂၈၀ mm');
    assert.equal(localizeDigits('500 g', 'th-TH'), '500 g');
    assert.equal(localizeDigits('model SM-G991N 2 pcs', 'bn-BD'), 'model SM-G991N ২ pcs');
  });

  it('isolates numbers and Latin units in right-to-left text', () => {
    assert.equal(isolateLtrRuns('سائز 230–280 mm'), 'سائز \u2066230–280 mm\u2069');
    assert.equal(isolateLtrRuns('وزن 1.2 کلو'), 'وزن \u20661.2\u2069 کلو');
  });
});

describe('residual check', () => {
  it('counts only the source line’s own syllables found again in the output', () => {
    assert.equal(residualHangul('용량 500ml', '용량'), 2);
    assert.equal(residualHangul('용량', '용 량 용'), 2);
    // Syllables tesseract makes up when shown another script are not the source's.
    assert.equal(residualHangul('저자극', '쁘 읍'), 0);
    assert.equal(residualHangul('저자극', 'อ่อนโยน'), 0);
  });
});
