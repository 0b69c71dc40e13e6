import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertAnnotationKinds, assertCatalogTools, catalogServer } from '../../../testing/catalog.js';
import { connect } from '../../../testing/mcp.js';
import serpapi from '../index.js';

const catalog = catalogServer('serpapi');

test('serpapi lists exactly the catalog tool, with its parameter names, required fields and an output schema', async () => {
  const { tools } = await (await connect(serpapi)).listTools();
  assert.equal(tools.length, 1);
  assertCatalogTools(tools, catalog.tools, {
    serpapi_search: ['max_pages', 'full', 'search_id', 'wait_seconds', 'max_chars'],
  });
  assertAnnotationKinds(tools, { readOnly: ['serpapi_search'], destructive: [], notIdempotent: [] });
});

test('auth is an API key under guMCP’s credential field name, checked at sign-in', () => {
  assert.equal(serpapi.auth.kind, 'api_key');
  if (serpapi.auth.kind !== 'api_key') return;
  assert.deepEqual(
    serpapi.auth.fields.map((f) => f.name),
    catalog.auth.credentialFields,
  );
  assert.equal(serpapi.auth.fields[0]?.secret, true);
  assert.equal(typeof serpapi.auth.verify, 'function');
});
