import assert from 'node:assert/strict';
import { test } from 'node:test';
import { account } from './fake-dropbox.js';
import { data, failure, setup } from './harness.js';

test('a token refreshed mid-session is used from the next request on', async (t) => {
  // The credential source refreshes after the second lookup, as the core's refresh does for a
  // 4-hour Dropbox token close to expiry.
  let lookups = 0;
  const credentials = async () => {
    lookups += 1;
    return { access_token: lookups <= 2 ? 'sl.old' : 'sl.new', refresh_token: 'rt' };
  };
  const { api, call } = await setup(t, credentials);
  api.route('POST /2/users/get_current_account', { body: account() });
  for (let i = 0; i < 3; i++) data(await call('get_user_info'));
  assert.deepEqual(
    api.requests.map((r) => r.headers.authorization),
    ['Bearer sl.old', 'Bearer sl.old', 'Bearer sl.new'],
  );
});

test('without an access token no request is made, and the message says how to sign in', async (t) => {
  const { api, call } = await setup(t, { refresh_token: 'rt' });
  assert.equal(
    failure(await call('get_user_info')),
    'Not authenticated with dropbox: the stored credentials hold no access token. Re-authenticate with `gumcp auth dropbox`.',
  );
  assert.equal(api.requests.length, 0);
});
