import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { test } from 'node:test';
import type { FakeReply } from '../../../testing/fake-service.js';
import { OpenApiCheck } from '../../../testing/openapi.js';
import { DEV, ME, page, post } from './fake-x.js';
import { data, setup } from './harness.js';

/**
 * Checks the fake and the client against X's OpenAPI description (https://api.x.com/2/openapi.json;
 * a copy is in xdevplatform/xdk), so they cannot drift apart together: every request the tools make
 * must be an operation of it with declared parameters and a body that fits, and every answer the fake
 * gives must fit the operation's documented answer. The description is in no npm package:
 * X_OPENAPI_SPEC names the file, and without it the test is skipped. It must be a version that names
 * the post fields parameter `tweet.fields`, as X's documentation does (2.159 does; 2.167 renamed it).
 */

const ID = '1275828087666679809';

/** What each route of the fake answers in this test. */
const ANSWERS: Record<string, FakeReply> = {
  'GET /2/tweets/search/recent': { body: page(['1346889436626259968']) },
  'GET /2/users/by/username/XDevelopers': { body: { data: DEV } },
  [`GET /2/users/${DEV.id}/tweets`]: { body: page(['10', '9']) },
  [`GET /2/users/${DEV.id}/mentions`]: { body: page(['44']) },
  'GET /2/users/me': { body: { data: ME } },
  [`GET /2/users/${ME.id}/timelines/reverse_chronological`]: { body: page(['77']) },
  [`GET /2/tweets/${ID}`]: { body: { data: post(ID), includes: { users: [DEV] } } },
  'POST /2/tweets': { status: 201, body: { data: { id: '1445880548472328192', text: 'Which?' } } },
  [`DELETE /2/tweets/${ID}`]: { body: { data: { deleted: true } } },
};

const CALLS: [string, Record<string, unknown>][] = [
  [
    'search_recent_tweet',
    {
      query: 'from:XDevelopers',
      max_results: 10,
      sort_order: 'recency',
      expansions: 'author_id',
      user_fields: 'username',
    },
  ],
  ['get_user_profile', { username: 'XDevelopers' }],
  ['get_user_posts', { username: 'XDevelopers', max_results: 5, start_time: '2025-06-01T00:00:00Z' }],
  ['get_user_mentions', { username: 'XDevelopers', since_id: '1346889436626259000' }],
  ['get_user_home_timeline', { username: 'jane_doe', max_results: 1 }],
  ['get_tweet_by_id', { id: ID, tweet_fields: 'created_at,public_metrics', expansions: 'author_id' }],
  [
    'create_tweet',
    {
      text: 'Which?',
      reply_to_tweet_id: ID,
      poll_options: ['a', 'b'],
      poll_duration_minutes: 60,
      reply_settings: 'following',
    },
  ],
  ['delete_tweet', { id: ID }],
];

test("every request the tools make, and every answer of the fake, fits X's OpenAPI description", async (t) => {
  const file = process.env.X_OPENAPI_SPEC;
  if (!file || !existsSync(file)) {
    t.skip('X_OPENAPI_SPEC names no file (X API v2 openapi.json)');
    return;
  }
  // Its parameters are `$ref`s into components, which the shared check follows itself.
  const spec = await OpenApiCheck.load(file);
  const { fake, call } = await setup(t);
  for (const [route, reply] of Object.entries(ANSWERS)) fake.route(route, reply);
  for (const [name, args] of CALLS) data(await call(name, args));

  const used = new Set<string>();
  for (const req of fake.requests) {
    used.add(spec.assertRequest(req));
    const answer = ANSWERS[`${req.method} ${req.path}`];
    spec.assertAnswer(req.method, req.path, answer?.status ?? 200, answer?.body);
  }
  assert.deepEqual([...used].sort(), [
    'DELETE /2/tweets/{id}',
    'GET /2/tweets/search/recent',
    'GET /2/tweets/{id}',
    'GET /2/users/by/username/{username}',
    'GET /2/users/me',
    'GET /2/users/{id}/mentions',
    'GET /2/users/{id}/timelines/reverse_chronological',
    'GET /2/users/{id}/tweets',
    'POST /2/tweets',
  ]);
});
