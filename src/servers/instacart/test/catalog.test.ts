import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertAnnotationKinds, assertCatalogTools, catalogServer } from '../../../testing/catalog.js';
import { connect } from '../../../testing/mcp.js';
import instacart from '../index.js';

const catalog = catalogServer('instacart');

/** Optional parameters this server adds to guMCP's. */
const EXTRAS = { create_shopping_list: ['expires_in'], create_recipe: ['expires_in'] };

test('instacart lists exactly the catalog tools, with its parameter names, required fields and output schemas', async () => {
  const { tools } = await (await connect(instacart)).listTools();
  assertCatalogTools(tools, catalog.tools, EXTRAS);
});

test('both tools create a new page on every call: not idempotent, not destructive', async () => {
  const { tools } = await (await connect(instacart)).listTools();
  assertAnnotationKinds(tools, {
    readOnly: [],
    destructive: [],
    notIdempotent: ['create_shopping_list', 'create_recipe'],
  });
});

test('auth is an API key under guMCP’s field name, with an optional environment, checked at sign-in', () => {
  assert.equal(instacart.auth.kind, 'api_key');
  if (instacart.auth.kind !== 'api_key') return;
  const required = instacart.auth.fields.filter((f) => !f.optional).map((f) => f.name);
  assert.deepEqual(required, catalog.auth.credentialFields);
  assert.deepEqual(
    instacart.auth.fields.map((f) => [f.name, Boolean(f.secret), Boolean(f.optional)]),
    [
      ['api_key', true, false],
      ['environment', false, true],
    ],
  );
  assert.equal(typeof instacart.auth.verify, 'function');
});
