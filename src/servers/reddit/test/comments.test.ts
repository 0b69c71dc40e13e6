import assert from 'node:assert/strict';
import { test } from 'node:test';
import { only, query } from '../../../testing/fake-service.js';
import { comment, listing, me, more, post, things } from './fake-reddit.js';
import { assertForm, assertHeaders, data, failure, onlyRequest, setup } from './harness.js';

/** A thread: c1 with the reply c2 (which has a "continue this thread" stub), c3, and 7 more behind a stub. */
const thread = () => [
  listing([post('abc123')]),
  listing([
    comment('c1', 't3_abc123', {
      replies: listing([comment('c2', 't1_c1', { depth: 1, replies: listing([more('t1_c2', 0, [], 2)]) })]),
    }),
    comment('c3', 't3_abc123', { is_submitter: true, edited: 1_700_000_200 }),
    more('t3_abc123', 7, ['c4', 'c5']),
  ]),
];

test('fetch_post_comments reads the tree and gives it in reading order, with depth and what was not loaded', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /comments/abc123', { body: thread() });

  const out = data(await call('fetch_post_comments', { post_id: 't3_abc123' }));

  assert.deepEqual(query(onlyRequest(fake)), { sort: 'new', limit: '10', raw_json: '1' });
  assert.equal((out.post as { id: string }).id, 'abc123');
  const comments = out.comments as Record<string, unknown>[];
  assert.deepEqual(
    comments.map((c) => [c.id, c.depth, c.parent_id]),
    [
      ['c1', 0, 't3_abc123'],
      ['c2', 1, 't1_c1'],
      ['c3', 0, 't3_abc123'],
    ],
  );
  assert.equal(out.count, 3);
  assert.equal(out.not_loaded, 8, '7 behind "load more", 1 behind "continue this thread"');
  assert.deepEqual(comments[2], {
    id: 'c3',
    name: 't1_c3',
    parent_id: 't3_abc123',
    depth: 0,
    author: 'bob',
    body: 'Comment c3',
    score: 5,
    created_utc: 1_700_000_100,
    created_at: '2023-11-14T22:15:00.000Z',
    edited_at: '2023-11-14T22:16:40.000Z',
    permalink: 'https://www.reddit.com/r/python/comments/abc123/post_abc123/c3/',
    is_submitter: true,
    stickied: false,
  });
});

test('sort, limit and depth reach Reddit as given', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /comments/abc123', { body: thread() });
  data(await call('fetch_post_comments', { post_id: 'abc123', sort: 'top', limit: 200, depth: 2 }));
  assert.deepEqual(query(onlyRequest(fake)), { sort: 'top', limit: '200', depth: '2', raw_json: '1' });
});

test('create_reddit_comment comments on a post (a bare id means a post, as in guMCP) and returns the comment', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('POST /api/comment', { body: things(comment('newc', 't3_abc123', { body: 'Nice post!' })) });

  const out = data(await call('create_reddit_comment', { parent_id: 'abc123', content: 'Nice post!' }));

  assertForm(onlyRequest(fake), { thing_id: 't3_abc123', text: 'Nice post!' });
  assert.equal(out.name, 't1_newc');
  assert.equal(out.body, 'Nice post!');
});

test('a comment permalink as parent_id replies to that comment', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('POST /api/comment', { body: things(comment('r1', 't1_c1', { depth: 1 })) });
  data(
    await call('create_reddit_comment', {
      parent_id: 'https://www.reddit.com/r/python/comments/abc123/post_abc123/c1/',
      content: 'Agreed',
    }),
  );
  assertForm(onlyRequest(fake), { thing_id: 't1_c1', text: 'Agreed' });
});

test('a comment Reddit accepts without returning it (quarantined subreddits) is reported, not retried', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('POST /api/comment', { body: things() });
  assert.match(
    failure(await call('create_reddit_comment', { parent_id: 't3_abc123', content: 'x' })),
    /did not return it/,
  );
  assert.equal(fake.requests.length, 1);
});

test('edit_reddit_comment replaces the text of a comment', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('POST /api/editusertext', { body: things(comment('c1', 't3_abc123', { body: 'Edited' })) });
  const out = data(await call('edit_reddit_comment', { comment_id: 'c1', content: 'Edited' }));
  assertForm(onlyRequest(fake), { thing_id: 't1_c1', text: 'Edited' });
  assert.equal(out.body, 'Edited');
});

test('delete_reddit_comment checks the comment is the user’s, then deletes it', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /api/info', { body: listing([comment('c1', 't3_abc123', { author: 'Alice' })]) });
  fake.route('GET /api/v1/me', { body: me });
  fake.route('POST /api/del', { body: {} });

  const out = data(await call('delete_reddit_comment', { comment_id: 't1_c1' }));

  assert.deepEqual(query(only(fake, 'GET', '/api/info')), { id: 't1_c1', raw_json: '1' });
  assertForm(only(fake, 'POST', '/api/del'), { id: 't1_c1' });
  for (const req of fake.requests) assertHeaders(req);
  assert.deepEqual(out, { id: 'c1', name: 't1_c1', deleted: true, already_deleted: false });
});
