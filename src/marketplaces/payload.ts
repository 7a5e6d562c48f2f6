/**
 * `payload` builders. Lazop write APIs take one parameter whose value is an XML document
 * `<Request>…</Request>` or, since 2022, the equivalent JSON `{"Request":{…}}`. Both are built from
 * the same tree: an array becomes repeated elements in XML and a JSON array in JSON (`Image`,
 * `Sku` must be arrays in JSON, error 1001 otherwise). Text is escaped, never concatenated, so a
 * URL with `&` or Hangul text cannot break the document (E005).
 */
export type PayloadNode =
  string | number | boolean | null | undefined | PayloadNode[] | { [name: string]: PayloadNode };

export type PayloadFormat = 'json' | 'xml';

/** Escapes text for XML element content and attribute values. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) =>
    c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : '&apos;',
  );
}

const XML_NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

function xmlElement(name: string, node: PayloadNode): string {
  if (!XML_NAME.test(name)) throw new TypeError(`not an XML element name: ${name}`);
  if (node === undefined || node === null) return '';
  if (Array.isArray(node)) return node.map((item) => xmlElement(name, item)).join('');
  if (typeof node === 'object') {
    let inner = '';
    for (const [child, value] of Object.entries(node)) inner += xmlElement(child, value);
    return `<${name}>${inner}</${name}>`;
  }
  return `<${name}>${escapeXml(String(node))}</${name}>`;
}

/** `<?xml …?><Request>…</Request>` from the tree under `Request`. */
export function toXmlPayload(request: { [name: string]: PayloadNode }): string {
  return `<?xml version="1.0" encoding="UTF-8" ?>${xmlElement('Request', request)}`;
}

function pruneForJson(node: PayloadNode): PayloadNode {
  if (Array.isArray(node)) return node.filter((n) => n !== undefined && n !== null).map(pruneForJson);
  if (node !== null && typeof node === 'object') {
    const out: { [name: string]: PayloadNode } = {};
    for (const [k, v] of Object.entries(node)) if (v !== undefined && v !== null) out[k] = pruneForJson(v);
    return out;
  }
  return node;
}

/** `{"Request":{…}}` from the same tree; undefined/null members are left out. */
export function toJsonPayload(request: { [name: string]: PayloadNode }): string {
  return JSON.stringify({ Request: pruneForJson(request) });
}

/** The payload text in the chosen format. */
export function buildPayload(format: PayloadFormat, request: { [name: string]: PayloadNode }): string {
  return format === 'xml' ? toXmlPayload(request) : toJsonPayload(request);
}
