/**
 * Reading each detected line with tesseract `kor+eng` (Debian packages tesseract-ocr,
 * tesseract-ocr-kor), one prepared crop per line, single-line mode (psm 7). Whole-page tesseract
 * misses text on coloured bands (CER 22–49 % in the prototype); per-line crops after PP-OCR
 * detection read 1 %. `eng` matters: "POINT 01", "500ml", "HYALURON" fail with `kor` alone.
 * Crops are passed as a list file, so one tesseract process (about 0.3 s to load its models) reads
 * many lines; the lines are split over `processes` processes.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppError } from '../../shared/index.ts';
import { prepareLineCrop } from './crop-prep.ts';
import { joinOcrWords, type OcrWord } from './korean-spacing.ts';
import type { Box, RgbImage } from './types.ts';

export interface ReadOptions {
  /** Tesseract languages (default `kor+eng`). */
  languages?: string;
  /** Parallel tesseract processes (default 2: the machine has two cores). */
  processes?: number;
  /** The tesseract binary (default `tesseract` on PATH). */
  binary?: string;
}

export interface LineReading {
  text: string;
  /** Mean word confidence, 0–1 (0 when nothing was read). */
  confidence: number;
}

interface TsvWord extends OcrWord {
  conf: number;
}

function runTesseract(binary: string, listFile: string, languages: string): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      binary,
      [listFile, 'stdout', '-l', languages, '--psm', '7', '--dpi', '300', 'tsv'],
      // One OpenMP thread per process: we run one process per core instead.
      { env: { ...process.env, OMP_THREAD_LIMIT: '1' }, maxBuffer: 64 * 1024 * 1024 },
      (err, stdout, stderr) => {
        if (err) {
          const missing = (err as NodeJS.ErrnoException).code === 'ENOENT';
          reject(
            new AppError(
              missing ? 'config' : 'internal',
              missing
                ? 'tesseract is not installed (apt-get install tesseract-ocr tesseract-ocr-kor)'
                : `tesseract failed: ${stderr.slice(0, 300)}`,
              { details: { binary, languages }, cause: err },
            ),
          );
        } else resolve(stdout);
      },
    );
  });
}

/** Parses tesseract's TSV for a list of images: words grouped by page (= crop) number. */
export function parseTesseractTsv(tsv: string, pages: number): TsvWord[][] {
  const out: TsvWord[][] = Array.from({ length: pages }, () => []);
  for (const line of tsv.split('\n')) {
    const f = line.split('\t');
    if (f[0] !== '5' || f.length < 12) continue;
    const page = Number(f[1]) - 1;
    const conf = Number(f[10]);
    const text = f.slice(11).join('\t');
    if (page >= 0 && page < pages && text.trim() !== '') out[page]!.push({ text, left: Number(f[6]), conf });
  }
  return out;
}

/** Reads the text of each box (same order). */
export async function readLines(
  img: RgbImage,
  boxes: readonly Box[],
  options: ReadOptions = {},
): Promise<LineReading[]> {
  if (boxes.length === 0) return [];
  const dir = await mkdtemp(join(tmpdir(), 'kbridge-ocr-'));
  try {
    const files = await Promise.all(
      boxes.map(async (box, i) => {
        const file = join(dir, `line-${String(i).padStart(5, '0')}.png`);
        await writeFile(file, await prepareLineCrop(img, box));
        return file;
      }),
    );
    const processes = Math.max(1, Math.min(options.processes ?? 2, files.length));
    const per = Math.ceil(files.length / processes);
    const chunks = Array.from({ length: processes }, (_, p) => files.slice(p * per, (p + 1) * per)).filter(
      (c) => c.length,
    );
    const words = await Promise.all(
      chunks.map(async (chunk, p) => {
        const list = join(dir, `list-${p}.txt`);
        await writeFile(list, chunk.join('\n') + '\n');
        return parseTesseractTsv(
          await runTesseract(options.binary ?? 'tesseract', list, options.languages ?? 'kor+eng'),
          chunk.length,
        );
      }),
    );
    return words.flat().map((ws) => ({
      text: joinOcrWords(ws),
      confidence: ws.length ? ws.reduce((s, w) => s + Math.max(0, w.conf), 0) / ws.length / 100 : 0,
    }));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
