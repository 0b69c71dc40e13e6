import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isTemplate } from '../../../core/definition.js';
import { assertAnnotationKinds, assertCatalogTools, catalogServer } from '../../../testing/catalog.js';
import { connect } from '../../../testing/mcp.js';
import hubspot from '../index.js';

const catalog = catalogServer('hubspot');

/** Optional parameters this server adds to guMCP's (a caller may leave them out). */
const EXTRAS: Record<string, string[]> = {
  list_contacts: ['after'],
  search_contacts: ['after'],
  list_companies: ['after'],
  list_deals: ['after'],
};

test('hubspot lists exactly the 32 catalog tools, with their parameter names, required fields and output schemas', async () => {
  const { tools } = await (await connect(hubspot)).listTools();
  assert.equal(tools.length, 32);
  assertCatalogTools(tools, catalog.tools, EXTRAS);
});

test('annotations say which tools only read, which overwrite or delete, and which add anew', async () => {
  const { tools } = await (await connect(hubspot)).listTools();
  assertAnnotationKinds(tools, {
    readOnly: [
      'list_contacts',
      'search_contacts',
      'list_companies',
      'list_deals',
      'get_engagements',
      'list_tickets',
      'get_ticket',
      'list_products',
      'get_product',
      'get_engagement',
      'list_engagements',
      'get_recent_engagements',
      'get_call_dispositions',
    ],
    destructive: [
      'update_contact',
      'update_company',
      'update_deal',
      'update_ticket',
      'delete_ticket',
      'merge_tickets',
      'update_product',
      'delete_product',
      'update_engagement',
      'delete_engagement',
      'merge_contacts',
      'gdpr_delete_contact',
    ],
    notIdempotent: [
      'create_contact',
      'create_company',
      'create_deal',
      'send_email',
      'create_ticket',
      'merge_tickets',
      'create_product',
      'create_engagement',
      'merge_contacts',
    ],
  });
});

test('every tool declares exactly the scopes guMCP’s catalog gives it', () => {
  for (const [name, spec] of Object.entries(catalog.tools)) {
    assert.deepEqual(hubspot.tools[name]?.scopes, spec.requiredScopes, name);
  }
});

test('auth is HubSpot OAuth with the catalog’s authorize URL and scopes, and the current token endpoint', () => {
  assert.equal(hubspot.auth.kind, 'oauth2');
  if (hubspot.auth.kind !== 'oauth2') return;
  const { provider, scopes } = hubspot.auth;
  assert.equal(provider.authorizeUrl, catalog.auth.authorizeUrl);
  assert.deepEqual(scopes, catalog.auth.scopes);
  assert.equal(provider.scopeSeparator, catalog.auth.scopeSeparator);
  assert.equal(provider.pkce, catalog.auth.pkce);
  // guMCP's /oauth/v1/token is deprecated (HubSpot turns it off on 2027-02-16); its successor takes
  // the client id and secret in the form body.
  assert.equal(catalog.auth.tokenUrl, 'https://api.hubapi.com/oauth/v1/token');
  assert.equal(provider.tokenUrl, 'https://api.hubapi.com/oauth/2026-03/token');
  assert.equal(provider.tokenEndpointAuth, 'client_secret_post');
  assert.deepEqual(provider.keepTokenFields, ['hub_id', 'scopes']);
});

test('resources cover every type of guMCP’s hubspot://{type}/{item_id}', () => {
  const templates = (hubspot.resources ?? []).filter(isTemplate).map((r) => r.uriTemplate);
  assert.deepEqual(templates, [
    'hubspot://contact/{item_id}',
    'hubspot://company/{item_id}',
    'hubspot://deal/{item_id}',
    'hubspot://ticket/{item_id}',
    'hubspot://product/{item_id}',
    'hubspot://list/{item_id}',
    'hubspot://engagement/{item_id}',
  ]);
  assert.equal(catalog.resources?.uriScheme, 'hubspot');
});
