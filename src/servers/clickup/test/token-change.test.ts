import assert from 'node:assert/strict';
import { test } from 'node:test';
import { team } from './fake-clickup.js';
import { data, setup } from './harness.js';

test('a token replaced mid-session (ClickUp has no refresh; the user signs in again) is used from the next call', async (t) => {
  let lookups = 0;
  const credentials = async () => ({ access_token: ++lookups <= 2 ? 'old_token' : 'new_token' });
  const { fake, call } = await setup(t, credentials);
  fake.route('GET /api/v2/team', { body: { teams: [team] } });
  for (let i = 0; i < 3; i++) data(await call('get_workspaces'));
  assert.deepEqual(
    fake.requests.map((r) => r.headers.authorization),
    ['old_token', 'old_token', 'new_token'],
  );
});
