import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertAnnotationKinds, assertCatalogTools, catalogServer } from '../../../testing/catalog.js';
import jira from '../index.js';
import { setup } from './harness.js';

const catalog = catalogServer('jira');

test("every catalog tool is listed with the catalog's parameter names and required fields", async (t) => {
  const { client } = await setup(t);
  const { tools } = await client.listTools();
  assertCatalogTools(tools, catalog.tools);
});

test('tools declare the scopes of the catalog', () => {
  for (const [name, spec] of Object.entries(catalog.tools)) {
    assert.deepEqual(jira.tools[name]?.scopes, spec.requiredScopes, name);
  }
});

test('annotations tell reads from writes, and which writes destroy or add anew', async (t) => {
  const { client } = await setup(t);
  const { tools } = await client.listTools();
  assertAnnotationKinds(tools, {
    readOnly: [
      'get_project',
      'list_projects',
      'get_issue_types_for_project',
      'get_issue',
      'list_issues',
      'get_myself',
      'get_my_issues',
      'get_my_recent_activity',
      'get_my_permissions',
    ],
    destructive: ['update_project', 'delete_project', 'update_issue', 'delete_issue'],
    notIdempotent: ['create_project', 'create_issue', 'comment_on_issue', 'transition_my_issue'],
  });
});

test('auth is Atlassian OAuth 2.0 (3LO) as the catalog gives it, with the API audience and consent', () => {
  assert.equal(jira.auth.kind, 'oauth2');
  if (jira.auth.kind !== 'oauth2') return;
  const { provider, scopes } = jira.auth;
  assert.equal(provider.service, 'jira');
  assert.equal(provider.authorizeUrl, catalog.auth.authorizeUrl);
  assert.equal(provider.tokenUrl, catalog.auth.tokenUrl);
  assert.equal(provider.scopeSeparator, catalog.auth.scopeSeparator);
  assert.equal(provider.pkce, catalog.auth.pkce);
  assert.deepEqual(scopes, catalog.auth.scopes);
  assert.deepEqual(provider.authorizeParams, { audience: 'api.atlassian.com', prompt: 'consent' });
  assert.equal(provider.tokenRequestBody, 'json');
  assert.equal(provider.tokenEndpointAuth, 'client_secret_post');
  assert.equal(typeof provider.discover, 'function');
});

test('the site resources are advertised under the catalog template', async (t) => {
  const { client } = await setup(t);
  const { resourceTemplates } = await client.listResourceTemplates();
  assert.deepEqual(
    resourceTemplates.map((r) => r.uriTemplate),
    catalog.resources?.uriTemplates,
  );
});
