import assert from 'node:assert/strict';
import { test } from 'node:test';
import { query } from '../../../testing/fake-service.js';
import { DEV, notFoundProblem, page, post } from './fake-x.js';
import { data, failure, route, sent, setup } from './harness.js';

const SEARCH = route('GET', 'tweets/search/recent');

test('search_recent_tweet passes the query and every option under X’s names', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(SEARCH, { body: page(['1346889436626259968']) });

  const out = data(
    await call('search_recent_tweet', {
      query: 'from:XDevelopers -is:retweet',
      max_results: 25,
      start_time: '2025-06-10T00:00:00.000Z',
      end_time: '2025-06-12',
      since_id: '1346889436626259000',
      sort_order: 'relevancy',
      expansions: ['author_id', 'attachments.media_keys'],
      tweet_fields: 'created_at, public_metrics',
      user_fields: ['username'],
      media_fields: 'url',
      place_fields: 'country',
      poll_fields: 'options',
    }),
  );

  assert.deepEqual(sent(fake), ['GET /2/tweets/search/recent']);
  assert.deepEqual(query(fake.requests[0] as never), {
    query: 'from:XDevelopers -is:retweet',
    max_results: '25',
    start_time: '2025-06-10T00:00:00Z',
    end_time: '2025-06-12T00:00:00Z',
    since_id: '1346889436626259000',
    sort_order: 'relevancy',
    expansions: 'author_id,attachments.media_keys',
    'tweet.fields': 'created_at,public_metrics',
    'user.fields': 'username',
    'media.fields': 'url',
    'place.fields': 'country',
    'poll.fields': 'options',
  });
  assert.deepEqual(out, {
    result_count: 1,
    tweets: [post('1346889436626259968')],
    includes: { users: [DEV] },
    next_token: null,
    errors: [],
  });
});

test('search_recent_tweet asks for when and by whom by default', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(SEARCH, { body: page(['1']) });
  data(await call('search_recent_tweet', { query: 'hello' }));
  assert.deepEqual(query(fake.requests[0] as never), {
    query: 'hello',
    'tweet.fields': 'created_at,author_id',
  });
});

test('search_recent_tweet follows next_token up to max_pages and answers where to continue', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(SEARCH, (req) => {
    const token = req.query.get('next_token');
    if (!token) return { body: page(['30', '29'], 'b26ozgtr2z') };
    if (token === 'b26ozgtr2z') return { body: page(['28', '27'], 'b26ozgtr3a') };
    return { body: page(['26']) };
  });

  const two = data(await call('search_recent_tweet', { query: 'api', max_pages: 2 }));
  assert.deepEqual(
    (two.tweets as { id: string }[]).map((p) => p.id),
    ['30', '29', '28', '27'],
  );
  assert.equal(two.next_token, 'b26ozgtr3a');
  assert.deepEqual(two.includes, { users: [DEV] }, 'expanded users once, not once per page');

  const rest = data(
    await call('search_recent_tweet', { query: 'api', next_token: 'b26ozgtr3a', max_pages: 5 }),
  );
  assert.deepEqual(
    (rest.tweets as { id: string }[]).map((p) => p.id),
    ['26'],
  );
  assert.equal(rest.next_token, null);
  assert.deepEqual(
    fake.requests.map((r) => r.query.get('next_token')),
    [null, 'b26ozgtr2z', 'b26ozgtr3a'],
  );
});

test('problems X reports beside the data come back with it', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(SEARCH, {
    body: page(['5'], undefined, { errors: [notFoundProblem('9', 'referenced_tweets.id')] }),
  });
  const out = data(
    await call('search_recent_tweet', { query: 'quoted', expansions: 'referenced_tweets.id' }),
  );
  assert.equal((out.tweets as unknown[]).length, 1);
  assert.deepEqual(out.errors, [
    {
      title: 'Not Found Error',
      detail: 'Could not find tweet with referenced_tweets.id: [9].',
      resource_type: 'tweet',
      resource_id: '9',
    },
  ]);
});

test('search_recent_tweet checks its arguments before any request', async (t) => {
  const { fake, call } = await setup(t);
  assert.match(failure(await call('search_recent_tweet', { query: 'x', max_results: 5 })), /max_results/);
  assert.match(
    failure(await call('search_recent_tweet', { query: 'x', start_time: 'yesterday' })),
    /start_time: must be an ISO 8601/,
  );
  assert.match(failure(await call('search_recent_tweet', { query: 'x', since_id: 'abc' })), /since_id/);
  assert.match(
    failure(await call('search_recent_tweet', { query: 'x', sort_order: 'oldest' })),
    /sort_order/,
  );
  assert.equal(fake.requests.length, 0);
});
