// Korean listings mix ASCII, full-width forms (５００ｍｌ) and CJK compatibility symbols (㎖ ㎏ ℃).
// NFKC folds them to ASCII, but it changes lengths (㎖ → ml), and callers need offsets into the
// text they gave us. So only the compatibility blocks are folded, and an index map is kept.

// Letterlike symbols (℃ ℉ ℓ), CJK compatibility (㎖ ㎏ ㎡ ㏄), full-width ASCII (５ ｍ ～) and
// full-width currency signs (￦).
const COMPAT = /[\u2100-\u214f\u3380-\u33df\uff01-\uff5e\uffe0-\uffe6]/;
const COMPAT_CHAR = /[\u2100-\u214f\u3380-\u33df\uff01-\uff5e\uffe0-\uffe6]/g;

export interface Normalized {
  text: string;
  /** For each index of `text`, the index in the original; null when nothing changed. */
  map: number[] | null;
}

/** Folds compatibility characters; returns the input itself (no copy) when there are none. */
export function normalizeText(text: string): Normalized {
  if (!COMPAT.test(text)) return { text, map: null };
  const map: number[] = [];
  let out = '';
  let last = 0;
  COMPAT_CHAR.lastIndex = 0;
  for (let m = COMPAT_CHAR.exec(text); m; m = COMPAT_CHAR.exec(text)) {
    const i = m.index;
    for (let k = last; k < i; k++) map.push(k);
    out += text.slice(last, i);
    const folded = m[0].normalize('NFKC');
    for (let k = 0; k < folded.length; k++) map.push(i);
    out += folded;
    last = i + 1;
  }
  for (let k = last; k < text.length; k++) map.push(k);
  out += text.slice(last);
  return { text: out, map };
}

/** Maps a normalized [start, end) span back to the original text. */
export function originalSpan(n: Normalized, start: number, end: number): [number, number] {
  if (!n.map) return [start, end];
  const s = n.map[start] ?? start;
  const e = end > 0 ? (n.map[end - 1] ?? end - 1) + 1 : 0;
  return [s, e];
}
