/**
 * The 상세페이지 HTML: as Korean sellers publish it, mostly a stack of tall images 712 px wide (the width
 * ESM exports use), a short text block and a spec table (상품정보제공고시).
 */

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => HTML_ESCAPES[c] ?? c);
}

export interface DescriptionInput {
  detailImages: readonly string[];
  pitch: readonly string[];
  /** Rows of the spec table in display order. */
  specRows: readonly (readonly [string, string])[];
  notice: string;
}

/** Lines joined with "\n": real exports carry newlines, so CSV writers must quote them. */
export function renderDescription(input: DescriptionInput): string {
  const lines = ['<div style="text-align:center;">'];
  for (const src of input.detailImages) lines.push(`<p><img src="${escapeHtml(src)}" width="712"></p>`);
  lines.push(
    `<p style="font-size:15px; line-height:1.7;">${input.pitch.map(escapeHtml).join('<br>')}</p>`,
    '<table border="1" cellpadding="6" style="width:712px; border-collapse:collapse; font-size:13px;">',
  );
  for (const [name, value] of input.specRows) {
    lines.push(
      `<tr><th style="background:#f5f5f5;">${escapeHtml(name)}</th><td>${escapeHtml(value)}</td></tr>`,
    );
  }
  lines.push('</table>', `<p style="color:#888;">${escapeHtml(input.notice)}</p>`, '</div>');
  return lines.join('\n');
}
