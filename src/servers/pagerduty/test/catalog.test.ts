import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertAnnotationKinds, assertCatalogTools, catalogServer } from '../../../testing/catalog.js';
import { connect } from '../../../testing/mcp.js';
import pagerduty from '../index.js';

const catalog = catalogServer('pagerduty');

/** Optional parameters this server adds to guMCP's (a caller may leave them out). */
const EXTRAS: Record<string, string[]> = {
  list_incidents: ['full'],
  list_services: ['full'],
  list_schedules: ['full'],
  list_oncalls: ['full'],
  list_notifications: ['full'],
};

test('pagerduty lists exactly the catalog tools, with its parameter names, required fields and output schemas', async () => {
  const { tools } = await (await connect(pagerduty)).listTools();
  assertCatalogTools(tools, catalog.tools, EXTRAS);
});

test('annotations say which tools only read, which delete, and which create anew', async () => {
  const { tools } = await (await connect(pagerduty)).listTools();
  assertAnnotationKinds(tools, {
    readOnly: [
      'get_user',
      'list_incidents',
      'list_services',
      'list_schedules',
      'get_schedule',
      'list_oncalls',
      'list_notifications',
    ],
    destructive: ['delete_schedule'],
    notIdempotent: ['create_schedule'],
  });
});

test('writes need the write scope, reads the read scope', () => {
  for (const [name, def] of Object.entries(pagerduty.tools)) {
    const write = name === 'create_schedule' || name === 'delete_schedule';
    assert.deepEqual(def.scopes, [write ? 'write' : 'read'], name);
  }
});

test('auth is PagerDuty OAuth with the catalog’s URLs, scopes, separator and PKCE, or a REST API key', () => {
  const { auth } = pagerduty;
  assert.equal(auth.kind, 'oauth2');
  if (auth.kind !== 'oauth2') return;
  const { discover, ...provider } = auth.provider;
  assert.equal(typeof discover, 'function');
  assert.deepEqual(provider, {
    service: 'pagerduty',
    authorizeUrl: catalog.auth.authorizeUrl,
    tokenUrl: catalog.auth.tokenUrl,
    scopeSeparator: catalog.auth.scopeSeparator,
    tokenEndpointAuth: 'client_secret_post',
    pkce: catalog.auth.pkce,
  });
  assert.deepEqual(auth.scopes, catalog.auth.scopes);
  assert.deepEqual(auth.apiKey?.fields, [{ name: 'api_key', label: 'PagerDuty REST API key', secret: true }]);
  assert.equal(typeof auth.apiKey?.verify, 'function');
});
