import { test } from 'node:test';
import assert from 'node:assert/strict';
import { htmlSegments, sanitizeHtml } from './html.ts';

const VECTORS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<img src="javascript:alert(1)">',
  '<a href="javascript:alert(1)">x</a>',
  '<a href="jav&#x09;ascript:alert(1)">x</a>',
  '<a href=" JaVaScRiPt:alert(1)">x</a>',
  '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
  '<svg onload=alert(1)><circle/></svg>',
  '<iframe src="https://evil.example"></iframe>',
  '<p style="background:url(javascript:alert(1))">x</p>',
  '<div onclick="alert(1)" onmouseover="alert(2)">x</div>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
  '<form action="https://evil.example"><input name=x></form>',
  '<object data="x.swf"></object><embed src="x.swf">',
  '<scr<script>ipt>alert(1)</script>',
  '<!--<img src=x onerror=alert(1)>-->',
  '<template><img src=x onerror=alert(1)></template>',
  '<meta http-equiv="refresh" content="0;url=https://evil.example">',
  '<style>body{background:red}</style><link rel=stylesheet href=x.css>',
  '<img src="https://ok.example/a.jpg" onload="alert(1)" style="width:1px">',
];

test('nothing executable passes through: no scripts, handlers, styles, frames or script URLs', () => {
  for (const v of VECTORS) {
    const out = sanitizeHtml(v);
    assert.doesNotMatch(
      out,
      /<script|<iframe|<svg|<math|<object|<embed|<form|<input|<style|<link|<meta|<template|<noscript/i,
      `${v} → ${out}`,
    );
    assert.doesNotMatch(out, /\son\w+\s*=/i, `${v} → ${out}`);
    assert.doesNotMatch(out, /javascript:|data:|style=/i, `${v} → ${out}`);
  }
  assert.equal(
    sanitizeHtml('<img src="https://ok.example/a.jpg" onload="alert(1)" style="width:1px">'),
    '<img src="https://ok.example/a.jpg">',
  );
  // Parsed as browsers do: the broken tag is an unknown element, what follows is text.
  assert.equal(sanitizeHtml('<scr<script>ipt>alert(1)</script>'), 'ipt&gt;alert(1)');
});

test('text that looks like markup stays text', () => {
  assert.equal(sanitizeHtml('<p>a &lt;b&gt; &amp; c</p>'), '<p>a &lt;b&gt; &amp; c</p>');
});

test('markup is preserved and text nodes are translated; a spec table gets labels and values', () => {
  const html =
    '<div style="text-align:center;"><p><img src="https://img.example/1.jpg" width="712"></p>' +
    '<p style="font-size:15px;">촉촉한 토너입니다.<br>매일 사용하세요.</p>' +
    '<table border="1"><tr><th>상품명</th><td>라운드랩 토너 500ml</td></tr><tr><th>용량</th><td>500ml</td></tr></table></div>';
  const doc = htmlSegments(html);
  assert.deepEqual(
    doc.segments.map((s) => [s.kind, s.text]),
    [
      ['html-text', '촉촉한 토너입니다.'],
      ['html-text', '매일 사용하세요.'],
      ['spec-label', '상품명'],
      ['title', '라운드랩 토너 500ml'],
      ['spec-label', '용량'],
      ['spec-value', '500ml'],
    ],
  );
  const t = new Map<string, string | null>(doc.segments.map((s, i) => [s.id, `T${i + 1}`]));
  t.set(doc.segments[1]!.id, null);
  assert.equal(
    doc.render(t),
    '<div><p><img src="https://img.example/1.jpg" width="712"></p><p>T1<br></p>' +
      '<table border="1"><tbody><tr><th>T3</th><td>T4</td></tr><tr><th>T5</th><td>T6</td></tr></tbody></table></div>',
  );
});

test('a translation with markup characters is escaped, never parsed', () => {
  const doc = htmlSegments('<p>토너</p>');
  assert.equal(
    doc.render(new Map([[doc.segments[0]!.id, '<img src=x onerror=alert(1)>']])),
    '<p>&lt;img src=x onerror=alert(1)&gt;</p>',
  );
});
