import assert from 'node:assert/strict';
import { test } from 'node:test';
import { page } from './fake-x.js';
import { CREDENTIALS, data, route, setup } from './harness.js';

test('a token refreshed mid-session is used from the next call on', async (t) => {
  let token = 'old-access';
  const { fake, call } = await setup(t, async () => ({ ...CREDENTIALS, access_token: token }));
  fake.route(route('GET', 'tweets/search/recent'), { body: page(['1']) });

  data(await call('search_recent_tweet', { query: 'x' }));
  // The host refreshed the token between two calls of the session.
  token = 'new-access';
  data(await call('search_recent_tweet', { query: 'x' }));

  assert.deepEqual(
    fake.requests.map((r) => r.headers.authorization),
    ['Bearer old-access', 'Bearer new-access'],
  );
});
