import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertAnnotationKinds, assertCatalogTools, catalogServer } from '../../../testing/catalog.js';
import { connect } from '../../../testing/mcp.js';
import gmaps from '../index.js';

const catalog = catalogServer('gmaps');

/** Optional parameters this port adds to guMCP's (none is required). */
const EXTRAS: Record<string, string[]> = {
  get_place_reviews: ['sort'],
  get_elevation: ['end_latitude', 'end_longitude'],
};

test('gmaps lists exactly the catalog tools, with its parameter names (and optional extras), required fields and output schemas', async () => {
  const client = await connect(gmaps);
  const { tools } = await client.listTools();

  assertCatalogTools(tools, catalog.tools, EXTRAS);
});

test('every tool only reads, and is safe to repeat', async () => {
  const client = await connect(gmaps);
  const { tools } = await client.listTools();

  assertAnnotationKinds(tools, { readOnly: Object.keys(catalog.tools), destructive: [], notIdempotent: [] });
});

test('the API key is asked for under guMCP’s credential field name, as a secret', () => {
  assert.deepEqual(catalog.auth.credentialFields, ['api_key']);
  assert.ok(gmaps.auth.kind === 'api_key');
  assert.deepEqual(
    gmaps.auth.fields.map((f) => [f.name, f.secret]),
    [['api_key', true]],
  );
});
