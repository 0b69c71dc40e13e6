import assert from 'node:assert/strict';
import { test } from 'node:test';
import { list } from './fake-attio.js';
import { data, setup } from './harness.js';

test('a token replaced mid-session (Attio’s do not expire; the user signs in again) is used from the next call', async (t) => {
  let lookups = 0;
  const credentials = async () => ({ access_token: ++lookups <= 2 ? 'old-token' : 'new-token' });
  const { fake, call } = await setup(t, credentials);
  fake.route('GET /v2/lists', { body: { data: [list] } });
  for (let i = 0; i < 3; i++) data(await call('list_lists'));
  assert.deepEqual(
    fake.requests.map((r) => r.headers.authorization),
    ['Bearer old-token', 'Bearer old-token', 'Bearer new-token'],
  );
});
