import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertAnnotationKinds, assertCatalogTools, catalogServer } from '../../../testing/catalog.js';
import { connect } from '../../../testing/mcp.js';
import docusign from '../index.js';

const catalog = catalogServer('docusign');

test('docusign lists exactly the catalog tools, with its parameter names, required fields and output schemas', async () => {
  const { tools } = await (await connect(docusign)).listTools();
  assertCatalogTools(tools, catalog.tools);
});

test('annotations say which tools only read and which act anew on every call (sending, creating)', async () => {
  const { tools } = await (await connect(docusign)).listTools();
  assertAnnotationKinds(tools, {
    readOnly: [
      'list_templates',
      'get_template',
      'get_envelope',
      'get_envelope_status_bulk',
      'list_users',
      'get_user',
    ],
    destructive: [],
    notIdempotent: ['create_template', 'create_envelope', 'send_envelope', 'create_user'],
  });
  for (const name of Object.keys(catalog.tools)) {
    assert.deepEqual(docusign.tools[name]?.scopes, catalog.tools[name]?.requiredScopes, name);
  }
});

test('auth is DocuSign OAuth at the catalog’s demo host with its scopes, client_secret_basic, and discovery of the account', () => {
  assert.ok(docusign.auth.kind === 'oauth2');
  const { provider, scopes } = docusign.auth;
  assert.equal(provider.authorizeUrl, catalog.auth.authorizeUrl);
  assert.equal(provider.tokenUrl, catalog.auth.tokenUrl);
  assert.equal(provider.scopeSeparator, catalog.auth.scopeSeparator);
  assert.equal(provider.tokenEndpointAuth, catalog.auth.tokenEndpointAuth);
  assert.deepEqual(scopes, catalog.auth.scopes);
  // guMCP sent no challenge; DocuSign documents optional PKCE for confidential clients, so gumcp sends one.
  assert.equal(catalog.auth.pkce, false);
  assert.notEqual(provider.pkce, false);
  assert.equal(typeof provider.discover, 'function');
  assert.equal(provider.tenant, undefined, 'the account is discovered, not asked');
});

test('guMCP lists no resources for docusign, and neither does this server', async () => {
  assert.equal(catalog.resources, undefined);
  assert.equal(docusign.resources, undefined);
});
