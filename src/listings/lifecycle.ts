/**
 * The listing lifecycle as data. A listing starts as a draft; a build that passes preflight makes
 * it ready; publishing sends it; the platform's QC makes it live or rejected. Operators pause,
 * resume and delist. Every move not in the table is refused (an error result, never a throw), so
 * a late QC answer cannot drag a delisted listing back to live.
 */
export const LISTING_STATES = [
  'draft',
  'ready',
  'publishing',
  'pending_qc',
  'live',
  'rejected',
  'paused',
  'delisted',
  'error',
] as const;

export type ListingState = (typeof LISTING_STATES)[number];

/** from → the states it may move to. */
export const LISTING_TRANSITIONS: Readonly<Record<ListingState, readonly ListingState[]>> = {
  // A rebuild may find it fixed (ready) or still failing (stays draft).
  draft: ['ready', 'delisted'],
  // A rebuild may find a new problem (draft); publishing claims it.
  ready: ['draft', 'publishing', 'delisted'],
  // The create call: accepted (QC or live at once), failed for good (error), or failed in a way
  // a rebuild can fix (draft); an unknown outcome that reconciliation finds absent goes back to ready.
  publishing: ['pending_qc', 'live', 'error', 'draft', 'ready'],
  // `error` from the platform-side states: the product vanished from the platform (reconcile).
  pending_qc: ['live', 'rejected', 'paused', 'delisted', 'error'],
  // An edit of content goes back through QC on the platforms.
  live: ['pending_qc', 'paused', 'delisted', 'rejected', 'error'],
  // Fixed content is rebuilt (draft/ready) and sent as an update.
  rejected: ['draft', 'ready', 'pending_qc', 'delisted'],
  paused: ['live', 'pending_qc', 'delisted', 'error'],
  // Delisting is final for the listing; publishing the product again makes a new one.
  delisted: [],
  error: ['draft', 'ready', 'delisted'],
};

export type TransitionResult =
  | { ok: true; from: ListingState; to: ListingState }
  | { ok: false; from: ListingState; to: ListingState; reason: string };

export function isListingState(value: string): value is ListingState {
  return (LISTING_STATES as readonly string[]).includes(value);
}

/** The guard: may a listing in `from` move to `to`? */
export function transition(from: ListingState, to: ListingState): TransitionResult {
  if (LISTING_TRANSITIONS[from].includes(to)) return { ok: true, from, to };
  return { ok: false, from, to, reason: `a ${from} listing cannot become ${to}` };
}

/** States from which `to` may be reached (for guarded UPDATE … WHERE state = ANY(…)). */
export function statesLeadingTo(to: ListingState): ListingState[] {
  return LISTING_STATES.filter((s) => LISTING_TRANSITIONS[s].includes(to));
}

/** States whose listing exists on the platform (stock and price are kept in sync there). */
export const ON_PLATFORM: readonly ListingState[] = ['pending_qc', 'live', 'paused', 'rejected'];
