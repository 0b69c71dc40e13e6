import assert from 'node:assert/strict';
import { test } from 'node:test';
import { listing, post } from './fake-reddit.js';
import { data, setup } from './harness.js';

test('a token the host refreshed mid-session is used from the next call on', async (t) => {
  let lookups = 0;
  const credentials = async () => ({
    access_token: ++lookups <= 2 ? 'old-access' : 'new-access',
    refresh_token: 'reddit-refresh',
  });
  const { fake, call } = await setup(t, credentials);
  fake.route('GET /r/python/hot', { body: listing([post('a1')]) });
  for (let i = 0; i < 3; i++) data(await call('retrieve_reddit_post', { subreddit: 'python' }));
  assert.deepEqual(
    fake.requests.map((r) => r.headers.authorization),
    ['Bearer old-access', 'Bearer old-access', 'Bearer new-access'],
  );
});
