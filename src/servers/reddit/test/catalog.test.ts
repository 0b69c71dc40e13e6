import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertAnnotationKinds, assertCatalogTools, catalogServer } from '../../../testing/catalog.js';
import { connect } from '../../../testing/mcp.js';
import reddit from '../index.js';

const catalog = catalogServer('reddit');

/** Optional parameters this server adds to guMCP's. */
const EXTRAS: Record<string, string[]> = {
  retrieve_reddit_post: ['time', 'after', 'before'],
  create_reddit_post: ['flair_id', 'flair_text', 'nsfw', 'spoiler'],
  fetch_post_comments: ['depth'],
};

test('reddit lists exactly the catalog tools, with its parameter names, required fields and output schemas', async () => {
  const { tools } = await (await connect(reddit)).listTools();
  assertCatalogTools(tools, catalog.tools, EXTRAS);
});

test('annotations: reads, edits and deletes that repeat harmlessly, and posts and comments that add anew', async () => {
  const { tools } = await (await connect(reddit)).listTools();
  assertAnnotationKinds(tools, {
    readOnly: ['retrieve_reddit_post', 'get_reddit_post_details', 'fetch_post_comments'],
    destructive: ['edit_reddit_post', 'edit_reddit_comment', 'delete_reddit_post', 'delete_reddit_comment'],
    notIdempotent: ['create_reddit_post', 'create_reddit_comment'],
  });
});

test('auth is Reddit OAuth as the catalog says, with duration=permanent for a refresh token', () => {
  assert.equal(reddit.auth.kind, 'oauth2');
  const { tokenRequestHeaders, ...provider } =
    reddit.auth.kind === 'oauth2' ? reddit.auth.provider : assert.fail();
  assert.match(tokenRequestHeaders?.()['user-agent'] ?? '', /^server:gumcp-reddit:v/);
  assert.deepEqual(
    { ...reddit.auth, provider },
    {
      kind: 'oauth2',
      provider: {
        service: 'reddit',
        authorizeUrl: catalog.auth.authorizeUrl,
        tokenUrl: catalog.auth.tokenUrl,
        scopeSeparator: catalog.auth.scopeSeparator,
        tokenEndpointAuth: catalog.auth.tokenEndpointAuth,
        pkce: catalog.auth.pkce,
        authorizeParams: { duration: 'permanent' },
      },
      scopes: catalog.auth.scopes,
    },
  );
});

test('each tool declares the Reddit scope its endpoint needs', () => {
  const scopes = Object.fromEntries(Object.entries(reddit.tools).map(([name, def]) => [name, def.scopes]));
  assert.deepEqual(scopes, {
    retrieve_reddit_post: ['read'],
    get_reddit_post_details: ['read'],
    create_reddit_post: ['submit'],
    fetch_post_comments: ['read'],
    create_reddit_comment: ['submit'],
    edit_reddit_post: ['edit'],
    edit_reddit_comment: ['edit'],
    delete_reddit_post: ['edit', 'identity'],
    delete_reddit_comment: ['edit', 'identity'],
  });
});
