/**
 * Shapes shared by the translation pipeline: segments (one translatable piece of a listing), their
 * status and provenance, and what the pipeline returns for each.
 */

/** Where a segment comes from in a listing; decides casing, limits and which engine rules apply. */
export type FieldKind =
  | 'title'
  | 'brand'
  | 'option-name'
  | 'option-value'
  | 'attribute-name'
  | 'attribute-value'
  | 'spec-label'
  | 'spec-value'
  | 'html-text'
  | 'text';

export const FIELD_KINDS: readonly FieldKind[] = [
  'title',
  'brand',
  'option-name',
  'option-value',
  'attribute-name',
  'attribute-value',
  'spec-label',
  'spec-value',
  'html-text',
  'text',
];

/**
 * `machine`: translated by the term base or a provider, checks passed; `approved`: a person approved
 * it; `needs-review`: a translation exists but failed a check (or is only a fuzzy match);
 * `needs-translation`: nothing trustworthy could be produced.
 */
export type SegmentStatus = 'machine' | 'approved' | 'needs-review' | 'needs-translation';
export const SEGMENT_STATUSES: readonly SegmentStatus[] = [
  'machine',
  'approved',
  'needs-review',
  'needs-translation',
];

/**
 * Who produced a translation: the term base (embedded engine), the memory, an external provider
 * (`provider:deepl`), a person, or `source` when there was nothing to translate (codes, sizes).
 */
export type Provenance = 'termbase' | 'memory' | `provider:${string}` | 'human' | 'source';

/** Memory scopes, most specific first when looking up. */
export type MemoryScopeKind = 'seller-brand' | 'seller' | 'brand' | 'global';

/** One piece of text to translate. */
export interface SegmentInput {
  /** Caller's id for the segment (field path), echoed back. */
  id: string;
  kind: FieldKind;
  text: string;
}

/** A placeholder standing for protected text (quantity, brand, code, URL, e-mail, tag). */
export interface Placeholder {
  index: number;
  kind: 'quantity' | 'url' | 'email' | 'brand' | 'code' | 'dnt' | 'tag';
  /** The text it replaced in the source. */
  original: string;
  /** The text it becomes in the target (a quantity converted for the market, a brand's Latin name). */
  restore: string;
}

/** A failed quality check on an output. */
export interface CheckFailure {
  check: QualityCheck;
  message: string;
}

export type QualityCheck =
  'placeholders' | 'numbers' | 'hangul' | 'length' | 'forbidden-characters' | 'prohibited-words' | 'empty';

/** What the pipeline made of one segment. */
export interface SegmentResult {
  id: string;
  kind: FieldKind;
  source: string;
  /** The translation to publish; null unless status is machine or approved. */
  translation: string | null;
  status: SegmentStatus;
  provenance: Provenance | null;
  /** For needs-review: the rejected or fuzzy output a person can start from. */
  proposal?: string;
  checks: CheckFailure[];
  /** Korean words the embedded engine had no entry for. */
  unknown?: string[];
  /** Memory details when served from memory: the row's own provenance and scope. */
  memory?: { provenance: Provenance; scope: MemoryScopeKind; status: SegmentStatus; fuzzy?: number };
  /** Korean-market tags dropped from the text (무료배송, 1+1 …), as English facts. */
  dropped?: string[];
  /** The segment was left out of the listing on purpose (a domestic shipping or returns notice). */
  omitted?: boolean;
  /** Why external providers gave nothing (timeout, quota …), when they were tried. */
  error?: string;
  /** The review item opened for it, if any. */
  reviewId?: string;
}
