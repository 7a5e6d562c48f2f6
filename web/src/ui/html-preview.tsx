/**
 * Seller-supplied HTML shown in a sandboxed frame: no scripts, no same-origin access, so a product
 * description can never act with the reader's API key.
 */
export function HtmlPreview(props: { html: string; lang: string }) {
  const doc = `<!doctype html><html lang="${props.lang}"><meta charset="utf-8"><meta name="referrer" content="no-referrer"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'"><body style="font-family:system-ui,sans-serif;font-size:14px">${props.html}</body></html>`;
  return (
    <iframe className="description" sandbox="" srcDoc={doc} title="description" style={{ width: '100%' }} />
  );
}
