import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  eventType,
  invalidArgument,
  notFound,
  pagination,
  unauthenticated,
  unknown,
} from './fake-calendly.js';
import { calls, data, failure, setup, TOKEN } from './harness.js';

const GET_ET = 'GET /event_types/ET1';

test('401 asks the user to re-authenticate, without echoing the token', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /users/me', { status: 401, body: unauthenticated });
  const message = failure(await call('list_event_types'));
  assert.equal(
    message,
    'Not authenticated with calendly: Calendly rejected the stored token (expired or revoked): ' +
      'The access token is invalid. Re-authenticate with `gumcp auth calendly`.',
  );
  assert.ok(!message.includes(TOKEN));
});

test('403 about a scope names the scope the tool needs', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /event_types', {
    status: 403,
    body: { title: 'Permission Denied', message: 'The access token does not have the required scope' },
  });
  assert.equal(
    failure(await call('list_event_types')),
    'Permission denied: the stored token lacks the scope "default". Re-authenticate to grant it.',
  );
});

test('404 names the event type', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /event_type_available_times', { status: 404, body: notFound });
  assert.equal(
    failure(await call('get_availability', { event_type_id: 'MISSING' })),
    'Event type not found: MISSING',
  );
});

test('400 gives Calendly’s message and each parameter’s problem', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /scheduled_events', { status: 400, body: invalidArgument('min_start_time', 'is invalid') });
  assert.equal(
    failure(await call('list_scheduled_events')),
    'Calendly rejected the request for Scheduled events of the signed-in user (HTTP 400): ' +
      'The supplied parameters are invalid. (min_start_time: is invalid)',
  );
});

test('429 without Retry-After waits the X-RateLimit-Reset seconds, then succeeds', async (t) => {
  const { fake, call, waits } = await setup(t);
  fake.once(GET_ET, {
    status: 429,
    headers: { 'x-ratelimit-limit': '500', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '12' },
    body: { title: 'Too Many Requests', message: 'Rate limit exceeded' },
  });
  fake.route(GET_ET, { body: { resource: eventType('ET1') } });
  fake.route('POST /scheduling_links', {
    status: 201,
    body: { resource: { booking_url: 'https://calendly.com/d/x', owner: 'o', owner_type: 'EventType' } },
  });

  data(await call('create_scheduling_link', { event_type_id: 'ET1' }));

  assert.deepEqual(waits, [12_000]);
  assert.equal(calls(fake).filter((r) => r.path === '/event_types/ET1').length, 2);
});

test('429 with Retry-After 0 is retried at once', async (t) => {
  const { fake, call, waits } = await setup(t);
  fake.once('GET /event_types', { status: 429, headers: { 'retry-after': '0' }, body: {} });
  fake.route('GET /event_types', {
    body: { collection: [], pagination: pagination('event_types', 100, null) },
  });
  data(await call('list_event_types'));
  assert.deepEqual(waits, [0]);
});

test('a 429 that persists says when the limit resets', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(GET_ET, {
    status: 429,
    headers: { 'x-ratelimit-limit': '50', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '30' },
    body: {},
  });
  assert.equal(
    failure(await call('create_scheduling_link', { event_type_id: 'ET1' })),
    'Rate limited by Calendly (50 requests a minute); the limit resets in 30 s',
  );
  // The first attempt and two retries.
  assert.equal(calls(fake).length, 3);
});

test('a reset further away than a minute is not waited for', async (t) => {
  const { fake, call, waits } = await setup(t);
  fake.route(GET_ET, { status: 429, headers: { 'x-ratelimit-reset': '3600' }, body: {} });
  assert.match(failure(await call('create_scheduling_link', { event_type_id: 'ET1' })), /resets in 3600 s/);
  assert.deepEqual(waits, []);
});

test('5xx on a read is retried, then reported', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(GET_ET, { status: 503, body: unknown });
  assert.equal(
    failure(await call('create_scheduling_link', { event_type_id: 'ET1' })),
    'Calendly failed (HTTP 503); try again later',
  );
  assert.equal(calls(fake).length, 3);
});

test('no stored access token is a sign-in error', async (t) => {
  const { call } = await setup(t, { refresh_token: 'r' });
  assert.equal(
    failure(await call('list_event_types')),
    'Not authenticated with calendly: the stored credentials hold no access token. Re-authenticate with `gumcp auth calendly`.',
  );
});
