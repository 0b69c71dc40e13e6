import assert from 'node:assert/strict';
import { test } from 'node:test';
import { completeSignIn } from '../../../auth/oauth/complete.js';
import { toStoredCredentials } from '../../../auth/oauth/token.js';
import { assertAnnotationKinds, assertCatalogTools, catalogServer } from '../../../testing/catalog.js';
import { connect } from '../../../testing/mcp.js';
import salesforce, { salesforceOAuth } from '../index.js';
import { ORG_ID, USER_ID } from './fake-salesforce.js';

const catalog = catalogServer('salesforce');

/** Optional parameters this server adds to guMCP's (a caller may leave them out). */
const EXTRAS: Record<string, string[]> = {
  soql_query: ['limit', 'next_records_url'],
  describe_object: ['full'],
  find_child_records: ['limit'],
};

test('salesforce lists exactly the 19 catalog tools, with their parameter names, required fields and output schemas', async () => {
  const { tools } = await (await connect(salesforce)).listTools();
  assert.equal(tools.length, 19);
  assertCatalogTools(tools, catalog.tools, EXTRAS);
});

test('annotations say which tools only read, which overwrite or delete, and which create anew', async () => {
  const { tools } = await (await connect(salesforce)).listTools();
  const creates = [
    'create_record',
    'add_contact_to_campaign',
    'add_file_to_record',
    'add_lead_to_campaign',
    'convert_lead',
    'create_child_records',
    'create_enhanced_note',
    'create_file',
    'create_note',
  ];
  assertAnnotationKinds(tools, {
    readOnly: [
      'soql_query',
      'sosl_search',
      'describe_object',
      'get_record',
      'get_org_limits',
      'find_child_records',
      'list_campaigns',
      'list_email_templates',
    ],
    destructive: ['update_record', 'delete_record'],
    notIdempotent: creates,
  });
});

test('every tool declares exactly the scopes guMCP’s catalog gives it', () => {
  for (const [name, spec] of Object.entries(catalog.tools)) {
    assert.deepEqual(salesforce.tools[name]?.scopes, spec.requiredScopes, name);
  }
});

test('auth is the web server flow with PKCE at login.salesforce.com, the client secret in the form body', () => {
  assert.equal(salesforce.auth.kind, 'oauth2');
  if (salesforce.auth.kind !== 'oauth2') return;
  const { provider, scopes } = salesforce.auth;
  assert.deepEqual(scopes, catalog.auth.scopes);
  assert.equal(provider.scopeSeparator, catalog.auth.scopeSeparator);
  assert.equal(provider.pkce, catalog.auth.pkce);
  // guMCP templated a My Domain ({custom_subdomain}); login.salesforce.com serves every production org,
  // and oauth.json's auth_uri/token_uri name a sandbox or My Domain instead.
  assert.equal(
    catalog.auth.authorizeUrl,
    'https://{custom_subdomain}.my.salesforce.com/services/oauth2/authorize',
  );
  assert.equal(provider.authorizeUrl, 'https://login.salesforce.com/services/oauth2/authorize');
  assert.equal(provider.tokenUrl, 'https://login.salesforce.com/services/oauth2/token');
  assert.equal(provider.tokenEndpointAuth, 'client_secret_post');
  assert.deepEqual(provider.keepTokenFields, ['instance_url', 'id', 'issued_at']);
});

test('the token answer’s instance_url and identity are stored, and a refresh answer’s instance_url replaces the old one', async () => {
  const answer = {
    access_token: '00D!first',
    refresh_token: '5Aep-refresh',
    signature: 'c2lnbmF0dXJl',
    scope: 'refresh_token api',
    instance_url: 'https://acme.my.salesforce.com',
    id: `https://login.salesforce.com/id/${ORG_ID}/${USER_ID}`,
    token_type: 'Bearer',
    issued_at: '1700000000000',
  };
  const stored = await completeSignIn(salesforceOAuth, answer);
  assert.equal(stored.instance_url, 'https://acme.my.salesforce.com');
  assert.equal(stored.id, answer.id);
  assert.equal(stored.refresh_token, '5Aep-refresh');

  // Salesforce's refresh answer: no refresh_token (it does not rotate), instance_url again.
  const refreshed = toStoredCredentials(
    {
      access_token: '00D!second',
      instance_url: 'https://acme2.my.salesforce.com',
      id: answer.id,
      token_type: 'Bearer',
      issued_at: '1700003600000',
      signature: 'x',
    },
    salesforceOAuth,
  );
  const saved = { ...stored, ...refreshed };
  assert.equal(saved.access_token, '00D!second');
  assert.equal(saved.instance_url, 'https://acme2.my.salesforce.com');
  assert.equal(saved.refresh_token, '5Aep-refresh');
});

test('a sign-in whose answer names no instance, or one not on https, is refused', async () => {
  await assert.rejects(completeSignIn(salesforceOAuth, { access_token: 'x' }), /without an instance_url/);
  await assert.rejects(
    completeSignIn(salesforceOAuth, { access_token: 'x', instance_url: 'http://acme.my.salesforce.com' }),
    /not https/,
  );
});
