import assert from 'node:assert/strict';
import { test } from 'node:test';
import { only, query } from '../../../testing/fake-service.js';
import { apiError, listing, me, post, serverError, submitted, things } from './fake-reddit.js';
import { assertForm, assertHeaders, data, failure, onlyRequest, setup } from './harness.js';

test('get_reddit_post_details reads /api/info by fullname; a URL or bare id names the same post', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /api/info', {
    body: listing([post('abc123', { selftext: 'y'.repeat(1500), upvote_ratio: 0.5 })]),
  });

  const out = data(await call('get_reddit_post_details', { post_id: 'abc123' }));
  data(
    await call('get_reddit_post_details', {
      post_id: 'https://www.reddit.com/r/python/comments/abc123/a_title/',
    }),
  );
  data(await call('get_reddit_post_details', { post_id: 'T3_ABC123' }));

  for (const req of fake.requests) {
    assertHeaders(req);
    assert.deepEqual(query(req), { id: 't3_abc123', raw_json: '1' });
  }
  assert.equal((out.selftext as string).length, 1500);
  assert.equal(out.selftext_truncated, false);
  assert.equal(out.upvote_ratio, 0.5);
  assert.equal(out.subreddit_id, 't5_2qh0y');
  assert.equal(out.removed_by, null);
});

test('an id /api/info does not know, or a comment id, is named', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /api/info', { body: listing([]) });
  assert.equal(
    failure(await call('get_reddit_post_details', { post_id: 'zzz9' })),
    'Post not found: t3_zzz9',
  );
  assert.match(
    failure(await call('get_reddit_post_details', { post_id: 't1_def456' })),
    /post_id: t1_def456 names a comment, not a post/,
  );
});

test('create_reddit_post submits a text post as a form with api_type=json, and is sent once', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('POST /api/submit', { body: submitted('nxaraz') });

  const out = data(
    await call('create_reddit_post', {
      subreddit: 'r/test',
      title: 'Héllo & welcome',
      content: 'Body with **Markdown** & a link: https://example.com/?a=1&b=2',
      flair_id: 'f1a2',
      nsfw: false,
    }),
  );

  assertForm(onlyRequest(fake), {
    sr: 'test',
    kind: 'self',
    title: 'Héllo & welcome',
    text: 'Body with **Markdown** & a link: https://example.com/?a=1&b=2',
    flair_id: 'f1a2',
    nsfw: 'false',
  });
  assert.deepEqual(out, {
    id: 'nxaraz',
    name: 't3_nxaraz',
    url: 'https://www.reddit.com/r/python/comments/nxaraz/my_title/',
    subreddit: 'test',
  });
});

test('edit_reddit_post replaces the body by fullname and returns the edited post', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('POST /api/editusertext', {
    body: things(post('abc123', { selftext: 'New body', edited: 1_700_000_500 })),
  });
  const out = data(await call('edit_reddit_post', { post_id: 'abc123', content: 'New body' }));
  assertForm(onlyRequest(fake), { thing_id: 't3_abc123', text: 'New body' });
  assert.equal(out.selftext, 'New body');
  assert.equal(out.edited_at, '2023-11-14T22:21:40.000Z');
});

test('editing an unknown post names it (NO_THING_ID); a 500 explains link posts have no body', async (t) => {
  const { fake, call } = await setup(t);
  fake.once('POST /api/editusertext', { body: apiError('NO_THING_ID', 'ID not specified', 'thing_id') });
  assert.equal(
    failure(await call('edit_reddit_post', { post_id: 'abc123', content: 'x' })),
    'Post not found: t3_abc123',
  );

  fake.route('POST /api/editusertext', { status: 500, body: serverError });
  assert.equal(
    failure(await call('edit_reddit_post', { post_id: 'abc123', content: 'x' })),
    'Reddit failed (HTTP 500); Reddit answers 500 to editing a link, image or video post (only text posts have a body to edit); otherwise try again later',
  );
  // An edit repeats harmlessly, so the 500 was retried once.
  assert.equal(fake.requests.length, 3);
});

test('delete_reddit_post reads the post and the user, then deletes it', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /api/info', { body: listing([post('abc123')]) });
  fake.route('GET /api/v1/me', { body: me });
  fake.route('POST /api/del', { body: {} });

  const out = data(await call('delete_reddit_post', { post_id: 't3_abc123' }));

  assert.deepEqual(query(only(fake, 'GET', '/api/info')), { id: 't3_abc123', raw_json: '1' });
  only(fake, 'GET', '/api/v1/me');
  assertForm(only(fake, 'POST', '/api/del'), { id: 't3_abc123' });
  for (const req of fake.requests) assertHeaders(req);
  assert.deepEqual(out, { id: 'abc123', name: 't3_abc123', deleted: true, already_deleted: false });
});

test('delete_reddit_post does not send the delete for someone else’s post, an unknown one, or one already deleted', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /api/v1/me', { body: me });
  fake.once('GET /api/info', { body: listing([post('abc123', { author: 'mallory' })]) });
  assert.equal(
    failure(await call('delete_reddit_post', { post_id: 'abc123' })),
    'Post t3_abc123 was written by u/mallory; Reddit lets only its author delete it',
  );
  fake.once('GET /api/info', { body: listing([]) });
  assert.equal(failure(await call('delete_reddit_post', { post_id: 'abc123' })), 'Post not found: t3_abc123');
  fake.once('GET /api/info', {
    body: listing([post('abc123', { author: '[deleted]', selftext: '[deleted]' })]),
  });
  assert.deepEqual(data(await call('delete_reddit_post', { post_id: 'abc123' })), {
    id: 'abc123',
    name: 't3_abc123',
    deleted: true,
    already_deleted: true,
  });
  assert.equal(fake.requests.filter((r) => r.path === '/api/del').length, 0);
});
