/**
 * Translating the lines of an image through the text pipeline (term base, memory, providers;
 * quantities are protected and converted by the units engine inside it), and converting the
 * measurement-only lines (500ml, 230~280mm) with the units engine directly. A line the pipeline
 * cannot translate, or translates only with a failed check, keeps its Korean and is flagged: an
 * image never shows a guess.
 */
import { localizeText } from '../units/index.ts';
import { hasHangul, type FieldKind, type TranslationService } from '../text/index.ts';
import type { KeepReason } from './keep-policy.ts';
import type { LineRole } from './page-layout.ts';

export type LineStatus =
  'translated' | 'converted' | 'kept' | 'needs-translation' | 'needs-review' | 'unreadable';

export interface LineTranslation {
  status: LineStatus;
  /** The text to draw in place of the source; null when the source stays. */
  translation: string | null;
  /** Who produced it (`termbase`, `memory`, `provider:…`, `units`). */
  provider: string | null;
  /** Why the source stays (keep reason or the pipeline's note). */
  note: string | null;
}

export interface TranslateLinesOptions {
  service: TranslationService;
  /** Target locale, e.g. th-TH. */
  to: string;
  sellerId?: string | undefined;
  site?: string | undefined;
}

const KIND: Record<LineRole, FieldKind> = {
  heading: 'text',
  text: 'text',
  'spec-label': 'spec-label',
  'spec-value': 'spec-value',
};

/** One result per line (same order). */
export async function translateLines(
  lines: readonly { text: string; role: LineRole; keep: KeepReason | null }[],
  options: TranslateLinesOptions,
): Promise<LineTranslation[]> {
  const out: LineTranslation[] = lines.map((l) =>
    l.keep === 'unreadable'
      ? { status: 'unreadable', translation: null, provider: null, note: 'not read with enough confidence' }
      : { status: 'kept', translation: null, provider: null, note: l.keep },
  );
  const byKind = new Map<FieldKind, number[]>();
  lines.forEach((l, i) => {
    if (l.keep) return;
    if (!hasHangul(l.text)) {
      const r = localizeText(l.text, options.to);
      out[i] =
        r.localized !== l.text
          ? { status: 'converted', translation: r.localized, provider: 'units', note: null }
          : { status: 'kept', translation: null, provider: null, note: 'no-hangul' };
      return;
    }
    const kind = KIND[l.role];
    byKind.set(kind, [...(byKind.get(kind) ?? []), i]);
  });
  for (const [kind, idx] of byKind) {
    const results = await options.service.translateTexts(
      idx.map((i) => lines[i]!.text),
      { to: options.to, kind, sellerId: options.sellerId, site: options.site },
    );
    results.forEach((r, k) => {
      const i = idx[k]!;
      if ((r.status === 'machine' || r.status === 'approved') && r.translation && !hasHangul(r.translation)) {
        out[i] = { status: 'translated', translation: r.translation, provider: r.provider, note: null };
      } else {
        const unknown = r.segments.flatMap((s) => s.unknown ?? []);
        const checks = r.segments.flatMap((s) => s.checks.map((c) => c.check));
        out[i] = {
          status: r.status === 'needs-review' ? 'needs-review' : 'needs-translation',
          translation: null,
          provider: r.provider,
          note: unknown.length
            ? `unknown: ${unknown.join(', ')}`
            : checks.length
              ? `failed: ${checks.join(', ')}`
              : null,
        };
      }
    });
  }
  return out;
}
