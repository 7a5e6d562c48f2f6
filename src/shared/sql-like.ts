/** `%text%` for LIKE/ILIKE, with LIKE's wildcards and escape character in `text` taken literally. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
