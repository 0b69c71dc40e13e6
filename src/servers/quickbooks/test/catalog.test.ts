import assert from 'node:assert/strict';
import { test } from 'node:test';
import { completeSignIn } from '../../../auth/oauth/complete.js';
import { isTemplate } from '../../../core/definition.js';
import { assertAnnotationKinds, assertCatalogTools, catalogServer } from '../../../testing/catalog.js';
import { connect } from '../../../testing/mcp.js';
import quickbooks, { quickbooksOAuth } from '../index.js';
import { REALM } from './fake-quickbooks.js';

const catalog = catalogServer('quickbooks');

test('quickbooks lists exactly the 6 catalog tools, with their parameter names, required fields and output schemas', async () => {
  const { tools } = await (await connect(quickbooks)).listTools();
  assert.equal(tools.length, 6);
  assertCatalogTools(tools, catalog.tools);
});

test('every tool only reads', async () => {
  const { tools } = await (await connect(quickbooks)).listTools();
  assertAnnotationKinds(tools, { readOnly: Object.keys(catalog.tools), destructive: [], notIdempotent: [] });
});

test('auth is Intuit’s OAuth with the catalog’s URLs and scopes, no PKCE, and HTTP Basic client auth', () => {
  assert.equal(quickbooks.auth.kind, 'oauth2');
  if (quickbooks.auth.kind !== 'oauth2') return;
  const { provider, scopes } = quickbooks.auth;
  assert.equal(provider.authorizeUrl, catalog.auth.authorizeUrl);
  assert.equal(provider.tokenUrl, catalog.auth.tokenUrl);
  assert.deepEqual(scopes, catalog.auth.scopes);
  assert.equal(provider.scopeSeparator, catalog.auth.scopeSeparator);
  assert.equal(provider.pkce, catalog.auth.pkce);
  assert.equal(provider.tokenEndpointAuth, 'client_secret_basic');
  assert.deepEqual(provider.keepTokenFields, ['realmId']);
});

test('the company’s realmId is stored from the sign-in redirect, and a sign-in without one is refused', async () => {
  const answer = {
    access_token: 'eyJ-access',
    refresh_token: 'AB11-refresh',
    token_type: 'bearer',
    expires_in: 3600,
    x_refresh_token_expires_in: 8726400,
  };
  const callbackParams = new URLSearchParams({ code: 'AB11code', state: 'xyz', realmId: REALM });
  const stored = await completeSignIn(quickbooksOAuth, answer, { callbackParams });
  assert.equal(stored.realmId, REALM);
  assert.equal(stored.refresh_token, 'AB11-refresh');
  await assert.rejects(
    completeSignIn(quickbooksOAuth, answer, { callbackParams: new URLSearchParams({ code: 'x' }) }),
    /no QuickBooks company \(realmId\)/,
  );
});

test('resources are guMCP’s customer, invoice and account templates', () => {
  const templates = (quickbooks.resources ?? []).filter(isTemplate).map((r) => r.uriTemplate);
  assert.deepEqual(templates, catalog.resources?.uriTemplates);
});
