import assert from 'node:assert/strict';
import { test } from 'node:test';
import { accessDenied, notFound, page, pdError, schedule, unauthorized } from './fake-pagerduty.js';
import { API_KEY, data, EMAIL, failure, setup, TOKEN } from './harness.js';

const LAYER = {
  start: '2025-11-06T20:00:00Z',
  rotation_virtual_start: '2025-11-06T20:00:00Z',
  rotation_turn_length_seconds: 86400,
  users: ['PXPGF42'],
};
const empty = { body: page('incidents', [], 0, 25, false) };

test('401 with an OAuth token asks to sign in again, without echoing the token', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /incidents', { status: 401, body: unauthorized });
  const message = failure(await call('list_incidents', { email_from: EMAIL }));
  assert.equal(
    message,
    'Not authenticated with pagerduty: PagerDuty rejected the stored token (expired or revoked): ' +
      'Authentication failed. Re-authenticate with `gumcp auth pagerduty`.',
  );
  assert.ok(!message.includes(TOKEN));
});

test('401 with an API key says to store a new key, without echoing it', async (t) => {
  const { fake, call } = await setup(t, { api_key: API_KEY });
  fake.route('GET /users/PXPGF42', { status: 401, body: unauthorized });
  const message = failure(await call('get_user', { id: 'PXPGF42' }));
  assert.match(message, /PagerDuty rejected the stored API key .*`gumcp auth pagerduty --api-key`/);
  assert.ok(!message.includes(API_KEY));
});

test('403 on a write (a read-only token or key) names the write scope', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('DELETE /schedules/PI7DH85', { status: 403, body: accessDenied });
  assert.equal(
    failure(await call('delete_schedule', { id: 'PI7DH85', email_from: EMAIL })),
    'Permission denied: the stored token lacks the scope "write". Re-authenticate to grant it.',
  );
});

test('403 on a read names what was denied', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /schedules/PI7DH85', { status: 403, body: accessDenied });
  assert.equal(
    failure(await call('get_schedule', { id: 'PI7DH85', email_from: EMAIL })),
    'PagerDuty denied access to Schedule PI7DH85: Access Denied',
  );
});

test('404 names the schedule', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /schedules/PMISSING', { status: 404, body: notFound });
  assert.equal(
    failure(await call('get_schedule', { id: 'PMISSING', email_from: EMAIL })),
    'Schedule not found: PMISSING',
  );
});

test('402 says the plan lacks the feature', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /oncalls', { status: 402, body: pdError(2012, 'Payment Required') });
  assert.equal(
    failure(await call('list_oncalls', { email_from: EMAIL })),
    "The PagerDuty account's plan does not include this feature: Payment Required",
  );
});

test('429 waits the ratelimit-reset seconds, then succeeds', async (t) => {
  const { fake, call, waits } = await setup(t);
  fake.once('GET /incidents', {
    status: 429,
    headers: { 'ratelimit-limit': '960', 'ratelimit-remaining': '0', 'ratelimit-reset': '7' },
    body: pdError(2020, 'Rate Limit Exceeded'),
  });
  fake.route('GET /incidents', empty);
  data(await call('list_incidents', { email_from: EMAIL }));
  assert.deepEqual(waits, [7000]);
  assert.equal(fake.requests.length, 2);
});

test('429 with Retry-After 0 is retried at once, also for a create (PagerDuty did nothing)', async (t) => {
  const { fake, call, waits } = await setup(t);
  fake.once('POST /schedules', { status: 429, headers: { 'retry-after': '0' }, body: {} });
  fake.route('POST /schedules', { status: 201, body: { schedule: schedule('PNEW001') } });
  data(
    await call('create_schedule', {
      email_from: EMAIL,
      name: 'S',
      time_zone: 'UTC',
      schedule_layers: [LAYER],
    }),
  );
  assert.deepEqual(waits, [0]);
  assert.equal(fake.requests.length, 2);
});

test('a 429 that persists says when the limit resets', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /incidents', {
    status: 429,
    headers: { 'ratelimit-limit': '960', 'ratelimit-reset': '30' },
    body: pdError(2020, 'Rate Limit Exceeded'),
  });
  assert.equal(
    failure(await call('list_incidents', { email_from: EMAIL })),
    'Rate limited by PagerDuty (960 requests a minute); the limit resets in 30 s',
  );
  assert.equal(fake.requests.length, 3);
});

test('5xx on a read is retried, then reported', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /services', { status: 500, body: {} });
  assert.equal(
    failure(await call('list_services', { email_from: EMAIL })),
    'PagerDuty failed (HTTP 500); try again later',
  );
  assert.equal(fake.requests.length, 3);
});

test('no stored token or key is a sign-in error', async (t) => {
  const { fake, call } = await setup(t, { refresh_token: 'r' });
  assert.equal(
    failure(await call('list_services', { email_from: EMAIL })),
    'Not authenticated with pagerduty: the stored credentials hold neither an access token nor an API key. ' +
      'Re-authenticate with `gumcp auth pagerduty`.',
  );
  assert.equal(fake.requests.length, 0);
});
