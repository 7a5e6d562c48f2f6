/**
 * Words of category names: English names become stems (lower case, plurals folded, no stop words)
 * and Korean names become their space- and slash-separated words. Both sides of every comparison
 * go through here, so "Dresses" and "dress", "Accessories" and "accessory" meet.
 */

const STOP = new Set([
  'and',
  'or',
  'of',
  'for',
  'the',
  'a',
  'an',
  'with',
  'in',
  'on',
  'to',
  'by',
  'other',
  'etc',
]);

/** "Dresses" → "dress", "Batteries" → "battery", "Glasses" → "glass"; short words are kept as they are. */
export function stemEnglish(word: string): string {
  const w = word.toLowerCase();
  if (w.length <= 3) return w;
  if (w.endsWith('ies') && w.length > 4) return `${w.slice(0, -3)}y`;
  if (/(ches|shes|sses|xes|zes)$/.test(w)) return w.slice(0, -2);
  if (w.endsWith('ves') && w.length > 5) return `${w.slice(0, -3)}f`;
  if (w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is')) return w.slice(0, -1);
  return w;
}

/** English name → its stems, in order, without stop words ("Bird Cage Food & Water Dishes"). */
export function englishTokens(name: string): string[] {
  const out: string[] = [];
  for (const raw of name.toLowerCase().split(/[^a-z0-9'+]+/)) {
    const w = raw.replace(/'s$/, '').replace(/'/g, '');
    if (!w || STOP.has(w)) continue;
    out.push(stemEnglish(w));
  }
  return out;
}

/** Korean name → its words ("새 모이 그릇/물통" → 새, 모이, 그릇, 물통); Latin words are stemmed. */
export function koreanTokens(name: string): string[] {
  const out: string[] = [];
  for (const raw of name
    .normalize('NFKC')
    .toLowerCase()
    .split(/[\s/,·&()[\]+]+/)) {
    if (!raw) continue;
    if (/^[a-z0-9'-]+$/.test(raw)) {
      if (!STOP.has(raw)) out.push(stemEnglish(raw));
    } else out.push(raw);
  }
  return out;
}

/** The form of a Korean path stored with confirmations and used as the cache key. */
export function sourcePathKey(path: readonly string[]): string {
  return path
    .map((s) => s.normalize('NFKC').replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join(' > ');
}
