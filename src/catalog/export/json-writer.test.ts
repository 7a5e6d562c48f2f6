import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createSampleCatalog } from '../sample/index.ts';
import { writeCatalogJson, writeCatalogNdjson } from './json-writer.ts';
import { memorySink } from './test-sink.ts';

const catalog = createSampleCatalog({ sellers: 4, products: 200, seed: 'json' });
const products = [...catalog.products()];

test('JSON is {"sellers": [...], "products": [...]} with the records unchanged', async () => {
  const sink = memorySink();
  const summary = await writeCatalogJson(
    { sellers: catalog.sellers, products: catalog.products() },
    sink.stream,
  );
  const text = sink.bytes().toString('utf8');
  const parsed = JSON.parse(text) as { sellers: unknown[]; products: unknown[] };
  assert.deepEqual(Object.keys(parsed), ['sellers', 'products']);
  assert.deepEqual(parsed.sellers, catalog.sellers);
  assert.deepEqual(parsed.products, products);
  assert.equal(summary.products, 200);
  assert.equal(summary.bytes, Buffer.byteLength(text));
});

test('JSON of an empty catalog is still valid', async () => {
  const sink = memorySink();
  await writeCatalogJson({ sellers: [], products: [] }, sink.stream);
  assert.deepEqual(JSON.parse(sink.bytes().toString('utf8')), { sellers: [], products: [] });
});

test('NDJSON has one product per line and is deterministic', async () => {
  const write = async () => {
    const sink = memorySink();
    await writeCatalogNdjson(
      createSampleCatalog({ sellers: 4, products: 200, seed: 'json' }).products(),
      sink.stream,
    );
    return sink.bytes();
  };
  const bytes = await write();
  const lines = bytes.toString('utf8').split('\n');
  assert.equal(lines.pop(), '');
  assert.equal(lines.length, 200);
  assert.deepEqual(
    lines.map((l) => JSON.parse(l)),
    products,
  );
  assert.ok(bytes.equals(await write()));
});
