import assert from 'node:assert/strict';
import { test } from 'node:test';
import { query } from '../../../testing/fake-service.js';
import { DEV, notFoundProblem, post, serviceUnavailable, tooManyRequests } from './fake-x.js';
import { data, failure, route, sent, setup } from './harness.js';

const ID = '1275828087666679809';

test('get_tweet_by_id answers the post, its expansions, and asks for the fields given', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(route('GET', `tweets/${ID}`), { body: { data: post(ID), includes: { users: [DEV] } } });

  const out = data(
    await call('get_tweet_by_id', {
      id: ID,
      tweet_fields: 'created_at,author_id,public_metrics',
      expansions: 'author_id',
      user_fields: 'username,verified',
    }),
  );

  assert.deepEqual(sent(fake), [`GET /2/tweets/${ID}`]);
  assert.deepEqual(query(fake.requests[0] as never), {
    'tweet.fields': 'created_at,author_id,public_metrics',
    expansions: 'author_id',
    'user.fields': 'username,verified',
  });
  assert.deepEqual(out, { tweet: post(ID), includes: { users: [DEV] }, errors: [] });
});

test('a post X cannot find (a 200 with only errors) is reported as not found', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(route('GET', 'tweets/1276230436478386177'), {
    body: { errors: [notFoundProblem('1276230436478386177')] },
  });
  assert.equal(
    failure(await call('get_tweet_by_id', { id: '1276230436478386177' })),
    'Post not found: 1276230436478386177',
  );
  assert.match(failure(await call('get_tweet_by_id', { id: 'abc' })), /id: must be a post id/);
});

test('create_tweet posts the text with a reply, a poll and reply settings as X nests them', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(route('POST', 'tweets'), {
    status: 201,
    body: { data: { id: '1445880548472328192', text: 'Which?' } },
  });

  const out = data(
    await call('create_tweet', {
      text: 'Which?',
      reply_to_tweet_id: ID,
      poll_options: ['yes', 'no'],
      poll_duration_minutes: 60,
      reply_settings: 'following',
      for_super_followers_only: false,
    }),
  );

  assert.deepEqual(sent(fake), ['POST /2/tweets']);
  assert.deepEqual(fake.requests[0]?.body, {
    text: 'Which?',
    reply: { in_reply_to_tweet_id: ID },
    poll: { options: ['yes', 'no'], duration_minutes: 60 },
    reply_settings: 'following',
    for_super_followers_only: false,
  });
  assert.deepEqual(out, {
    id: '1445880548472328192',
    text: 'Which?',
    url: 'https://x.com/i/web/status/1445880548472328192',
  });
});

test('create_tweet quotes a post', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(route('POST', 'tweets'), { status: 201, body: { data: { id: '2', text: 'Look' } } });
  data(await call('create_tweet', { text: 'Look', quote_tweet_id: ID }));
  assert.deepEqual(fake.requests[0]?.body, { text: 'Look', quote_tweet_id: ID });
});

test('create_tweet checks polls before sending', async (t) => {
  const { fake, call } = await setup(t);
  assert.match(failure(await call('create_tweet', { text: 'x', poll_options: ['a', 'b'] })), /give both/);
  assert.match(
    failure(await call('create_tweet', { text: 'x', poll_options: ['a'], poll_duration_minutes: 5 })),
    /poll_options/,
  );
  assert.match(
    failure(
      await call('create_tweet', {
        text: 'x',
        poll_options: ['a', 'b'],
        poll_duration_minutes: 5,
        quote_tweet_id: ID,
      }),
    ),
    /quote_tweet_id/,
  );
  assert.match(
    failure(await call('create_tweet', { text: 'x', reply_settings: 'everyone' })),
    /reply_settings/,
  );
  assert.equal(fake.requests.length, 0);
});

test('a post is retried after a 429 whose reset is near, but never after a 5xx', async (t) => {
  const { fake, call, clock } = await setup(t);
  fake.once(route('POST', 'tweets'), {
    status: 429,
    headers: {
      'x-rate-limit-limit': '100',
      'x-rate-limit-remaining': '0',
      'x-rate-limit-reset': String(clock.time / 1000 + 3),
    },
    body: tooManyRequests,
  });
  fake.route(route('POST', 'tweets'), { status: 201, body: { data: { id: '3', text: 'hi' } } });
  data(await call('create_tweet', { text: 'hi' }));
  assert.equal(fake.requests.length, 2);
  assert.deepEqual(clock.sleeps, [3000]);

  fake.route(route('POST', 'tweets'), { status: 503, body: serviceUnavailable });
  assert.equal(
    failure(await call('create_tweet', { text: 'hi' })),
    'X failed (HTTP 503); the request may have gone through, so check before trying again',
  );
  assert.equal(fake.requests.length, 3, 'a post is not published twice');
});

test('delete_tweet deletes a post and says so', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(route('DELETE', `tweets/${ID}`), { body: { data: { deleted: true } } });
  assert.deepEqual(data(await call('delete_tweet', { id: ID })), { id: ID, deleted: true });
  assert.deepEqual(sent(fake), [`DELETE /2/tweets/${ID}`]);
});
