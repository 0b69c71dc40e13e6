import assert from 'node:assert/strict';
import { test } from 'node:test';
import { me } from './fake-figma.js';
import { data, failure, setup } from './harness.js';

test('a token refreshed mid-session is used from the next request on', async (t) => {
  // The credential source refreshes after the second lookup, as an expiring OAuth token would be.
  let lookups = 0;
  const credentials = async () => {
    lookups += 1;
    return { access_token: lookups <= 2 ? 'figu_old' : 'figu_new', refresh_token: 'figr_refresh' };
  };
  const { fake, call } = await setup(t, credentials);
  fake.route('GET /v1/me', { body: me() });
  for (let i = 0; i < 3; i++) data(await call('get_me'));
  assert.deepEqual(
    fake.requests.map((r) => r.headers.authorization),
    ['Bearer figu_old', 'Bearer figu_old', 'Bearer figu_new'],
  );
});

test('a personal access token is sent in X-Figma-Token, not as a bearer token', async (t) => {
  const { fake, call } = await setup(t, { personal_access_token: 'figd_personal-token' });
  fake.route('GET /v1/me', { body: me() });
  data(await call('get_me'));
  const [req] = fake.requests;
  assert.equal(req?.headers['x-figma-token'], 'figd_personal-token');
  assert.equal(req?.headers.authorization, undefined);
});

test('an api_key field is taken as a personal access token; an OAuth token wins over both', async (t) => {
  const pat = await setup(t, { api_key: 'figd_key' });
  pat.fake.route('GET /v1/me', { body: me() });
  data(await pat.call('get_me'));
  assert.equal(pat.fake.requests[0]?.headers['x-figma-token'], 'figd_key');

  const both = await setup(t, { access_token: 'figu_oauth', personal_access_token: 'figd_pat' });
  both.fake.route('GET /v1/me', { body: me() });
  data(await both.call('get_me'));
  assert.equal(both.fake.requests[0]?.headers.authorization, 'Bearer figu_oauth');
  assert.equal(both.fake.requests[0]?.headers['x-figma-token'], undefined);
});

test('a revoked personal access token asks to re-authenticate without echoing it', async (t) => {
  const { fake, call } = await setup(t, { personal_access_token: 'figd_secret-pat' });
  fake.route('GET /v1/me', { status: 403, body: { status: 403, err: 'Invalid token' } });
  const message = failure(await call('get_me'));
  assert.match(message, /^Not authenticated with figma/);
  assert.ok(!message.includes('figd_secret-pat'));
});
