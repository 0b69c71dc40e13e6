import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertAnnotationKinds, assertCatalogTools, catalogServer } from '../../../testing/catalog.js';
import monday from '../index.js';
import { setup } from './harness.js';

const catalog = catalogServer('monday');

test("every catalog tool is listed with the catalog's parameter names and required fields", async (t) => {
  const { client } = await setup(t);
  const { tools } = await client.listTools();
  assertCatalogTools(tools, catalog.tools);
});

test('annotations tell reads from writes, and which writes destroy or add anew', async (t) => {
  const { client } = await setup(t);
  const { tools } = await client.listTools();
  assertAnnotationKinds(tools, {
    readOnly: [
      'get_me',
      'get_boards',
      'get_board',
      'get_workspaces',
      'get_group',
      'get_item',
      'get_subitems',
    ],
    destructive: ['delete_item', 'delete_group', 'delete_subitem', 'change_column_value'],
    notIdempotent: ['create_board', 'create_item', 'create_column', 'create_group', 'create_subitem'],
  });
});

test('each tool declares the one of guMCP’s scopes it needs', () => {
  const scopes = new Set(catalog.auth.scopes);
  for (const [name, def] of Object.entries(monday.tools)) {
    assert.ok(def.scopes?.length === 1 && scopes.has(def.scopes[0] ?? ''), name);
  }
  assert.deepEqual(monday.tools.get_me?.scopes, ['me:read']);
  assert.deepEqual(monday.tools.get_workspaces?.scopes, ['workspaces:read']);
  assert.deepEqual(monday.tools.get_item?.scopes, ['boards:read']);
  assert.deepEqual(monday.tools.change_column_value?.scopes, ['boards:write']);
});

test("auth is monday.com's OAuth with guMCP's scopes, at its current (2.1) token endpoint with PKCE", () => {
  assert.equal(monday.auth.kind, 'oauth2');
  if (monday.auth.kind !== 'oauth2') return;
  const { provider, scopes } = monday.auth;
  assert.equal(provider.service, 'monday');
  assert.equal(provider.authorizeUrl, catalog.auth.authorizeUrl);
  assert.equal(provider.tokenUrl, 'https://auth.monday.com/oauth_ms/oauth/token');
  assert.notEqual(provider.pkce, false);
  assert.equal(provider.scopeSeparator, catalog.auth.scopeSeparator);
  assert.equal(provider.tokenEndpointAuth, 'client_secret_post');
  assert.deepEqual(scopes, catalog.auth.scopes);
});

test('the resources are advertised under the catalog templates', async (t) => {
  const { client } = await setup(t);
  const { resourceTemplates } = await client.listResourceTemplates();
  assert.deepEqual(
    resourceTemplates.map((r) => r.uriTemplate),
    catalog.resources?.uriTemplates,
  );
});
