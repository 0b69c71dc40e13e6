import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fakeFor } from '../../../testing/fake-service.js';
import { verifyApiKey, whoAmI } from '../api.js';
import pagerduty from '../index.js';
import { page, pdError, schedule, unauthorized, user } from './fake-pagerduty.js';
import { API_KEY, assertHeaders, data, EMAIL, failure, setup } from './harness.js';

const LAYER = {
  start: '2025-11-06T20:00:00Z',
  rotation_virtual_start: '2025-11-06T20:00:00Z',
  rotation_turn_length_seconds: 86400,
  users: ['PXPGF42'],
};
const FAST = { retries: 0 };

test('a REST API key is sent as Token token=<key>', async (t) => {
  const { fake, call } = await setup(t, { api_key: API_KEY });
  fake.route('GET /services', { body: page('services', [], 0, 25, false) });
  data(await call('list_services', { email_from: EMAIL }));
  assertHeaders(fake.requests[0] as never, `Token token=${API_KEY}`);
});

test('a token refreshed mid-session is used from the next request on', async (t) => {
  let lookups = 0;
  const credentials = async () => {
    lookups += 1;
    return { access_token: lookups <= 1 ? 'at-old' : 'at-new', refresh_token: 'rt' };
  };
  const { fake, call } = await setup(t, credentials);
  fake.route('GET /services', { body: page('services', [], 0, 25, false) });
  data(await call('list_services', { email_from: EMAIL }));
  data(await call('list_services', { email_from: EMAIL }));
  assert.deepEqual(
    fake.requests.map((r) => r.headers.authorization),
    ['Bearer at-old', 'Bearer at-new'],
  );
});

test('"me" with an account API key (no user) names email_from and what to give instead', async (t) => {
  const { fake, call } = await setup(t, { api_key: API_KEY });
  fake.route('GET /users/me', {
    status: 400,
    body: pdError(2001, 'Invalid Input Provided', ['Requires a user']),
  });
  assert.equal(
    failure(
      await call('create_schedule', {
        email_from: 'me',
        name: 'S',
        time_zone: 'UTC',
        schedule_layers: [LAYER],
      }),
    ),
    'email_from: "me" needs a user\'s token (OAuth or a user API key); with an account API key give the email of a PagerDuty user',
  );
  assert.deepEqual(
    fake.requests.map((r) => r.path),
    ['/users/me'],
  );
});

test('sign-in learns the token’s user (GET /users/me) and stores its id and email', async (t) => {
  const fake = await fakeFor(t, 'pagerduty');
  fake.route('GET /users/me', { body: { user: user('PME0001', { email: 'me@example.com' }) } });
  const auth = pagerduty.auth;
  assert.equal(auth.kind, 'oauth2');
  if (auth.kind !== 'oauth2') return;
  assert.deepEqual(await auth.provider.discover?.({ access_token: 'new-token' }), {
    user_id: 'PME0001',
    email: 'me@example.com',
  });
  assert.equal(fake.requests[0]?.headers.authorization, 'Bearer new-token');
});

test('sign-in stores nothing more when PagerDuty cannot say who the token is', async (t) => {
  const fake = await fakeFor(t, 'pagerduty');
  fake.route('GET /users/me', { status: 503, body: {} });
  assert.deepEqual(await whoAmI({ access_token: 'tok' }, FAST), {});
});

test('a user API key is checked at entry and its user stored', async (t) => {
  const fake = await fakeFor(t, 'pagerduty');
  fake.route('GET /users/me', { body: { user: user('PXPGF42') } });
  assert.deepEqual(await verifyApiKey({ api_key: ` ${API_KEY} ` }, FAST), {
    user_id: 'PXPGF42',
    email: '125.greenholt.earline@graham.name',
  });
  assert.equal(fake.requests[0]?.headers.authorization, `Token token=${API_KEY}`);
});

test('an account API key (which /users/me refuses) is checked with GET /abilities', async (t) => {
  const fake = await fakeFor(t, 'pagerduty');
  fake.route('GET /users/me', { status: 400, body: pdError(2001, 'Invalid Input Provided') });
  fake.route('GET /abilities', { body: { abilities: ['teams', 'read_only_users'] } });
  assert.deepEqual(await verifyApiKey({ api_key: API_KEY }, FAST), {});
  assert.deepEqual(
    fake.requests.map((r) => r.path),
    ['/users/me', '/abilities'],
  );
});

test('a wrong API key fails at entry, without echoing it', async (t) => {
  const fake = await fakeFor(t, 'pagerduty');
  fake.route('GET /users/me', { status: 401, body: unauthorized });
  await assert.rejects(verifyApiKey({ api_key: API_KEY }, FAST), (error: Error) => {
    assert.equal(
      error.message,
      'PagerDuty rejected the API key: check that it was copied whole and has not been deleted',
    );
    return true;
  });
  await assert.rejects(verifyApiKey({ api_key: ' ' }, FAST), /api_key/);
});

test('the schedule answer a create gives is returned whole', async (t) => {
  const { fake, call } = await setup(t, { api_key: API_KEY });
  fake.route('POST /schedules', { status: 201, body: { schedule: schedule('PNEW001') } });
  const out = data(
    await call('create_schedule', {
      email_from: EMAIL,
      name: 'S',
      time_zone: 'UTC',
      schedule_layers: [LAYER],
    }),
  );
  assert.deepEqual(out.schedule, schedule('PNEW001'));
});
