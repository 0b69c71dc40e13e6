import assert from 'node:assert/strict';
import { test } from 'node:test';
import { user } from './fake-jira.js';
import { CREDENTIALS, data, route, setup } from './harness.js';

test('a token refreshed mid-session is used from the next call on', async (t) => {
  // The credential source hands out a new (rotated) token from the third lookup on, as after a refresh.
  let lookups = 0;
  const credentials = async () => {
    lookups += 1;
    return { ...CREDENTIALS, access_token: lookups <= 2 ? 'old-access' : 'new-access' };
  };
  const { fake, call } = await setup(t, credentials);
  fake.route(route('GET', 'myself'), { body: user() });

  data(await call('get_myself', {}));
  data(await call('get_myself', {}));

  assert.deepEqual(
    fake.requests.map((r) => r.headers.authorization),
    ['Bearer old-access', 'Bearer new-access'],
  );
});

test('a retried request picks up a token refreshed between attempts', async (t) => {
  let lookups = 0;
  const credentials = async () => ({
    ...CREDENTIALS,
    access_token: ++lookups <= 2 ? 'old-access' : 'new-access',
  });
  const { fake, call } = await setup(t, credentials);
  fake.once(route('GET', 'myself'), { status: 503, body: '' });
  fake.route(route('GET', 'myself'), { body: user() });

  data(await call('get_myself', {}));

  assert.deepEqual(
    fake.requests.map((r) => r.headers.authorization),
    ['Bearer old-access', 'Bearer new-access'],
  );
});
