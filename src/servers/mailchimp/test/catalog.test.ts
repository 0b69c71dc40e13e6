import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertAnnotationKinds, assertCatalogTools, catalogServer } from '../../../testing/catalog.js';
import { connect } from '../../../testing/mcp.js';
import mailchimp from '../index.js';

const catalog = catalogServer('mailchimp');

/** Optional parameters this server adds to guMCP's (a caller may leave them out). */
const EXTRAS: Record<string, string[]> = {
  get_audience_list: ['limit'],
  get_all_list: ['limit'],
  list_all_campaigns: ['limit', 'status'],
  campaign_info: ['full'],
  recent_activity: ['days'],
  add_update_subscriber: ['status_if_new'],
};

test('mailchimp lists exactly the catalog tools, with its parameter names, required fields and output schemas', async () => {
  const { tools } = await (await connect(mailchimp)).listTools();
  assertCatalogTools(tools, catalog.tools, EXTRAS);
});

test('annotations: enrolling a subscriber is destructive and not idempotent; tagging sets; the rest reads', async () => {
  const { tools } = await (await connect(mailchimp)).listTools();
  assertAnnotationKinds(tools, {
    readOnly: ['get_audience_list', 'get_all_list', 'list_all_campaigns', 'campaign_info', 'recent_activity'],
    destructive: ['add_update_subscriber'],
    notIdempotent: ['add_update_subscriber'],
  });
});

test('auth is Mailchimp’s OAuth (no scopes, no PKCE, secret in the body) with data-centre discovery, or an API key', () => {
  assert.equal(mailchimp.auth.kind, 'oauth2');
  if (mailchimp.auth.kind !== 'oauth2') return;
  const { provider, scopes, apiKey } = mailchimp.auth;
  assert.equal(provider.authorizeUrl, catalog.auth.authorizeUrl);
  assert.equal(provider.tokenUrl, catalog.auth.tokenUrl);
  assert.equal(provider.pkce, false);
  assert.equal(provider.tokenEndpointAuth, 'client_secret_post');
  assert.equal(provider.service, 'mailchimp');
  assert.deepEqual(scopes, []);
  assert.equal(typeof provider.discover, 'function');
  assert.deepEqual(
    apiKey?.fields.map((f) => [f.name, f.secret]),
    [['api_key', true]],
  );
  assert.equal(typeof apiKey?.verify, 'function');
});
