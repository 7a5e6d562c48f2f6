/**
 * HTML descriptions: parsed with parse5 (the WHATWG algorithm browsers use, so what we see is what
 * a browser would run), reduced to an allowlist of tags and attributes, split into text segments,
 * and rendered back with each text node translated. Scripts, styles, frames, forms, SVG, event
 * handlers, inline styles and javascript:/data: URLs never pass through.
 */
import { parseFragment } from 'parse5';
import type { FieldKind, SegmentInput } from './types.ts';

type Attr = [string, string];
export type HtmlNode =
  { type: 'text'; value: string } | { type: 'element'; tag: string; attrs: Attr[]; children: HtmlNode[] };

/** Dropped with everything inside them. */
const DROP = new Set([
  'script',
  'style',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'form',
  'input',
  'button',
  'select',
  'option',
  'textarea',
  'svg',
  'math',
  'template',
  'noscript',
  'link',
  'meta',
  'base',
  'head',
  'title',
  'video',
  'audio',
  'canvas',
  'source',
  'track',
  'portal',
  'dialog',
]);

/** Allowed tags and their allowed attributes; other tags are unwrapped (their content kept). */
const ALLOWED: Readonly<Record<string, readonly string[]>> = {
  p: ['align'],
  div: ['align'],
  span: [],
  br: [],
  hr: [],
  img: ['src', 'alt', 'width', 'height'],
  table: ['border', 'cellpadding', 'cellspacing', 'width'],
  thead: [],
  tbody: [],
  tfoot: [],
  caption: [],
  colgroup: [],
  col: ['span', 'width'],
  tr: [],
  th: ['colspan', 'rowspan', 'align', 'width'],
  td: ['colspan', 'rowspan', 'align', 'width'],
  ul: [],
  ol: [],
  li: [],
  dl: [],
  dt: [],
  dd: [],
  strong: [],
  b: [],
  em: [],
  i: [],
  u: [],
  s: [],
  sub: [],
  sup: [],
  small: [],
  blockquote: [],
  h1: [],
  h2: [],
  h3: [],
  h4: [],
  h5: [],
  h6: [],
  a: ['href', 'title'],
};

const VOID = new Set(['br', 'hr', 'img', 'col']);
const URL_ATTRS = new Set(['src', 'href']);

/** http(s) for images; http(s) and mailto for links; nothing else (no javascript:, data:, vbscript:). */
function safeUrl(tag: string, value: string): string | undefined {
  // Browsers ignore control characters and whitespace inside schemes: strip them before deciding.
  // eslint-disable-next-line no-control-regex -- control characters are exactly what must go
  const v = value.replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
  if (/^https?:\/\//i.test(v)) return value.trim();
  if (tag === 'a' && /^mailto:/i.test(v)) return value.trim();
  if (tag === 'img' && /^\/\//.test(v)) return `https:${value.trim()}`;
  return undefined;
}

interface P5Node {
  nodeName: string;
  tagName?: string;
  value?: string;
  attrs?: { name: string; value: string }[];
  childNodes?: P5Node[];
  content?: P5Node;
}

function convert(nodes: readonly P5Node[] | undefined): HtmlNode[] {
  const out: HtmlNode[] = [];
  for (const n of nodes ?? []) {
    if (n.nodeName === '#text') {
      out.push({ type: 'text', value: n.value ?? '' });
      continue;
    }
    if (!n.tagName) continue; // comments, doctype
    const tag = n.tagName.toLowerCase();
    if (DROP.has(tag)) continue;
    const allowed = ALLOWED[tag];
    const children = convert(n.childNodes);
    if (!allowed) {
      out.push(...children);
      continue;
    }
    const attrs: Attr[] = [];
    for (const a of n.attrs ?? []) {
      const name = a.name.toLowerCase();
      if (!allowed.includes(name)) continue;
      const value = URL_ATTRS.has(name) ? safeUrl(tag, a.value) : a.value;
      if (value !== undefined) attrs.push([name, value]);
    }
    if (tag === 'img' && !attrs.some(([k]) => k === 'src')) continue;
    out.push({ type: 'element', tag, attrs, children });
  }
  return out;
}

/** Parses and sanitizes HTML into the allowed tree. */
export function parseHtml(html: string): HtmlNode[] {
  return convert((parseFragment(html) as unknown as P5Node).childNodes);
}

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escapeAttr(text: string): string {
  return escapeText(text).replace(/"/g, '&quot;');
}

/** Serializes a tree; text is escaped, so nothing in it can become markup. */
export function renderHtml(
  nodes: readonly HtmlNode[],
  text: (node: { value: string }) => string = (n) => n.value,
): string {
  let out = '';
  for (const n of nodes) {
    if (n.type === 'text') {
      out += escapeText(text(n));
      continue;
    }
    const attrs = n.attrs.map(([k, v]) => ` ${k}="${escapeAttr(v)}"`).join('');
    out += `<${n.tag}${attrs}>`;
    if (VOID.has(n.tag)) continue;
    out += `${renderHtml(n.children, text)}</${n.tag}>`;
  }
  return out;
}

/** Sanitizes HTML for a listing: the allowlist, nothing executable. */
export function sanitizeHtml(html: string): string {
  return renderHtml(parseHtml(html));
}

export interface HtmlSegments {
  segments: SegmentInput[];
  /** Renders the sanitized HTML with translations by segment id; null drops the text. */
  render(translations: ReadonlyMap<string, string | null>): string;
}

const PRODUCT_NAME_LABELS = new Set(['상품명', '제품명', '품명']);

function textOf(nodes: readonly HtmlNode[]): string {
  return nodes.map((n) => (n.type === 'text' ? n.value : textOf(n.children))).join('');
}

/**
 * Splits a description into text segments: each text node with letters is one segment; a spec
 * table's header cells are `spec-label`, their value cells `spec-value` (or `title` for 상품명).
 */
export function htmlSegments(html: string, idPrefix = 'description'): HtmlSegments {
  const tree = parseHtml(html);
  const segments: SegmentInput[] = [];
  const ids = new Map<object, string>();
  const walk = (nodes: readonly HtmlNode[], kind: FieldKind) => {
    for (const n of nodes) {
      if (n.type === 'text') {
        if (!/[\p{L}\p{N}]/u.test(n.value)) continue;
        const id = `${idPrefix}:${segments.length + 1}`;
        ids.set(n, id);
        segments.push({ id, kind, text: n.value.trim() });
        continue;
      }
      if (n.tag === 'tr') {
        const cells = n.children.filter(
          (c): c is Extract<HtmlNode, { type: 'element' }> => c.type === 'element',
        );
        let label = '';
        for (const c of cells) {
          if (c.tag === 'th') {
            label = textOf(c.children).trim();
            walk(c.children, 'spec-label');
          } else if (c.tag === 'td')
            walk(c.children, label ? (PRODUCT_NAME_LABELS.has(label) ? 'title' : 'spec-value') : kind);
          else walk([c], kind);
        }
        continue;
      }
      walk(n.children, kind);
    }
  };
  walk(tree, 'html-text');
  return {
    segments,
    render(translations) {
      return renderHtml(tree, (node) => {
        const id = ids.get(node);
        if (id === undefined) return node.value;
        const t = translations.get(id);
        if (t === null || t === undefined) return '';
        // Keep the node's surrounding whitespace (line breaks between cells).
        const lead = /^\s*/.exec(node.value)?.[0] ?? '';
        const trail = /\s*$/.exec(node.value)?.[0] ?? '';
        return `${lead}${t}${trail}`;
      })
        .replace(/<p[^>]*>\s*<\/p>/g, '')
        .trim();
    },
  };
}
