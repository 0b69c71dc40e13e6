import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertAnnotationKinds, assertCatalogTools, catalogServer } from '../../../testing/catalog.js';
import { connect } from '../../../testing/mcp.js';
import klaviyo, { KLAVIYO_SCOPES } from '../index.js';

const catalog = catalogServer('klaviyo');

/** Optional parameters this server adds to guMCP's (a caller may leave them out). */
const EXTRAS: Record<string, string[]> = {
  get_profiles: ['limit', 'cursor'],
  list_campaigns: ['limit', 'cursor'],
  update_campaign: ['throttle_percentage'],
  list_metrics: ['limit', 'cursor'],
  get_list_profiles: ['limit', 'cursor'],
  get_lists: ['limit', 'cursor'],
};

test('klaviyo lists exactly the catalog tools, with its parameter names, required fields and output schemas', async () => {
  const { tools } = await (await connect(klaviyo)).listTools();
  assertCatalogTools(tools, catalog.tools, EXTRAS);
});

test('annotations: sending and enrolling are destructive and not idempotent; creations add; updates and deletes overwrite', async () => {
  const { tools } = await (await connect(klaviyo)).listTools();
  assertAnnotationKinds(tools, {
    readOnly: [
      'get_profiles',
      'get_profile',
      'list_campaigns',
      'get_campaign',
      'list_metrics',
      'get_metric',
      'get_list_profiles',
      'get_list',
      'get_lists',
    ],
    destructive: [
      'update_profile',
      'update_campaign',
      'send_campaign',
      'delete_campaign',
      'add_profiles_to_list',
      'remove_profiles_from_list',
    ],
    notIdempotent: ['create_profile', 'create_list', 'send_campaign', 'add_profiles_to_list'],
  });
});

test('auth is Klaviyo’s OAuth with PKCE: catalog URLs and scopes, client secret as HTTP Basic', () => {
  assert.equal(klaviyo.auth.kind, 'oauth2');
  if (klaviyo.auth.kind !== 'oauth2') return;
  const { provider, scopes } = klaviyo.auth;
  assert.equal(provider.authorizeUrl, catalog.auth.authorizeUrl);
  assert.equal(provider.tokenUrl, catalog.auth.tokenUrl);
  assert.equal(new URL(provider.tokenUrl).host, 'a.klaviyo.com');
  assert.equal(provider.scopeSeparator, catalog.auth.scopeSeparator);
  assert.equal(provider.tokenEndpointAuth, catalog.auth.tokenEndpointAuth);
  assert.equal(provider.pkce, catalog.auth.pkce);
  assert.deepEqual([...scopes], catalog.auth.scopes);
  assert.deepEqual([...KLAVIYO_SCOPES], catalog.auth.scopes);
});

test('every tool declares scopes among those asked at sign-in', async () => {
  for (const [name, def] of Object.entries(klaviyo.tools)) {
    assert.ok(def.scopes?.length, `${name} declares scopes`);
    for (const scope of def.scopes ?? []) {
      assert.ok(
        (KLAVIYO_SCOPES as readonly string[]).includes(scope),
        `${name}: ${scope} is asked at sign-in`,
      );
    }
  }
});

test('the resource template is the catalog’s', async () => {
  const { resourceTemplates } = await (await connect(klaviyo)).listResourceTemplates();
  assert.deepEqual(
    resourceTemplates.map((r) => r.uriTemplate),
    catalog.resources?.uriTemplates,
  );
});
