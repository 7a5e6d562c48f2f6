/**
 * Everything about a source image that does not depend on the target language, computed once and
 * shared by all its locales: decoded pixels, detected and read lines, each line's style, the page
 * layout and the keep decisions.
 */
import { createHash } from 'node:crypto';
import { decodeImage, type ImageLimits } from './image-io.ts';
import { keepReason, type BrandNames, type KeepReason } from './keep-policy.ts';
import { readLines, type LineReading, type ReadOptions } from './line-reader.ts';
import { analyseLayout, type LineLayout } from './page-layout.ts';
import { TextDetector, type DetectOptions } from './text-detector.ts';
import { estimateStyle, type LineStyle } from './text-style.ts';
import { clampBox, type Box, type OcrLine, type RgbImage, type TextRegion } from './types.ts';

export interface AnalysedLine extends OcrLine {
  layout: LineLayout;
  style: LineStyle;
  keep: KeepReason | null;
}

export interface PageAnalysis {
  sourceHash: string;
  image: RgbImage;
  lines: AnalysedLine[];
  timingsMs: { decode: number; detect: number; read: number; analyse: number };
}

export interface AnalyseOptions extends ImageLimits {
  detect?: DetectOptions;
  read?: ReadOptions;
  brands?: BrandNames | undefined;
  /** Boxes of product photos: text inside them is kept as printed. */
  keepRegions?: readonly Box[] | undefined;
}

let sharedDetector: Promise<TextDetector> | undefined;

/** The process's detector (the ONNX session loads once, ~0.1 s). */
export function textDetector(): Promise<TextDetector> {
  sharedDetector ??= TextDetector.load();
  return sharedDetector;
}

export function hashBytes(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export async function analysePage(bytes: Uint8Array, options: AnalyseOptions = {}): Promise<PageAnalysis> {
  let t = performance.now();
  const lap = (): number => {
    const now = performance.now();
    const d = now - t;
    t = now;
    return Math.round(d);
  };
  const image = await decodeImage(bytes, options);
  const decode = lap();
  const detector = await textDetector();
  // Lines are read while the detector goes on with later strips (tesseract runs in child
  // processes, the detector in ONNX Runtime's thread): on two cores the two overlap.
  const batches: Promise<{ regions: TextRegion[]; readings: LineReading[] }>[] = [];
  const clamp = (r: TextRegion): TextRegion => ({ ...r, box: clampBox(r.box, image.width, image.height) });
  await detector.detect(image, options.detect, (found) => {
    const regions = found.map(clamp);
    batches.push(
      readLines(
        image,
        regions.map((r) => r.box),
        options.read,
      ).then((readings) => ({ regions, readings })),
    );
  });
  const detect = lap();
  const done = await Promise.all(batches);
  const regions = done.flatMap((b) => b.regions);
  const readings = done.flatMap((b) => b.readings);
  const read = lap();
  const layouts = analyseLayout(
    regions.map((r) => r.box),
    image.width,
  );
  const lines: AnalysedLine[] = regions.map((r, i) => {
    const reading = readings[i]!;
    const style = estimateStyle(image, r.box, reading.text);
    const line = { ...r, text: reading.text, confidence: reading.confidence };
    return {
      ...line,
      layout: layouts[i]!,
      style,
      keep: keepReason(
        { ...line, surroundStd: style.surroundStd, sizePx: style.sizePx },
        { brands: options.brands, keepRegions: options.keepRegions },
      ),
    };
  });
  harmoniseSizes(lines);
  return { sourceHash: hashBytes(bytes), image, lines, timingsMs: { decode, detect, read, analyse: lap() } };
}

/**
 * Lines of one block and role were set in one size; the per-line estimate varies by a few pixels
 * with the glyphs (a row of digits reads smaller than Hangul), so each group takes its median.
 */
function harmoniseSizes(lines: AnalysedLine[]): void {
  const groups = new Map<string, AnalysedLine[]>();
  for (const l of lines) {
    const key = `${l.layout.block}:${l.layout.role === 'spec-value' ? 'spec-label' : l.layout.role}`;
    groups.set(key, [...(groups.get(key) ?? []), l]);
  }
  for (const group of groups.values()) {
    const sizes = group.map((l) => l.style.sizePx).sort((a, b) => a - b);
    const median = sizes[sizes.length >> 1]!;
    // Table cells are set in one size; elsewhere a line far from its group's size is meant to differ.
    const tolerance = group[0]!.layout.role.startsWith('spec-') ? 0.4 : 0.25;
    for (const l of group)
      if (Math.abs(l.style.sizePx - median) <= median * tolerance) l.style.sizePx = median;
  }
}
