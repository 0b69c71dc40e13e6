import assert from 'node:assert/strict';
import { test } from 'node:test';
import { query } from '../../../testing/fake-service.js';
import { BOB, DID, detailedProfile, HANDLE, postView, profile } from './fake-bluesky.js';
import { assertBearer, data, setup } from './harness.js';

const posts = (prefix: string, n: number) =>
  Array.from({ length: n }, (_, i) => postView(`${prefix}${i}`, `Post ${prefix}${i}`, BOB));

test('get_my_profile reads the signed-in account’s profile by its DID', async (t) => {
  const h = await setup(t);
  h.pds.route('GET /xrpc/app.bsky.actor.getProfile', {
    body: detailedProfile(DID, HANDLE, {
      pinnedPost: { uri: `at://${DID}/app.bsky.feed.post/3kpin`, cid: 'bafy' },
      labels: [{ val: '!no-unauthenticated' }],
    }),
  });
  const out = data(await h.call('get_my_profile'));
  const req = h.pds.requests[0] ?? assert.fail('no request');
  assertBearer(req, h.access(1));
  assert.deepEqual(query(req), { actor: DID });
  assert.deepEqual(out, {
    did: DID,
    handle: HANDLE,
    display_name: 'Alice',
    description: `Bio of ${HANDLE}`,
    avatar: `https://cdn.bsky.app/img/avatar/plain/${DID}/bafkreiavatar@jpeg`,
    url: `https://bsky.app/profile/${HANDLE}`,
    relation: { following: false, followed_by: false, muted: false, blocking: false, blocked_by: false },
    banner: `https://cdn.bsky.app/img/banner/plain/${DID}/bafkreibanner@jpeg`,
    website: null,
    pronouns: null,
    followers_count: 120,
    follows_count: 80,
    posts_count: 456,
    created_at: '2023-05-01T10:00:00.000Z',
    pinned_post: `at://${DID}/app.bsky.feed.post/3kpin`,
    labels: ['!no-unauthenticated'],
  });
});

test('search_posts follows the cursor over pages of at most 100 up to the limit, and returns where to continue', async (t) => {
  const h = await setup(t);
  h.pds.route('GET /xrpc/app.bsky.feed.searchPosts', (req) =>
    req.query.get('cursor') === '100'
      ? { body: { posts: posts('b', 20), cursor: '120', hitsTotal: 5000 } }
      : { body: { posts: posts('a', 100), cursor: '100', hitsTotal: 5000 } },
  );
  const out = data(await h.call('search_posts', { query: ' atproto lexicon ', limit: 120 }));
  assert.deepEqual(
    h.pds.requests.map((r) => query(r)),
    [
      { q: 'atproto lexicon', limit: '100' },
      { q: 'atproto lexicon', limit: '20', cursor: '100' },
    ],
  );
  assert.equal(out.count, 120);
  assert.equal(out.hits_total, 5000);
  assert.equal(out.cursor, '120');
  const [first] = out.posts as Record<string, unknown>[];
  assert.deepEqual(first, {
    uri: `at://${BOB.did}/app.bsky.feed.post/a0`,
    cid: 'bafyreicida0',
    url: `https://bsky.app/profile/${BOB.handle}/post/a0`,
    author: { did: BOB.did, handle: BOB.handle, display_name: 'Someone' },
    text: 'Post a0',
    created_at: '2026-01-10T09:00:00.000Z',
    indexed_at: '2026-01-10T09:00:01.000Z',
    langs: ['en'],
    reply_to: null,
    embed: null,
    links: [],
    like_count: 3,
    repost_count: 2,
    reply_count: 1,
    quote_count: 0,
  });
});

test('search_profiles takes guMCP’s default of 25 and a cursor', async (t) => {
  const h = await setup(t);
  h.pds.route('GET /xrpc/app.bsky.actor.searchActors', {
    body: {
      actors: [
        profile(BOB.did, BOB.handle, { viewer: { following: `at://${DID}/app.bsky.graph.follow/3kf` } }),
      ],
    },
  });
  const out = data(await h.call('search_profiles', { query: 'bob', cursor: 'c1' }));
  assert.deepEqual(query(h.pds.requests[0] ?? assert.fail()), { q: 'bob', limit: '25', cursor: 'c1' });
  assert.equal(out.cursor, null);
  const [bob] = out.profiles as { handle: string; relation: { following: boolean } }[];
  assert.equal(bob?.handle, BOB.handle);
  assert.equal(bob?.relation.following, true);
});

test('get_liked_posts, get_follows and get_posts read the signed-in account’s own lists (default 50)', async (t) => {
  const h = await setup(t);
  h.pds.route('GET /xrpc/app.bsky.feed.getActorLikes', {
    body: { feed: [{ post: postView('l1', 'liked', BOB) }], cursor: 'next-likes' },
  });
  h.pds.route('GET /xrpc/app.bsky.graph.getFollows', {
    body: { subject: profile(DID, HANDLE), follows: [profile(BOB.did, BOB.handle)] },
  });
  h.pds.route('GET /xrpc/app.bsky.feed.getAuthorFeed', {
    body: {
      feed: [
        { post: postView('p1', 'mine') },
        {
          post: postView('r1', 'reposted', BOB),
          reason: {
            $type: 'app.bsky.feed.defs#reasonRepost',
            by: profile(DID, HANDLE),
            indexedAt: '2026-01-11T00:00:00Z',
          },
        },
      ],
    },
  });

  const liked = data(await h.call('get_liked_posts', { limit: 1 }));
  const follows = data(await h.call('get_follows'));
  const mine = data(await h.call('get_posts', { cursor: 'abc' }));

  assert.deepEqual(
    h.pds.requests.map((r) => [r.path, query(r)]),
    [
      ['/xrpc/app.bsky.feed.getActorLikes', { actor: DID, limit: '1' }],
      ['/xrpc/app.bsky.graph.getFollows', { actor: DID, limit: '50' }],
      ['/xrpc/app.bsky.feed.getAuthorFeed', { actor: DID, limit: '50', cursor: 'abc' }],
    ],
  );
  for (const req of h.pds.requests) assertBearer(req, h.access(1));
  assert.equal(liked.cursor, 'next-likes');
  assert.equal((liked.posts as { text: string }[])[0]?.text, 'liked');
  assert.deepEqual(
    (follows.follows as { did: string }[]).map((f) => f.did),
    [BOB.did],
  );
  assert.deepEqual(
    (mine.posts as { text: string; reposted_by: string | null }[]).map((p) => [p.text, p.reposted_by]),
    [
      ['mine', null],
      ['reposted', HANDLE],
    ],
  );
});
