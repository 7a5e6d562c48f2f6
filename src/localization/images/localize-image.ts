/**
 * One localized variant of an analysed page: translate its lines for the locale, remove the text
 * of the lines that change, draw the translations, encode, and re-read the output to check that no
 * Hangul is left where text was replaced.
 */
import { hasHangul, type TranslationService } from '../text/index.ts';
import { encodeImage, IMAGE_MIME, type OutputFormat } from './image-io.ts';
import { summarise, type ImageReport, type ReportLine, type ResidualCheck } from './image-report.ts';
import { readLines } from './line-reader.ts';
import type { PageAnalysis } from './page-analysis.ts';
import { drawTranslations, type DrawJob } from './render-text.ts';
import { languageOf, tallScript } from './script-support.ts';
import { growRegion } from './text-regions.ts';
import { removeText } from './text-removal.ts';
import { translateLines } from './translate-lines.ts';
import { countHangul, type Box, type RgbImage } from './types.ts';

export interface RenderLocaleOptions {
  to: string;
  service: TranslationService;
  sellerId?: string | undefined;
  site?: string | undefined;
  format?: OutputFormat;
  /** Re-read the output (a second tesseract pass over the replaced lines; default true). */
  residualCheck?: boolean;
  /** Recorded in the report (see image-cache.ts). */
  tmVersion?: string;
}

export interface LocalizedImage {
  bytes: Buffer;
  mime: string;
  width: number;
  height: number;
  report: ImageReport;
}

function rgbOf(rgba: Uint8Array, width: number, height: number): RgbImage {
  const data = new Uint8Array(width * height * 3);
  for (let i = 0, o = 0; o < data.length; i += 4, o += 3) {
    data[o] = rgba[i]!;
    data[o + 1] = rgba[i + 1]!;
    data[o + 2] = rgba[i + 2]!;
  }
  return { data, width, height };
}

/**
 * Hangul of the source line found again in the output. Tesseract's Korean model, shown Thai or
 * Bengali glyphs, sometimes "reads" a few Hangul syllables of its own; those are not the source's
 * text, so only syllables that also occur in the source line (as many times as they occur there)
 * count as left behind. Low-confidence readings (under 0.6) are ignored for the same reason.
 */
export function residualHangul(source: string, reread: string): number {
  const left = new Map<string, number>();
  for (const ch of source) if (countHangul(ch)) left.set(ch, (left.get(ch) ?? 0) + 1);
  let n = 0;
  for (const ch of reread) {
    const k = left.get(ch) ?? 0;
    if (k > 0) {
      n++;
      left.set(ch, k - 1);
    }
  }
  return n;
}

async function residual(out: RgbImage, lines: ReportLine[]): Promise<ResidualCheck> {
  const drawn = lines.filter((l) => l.region && (l.status === 'translated' || l.status === 'converted'));
  const readings = await readLines(
    out,
    drawn.map((l) => l.region as Box),
  );
  let hangul = 0;
  const bad: number[] = [];
  drawn.forEach((l, k) => {
    const r = readings[k]!;
    const n = r.confidence >= 0.6 ? residualHangul(l.source, r.text) : 0;
    l.residualHangul = n;
    if (n > 0) {
      hangul += n;
      bad.push(l.index);
    }
  });
  return { checked: drawn.length, hangul, lines: bad };
}

export async function renderLocale(
  page: PageAnalysis,
  options: RenderLocaleOptions,
): Promise<LocalizedImage> {
  const t0 = performance.now();
  const { image, lines } = page;
  const translations = await translateLines(
    lines.map((l) => ({ text: l.text, role: l.layout.role, keep: l.keep })),
    options,
  );
  const t1 = performance.now();
  const work: RgbImage = { data: new Uint8Array(image.data), width: image.width, height: image.height };
  const boxes = lines.map((l) => l.box);
  const aligns = lines.map((l) => l.layout.align);
  const report: ReportLine[] = lines.map((l, i) => ({
    index: i,
    box: l.box,
    source: l.text,
    confidence: Math.round(l.confidence * 1000) / 1000,
    translation: translations[i]!.translation,
    status: translations[i]!.status,
    note: translations[i]!.note,
    provider: translations[i]!.provider,
    role: l.layout.role,
    block: l.layout.block,
    keep: l.keep,
  }));
  const jobs: DrawJob[] = [];
  const jobLines: ReportLine[] = [];
  const growth = tallScript(options.to) ? (languageOf(options.to) === 'ur' ? 0.8 : 0.4) : 0;
  for (const [i, l] of lines.entries()) {
    const tr = translations[i]!;
    if (
      !tr.translation ||
      (tr.status !== 'translated' && tr.status !== 'converted') ||
      hasHangul(tr.translation)
    )
      continue;
    report[i]!.removal = await removeText(work, l.box);
    const region = growRegion(i, boxes, aligns, image.width, image.height, growth);
    report[i]!.region = region;
    jobs.push({
      text: tr.translation,
      locale: options.to,
      region,
      sizePx: l.style.sizePx,
      bold: l.style.bold,
      fg: l.style.fg,
      bg: l.style.bg,
      align: l.layout.align,
    });
    jobLines.push(report[i]!);
  }
  const t2 = performance.now();
  const drawn = drawTranslations(work, jobs);
  drawn.results.forEach((r, k) => {
    jobLines[k]!.fontSize = r.size;
    jobLines[k]!.fits = r.fits;
  });
  const t3 = performance.now();
  const format = options.format ?? 'png';
  const bytes = await encodeImage(drawn.rgba, image.width, image.height, 4, format);
  const t4 = performance.now();
  const check =
    options.residualCheck === false
      ? null
      : await residual(rgbOf(drawn.rgba, image.width, image.height), report);
  const t5 = performance.now();
  return {
    bytes,
    mime: IMAGE_MIME[format],
    width: image.width,
    height: image.height,
    report: {
      version: 1,
      locale: options.to,
      sourceHash: page.sourceHash,
      tmVersion: options.tmVersion ?? '',
      width: image.width,
      height: image.height,
      lines: report,
      summary: summarise(report),
      residual: check,
      timingsMs: {
        ...page.timingsMs,
        translate: Math.round(t1 - t0),
        remove: Math.round(t2 - t1),
        render: Math.round(t3 - t2),
        encode: Math.round(t4 - t3),
        residual: Math.round(t5 - t4),
      },
    },
  };
}
