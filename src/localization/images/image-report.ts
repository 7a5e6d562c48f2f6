/**
 * The JSON report of one localized image: per line what was read and what became of it, a summary,
 * and the residual check (the output re-read where text was replaced, counting Hangul still there).
 */
import type { Box } from './types.ts';
import type { KeepReason } from './keep-policy.ts';
import type { LineRole } from './page-layout.ts';
import type { RemovalMethod } from './text-removal.ts';
import type { LineStatus } from './translate-lines.ts';

export interface ReportLine {
  index: number;
  box: Box;
  source: string;
  confidence: number;
  translation: string | null;
  status: LineStatus;
  /** Keep reason or the pipeline's note (unknown words, failed checks). */
  note: string | null;
  provider: string | null;
  role: LineRole;
  block: number;
  keep: KeepReason | null;
  /** Where the new text was drawn, at what size, and whether it fitted without overflow. */
  region?: Box;
  fontSize?: number;
  fits?: boolean;
  removal?: RemovalMethod;
  /** Hangul characters re-read from the output in this line's region. */
  residualHangul?: number;
}

export interface ReportSummary {
  lines: number;
  translated: number;
  converted: number;
  kept: number;
  needsTranslation: number;
  needsReview: number;
  unreadable: number;
  overflow: number;
  /** Every line that should change did (nothing flagged). */
  complete: boolean;
}

export interface ResidualCheck {
  /** Lines re-read (translated or converted). */
  checked: number;
  /** Hangul characters found in them. */
  hangul: number;
  /** Indexes of lines with Hangul left. */
  lines: number[];
}

export interface ImageReport {
  version: 1;
  locale: string;
  sourceHash: string;
  tmVersion: string;
  width: number;
  height: number;
  lines: ReportLine[];
  summary: ReportSummary;
  residual: ResidualCheck | null;
  timingsMs: Record<string, number>;
  /** True when this report came from the cache. */
  cached?: boolean;
}

export function summarise(lines: readonly ReportLine[]): ReportSummary {
  const count = (s: LineStatus): number => lines.filter((l) => l.status === s).length;
  const needsTranslation = count('needs-translation');
  const needsReview = count('needs-review');
  const unreadable = count('unreadable');
  return {
    lines: lines.length,
    translated: count('translated'),
    converted: count('converted'),
    kept: count('kept'),
    needsTranslation,
    needsReview,
    unreadable,
    overflow: lines.filter((l) => l.fits === false).length,
    complete: needsTranslation + needsReview + unreadable === 0,
  };
}
