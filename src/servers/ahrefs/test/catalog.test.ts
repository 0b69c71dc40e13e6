import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertAnnotationKinds, assertCatalogTools, catalogServer } from '../../../testing/catalog.js';
import { connect } from '../../../testing/mcp.js';
import ahrefs from '../index.js';

const catalog = catalogServer('ahrefs');

/** Optional parameters this server adds to guMCP's: the columns, filter and order of the link lists. */
const SHAPING = ['select', 'where', 'order_by'];
const EXTRAS: Record<string, string[]> = {
  backlinks: SHAPING,
  broken_backlinks: SHAPING,
  refdomains: SHAPING,
  anchors: SHAPING,
};

const listTools = async () => (await (await connect(ahrefs)).listTools()).tools;

test('ahrefs lists exactly the 32 catalog tools, with their parameter names, required fields and output schemas', async () => {
  const tools = await listTools();
  assert.equal(tools.length, 32);
  assertCatalogTools(tools, catalog.tools, EXTRAS);
});

test('every tool only reads', async () => {
  const tools = await listTools();
  assertAnnotationKinds(tools, { readOnly: tools.map((t) => t.name), destructive: [], notIdempotent: [] });
});

test('every tool states what it costs in API units, and that the answer reports the units used', async () => {
  for (const tool of await listTools()) {
    assert.match(tool.description ?? '', /Cost: .*API units/, tool.name);
    assert.match(tool.description ?? '', /units field reports what the call used/, tool.name);
  }
  const described = Object.fromEntries((await listTools()).map((t) => [t.name, t.description ?? '']));
  assert.match(described.domain_rating ?? '', /Cost: 50 API units a call .*one row of 2 units/);
  assert.match(described.pages_by_traffic ?? '', /Cost: 56 API units a call/);
  assert.match(described.domain_rating_history ?? '', /max\(50, points × 2\)/);
  assert.match(described.organic_keywords ?? '', /max\(50, rows × per-row cost\)/);
});

test('list limits default to a modest number of rows (50; at most 1000)', async () => {
  const tools = await listTools();
  const limitOf = (name: string) =>
    (
      tools.find((t) => t.name === name)?.inputSchema.properties as Record<
        string,
        { default?: number; maximum?: number }
      >
    ).limit;
  for (const name of ['backlinks', 'organic_keywords', 'linked_domains', 'matching_terms']) {
    assert.equal(limitOf(name)?.default, 50, name);
    assert.equal(limitOf(name)?.maximum, 1000, name);
  }
  assert.equal(limitOf('volume_by_country')?.default, 20);
});

test('auth is an API key under guMCP’s credential field name, checked at sign-in', () => {
  assert.equal(ahrefs.auth.kind, 'api_key');
  if (ahrefs.auth.kind !== 'api_key') return;
  assert.deepEqual(
    ahrefs.auth.fields.map((f) => f.name),
    catalog.auth.credentialFields,
  );
  assert.equal(ahrefs.auth.fields[0]?.secret, true);
  assert.equal(typeof ahrefs.auth.verify, 'function');
});
