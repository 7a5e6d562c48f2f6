/** Placeholder forms on the wire: `⟦1⟧` inside kbridge, `{{1}}` for chat models, `<x id="1"/>` for DeepL. */

export function toBraces(text: string): string {
  return text.replace(/⟦(\d+)⟧/g, '{{$1}}');
}

export function fromBraces(text: string): string {
  return text.replace(/\{\{\s*(\d+)\s*\}\}/g, '⟦$1⟧');
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function unescapeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/** Text for DeepL's XML tag handling: escaped, placeholders as empty `x` elements it keeps in place. */
export function toXml(text: string): string {
  return escapeXml(text).replace(/⟦(\d+)⟧/g, '<x id="$1"/>');
}

export function fromXml(text: string): string {
  return unescapeXml(
    text.replace(
      /<x\s+id\s*=\s*["'](\d+)["']\s*\/>|<x\s+id\s*=\s*["'](\d+)["']\s*><\/x>/g,
      (_m, a: string, b: string) => `⟦${a ?? b}⟧`,
    ),
  );
}
