// The console's types are generated from the API's OpenAPI document: when a route changes, the
// committed web/src/api/schema.ts must be regenerated (`npm run api:types`) or this fails.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { API_TYPES_FILE, generateApiTypes } from '../../web/api-types.ts';

test("the console's API types match the API's OpenAPI document", async () => {
  const committed = readFileSync(API_TYPES_FILE, 'utf8');
  assert.ok(
    committed === (await generateApiTypes()),
    'web/src/api/schema.ts is stale: run npm run api:types',
  );
});
