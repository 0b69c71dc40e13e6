import assert from 'node:assert/strict';
import { test } from 'node:test';
import { doc, errors, JSONAPI, list } from './fake-klaviyo.js';
import { answer, CREDENTIALS, data, route, setup } from './harness.js';

test('a token refreshed mid-session is used from the next call on', async (t) => {
  let lookups = 0;
  const { fake, call } = await setup(t, async () => ({
    ...CREDENTIALS,
    access_token: ++lookups <= 1 ? 'old-access' : 'new-access',
  }));
  fake.route(route('GET', 'lists'), answer(doc([list()])));
  data(await call('get_lists'));
  data(await call('get_lists'));
  assert.deepEqual(
    fake.requests.map((r) => r.headers.authorization),
    ['Bearer old-access', 'Bearer new-access'],
  );
});

test('a retried request picks up a token refreshed between attempts', async (t) => {
  let lookups = 0;
  const { fake, call } = await setup(t, async () => ({
    ...CREDENTIALS,
    access_token: ++lookups <= 1 ? 'old-access' : 'new-access',
  }));
  fake.once(route('GET', 'lists'), {
    status: 503,
    headers: JSONAPI,
    body: errors(503, 'error', 'Unavailable.', 'Try again.'),
  });
  fake.route(route('GET', 'lists'), answer(doc([])));
  data(await call('get_lists'));
  assert.deepEqual(
    fake.requests.map((r) => r.headers.authorization),
    ['Bearer old-access', 'Bearer new-access'],
  );
});
