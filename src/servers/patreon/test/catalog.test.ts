import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertAnnotationKinds, assertCatalogTools, catalogServer } from '../../../testing/catalog.js';
import { connect } from '../../../testing/mcp.js';
import patreon from '../index.js';

const catalog = catalogServer('patreon');

/** Optional parameters this server adds to guMCP's (a caller may leave them out). */
const EXTRAS: Record<string, string[]> = {
  get_campaign_members: ['max_results', 'cursor'],
  get_campaign_posts: ['max_results', 'cursor'],
};

test('patreon lists exactly the catalog tools, with its parameter names, required fields and output schemas', async () => {
  const { tools } = await (await connect(patreon)).listTools();
  assertCatalogTools(tools, catalog.tools, EXTRAS);
});

test('every tool only reads', async () => {
  const { tools } = await (await connect(patreon)).listTools();
  assertAnnotationKinds(tools, { readOnly: Object.keys(catalog.tools), destructive: [], notIdempotent: [] });
});

test('each tool names the Patreon scope its endpoint needs', () => {
  const scopes = Object.fromEntries(Object.entries(patreon.tools).map(([name, def]) => [name, def.scopes]));
  assert.deepEqual(scopes, {
    get_identity: ['identity'],
    get_campaigns: ['campaigns'],
    get_campaign: ['campaigns'],
    get_campaign_members: ['campaigns.members'],
    get_campaign_posts: ['campaigns.posts'],
    get_post: ['campaigns.posts'],
  });
});

test('auth is Patreon OAuth with the catalog’s URLs, scopes and separator, the secret in the body, no PKCE', () => {
  assert.deepEqual(patreon.auth, {
    kind: 'oauth2',
    provider: {
      service: 'patreon',
      authorizeUrl: catalog.auth.authorizeUrl,
      tokenUrl: catalog.auth.tokenUrl,
      scopeSeparator: catalog.auth.scopeSeparator,
      tokenEndpointAuth: 'client_secret_post',
      pkce: catalog.auth.pkce,
    },
    scopes: catalog.auth.scopes,
  });
});
