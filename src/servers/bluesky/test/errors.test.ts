import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  created,
  DID,
  detailedProfile,
  HANDLE,
  invalidToken,
  profileNotFound,
  rateLimitExceeded,
  upstreamFailure,
  xrpcError,
} from './fake-bluesky.js';
import { data, failure, NOW, PASSWORD, setup, stored } from './harness.js';

const PROFILE = 'GET /xrpc/app.bsky.actor.getProfile';
const limited = (resetIn: number) => ({
  status: 429,
  headers: {
    'ratelimit-limit': '3000',
    'ratelimit-remaining': '0',
    'ratelimit-reset': String(NOW / 1000 + resetIn),
    'ratelimit-policy': '3000;w=300',
  },
  body: rateLimitExceeded,
});

test('429 waits until RateLimit-Reset when it is near, then succeeds', async (t) => {
  const h = await setup(t, { tuning: { maxRetryAfterMs: 60_000 } });
  h.pds.once(PROFILE, limited(20));
  h.pds.route(PROFILE, { body: detailedProfile(DID, HANDLE) });
  data(await h.call('get_my_profile'));
  assert.equal(h.pds.requests.length, 2);
  assert.deepEqual(h.clock.sleeps, [20_000]);
});

test('a 429 whose reset is far fails at once with the policy and the reset time', async (t) => {
  const h = await setup(t, { tuning: { maxRetryAfterMs: 60_000 } });
  h.pds.route(PROFILE, limited(240));
  assert.equal(
    failure(await h.call('get_my_profile')),
    'Bluesky rate limit reached (3000 points per 5 min); it resets in 4 min (at 2026-01-15T12:04:00.000Z)',
  );
  assert.equal(h.pds.requests.length, 1);
  assert.deepEqual(h.clock.sleeps, []);
});

test('a post refused with 429 is sent again after the wait (Bluesky did not take it)', async (t) => {
  const h = await setup(t, { tuning: { maxRetryAfterMs: 60_000 } });
  h.pds.once('POST /xrpc/com.atproto.repo.createRecord', limited(2));
  h.pds.route('POST /xrpc/com.atproto.repo.createRecord', { body: created('app.bsky.feed.post', '3lbp') });
  data(await h.call('create_post', { text: 'hello', facets: [] }));
  assert.equal(h.pds.requests.length, 2);
});

test('5xx on a read is retried, then reported; on a post it is not retried and may have gone through', async (t) => {
  const h = await setup(t);
  h.pds.route(PROFILE, { status: 502, body: upstreamFailure });
  h.pds.route('POST /xrpc/com.atproto.repo.createRecord', { status: 500, body: upstreamFailure });
  assert.equal(failure(await h.call('get_my_profile')), 'Bluesky failed (HTTP 502); try again later');
  assert.equal(
    failure(await h.call('create_post', { text: 'hello', facets: [] })),
    'Bluesky failed (HTTP 500); the request may have gone through, so check before trying again',
  );
  assert.equal(h.pds.requests.filter((r) => r.path.endsWith('getProfile')).length, 2);
  assert.equal(h.pds.requests.filter((r) => r.path.endsWith('createRecord')).length, 1);
});

test('an account Bluesky does not know is named', async (t) => {
  const h = await setup(t);
  h.pds.route(PROFILE, { status: 400, body: profileNotFound });
  assert.equal(
    failure(await h.call('follow_user', { handle: 'ghost.bsky.social' })),
    'Account not found: ghost.bsky.social',
  );
});

test('blocks between the accounts are said as such', async (t) => {
  const h = await setup(t);
  h.pds.route('GET /xrpc/app.bsky.feed.getAuthorFeed', {
    status: 400,
    body: xrpcError('BlockedByActor', 'Requester is blocked by actor'),
  });
  h.pds.route('GET /xrpc/app.bsky.feed.searchPosts', {
    status: 400,
    body: xrpcError('BadQueryString', 'unbalanced quotes'),
  });
  assert.equal(failure(await h.call('get_posts')), `${DID} blocks you, so Bluesky does not show this`);
  assert.equal(
    failure(await h.call('search_posts', { query: '"oops' })),
    'query: Bluesky could not read the search query (unbalanced quotes)',
  );
});

test('a token still refused after a renewal asks to sign in again, and forgets the session', async (t) => {
  const h = await setup(t);
  h.pds.route(PROFILE, { status: 401, body: invalidToken });
  const message = failure(await h.call('get_my_profile'));
  assert.equal(
    message,
    'Not authenticated with bluesky: Bluesky refused the session token (InvalidToken). Re-authenticate with `gumcp auth bluesky`.',
  );
  assert.equal(h.pds.requests.length, 2);
  assert.equal(await stored(h), undefined);
  for (const secret of [PASSWORD, h.access(1), h.refresh(1), h.access(2)])
    assert.ok(!message.includes(secret));
});

test('no stored credentials, or neither an app password nor a guMCP session, asks to sign in', async (t) => {
  const none = await setup(t, { credentials: async () => undefined });
  assert.match(failure(await none.call('get_my_profile')), /^Not authenticated with bluesky: no credentials/);
  const partial = await setup(t, { credentials: { identifier: HANDLE } });
  assert.match(
    failure(await partial.call('get_my_profile')),
    /the stored credentials hold no identifier and app password/,
  );
  assert.equal(none.entry.requests.length + partial.entry.requests.length, 0);
});

test('an argument that is no handle is named before any request', async (t) => {
  const h = await setup(t);
  assert.match(
    failure(await h.call('unblock_user', { handle: 'https://example.com/x' })),
    /^Invalid arguments for tool unblock_user: handle: /,
  );
  assert.match(failure(await h.call('search_posts', { query: '   ' })), /query: must not be empty/);
  assert.match(failure(await h.call('get_follows', { limit: 501 })), /limit: /);
  assert.equal(h.entry.requests.length + h.pds.requests.length, 0);
});
