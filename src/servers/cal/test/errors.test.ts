import assert from 'node:assert/strict';
import { test } from 'node:test';
import { booking, error, ok } from './fake-cal.js';
import { data, failure, KEY, setup } from './harness.js';

const PATH = '/v2/bookings/abc123';

test('401 asks to sign in again with gumcp auth cal, without echoing the key', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`GET ${PATH}`, {
    status: 401,
    body: error(PATH, 'UnauthorizedException', `ApiKeyStrategy - api key ${KEY} is invalid`),
  });
  const message = failure(await call('get_booking', { bookingUid: 'abc123' }));
  assert.equal(
    message,
    'Not authenticated with cal: Cal.com rejected the stored API key (expired, revoked or mistyped): ' +
      'ApiKeyStrategy - api key cal_… is invalid. Re-authenticate with `gumcp auth cal`.',
  );
  assert.ok(!message.includes(KEY));
});

test('no stored key is a sign-in error', async (t) => {
  const { fake, call } = await setup(t, { key: 'wrong field' });
  assert.equal(
    failure(await call('get_me')),
    'Not authenticated with cal: the stored credentials hold no api_key. Re-authenticate with `gumcp auth cal`.',
  );
  assert.equal(fake.requests.length, 0);
});

test('403 gives Cal.com’s reason', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`GET ${PATH}`, {
    status: 403,
    body: error(PATH, 'ForbiddenException', 'You are not allowed to view this booking'),
  });
  assert.equal(
    failure(await call('get_booking', { bookingUid: 'abc123' })),
    'Cal.com denied access to Booking abc123: You are not allowed to view this booking',
  );
});

test('404 names the booking', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`GET ${PATH}`, {
    status: 404,
    body: error(PATH, 'NotFoundException', 'Booking with uid=abc123 was not found'),
  });
  fake.route('POST /v2/bookings/abc123/confirm', {
    status: 404,
    body: error(PATH, 'NotFoundException', 'not found'),
  });
  assert.equal(failure(await call('get_booking', { bookingUid: 'abc123' })), 'Booking not found: abc123');
  assert.equal(failure(await call('confirm_booking', { bookingUid: 'abc123' })), 'Booking not found: abc123');
});

test('429 is retried after the reset Cal.com names, then succeeds', async (t) => {
  const { fake, call, waits } = await setup(t);
  fake.once(`GET ${PATH}`, {
    status: 429,
    headers: {
      'x-ratelimit-limit-default': '120',
      'x-ratelimit-remaining-default': '0',
      'x-ratelimit-reset-default': '3',
    },
    body: error(PATH, 'ThrottlerException', 'ThrottlerException: Too Many Requests'),
  });
  fake.route(`GET ${PATH}`, { body: ok(booking('abc123')) });
  data(await call('get_booking', { bookingUid: 'abc123' }));
  assert.deepEqual(waits, [3000]);
  assert.equal(fake.requests.length, 2);
});

test('429 with Retry-After 0 on a new booking is retried: Cal.com did not book', async (t) => {
  const { fake, call, waits } = await setup(t);
  fake.once('POST /v2/bookings', { status: 429, headers: { 'retry-after': '0' }, body: {} });
  fake.route('POST /v2/bookings', { status: 201, body: ok(booking('n1')) });
  data(
    await call('create_booking', {
      start: '2031-08-13T15:30:00Z',
      attendee: { name: 'J', email: 'j@example.com' },
      eventTypeId: 50,
    }),
  );
  assert.deepEqual(waits, [0]);
  assert.equal(fake.requests.length, 2);
});

test('a 429 that persists says when the limit resets', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`GET ${PATH}`, { status: 429, headers: { 'x-ratelimit-reset-default': '42' }, body: {} });
  assert.equal(
    failure(await call('get_booking', { bookingUid: 'abc123' })),
    'Rate limited by Cal.com; the limit resets in 42 s',
  );
  assert.equal(fake.requests.length, 3);
});

test('5xx on a read is retried, then reported', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /v2/schedules', { status: 502, body: 'Bad gateway' });
  assert.equal(failure(await call('get_schedules')), 'Cal.com failed (HTTP 502); try again later');
  assert.equal(fake.requests.length, 3);
});
