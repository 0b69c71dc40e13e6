import assert from 'node:assert/strict';
import { test } from 'node:test';
import { only, query } from '../../../testing/fake-service.js';
import { BOB, created, DID, detailedProfile, HANDLE, recordNotFound } from './fake-bluesky.js';
import { assertBearer, data, failure, setup } from './harness.js';

const PROFILE = 'GET /xrpc/app.bsky.actor.getProfile';
const CREATE = 'POST /xrpc/com.atproto.repo.createRecord';
const DELETE = 'POST /xrpc/com.atproto.repo.deleteRecord';
const FOLLOW_URI = `at://${DID}/app.bsky.graph.follow/3kfollow`;
const BLOCK_URI = `at://${DID}/app.bsky.graph.block/3kblock`;
const bob = (viewer: Record<string, unknown> = {}) => ({
  body: detailedProfile(BOB.did, BOB.handle, { viewer }),
});

test('delete_post reads the post, then deletes it by repo, collection and record key', async (t) => {
  const h = await setup(t);
  const uri = `at://${DID}/app.bsky.feed.post/3lbpost`;
  h.pds.route('GET /xrpc/com.atproto.repo.getRecord', { body: { uri, cid: 'bafy', value: { text: 'hi' } } });
  h.pds.route(DELETE, { body: { commit: { cid: 'bafyc', rev: '3lrev' } } });

  for (const post_uri of [uri, `https://bsky.app/profile/${HANDLE}/post/3lbpost`, '3lbpost']) {
    assert.deepEqual(data(await h.call('delete_post', { post_uri })), { uri, deleted: true });
  }
  for (const req of h.pds.requests) assertBearer(req, h.access(1));
  const reads = h.pds.requests.filter((r) => r.path.endsWith('getRecord'));
  const deletes = h.pds.requests.filter((r) => r.path.endsWith('deleteRecord'));
  assert.equal(reads.length, 3);
  for (const r of reads)
    assert.deepEqual(query(r), { repo: DID, collection: 'app.bsky.feed.post', rkey: '3lbpost' });
  for (const d of deletes)
    assert.deepEqual(d.body, { repo: DID, collection: 'app.bsky.feed.post', rkey: '3lbpost' });
});

test('delete_post names a post that does not exist, and refuses someone else’s or a non-post', async (t) => {
  const h = await setup(t);
  h.pds.route('GET /xrpc/com.atproto.repo.getRecord', { status: 400, body: recordNotFound });
  assert.equal(
    failure(await h.call('delete_post', { post_uri: `at://${DID}/app.bsky.feed.post/3lgone` })),
    `Post not found: at://${DID}/app.bsky.feed.post/3lgone`,
  );
  assert.equal(
    failure(await h.call('delete_post', { post_uri: `at://${BOB.did}/app.bsky.feed.post/3lbob` })),
    `post_uri: the post belongs to ${BOB.did}; you can delete only your own posts`,
  );
  assert.match(
    failure(await h.call('delete_post', { post_uri: FOLLOW_URI })),
    /^post_uri: .* is not a post's AT URI/,
  );
  assert.equal(h.pds.requests.filter((r) => r.path.endsWith('deleteRecord')).length, 0);
});

test('follow_user creates a follow record for the account’s DID', async (t) => {
  const h = await setup(t);
  h.pds.route(PROFILE, bob());
  h.pds.route(CREATE, { body: created('app.bsky.graph.follow', '3kfollow') });

  const out = data(await h.call('follow_user', { handle: '@Bob.bsky.social' }));

  assert.deepEqual(query(only(h.pds, 'GET', '/xrpc/app.bsky.actor.getProfile')), { actor: BOB.handle });
  const req = only(h.pds, 'POST', '/xrpc/com.atproto.repo.createRecord');
  assertBearer(req, h.access(1));
  assert.deepEqual(req.body, {
    repo: DID,
    collection: 'app.bsky.graph.follow',
    record: { $type: 'app.bsky.graph.follow', subject: BOB.did, createdAt: '2026-01-15T12:00:00.000Z' },
  });
  assert.deepEqual(out, {
    did: BOB.did,
    handle: BOB.handle,
    following: true,
    already_following: false,
    record: FOLLOW_URI,
  });
});

test('follow_user takes did_uri over handle, and following again creates nothing', async (t) => {
  const h = await setup(t);
  h.pds.route(PROFILE, bob({ following: FOLLOW_URI }));
  const out = data(await h.call('follow_user', { handle: 'ignored.bsky.social', did_uri: BOB.did }));
  assert.deepEqual(query(only(h.pds, 'GET', '/xrpc/app.bsky.actor.getProfile')), { actor: BOB.did });
  assert.equal(out.already_following, true);
  assert.equal(h.pds.requests.filter((r) => r.path.endsWith('createRecord')).length, 0);
});

test('unfollow_user deletes the follow record the profile names; not following deletes nothing', async (t) => {
  const h = await setup(t);
  h.pds.once(PROFILE, bob({ following: FOLLOW_URI }));
  h.pds.route(PROFILE, bob());
  h.pds.route(DELETE, { body: {} });

  assert.deepEqual(data(await h.call('unfollow_user', { handle: BOB.handle })), {
    did: BOB.did,
    handle: BOB.handle,
    following: false,
    was_following: true,
    record: FOLLOW_URI,
  });
  assert.deepEqual(only(h.pds, 'POST', '/xrpc/com.atproto.repo.deleteRecord').body, {
    repo: DID,
    collection: 'app.bsky.graph.follow',
    rkey: '3kfollow',
  });
  assert.equal(data(await h.call('unfollow_user', { handle: BOB.handle })).was_following, false);
  assert.equal(h.pds.requests.filter((r) => r.path.endsWith('deleteRecord')).length, 1);
});

test('mute_user and unmute_user send the account’s DID', async (t) => {
  const h = await setup(t);
  h.pds.route(PROFILE, bob({ muted: true }));
  h.pds.route('POST /xrpc/app.bsky.graph.muteActor', { body: '' });
  h.pds.route('POST /xrpc/app.bsky.graph.unmuteActor', { body: '' });

  assert.deepEqual(data(await h.call('mute_user', { handle: BOB.handle })), {
    did: BOB.did,
    handle: BOB.handle,
    muted: true,
    was_muted: true,
  });
  assert.equal(data(await h.call('unmute_user', { handle: BOB.handle, did_uri: BOB.did })).muted, false);
  assert.deepEqual(only(h.pds, 'POST', '/xrpc/app.bsky.graph.muteActor').body, { actor: BOB.did });
  assert.deepEqual(only(h.pds, 'POST', '/xrpc/app.bsky.graph.unmuteActor').body, { actor: BOB.did });
});

test('block_user creates a block record without the reason (the lexicon has none) and returns the reason', async (t) => {
  const h = await setup(t);
  h.pds.route(PROFILE, bob());
  h.pds.route(CREATE, { body: created('app.bsky.graph.block', '3kblock') });
  const out = data(await h.call('block_user', { handle: BOB.handle, reason: 'spam' }));
  assert.deepEqual(only(h.pds, 'POST', '/xrpc/com.atproto.repo.createRecord').body, {
    repo: DID,
    collection: 'app.bsky.graph.block',
    record: { $type: 'app.bsky.graph.block', subject: BOB.did, createdAt: '2026-01-15T12:00:00.000Z' },
  });
  assert.deepEqual(out, {
    did: BOB.did,
    handle: BOB.handle,
    blocking: true,
    already_blocking: false,
    record: BLOCK_URI,
    reason: 'spam',
  });
  assert.match(failure(await h.call('block_user', { handle: BOB.handle, reason: 'boredom' })), /reason: /);
});

test('unblock_user deletes the block record the profile names', async (t) => {
  const h = await setup(t);
  h.pds.route(PROFILE, bob({ blocking: BLOCK_URI }));
  h.pds.route(DELETE, { body: {} });
  assert.equal(data(await h.call('unblock_user', { handle: BOB.handle })).was_blocking, true);
  assert.deepEqual(only(h.pds, 'POST', '/xrpc/com.atproto.repo.deleteRecord').body, {
    repo: DID,
    collection: 'app.bsky.graph.block',
    rkey: '3kblock',
  });
});

test('relationship tools refuse the user’s own account and names that are no handle', async (t) => {
  const h = await setup(t);
  h.pds.route(PROFILE, { body: detailedProfile(DID, HANDLE) });
  assert.equal(
    failure(await h.call('follow_user', { handle: HANDLE })),
    `handle: ${HANDLE} is your own account; you cannot follow it`,
  );
  assert.match(
    failure(await h.call('mute_user', { handle: 'not a handle' })),
    /handle: "not a handle" is not a Bluesky handle/,
  );
  assert.match(
    failure(await h.call('block_user', { handle: BOB.handle, reason: 'spam', did_uri: 'bob' })),
    /did_uri: "bob" is not a DID/,
  );
  assert.equal(h.pds.requests.filter((r) => r.method === 'POST').length, 0);
});
