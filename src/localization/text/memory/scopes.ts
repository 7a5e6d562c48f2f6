/**
 * Memory and glossary scopes. A translation made for everyone is `global`; one tied to a brand
 * (a brand glossary, an operator's brand-wide approval) is `brand:<brand>`; a seller's own is
 * `seller:<id>`, optionally narrowed to one of its brands. Lookups try the most specific first.
 */
import { createHash } from 'node:crypto';
import { matchKey } from '../normalize.ts';
import type { MemoryScopeKind } from '../types.ts';

export interface ScopeRef {
  kind: MemoryScopeKind;
  key: string;
  sellerId: string | null;
  brand: string | null;
}

/** Whose listings a translation is for: the seller and the product's brand, when known. */
export interface TranslationOwner {
  sellerId?: string | undefined;
  /** The brand as written (Korean or Latin); normalized with `brandKey`. */
  brand?: string | undefined;
}

/** A brand's key: its match key, so 라운드랩 and ROUND LAB are one brand when the term base knows it. */
export function brandKey(brand: string, latinOf?: (name: string) => string | undefined): string {
  return matchKey(latinOf?.(brand) ?? brand);
}

export function scopeRef(kind: MemoryScopeKind, sellerId: string | null, brand: string | null): ScopeRef {
  switch (kind) {
    case 'global':
      return { kind, key: 'global', sellerId: null, brand: null };
    case 'brand':
      return { kind, key: `brand:${brand ?? ''}`, sellerId: null, brand };
    case 'seller':
      return { kind, key: `seller:${sellerId ?? ''}`, sellerId, brand: null };
    case 'seller-brand':
      return { kind, key: `seller:${sellerId ?? ''}|brand:${brand ?? ''}`, sellerId, brand };
  }
}

/** The scopes that apply to an owner, most specific first. */
export function scopeChain(owner: TranslationOwner, brand: string | null): ScopeRef[] {
  const chain: ScopeRef[] = [];
  const seller = owner.sellerId ?? null;
  if (seller && brand) chain.push(scopeRef('seller-brand', seller, brand));
  if (seller) chain.push(scopeRef('seller', seller, null));
  if (brand) chain.push(scopeRef('brand', null, brand));
  chain.push(scopeRef('global', null, null));
  return chain;
}

/** A stable id from parts: the same key always gives the same id, so writes are upserts. */
export function contentId(prefix: string, ...parts: (string | null | undefined)[]): string {
  const hash = createHash('sha256')
    .update(parts.map((p) => p ?? '').join('\u0001'))
    .digest('base64url');
  return `${prefix}_${hash.slice(0, 22)}`;
}
