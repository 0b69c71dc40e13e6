import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertAnnotationKinds, assertCatalogTools, catalogServer } from '../../../testing/catalog.js';
import { connect } from '../../../testing/mcp.js';
import { NOTION_VERSION } from '../api.js';
import notion from '../index.js';

/** Optional parameters this port adds to guMCP's tools. */
const EXTRAS: Record<string, string[]> = {
  list_all_users: ['limit'],
  search_pages: ['limit'],
  list_databases: ['limit'],
  query_database: ['filter', 'sorts', 'limit', 'raw'],
  get_page: ['include_content', 'raw'],
  create_page: ['children'],
  get_block_children: ['limit', 'recursive', 'raw'],
};

const catalog = catalogServer('notion');

test("notion lists exactly the catalog's tools, with its parameters (plus the declared extras) and output schemas", async () => {
  const client = await connect(notion);
  const { tools } = await client.listTools();

  const expected = Object.fromEntries(
    Object.entries(catalog.tools).map(([name, spec]) => [
      name,
      { params: [...spec.params, ...(EXTRAS[name] ?? [])], required: spec.required },
    ]),
  );
  assertCatalogTools(tools, expected);
  for (const [name, extras] of Object.entries(EXTRAS)) {
    for (const extra of extras)
      assert.ok(!catalog.tools[name]?.params.includes(extra), `${name}.${extra} is an extra`);
  }
});

test('annotations: six tools only read; create_page and append_blocks add anew on every call', async () => {
  const client = await connect(notion);
  const { tools } = await client.listTools();

  assertAnnotationKinds(tools, {
    readOnly: [
      'list_all_users',
      'search_pages',
      'list_databases',
      'query_database',
      'get_page',
      'get_block_children',
    ],
    destructive: [],
    notIdempotent: ['create_page', 'append_blocks'],
  });
});

test("auth is Notion's OAuth: Basic client auth, a JSON token request, no PKCE, owner=user, the installation kept", () => {
  assert.equal(notion.auth.kind, 'oauth2');
  if (notion.auth.kind !== 'oauth2') return;
  const { provider, scopes, apiKey } = notion.auth;
  assert.equal(provider.authorizeUrl, catalog.auth.authorizeUrl);
  assert.equal(provider.tokenUrl, catalog.auth.tokenUrl);
  assert.equal(provider.tokenEndpointAuth, catalog.auth.tokenEndpointAuth);
  assert.equal(provider.pkce, catalog.auth.pkce);
  assert.equal(provider.tokenRequestBody, 'json');
  assert.deepEqual(provider.authorizeParams, { owner: 'user' });
  for (const field of ['workspace_id', 'workspace_name', 'bot_id']) {
    assert.ok(provider.keepTokenFields?.includes(field), field);
  }
  // guMCP lists "all" but sends no scope: Notion has none.
  assert.deepEqual(catalog.auth.scopes, ['all']);
  assert.deepEqual(scopes, []);
  assert.deepEqual(
    apiKey?.fields.map((f) => [f.name, f.secret]),
    [['api_key', true]],
  );
});

test('the pinned Notion-Version is 2026-03-11, the data-source API', () => {
  assert.equal(NOTION_VERSION, '2026-03-11');
});
