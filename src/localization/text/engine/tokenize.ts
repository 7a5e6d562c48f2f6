/**
 * Splits a protected segment into tokens for the embedded engine: words, placeholders `⟦n⟧` and
 * punctuation, each remembering whether a space came before it (so `블랙/화이트` stays joined).
 */

export type TokenType = 'word' | 'placeholder' | 'punct';

export interface Token {
  type: TokenType;
  text: string;
  /** Lower-cased text, the term base's key. */
  key: string;
  spaceBefore: boolean;
}

const TOKEN_RE = /⟦c?\d+⟧|[/,+~()&·×*:;!?|]|[^\s/,+~()&·×*:;!?|⟦]+/g;

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  TOKEN_RE.lastIndex = 0;
  let last = 0;
  for (let m = TOKEN_RE.exec(text); m; m = TOKEN_RE.exec(text)) {
    const s = m[0];
    const type: TokenType = s.startsWith('⟦')
      ? 'placeholder'
      : s.length === 1 && /[/,+~()&·×*:;!?|]/.test(s)
        ? 'punct'
        : 'word';
    tokens.push({
      type,
      text: s,
      key: s.toLowerCase(),
      spaceBefore: m.index > last || (m.index > 0 && text[m.index - 1] === ' '),
    });
    last = m.index + s.length;
  }
  return tokens;
}

/** Decorations sellers put in titles (★, ♥, 🔥 …): never part of the meaning. */
const DECORATION_RE =
  /[\u2600-\u27bf\u2b00-\u2bff\u25a0-\u25ff\u2190-\u21ff\u203b\u3010\u3011\u300c-\u300f\u{1f000}-\u{1faff}]|\ufe0f/gu;

/** Removes decorations, keeping lenticular brackets as square ones (they mark tags). */
export function stripDecorations(text: string): string {
  return text.replace(/【/g, '[').replace(/】/g, ']').replace(DECORATION_RE, ' ').replace(/\s+/g, ' ').trim();
}
