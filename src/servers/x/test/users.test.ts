import assert from 'node:assert/strict';
import { test } from 'node:test';
import { query } from '../../../testing/fake-service.js';
import { DEV, ME, notFoundProblem, page } from './fake-x.js';
import { data, failure, route, sent, setup } from './harness.js';

const profile = {
  ...DEV,
  created_at: '2013-12-14T04:35:55.000Z',
  description: 'The voice of the X Dev team.',
  location: 'Internet',
  protected: false,
  public_metrics: { followers_count: 513958, following_count: 2039, tweet_count: 3635, listed_count: 1672 },
  verified: true,
};

test('get_user_profile answers the profile fields of a username, with or without @', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(route('GET', 'users/by/username/XDevelopers'), { body: { data: profile } });

  assert.deepEqual(data(await call('get_user_profile', { username: '@XDevelopers' })), profile);

  assert.deepEqual(sent(fake), ['GET /2/users/by/username/XDevelopers']);
  assert.match(
    String(fake.requests[0]?.query.get('user.fields')),
    /^created_at,description,location,public_metrics,/,
  );
});

test('an unknown username (X answers 200 with only errors) is reported as not found', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(route('GET', 'users/by/username/nobody_here'), {
    body: { errors: [notFoundProblem('nobody_here', 'username', 'user')] },
  });
  assert.equal(
    failure(await call('get_user_profile', { username: 'nobody_here' })),
    'User not found: @nobody_here',
  );
  assert.match(failure(await call('get_user_profile', { username: 'not a name!' })), /username/);
  assert.equal(fake.requests.length, 1);
});

test('get_user_posts looks the user up, then lists their posts with the timeline options', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(route('GET', 'users/by/username/XDevelopers'), { body: { data: DEV } });
  fake.route(route('GET', `users/${DEV.id}/tweets`), (req) =>
    req.query.get('pagination_token')
      ? { body: page(['8']) }
      : { body: page(['10', '9'], '7140dibdnow9c7btw3w29grvxfcgvpb9n9coehpk7xz5i') },
  );

  const out = data(
    await call('get_user_posts', {
      username: 'XDevelopers',
      max_results: 5,
      until_id: '1346889436626259968',
      expansions: 'author_id',
      max_pages: 3,
    }),
  );

  assert.deepEqual(sent(fake), [
    'GET /2/users/by/username/XDevelopers',
    `GET /2/users/${DEV.id}/tweets`,
    `GET /2/users/${DEV.id}/tweets`,
  ]);
  assert.deepEqual(query(fake.requests[1] as never), {
    max_results: '5',
    until_id: '1346889436626259968',
    'tweet.fields': 'created_at,author_id',
    expansions: 'author_id',
  });
  assert.equal(
    fake.requests[2]?.query.get('pagination_token'),
    '7140dibdnow9c7btw3w29grvxfcgvpb9n9coehpk7xz5i',
  );
  assert.deepEqual(
    (out.tweets as { id: string }[]).map((p) => p.id),
    ['10', '9', '8'],
  );
  assert.equal(out.next_token, null);
});

test('get_user_mentions lists the posts mentioning a user from a pagination_token', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(route('GET', 'users/by/username/XDevelopers'), { body: { data: DEV } });
  fake.route(route('GET', `users/${DEV.id}/mentions`), { body: page(['44'], 'next-44') });

  const out = data(
    await call('get_user_mentions', { username: 'XDevelopers', pagination_token: 'from-here' }),
  );

  assert.deepEqual(sent(fake), ['GET /2/users/by/username/XDevelopers', `GET /2/users/${DEV.id}/mentions`]);
  assert.equal(fake.requests[1]?.query.get('pagination_token'), 'from-here');
  assert.equal(out.next_token, 'next-44');
});

test('get_user_home_timeline reads the signed-in user’s timeline, and refuses another user’s', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(route('GET', 'users/me'), { body: { data: ME } });
  fake.route(route('GET', `users/${ME.id}/timelines/reverse_chronological`), { body: page(['77', '76']) });

  const out = data(await call('get_user_home_timeline', { username: '@Jane_Doe', max_results: 2 }));
  assert.deepEqual(sent(fake), ['GET /2/users/me', `GET /2/users/${ME.id}/timelines/reverse_chronological`]);
  assert.equal(fake.requests[1]?.query.get('max_results'), '2');
  assert.equal(out.result_count, 2);

  assert.equal(
    failure(await call('get_user_home_timeline', { username: 'XDevelopers' })),
    "username: X shows a home timeline only to its owner; the token is @jane_doe's, not @XDevelopers's",
  );
  assert.equal(fake.requests.length, 3, 'no timeline request for another user');
});
