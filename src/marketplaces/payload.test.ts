import { test } from 'node:test';
import assert from 'node:assert/strict';
import { escapeXml, toJsonPayload, toXmlPayload } from './payload.ts';

const product = {
  Product: {
    PrimaryCategory: '10002019',
    Images: { Image: ['https://img.slatic.net/p/a.jpg?x=1&y=2'] },
    Attributes: { name: '한국 김치 <1kg> "매운맛" & \'순한맛\'', brand_id: 30768 },
    Skus: { Sku: [{ SellerSku: 'KB-1', price: '35.00', quantity: 3, special_price: undefined }] },
  },
};

test('XML: escaped text, repeated elements for arrays, undefined left out', () => {
  const xml = toXmlPayload(product);
  assert.equal(
    xml,
    '<?xml version="1.0" encoding="UTF-8" ?><Request><Product><PrimaryCategory>10002019</PrimaryCategory>' +
      '<Images><Image>https://img.slatic.net/p/a.jpg?x=1&amp;y=2</Image></Images>' +
      '<Attributes><name>한국 김치 &lt;1kg&gt; &quot;매운맛&quot; &amp; &apos;순한맛&apos;</name><brand_id>30768</brand_id></Attributes>' +
      '<Skus><Sku><SellerSku>KB-1</SellerSku><price>35.00</price><quantity>3</quantity></Sku></Skus></Product></Request>',
  );
  assert.equal(
    toXmlPayload({ Images: { Url: ['a', 'b'] } }),
    '<?xml version="1.0" encoding="UTF-8" ?><Request><Images><Url>a</Url><Url>b</Url></Images></Request>',
  );
  assert.throws(() => toXmlPayload({ 'bad name': 'x' }), /not an XML element name/);
  assert.equal(escapeXml('a&b'), 'a&amp;b');
});

test('JSON: arrays stay arrays even with one element, Hangul kept as UTF-8 text', () => {
  const json = toJsonPayload(product);
  const parsed = JSON.parse(json);
  assert.ok(Array.isArray(parsed.Request.Product.Skus.Sku));
  assert.ok(Array.isArray(parsed.Request.Product.Images.Image));
  assert.equal(parsed.Request.Product.Images.Image[0], 'https://img.slatic.net/p/a.jpg?x=1&y=2');
  assert.ok(json.includes('한국 김치'));
  assert.equal('special_price' in parsed.Request.Product.Skus.Sku[0], false);
});
