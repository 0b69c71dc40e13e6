import assert from 'node:assert/strict';
import { test } from 'node:test';
import { data, failure, setup } from './harness.js';

test('a token refreshed mid-session is used from the next request on', async (t) => {
  let lookups = 0;
  const credentials = async () => {
    lookups += 1;
    return lookups <= 2
      ? { access_token: 'at-old', refresh_token: 'rt-old' }
      : { access_token: 'at-new', refresh_token: 'rt-new' };
  };
  const { fake, call } = await setup(t, credentials);
  fake.route('GET /rest/v1/users/me/profile', { body: { profile: { display_name: 'Alice' } } });
  for (let i = 0; i < 3; i++) data(await call('get_user_profile'));
  assert.deepEqual(
    fake.requests.map((r) => r.headers.authorization),
    ['Bearer at-old', 'Bearer at-old', 'Bearer at-new'],
  );
});

test('without an access token no request is made, and the message says how to sign in', async (t) => {
  const { fake, call } = await setup(t, { refresh_token: 'rt' });
  assert.equal(
    failure(await call('get_user_profile')),
    'Not authenticated with canva: the stored credentials hold no access token. Re-authenticate with `gumcp auth canva`.',
  );
  assert.equal(fake.requests.length, 0);
});
