import assert from 'node:assert/strict';
import { test } from 'node:test';
import { query } from '../../../testing/fake-service.js';
import { bannedSubreddit, listing, post, privateSubreddit } from './fake-reddit.js';
import { assertHeaders, data, failure, onlyRequest, setup } from './harness.js';

const posts = (prefix: string, n: number, from = 0) =>
  Array.from({ length: n }, (_, i) => post(`${prefix}${(from + i).toString(36)}`));

test('retrieve_reddit_post reads one page of hot posts, with Reddit’s raw JSON and guMCP’s default of 10', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /r/python/hot', { body: listing(posts('a', 2), null, null) });

  const out = data(await call('retrieve_reddit_post', { subreddit: 'r/python' }));

  const req = onlyRequest(fake);
  assert.deepEqual(query(req), { limit: '10', raw_json: '1' });
  assert.equal(out.count, 2);
  assert.equal(out.after, null);
  const [first] = out.posts as Record<string, unknown>[];
  assert.deepEqual(first, {
    id: 'a0',
    name: 't3_a0',
    title: 'Post a0',
    author: 'alice',
    subreddit: 'python',
    score: 42,
    num_comments: 3,
    created_utc: 1_700_000_000,
    created_at: '2023-11-14T22:13:20.000Z',
    edited_at: null,
    permalink: 'https://www.reddit.com/r/python/comments/a0/post_a0/',
    url: 'https://www.reddit.com/r/python/comments/a0/post_a0/',
    is_self: true,
    selftext: 'Body of post a0',
    selftext_truncated: false,
    flair: 'Discussion',
    over_18: false,
    spoiler: false,
    locked: false,
    stickied: false,
  });
});

test('a limit past one page follows `after` with `count`, 100 at a time, and returns the cursor to continue', async (t) => {
  const { fake, call } = await setup(t);
  const first = posts('a', 100);
  const second = posts('b', 50);
  fake.route('GET /r/python/new', (req) =>
    req.query.get('after') === 't3_a2r'
      ? { body: listing(second, 't3_b1d', 't3_b0') }
      : { body: listing(first, 't3_a2r', null) },
  );

  const out = data(await call('retrieve_reddit_post', { subreddit: 'python', sort: 'new', limit: 150 }));

  assert.deepEqual(
    fake.requests.map((r) => query(r)),
    [
      { limit: '100', raw_json: '1' },
      { after: 't3_a2r', count: '100', limit: '50', raw_json: '1' },
    ],
  );
  for (const req of fake.requests) assertHeaders(req);
  assert.equal(out.count, 150);
  assert.equal(out.after, 't3_b1d');
  assert.equal(out.before, null);
  assert.equal((out.posts as { id: string }[])[149]?.id, 'b1d');
});

test('the walk stops at the end of the listing (after null) with fewer posts than asked', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /r/python/top', { body: listing(posts('a', 30), null, null) });
  const out = data(
    await call('retrieve_reddit_post', { subreddit: 'python', sort: 'top', time: 'week', limit: 500 }),
  );
  assert.equal(out.count, 30);
  assert.deepEqual(query(onlyRequest(fake)), { limit: '100', t: 'week', raw_json: '1' });
});

test('`before` walks the listing back and `after` continues it; giving both is refused', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /r/python/new', { body: listing(posts('c', 2), 't3_c1', 't3_c0') });
  const out = data(
    await call('retrieve_reddit_post', { subreddit: 'python', sort: 'new', limit: 2, before: 't3_d0' }),
  );
  assert.deepEqual(query(onlyRequest(fake)), { before: 't3_d0', limit: '2', raw_json: '1' });
  assert.equal(out.before, 't3_c0');
  assert.equal(out.after, 't3_c1');

  assert.equal(
    failure(await call('retrieve_reddit_post', { subreddit: 'python', after: 't3_a', before: 't3_b' })),
    'Give after or before, not both.',
  );
});

test('pinned posts beyond the limit are cut, and the cursor continues after the last post returned', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /r/python/hot', { body: listing(posts('a', 3), 't3_a2', null) });
  const out = data(await call('retrieve_reddit_post', { subreddit: 'python', limit: 2 }));
  assert.equal(out.count, 2);
  assert.equal(out.after, 't3_a1');
});

test('long text bodies are cut in listings and given whole by get_reddit_post_details', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /r/python/hot', { body: listing([post('a0', { selftext: 'x'.repeat(1500) })]) });
  const [listed] = data(await call('retrieve_reddit_post', { subreddit: 'python' })).posts as Record<
    string,
    unknown
  >[];
  assert.equal((listed?.selftext as string).length, 1000);
  assert.equal(listed?.selftext_truncated, true);
});

test('limits past Reddit’s ~1,000 listed items, bad names and a period on hot are refused before any request', async (t) => {
  const { fake, call } = await setup(t);
  assert.match(
    failure(await call('retrieve_reddit_post', { subreddit: 'python', limit: 1001 })),
    /^Invalid arguments for tool retrieve_reddit_post: limit: /,
  );
  assert.match(
    failure(await call('retrieve_reddit_post', { subreddit: 'no spaces!' })),
    /subreddit: "no spaces!" is not a subreddit name/,
  );
  assert.equal(
    failure(await call('retrieve_reddit_post', { subreddit: 'python', time: 'week' })),
    'time: applies only to sort "top" or "controversial".',
  );
  assert.equal(fake.requests.length, 0);
});

test('a subreddit that does not exist (Reddit redirects to its search) is named as not found', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /r/nosuchsub/hot', {
    status: 302,
    headers: { location: '/subreddits/search.json?q=nosuchsub' },
    body: '',
  });
  assert.equal(
    failure(await call('retrieve_reddit_post', { subreddit: 'nosuchsub' })),
    'Subreddit not found: r/nosuchsub',
  );
  assert.equal(fake.requests.length, 1, 'the redirect is not followed');
});

test('private and banned subreddits say so', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /r/secret/hot', { status: 403, body: privateSubreddit });
  fake.route('GET /r/gone/hot', { status: 404, body: bannedSubreddit });
  assert.equal(
    failure(await call('retrieve_reddit_post', { subreddit: 'secret' })),
    'Subreddit r/secret is private: only its approved members can read it',
  );
  assert.equal(
    failure(await call('retrieve_reddit_post', { subreddit: 'gone' })),
    'Subreddit r/gone is banned from Reddit',
  );
});
