import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  forbidden,
  insufficientScope,
  invalidToken,
  listing,
  notFound,
  post,
  serverError,
  tooManyRequests,
  unauthorized,
} from './fake-reddit.js';
import { data, failure, setup, TOKEN } from './harness.js';

const LIST = { subreddit: 'python' };

test('401 (expired or revoked token) asks to re-authenticate, without echoing the token', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /r/python/hot', { status: 401, headers: invalidToken, body: unauthorized });
  const message = failure(await call('retrieve_reddit_post', LIST));
  assert.equal(
    message,
    'Not authenticated with reddit: Reddit rejected the stored token (expired or revoked). Re-authenticate with `gumcp auth reddit`.',
  );
  assert.ok(!message.includes(TOKEN));
  assert.equal(fake.requests.length, 1);
});

test('403 insufficient_scope names the scope the tool needs', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /r/python/hot', { status: 403, headers: insufficientScope, body: forbidden });
  fake.route('GET /api/info', { body: listing([post('abc123')]) });
  fake.route('GET /api/v1/me', { status: 403, headers: insufficientScope, body: forbidden });
  assert.equal(
    failure(await call('retrieve_reddit_post', LIST)),
    'Permission denied: the stored token lacks the scope "read". Re-authenticate to grant it.',
  );
  assert.equal(
    failure(await call('delete_reddit_post', { post_id: 'abc123' })),
    'Permission denied: the stored token lacks the scope "identity". Re-authenticate to grant it.',
  );
});

test('404 names the post', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /comments/abc123', { status: 404, body: notFound });
  assert.equal(
    failure(await call('fetch_post_comments', { post_id: 'abc123' })),
    'Post not found: t3_abc123',
  );
});

test('429 waits until X-Ratelimit-Reset, then succeeds', async (t) => {
  const { fake, call, sleeps } = await setup(t, undefined, { maxRetryAfterMs: 60_000 });
  fake.once('GET /r/python/hot', {
    status: 429,
    headers: { 'x-ratelimit-used': '100', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '7' },
    body: tooManyRequests,
  });
  fake.route('GET /r/python/hot', { body: listing([post('a1')]) });
  assert.equal((data(await call('retrieve_reddit_post', LIST)).posts as unknown[]).length, 1);
  assert.equal(fake.requests.length, 2);
  assert.deepEqual(sleeps, [7000]);
});

test('429 with Retry-After is retried after that wait, even for a post (Reddit did not take it)', async (t) => {
  const { fake, call, sleeps } = await setup(t);
  fake.once('POST /api/submit', { status: 429, headers: { 'retry-after': '0' }, body: tooManyRequests });
  fake.route('POST /api/submit', {
    body: {
      json: {
        errors: [],
        data: { id: 'p1', name: 't3_p1', url: 'https://www.reddit.com/r/test/comments/p1/t/' },
      },
    },
  });
  const result = await call('create_reddit_post', { subreddit: 'test', title: 't', content: 'c' });
  assert.equal(result.isError, undefined);
  assert.equal(fake.requests.length, 2);
  assert.deepEqual(sleeps, [0]);
});

test('a 429 whose window resets later than the longest wait fails at once, saying when it resets', async (t) => {
  const { fake, call, sleeps } = await setup(t, undefined, { maxRetryAfterMs: 60_000 });
  fake.route('GET /r/python/hot', {
    status: 429,
    headers: { 'x-ratelimit-used': '600', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '300' },
    body: tooManyRequests,
  });
  assert.equal(
    failure(await call('retrieve_reddit_post', LIST)),
    "Reddit's rate limit for this app and user is used up (600 requests used in this window); it resets in 5 min (at 2026-01-15T12:05:00.000Z)",
  );
  assert.equal(fake.requests.length, 1);
  assert.deepEqual(sleeps, []);
});

test('5xx on a read is retried, then reported', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /r/python/hot', { status: 503, body: serverError });
  assert.equal(
    failure(await call('retrieve_reddit_post', LIST)),
    'Reddit failed (HTTP 503); try again later',
  );
  assert.equal(fake.requests.length, 2);
});

test('5xx on a post or a comment is not retried, and warns it may have gone through', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('POST /api/submit', { status: 502, body: serverError });
  fake.route('POST /api/comment', { status: 500, body: serverError });
  const expected = 'Reddit failed (HTTP %s); the request may have gone through, so check before trying again';
  assert.equal(
    failure(await call('create_reddit_post', { subreddit: 'test', title: 't', content: 'c' })),
    expected.replace('%s', '502'),
  );
  assert.equal(
    failure(await call('create_reddit_comment', { parent_id: 't3_abc123', content: 'c' })),
    expected.replace('%s', '500'),
  );
  assert.equal(fake.requests.length, 2);
});

test('without stored credentials, or without an access token, nothing is sent', async (t) => {
  const none = await setup(t, async () => undefined);
  assert.match(
    failure(await none.call('retrieve_reddit_post', LIST)),
    /^Not authenticated with reddit: no credentials/,
  );
  const empty = await setup(t, { refresh_token: 'r' });
  assert.match(
    failure(await empty.call('retrieve_reddit_post', LIST)),
    /stored credentials hold no access token/,
  );
  assert.equal(none.fake.requests.length + empty.fake.requests.length, 0);
});
