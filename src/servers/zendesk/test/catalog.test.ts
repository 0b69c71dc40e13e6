import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertAnnotationKinds, assertCatalogTools, catalogServer } from '../../../testing/catalog.js';
import { connect } from '../../../testing/mcp.js';
import zendesk from '../index.js';

const catalog = catalogServer('zendesk');

/** Optional parameters this server adds to guMCP's (a caller may leave them out). */
const EXTRAS: Record<string, string[]> = { search_tickets: ['page', 'limit'] };

test('zendesk lists exactly the catalog tools, with its parameter names, required fields and output schemas', async () => {
  const { tools } = await (await connect(zendesk)).listTools();
  assertCatalogTools(tools, catalog.tools, EXTRAS);
});

test('annotations say which tools only read, which overwrite, and which add anew', async () => {
  const { tools } = await (await connect(zendesk)).listTools();
  assertAnnotationKinds(tools, {
    readOnly: ['search_tickets'],
    destructive: ['update_ticket'],
    notIdempotent: ['create_ticket', 'update_ticket', 'add_comment'],
  });
});

test('auth is Zendesk OAuth at the account’s subdomain, with the catalog’s URLs, scopes and separator', () => {
  assert.ok(zendesk.auth.kind === 'oauth2');
  const { provider, scopes } = zendesk.auth;
  assert.equal(provider.authorizeUrl, catalog.auth.authorizeUrl);
  assert.equal(provider.tokenUrl, catalog.auth.tokenUrl);
  assert.equal(provider.scopeSeparator, catalog.auth.scopeSeparator);
  assert.deepEqual(scopes, catalog.auth.scopes);
  assert.equal(provider.tokenEndpointAuth, 'client_secret_post');
  assert.equal(provider.tokenRequestBody, 'json');
  assert.equal(provider.tenant?.name, 'subdomain');
});

test('the resources are guMCP’s zendesk://view/{id}', async () => {
  const { resourceTemplates } = await (await connect(zendesk)).listResourceTemplates();
  assert.deepEqual(
    resourceTemplates.map((r) => r.uriTemplate),
    ['zendesk://view/{view_id}'],
  );
  assert.deepEqual(catalog.resources?.uriTemplates, ['zendesk://view/{view.id}']);
});
