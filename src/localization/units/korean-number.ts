// Numbers as Korean sellers write them: `1,500`, `1.5`, `1,5` (a decimal comma in imported
// copy), and the multipliers 만/천/백/억 (`1만5천`, `3천`, `1.5만`). A hand-written scanner is
// used instead of a regex because it runs at every digit of every text and allocates nothing.

export interface ScannedNumber {
  value: number;
  /** Index just past the number. */
  end: number;
  /** Digits after the decimal point, for precision decisions. */
  decimals: number;
  /** Whether a 만/천/백/억 multiplier was used. */
  korean: boolean;
}

const ZERO = 48;
const NINE = 57;

function isDigit(c: number): boolean {
  return c >= ZERO && c <= NINE;
}

/** A Hangul syllable (가–힣): used for word boundaries. */
export function isHangul(c: number): boolean {
  return c >= 0xac00 && c <= 0xd7a3;
}

const MULTIPLIERS: Record<string, number> = { 백: 100, 천: 1000, 만: 1e4, 억: 1e8 };

interface Plain {
  value: number;
  end: number;
  decimals: number;
}

/** Digits with optional thousands groups (`1,500`) and a decimal part (`.5` or a lone `,5`). */
function scanPlain(s: string, i: number): Plain | null {
  let j = i;
  while (j < s.length && isDigit(s.charCodeAt(j))) j++;
  if (j === i) return null;
  const intEnd = j;
  let grouped = false;
  // Thousands groups only after a 1-3 digit head, each exactly 3 digits.
  if (intEnd - i <= 3) {
    while (
      s.charCodeAt(j) === 44 &&
      isDigit(s.charCodeAt(j + 1)) &&
      isDigit(s.charCodeAt(j + 2)) &&
      isDigit(s.charCodeAt(j + 3)) &&
      !isDigit(s.charCodeAt(j + 4))
    ) {
      j += 4;
      grouped = true;
    }
  }
  let text = grouped ? s.slice(i, j).replace(/,/g, '') : s.slice(i, j);
  let decimals = 0;
  const c = s.charCodeAt(j);
  if (c === 46 && isDigit(s.charCodeAt(j + 1))) {
    let k = j + 1;
    while (k < s.length && isDigit(s.charCodeAt(k))) k++;
    decimals = k - j - 1;
    text += s.slice(j, k);
    j = k;
  } else if (!grouped && c === 44 && isDigit(s.charCodeAt(j + 1))) {
    // `1,5kg`: one or two digits after a comma cannot be a thousands group, so it is a decimal.
    let k = j + 1;
    while (k < s.length && isDigit(s.charCodeAt(k))) k++;
    if (k - j - 1 <= 2 && s.charCodeAt(k) !== 44) {
      decimals = k - j - 1;
      text += '.' + s.slice(j + 1, k);
      j = k;
    }
  }
  return { value: Number(text), end: j, decimals };
}

/** True when a multiplier at `i` is followed by something that keeps it a number (not 만족, 천연). */
function multiplierContinues(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  if (Number.isNaN(c) || !isHangul(c)) return true;
  const ch = s[i];
  return ch === '원' || (ch !== undefined && ch in MULTIPLIERS);
}

/**
 * Scans a number at `i` (which must be a digit). Korean multipliers are combined the Korean way:
 * 천/백 build a group below 10,000; 만 and 억 scale everything before them.
 */
export function scanNumber(s: string, i: number): ScannedNumber | null {
  const first = scanPlain(s, i);
  if (!first) return null;
  let j = first.end;
  const m0 = s[j];
  if (m0 === undefined || !(m0 in MULTIPLIERS) || !multiplierContinues(s, j + 1)) {
    return { value: first.value, end: first.end, decimals: first.decimals, korean: false };
  }
  let total = 0;
  let group = 0;
  let current: number | null = first.value;
  let end = first.end;
  for (;;) {
    const ch = s[j];
    const mult = ch === undefined ? undefined : MULTIPLIERS[ch];
    if (mult !== undefined && multiplierContinues(s, j + 1)) {
      if (mult < 1e4) {
        group += (current ?? 1) * mult;
      } else {
        total += (group + (current ?? (group === 0 ? 1 : 0))) * mult;
        group = 0;
      }
      current = null;
      j++;
      end = j;
      continue;
    }
    // `1만 5천`: one space may separate groups when a digit follows.
    const k = s.charCodeAt(j) === 32 && isDigit(s.charCodeAt(j + 1)) ? j + 1 : j;
    if (current === null && isDigit(s.charCodeAt(k))) {
      const next = scanPlain(s, k);
      if (!next) break;
      const after = s[next.end];
      // A trailing bare number only counts without a space (`1만5000원`), a spaced one must carry
      // its own multiplier (`1만 5천`), else `3천 500ml` would read as 3,500.
      if (k !== j && (after === undefined || !(after in MULTIPLIERS))) break;
      current = next.value;
      j = next.end;
      end = j;
      continue;
    }
    break;
  }
  return { value: total + group + (current ?? 0), end, decimals: 0, korean: true };
}
