import assert from 'node:assert/strict';
import { test } from 'node:test';
import { me, ok } from './fake-monday.js';
import { data, setup } from './harness.js';

test('a token refreshed mid-session is used from the next call on', async (t) => {
  let lookups = 0;
  const credentials = async () => ({
    access_token: ++lookups === 1 ? 'old-token' : 'new-token',
    refresh_token: 'r',
  });
  const { fake, call } = await setup(t, credentials);
  fake.route('POST /v2', ok({ me: me() }));

  data(await call('get_me'));
  data(await call('get_me'));

  assert.deepEqual(
    fake.requests.map((r) => r.headers.authorization),
    ['old-token', 'new-token'],
  );
});

test('a request retried after throttling picks up a token refreshed between attempts', async (t) => {
  let lookups = 0;
  const credentials = async () => ({ access_token: ++lookups === 1 ? 'old-token' : 'new-token' });
  const { fake, call } = await setup(t, credentials);
  fake.once('POST /v2', {
    body: {
      errors: [
        {
          message: 'Complexity budget exhausted',
          extensions: { code: 'COMPLEXITY_BUDGET_EXHAUSTED', retry_in_seconds: 0 },
        },
      ],
    },
  });
  fake.route('POST /v2', ok({ me: me() }));

  data(await call('get_me'));

  assert.deepEqual(
    fake.requests.map((r) => r.headers.authorization),
    ['old-token', 'new-token'],
  );
});
