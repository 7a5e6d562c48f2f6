// Korean apparel sizes in text. A bare `95` or `55` is not a quantity (and is left alone); only
// sizes labelled with 사이즈/size are reported, and only on the KS scales: women's 44–99
// (the 1981 height/bust designation) and men's 85–115 (chest girth in cm). The scales do not
// overlap, so the number itself says which one it is. In a text about shoes, a labelled 200–320
// in 5 mm steps (`사이즈 230~280`) is a Korean shoe size even without `mm`.
import type { RawQuantity } from './parse.ts';
import type { SizeMention, SizeSystem } from './types.ts';

const SIZE =
  /(?:사이즈|size)\s?[:：]?\s?(\d{2,3})(?:\s?[~-]\s?(\d{2,3}))?(?![\d.%A-Za-z])|(?<![\d.,A-Za-z])(\d{2,3})(?:\s?[~-]\s?(\d{2,3}))?\s?(?:사이즈|size)/gi;
const WOMEN = new Set([44, 55, 66, 77, 88, 99]);
const MEN = new Set([85, 90, 95, 100, 105, 110, 115]);

function systemOf(n: number, shoes: boolean): SizeSystem | undefined {
  if (shoes && n >= 200 && n <= 320 && n % 5 === 0) return 'kr-shoe';
  return WOMEN.has(n) ? 'kr-women' : MEN.has(n) ? 'kr-men' : undefined;
}

/** Labelled sizes (`55사이즈`, `사이즈 95~105`, shoes `사이즈 250`) not overlapping a quantity. */
export function detectSizes(
  s: string,
  quantities: RawQuantity[],
  shoes: () => boolean,
): Omit<SizeMention, 'match'>[] {
  if (!s.includes('사이즈') && !/size/i.test(s)) return [];
  const out: Omit<SizeMention, 'match'>[] = [];
  SIZE.lastIndex = 0;
  for (let m = SIZE.exec(s); m; m = SIZE.exec(s)) {
    const lo = Number(m[1] ?? m[3]);
    const hiText = m[2] ?? m[4];
    const hi = hiText === undefined ? undefined : Number(hiText);
    const inShoes = lo >= 200 && shoes();
    const system = systemOf(lo, inShoes);
    if (!system || (hi !== undefined && (systemOf(hi, inShoes) !== system || hi <= lo))) continue;
    const start = m.index + m[0].search(/\d/);
    // `55사이즈` is replaced whole; in `사이즈 55` the label stays for the translator.
    const lastNum = hiText ?? String(lo);
    const end =
      m[3] !== undefined ? m.index + m[0].length : m.index + m[0].lastIndexOf(lastNum) + lastNum.length;
    if (quantities.some((q) => q.start < end && start < q.end)) continue;
    const size: Omit<SizeMention, 'match'> = { start, end, system, value: lo };
    if (hi !== undefined) size.valueMax = hi;
    out.push(size);
  }
  return out;
}
