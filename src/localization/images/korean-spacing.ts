/**
 * Tesseract's Korean model returns most syllables as separate "words" ("수 분 을 채 워 주 는"):
 * counting those spaces the prototype's CER was 18 %, and a translator cannot read it. We rejoin
 * syllables and keep only the real spaces, told apart by position: a real space adds about a third
 * of an em to the advance from one syllable to the next.
 */

export interface OcrWord {
  text: string;
  /** Left edge in pixels of the crop the word was read from. */
  left: number;
}

const SYLLABLE = /^[\uac00-\ud7a3]$/;

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)]! : 0;
}

/** Joins words into a line, removing the spaces tesseract puts between Hangul syllables. */
export function joinOcrWords(words: readonly OcrWord[]): string {
  const toks = words.filter((w) => w.text.trim() !== '').map((w) => ({ text: w.text.trim(), left: w.left }));
  if (toks.length === 0) return '';
  const advances: number[] = [];
  for (let i = 1; i < toks.length; i++) {
    if (SYLLABLE.test(toks[i - 1]!.text) && SYLLABLE.test(toks[i]!.text))
      advances.push(toks[i]!.left - toks[i - 1]!.left);
  }
  const em = median(advances);
  let out = toks[0]!.text;
  for (let i = 1; i < toks.length; i++) {
    const a = toks[i - 1]!;
    const b = toks[i]!;
    const aSyl = SYLLABLE.test(a.text);
    const bSyl = SYLLABLE.test(b.text);
    let space = true;
    if (aSyl && bSyl) space = em > 0 ? b.left - a.left > 1.2 * em : false;
    else if (aSyl && /^[\uac00-\ud7a3]/.test(b.text) && em > 0) space = b.left - (a.left + em) > 0.15 * em;
    else if (bSyl && /[\uac00-\ud7a3]$/.test(a.text) && em > 0) {
      // The left token's width is unknown from lefts alone: estimate it as one em per syllable.
      space = b.left - (a.left + em * [...a.text].length) > 0.15 * em;
    }
    out += (space ? ' ' : '') + b.text;
  }
  return out;
}

/** Text-only repair (no positions): runs of single syllables are joined into one word. */
export function repairKoreanSpacing(text: string): string {
  const toks = text.split(/\s+/).filter(Boolean);
  let out = '';
  for (let i = 0; i < toks.length; i++) {
    const join = i > 0 && SYLLABLE.test(toks[i]!) && SYLLABLE.test(toks[i - 1]!);
    out += (i === 0 || join ? '' : ' ') + toks[i]!;
  }
  return out;
}
