import assert from 'node:assert/strict';
import { test } from 'node:test';
import { query } from '../../../testing/fake-service.js';
import { BOB, DID, detailedProfile, HANDLE, postView, profile } from './fake-bluesky.js';
import { setup } from './harness.js';

const json = (result: { contents: unknown[] }) => JSON.parse((result.contents[0] as { text: string }).text);

test('resources/list gives guMCP’s five resources of the signed-in account, one template a page', async (t) => {
  const h = await setup(t);
  const uris: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await h.client.request({ method: 'resources/list', params: cursor ? { cursor } : {} });
    uris.push(...page.resources.map((r) => r.uri));
    cursor = page.nextCursor;
  } while (cursor);
  assert.deepEqual(uris, [
    `bluesky://profile/${HANDLE}`,
    `bluesky://posts/${HANDLE}`,
    `bluesky://likes/${HANDLE}`,
    `bluesky://follows/${HANDLE}`,
    `bluesky://followers/${HANDLE}`,
  ]);
  assert.equal(h.entry.requests.filter((r) => r.path.endsWith('createSession')).length, 1);
  assert.equal(h.pds.requests.length, 0, 'listing needs only the session');
});

test('reading each resource calls the matching query for that account, 20 items', async (t) => {
  const h = await setup(t);
  h.pds.route('GET /xrpc/app.bsky.actor.getProfile', { body: detailedProfile(DID, HANDLE) });
  h.pds.route('GET /xrpc/app.bsky.feed.getAuthorFeed', {
    body: { feed: [{ post: postView('p1', 'mine') }], cursor: 'c2' },
  });
  h.pds.route('GET /xrpc/app.bsky.feed.getActorLikes', {
    body: { feed: [{ post: postView('l1', 'liked', BOB) }] },
  });
  h.pds.route('GET /xrpc/app.bsky.graph.getFollows', {
    body: { subject: profile(DID, HANDLE), follows: [profile(BOB.did, BOB.handle)] },
  });
  h.pds.route('GET /xrpc/app.bsky.graph.getFollowers', {
    body: { subject: profile(DID, HANDLE), followers: [profile(BOB.did, BOB.handle)] },
  });

  assert.equal(json(await h.client.readResource({ uri: `bluesky://profile/${HANDLE}` })).posts_count, 456);
  assert.deepEqual(json(await h.client.readResource({ uri: `bluesky://posts/${HANDLE}` })).cursor, 'c2');
  assert.equal(
    json(await h.client.readResource({ uri: `bluesky://likes/${HANDLE}` })).posts[0].text,
    'liked',
  );
  assert.equal(
    json(await h.client.readResource({ uri: `bluesky://follows/${HANDLE}` })).follows[0].did,
    BOB.did,
  );
  assert.equal(
    json(await h.client.readResource({ uri: `bluesky://followers/${HANDLE}` })).followers[0].handle,
    BOB.handle,
  );

  assert.deepEqual(
    h.pds.requests.map((r) => [r.path.replace('/xrpc/', ''), query(r)]),
    [
      ['app.bsky.actor.getProfile', { actor: HANDLE }],
      ['app.bsky.feed.getAuthorFeed', { actor: HANDLE, limit: '20' }],
      ['app.bsky.feed.getActorLikes', { actor: HANDLE, limit: '20' }],
      ['app.bsky.graph.getFollows', { actor: HANDLE, limit: '20' }],
      ['app.bsky.graph.getFollowers', { actor: HANDLE, limit: '20' }],
    ],
  );
  await assert.rejects(
    h.client.readResource({ uri: 'bluesky://profile/not a handle' }),
    /Not a Bluesky handle or DID/,
  );
});
