import assert from 'node:assert/strict';
import { test } from 'node:test';
import { USER_AGENT_VARIABLE } from '../api.js';
import { listing, post, submitted } from './fake-reddit.js';
import { assertHeaders, DEFAULT_AGENT, failure, setup, TOKEN } from './harness.js';

test('every call, reads and writes alike, sends the descriptive User-Agent Reddit requires', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /r/python/hot', { body: listing([post('a1')]) });
  fake.route('POST /api/submit', { body: submitted('p1') });
  await call('retrieve_reddit_post', { subreddit: 'python' });
  await call('create_reddit_post', { subreddit: 'python', title: 't', content: 'c' });
  assert.equal(fake.requests.length, 2);
  for (const req of fake.requests) assertHeaders(req, TOKEN, DEFAULT_AGENT);
});

test(`${USER_AGENT_VARIABLE} sets the User-Agent, so an operator can name their app and Reddit account`, async (t) => {
  const agent = 'server:acme-assistant:v2.1 (by /u/acme_ops)';
  process.env[USER_AGENT_VARIABLE] = agent;
  t.after(() => {
    delete process.env[USER_AGENT_VARIABLE];
  });
  const { fake, call } = await setup(t);
  fake.route('GET /r/python/hot', { body: listing([post('a1')]) });
  await call('retrieve_reddit_post', { subreddit: 'python' });
  assertHeaders(fake.requests[0] ?? assert.fail('no request'), TOKEN, agent);
});

test('a User-Agent a header cannot carry is refused with the variable named, before any request', async (t) => {
  process.env[USER_AGENT_VARIABLE] = 'bad\nagent';
  t.after(() => {
    delete process.env[USER_AGENT_VARIABLE];
  });
  const { fake, call } = await setup(t);
  assert.match(
    failure(await call('retrieve_reddit_post', { subreddit: 'python' })),
    /^GUMCP_REDDIT_USER_AGENT must be printable ASCII/,
  );
  assert.equal(fake.requests.length, 0);
});
