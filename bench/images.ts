// `npm run bench -- images [pages]`: quality and speed of image localization on synthetic Korean
// detail pages (src/localization/images/synthetic): `pages` clean and `pages` hard 860×3000 pages
// (default 3 each), then one 860×12000 page in a child process for peak memory.
// Reports detection recall, character error rate (non-space characters, edit distance), the
// residual-Hangul check, text-removal PSNR against the text-free render, and time per page.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadavg, cpus, tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import {
  analysePage,
  removeText,
  renderLocale,
  syntheticDetailPage,
  TranslationService,
  type Box,
  type RgbImage,
} from '../src/localization/index.ts';

const pages = Number(process.argv[2] ?? 3) || 0;

function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j]!;
      prev[j] = Math.min(prev[j]! + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length]!;
}

function iou(a: Box, b: Box): number {
  const ix = Math.max(0, Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x));
  const iy = Math.max(0, Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y));
  return (ix * iy) / (a.w * a.h + b.w * b.h - ix * iy);
}

function rgbFromRgba(rgba: Uint8Array, width: number, height: number): RgbImage {
  const data = new Uint8Array(width * height * 3);
  for (let i = 0, o = 0; o < data.length; i += 4, o += 3) data.set(rgba.subarray(i, i + 3), o);
  return { data, width, height };
}

/** Sum of squared differences and pixel count inside boxes (each pixel once). */
function sse(a: RgbImage, b: RgbImage, boxes: readonly Box[]): { sum: number; n: number } {
  const seen = new Uint8Array(a.width * a.height);
  let sum = 0,
    n = 0;
  for (const box of boxes) {
    for (let y = box.y; y < box.y + box.h; y++) {
      for (let x = box.x; x < box.x + box.w; x++) {
        const p = y * a.width + x;
        if (seen[p]) continue;
        seen[p] = 1;
        for (let c = 0; c < 3; c++) sum += (a.data[p * 3 + c]! - b.data[p * 3 + c]!) ** 2;
        n += 3;
      }
    }
  }
  return { sum, n };
}
const psnr = (s: { sum: number; n: number }): number =>
  10 * Math.log10((255 * 255) / (s.sum / Math.max(1, s.n)));
/** CPU seconds used so far by this process and its waited-for children (tesseract), from /proc. */
function cpuSeconds(): number {
  const own = process.cpuUsage();
  let children: number;
  try {
    // Fields after the command name: cutime and cstime are the 14th and 15th (clock ticks, 100 Hz).
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ');
    children = (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    children = NaN;
  }
  return (own.user + own.system) / 1e6 + children;
}
const median = (v: number[]): number => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)] ?? NaN;

interface SetResult {
  truth: number;
  found: number;
  chars: number;
  errors: number;
  replaced: number;
  residual: number;
  translated: number;
  flagged: number;
  psnrIn: { sum: number; n: number };
  psnrFlat: { sum: number; n: number };
  psnrBusy: { sum: number; n: number };
  psnrBefore: { sum: number; n: number };
  times: number[];
  timesNoResidual: number[];
  cpu: number[];
}

async function runSet(hard: boolean, service: TranslationService): Promise<SetResult> {
  const r: SetResult = {
    truth: 0,
    found: 0,
    chars: 0,
    errors: 0,
    replaced: 0,
    residual: 0,
    translated: 0,
    flagged: 0,
    psnrIn: { sum: 0, n: 0 },
    psnrFlat: { sum: 0, n: 0 },
    psnrBusy: { sum: 0, n: 0 },
    psnrBefore: { sum: 0, n: 0 },
    times: [],
    timesNoResidual: [],
    cpu: [],
  };
  const add = (acc: { sum: number; n: number }, s: { sum: number; n: number }): void => {
    acc.sum += s.sum;
    acc.n += s.n;
  };
  for (let i = 0; i < pages; i++) {
    const page = syntheticDetailPage({ seed: 100 + i, hard });
    const jpeg = await sharp(page.rgba, { raw: { width: page.width, height: page.height, channels: 4 } })
      .jpeg({ quality: 85 })
      .toBuffer();
    const c0 = cpuSeconds();
    const t0 = performance.now();
    const analysis = await analysePage(jpeg);
    const noResidual = await renderLocale(analysis, { to: 'th-TH', service, residualCheck: false });
    const t1 = performance.now();
    r.timesNoResidual.push(t1 - t0);
    r.cpu.push(cpuSeconds() - c0);
    // The residual re-read on the same output, timed separately.
    const withResidual = await renderLocale(analysis, { to: 'th-TH', service });
    r.times.push(t1 - t0 + (withResidual.report.timingsMs.residual ?? 0));
    const rep = withResidual.report;
    r.replaced += rep.residual?.checked ?? 0;
    r.residual += rep.residual?.hangul ?? 0;
    r.translated += rep.summary.translated + rep.summary.converted;
    r.flagged += rep.summary.needsTranslation + rep.summary.needsReview + rep.summary.unreadable;
    void noResidual;
    // Detection recall and CER against the ground truth.
    for (const t of page.lines) {
      r.truth++;
      const truth = t.text.replace(/\s+/g, '');
      r.chars += truth.length;
      const hit = analysis.lines
        .filter((l) => iou(l.box, t.box) > 0.3)
        .sort((a, b) => iou(b.box, t.box) - iou(a.box, t.box))[0];
      if (!hit) {
        r.errors += truth.length;
        continue;
      }
      r.found++;
      r.errors += editDistance(hit.text.replace(/\s+/g, ''), truth);
    }
    // Removal quality: remove every detected line (as if all were translated) and compare inside
    // the true text boxes with the page rendered without text.
    const background = rgbFromRgba(page.background, page.width, page.height);
    const work: RgbImage = { ...analysis.image, data: new Uint8Array(analysis.image.data) };
    const truthBoxes = page.lines.filter((t) => !t.onProduct).map((t) => t.box);
    add(r.psnrBefore, sse(analysis.image, background, truthBoxes));
    const methods = new Map<Box, string>();
    for (const l of analysis.lines) methods.set(l.box, await removeText(work, l.box));
    add(r.psnrIn, sse(work, background, truthBoxes));
    for (const tb of truthBoxes) {
      const l = analysis.lines.find((x) => iou(x.box, tb) > 0.3);
      if (!l) continue;
      add(methods.get(l.box) === 'inpaint' ? r.psnrBusy : r.psnrFlat, sse(work, background, [tb]));
    }
  }
  return r;
}

function describe(name: string, r: SetResult): Record<string, number | string> {
  return {
    set: name,
    pages,
    lines: r.truth,
    recall: +(r.found / r.truth).toFixed(4),
    cer: +(r.errors / r.chars).toFixed(4),
    replacedLines: r.replaced,
    residualHangul: r.residual,
    flaggedLines: r.flagged,
    psnrBeforeDb: +psnr(r.psnrBefore).toFixed(1),
    psnrAfterDb: +psnr(r.psnrIn).toFixed(1),
    psnrFlatDb: +psnr(r.psnrFlat).toFixed(1),
    psnrBusyDb: r.psnrBusy.n ? +psnr(r.psnrBusy).toFixed(1) : 'n/a',
    medianSecondsPerPage: +(median(r.timesNoResidual) / 1000).toFixed(2),
    medianSecondsWithResidual: +(median(r.times) / 1000).toFixed(2),
    medianCpuSecondsPerPage: +median(r.cpu).toFixed(2),
  };
}

if (process.argv[2] === '--tall-page') {
  // Child 1: writes the 860 × 12 000 page as JPEG (the generator's canvases must not count).
  const page = syntheticDetailPage({ seed: 4242, height: 12_000 });
  await sharp(page.rgba, { raw: { width: page.width, height: page.height, channels: 4 } })
    .jpeg({ quality: 85 })
    .toFile(process.argv[3]!);
  console.log(JSON.stringify({ truth: page.lines.length }));
  process.exit(0);
}
if (process.argv[2] === '--tall-child') {
  // Child 2: that page end to end (th-TH, residual check included); time and peak RSS.
  const jpeg = await readFile(process.argv[3]!);
  const t0 = performance.now();
  const analysis = await analysePage(jpeg);
  const out = await renderLocale(analysis, { to: 'th-TH', service: new TranslationService() });
  const seconds = (performance.now() - t0) / 1000;
  console.log(
    JSON.stringify({
      set: 'tall 860x12000',
      lines: analysis.lines.length,
      seconds: +seconds.toFixed(2),
      timingsMs: out.report.timingsMs,
      residualHangul: out.report.residual?.hangul,
      peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
    }),
  );
  process.exit(0);
}

const service = new TranslationService();
console.log(
  `image localization bench: ${pages} clean + ${pages} hard pages 860x3000 (JPEG q85), th-TH; ${cpus().length} CPUs, load ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
const sets =
  pages > 0
    ? ([
        ['clean', false],
        ['hard', true],
      ] as const)
    : [];
for (const [name, hard] of sets) console.log(JSON.stringify(describe(name, await runSet(hard, service))));
const file = join(tmpdir(), `kbridge-bench-tall-${process.pid}.jpg`);
const self = fileURLToPath(import.meta.url);
const gen = spawnSync(process.execPath, ['--import', 'tsx', self, '--tall-page', file], { encoding: 'utf8' });
const child = spawnSync(process.execPath, ['--import', 'tsx', self, '--tall-child', file], {
  encoding: 'utf8',
});
console.log(`${child.stdout.trim()} ${gen.stdout.trim()}`);
if (child.status !== 0) process.stderr.write(child.stderr);
rmSync(file, { force: true });
console.log(
  `load after: ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
