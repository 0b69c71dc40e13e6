import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertAnnotationKinds, assertCatalogTools, catalogServer } from '../../../testing/catalog.js';
import { connect } from '../../../testing/mcp.js';
import x from '../index.js';

const catalog = catalogServer('x');

/** Optional parameters this server adds to guMCP's (a caller may leave them out). */
const EXTRAS: Record<string, string[]> = {
  search_recent_tweet: ['max_pages'],
  get_user_posts: ['max_pages'],
  get_user_home_timeline: ['max_pages'],
  get_user_mentions: ['max_pages'],
};

test('x lists exactly the catalog tools, with its parameter names, required fields and output schemas', async () => {
  const { tools } = await (await connect(x)).listTools();
  assertCatalogTools(tools, catalog.tools, EXTRAS);
});

test('annotations say which tools only read, which remove, and which add anew', async () => {
  const { tools } = await (await connect(x)).listTools();
  assertAnnotationKinds(tools, {
    readOnly: [
      'search_recent_tweet',
      'get_user_profile',
      'get_user_posts',
      'get_user_home_timeline',
      'get_user_mentions',
      'get_tweet_by_id',
    ],
    destructive: ['delete_tweet'],
    notIdempotent: ['create_tweet'],
  });
});

test('auth is X OAuth 2.0 with PKCE, Basic client auth and the catalog’s URLs and scopes', () => {
  assert.ok(x.auth.kind === 'oauth2');
  const { provider, scopes } = x.auth;
  assert.equal(provider.authorizeUrl, catalog.auth.authorizeUrl);
  assert.equal(provider.tokenUrl, catalog.auth.tokenUrl);
  assert.equal(provider.scopeSeparator, catalog.auth.scopeSeparator);
  assert.equal(provider.tokenEndpointAuth, catalog.auth.tokenEndpointAuth);
  assert.notEqual(provider.pkce, false);
  assert.deepEqual(scopes, catalog.auth.scopes);
  assert.ok(scopes.includes('offline.access'), 'a refresh token comes only with offline.access');
});
