import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertAnnotationKinds, assertCatalogTools, catalogServer } from '../../../testing/catalog.js';
import { connect } from '../../../testing/mcp.js';
import bluesky from '../index.js';

const catalog = catalogServer('bluesky');

test('bluesky lists exactly the catalog tools, with its parameter names, required fields and output schemas', async () => {
  const { tools } = await (await connect(bluesky)).listTools();
  assertCatalogTools(tools, catalog.tools, { create_post: ['langs'] });
});

test('annotations: reads; follow, mute and block set a state; unfollow, unblock and delete remove; a post adds', async () => {
  const { tools } = await (await connect(bluesky)).listTools();
  assertAnnotationKinds(tools, {
    readOnly: [
      'get_my_profile',
      'search_posts',
      'search_profiles',
      'get_liked_posts',
      'get_follows',
      'get_posts',
    ],
    destructive: ['delete_post', 'unfollow_user', 'unblock_user'],
    notIdempotent: ['create_post'],
  });
});

test('auth asks for guMCP’s credential fields, the app password secret, and checks them at sign-in', () => {
  assert.equal(bluesky.auth.kind, 'api_key');
  if (bluesky.auth.kind !== 'api_key') return;
  assert.deepEqual(
    bluesky.auth.fields.map((f) => f.name),
    catalog.auth.credentialFields,
  );
  assert.deepEqual(
    bluesky.auth.fields.map((f) => Boolean(f.secret)),
    [false, true],
  );
  assert.equal(typeof bluesky.auth.verify, 'function');
});

test('resource templates are guMCP’s, with the handle as the variable', async () => {
  const { resourceTemplates } = await (await connect(bluesky)).listResourceTemplates();
  assert.deepEqual(
    resourceTemplates.map((r) => r.uriTemplate),
    catalog.resources?.uriTemplates.map((u) => u.replace('{credentials.handle}', '{handle}')),
  );
});
