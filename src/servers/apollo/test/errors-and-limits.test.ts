import assert from 'node:assert/strict';
import { test } from 'node:test';
import { contactStages, errors, limits } from './fake-apollo.js';
import { data, failure, KEY, setup } from './harness.js';

const STAGES = 'GET /api/v1/contact_stages';
const CREATE = 'POST /api/v1/contacts';

test('401 asks to sign in again, without echoing the key', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(STAGES, { status: 401, body: errors.invalidKey });
  const message = failure(await call('list_contact_stages'));
  assert.equal(
    message,
    'Not authenticated with apollo: Apollo rejected the stored API key (revoked or mistyped). ' +
      'Re-authenticate with `gumcp auth apollo`.',
  );
  assert.ok(!message.includes(KEY));
});

test('a key Apollo echoes back in an error is cut out', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(STAGES, { status: 422, body: { error: `bad key ${KEY}` } });
  const message = failure(await call('list_contact_stages'));
  assert.ok(!message.includes(KEY));
  assert.match(message, /\[redacted\]/);
});

test('a per-minute 429 is waited out (a minute, Apollo’s fixed window) and retried, even for a create', async (t) => {
  const { fake, call, clock } = await setup(t);
  fake.once(CREATE, {
    status: 429,
    headers: limits({ minute: 0, hourly: 400, daily: 1500 }),
    body: { message: 'The maximum number of api calls allowed for api/v1/contacts is 50 times per minute.' },
  });
  fake.route(CREATE, { body: { contact: { id: 'c1', name: 'A B' } } });
  data(await call('create_contact', { first_name: 'A', last_name: 'B' }));
  assert.deepEqual(clock.sleeps, [60_000]);
  assert.equal(fake.requests.length, 2);
});

test('an hourly 429 is not retried: it says which limit and by when it resets', async (t) => {
  const { fake, call, clock } = await setup(t);
  fake.route(STAGES, {
    status: 429,
    headers: limits({ minute: 30, hourly: 0, daily: 1500 }),
    body: errors.hourly,
  });
  assert.equal(
    failure(await call('list_contact_stages')),
    'Rate limited by Apollo: the hourly limit of 600 requests is used up; it resets by 2023-11-14T23:13:20.000Z ' +
      "at the latest (Apollo's fixed hour window); not retried",
  );
  assert.equal(fake.requests.length, 1);
  assert.deepEqual(clock.sleeps, []);
});

test('an hourly 429 is not retried even with a short Retry-After', async (t) => {
  const { fake, call, clock } = await setup(t);
  fake.route(STAGES, {
    status: 429,
    headers: { ...limits({ minute: 30, hourly: 0, daily: 1500 }), 'retry-after': '1' },
    body: errors.hourly,
  });
  assert.match(
    failure(await call('list_contact_stages')),
    /^Rate limited by Apollo: the hourly limit of 600 requests/,
  );
  assert.equal(fake.requests.length, 1);
  assert.deepEqual(clock.sleeps, []);
});

test('a daily 429 is named even when the minute and hour are used up too, and not retried', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(STAGES, { status: 429, headers: limits({ minute: 0, hourly: 0, daily: 0 }), body: {} });
  assert.equal(
    failure(await call('list_contact_stages')),
    'Rate limited by Apollo: the daily limit of 2000 requests is used up; it resets by 2023-11-15T22:13:20.000Z ' +
      "at the latest (Apollo's fixed 24-hour window); not retried",
  );
  assert.equal(fake.requests.length, 1);
});

test('without the headers, Apollo’s message names the limit', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(STAGES, { status: 429, body: errors.hourly });
  assert.match(
    failure(await call('list_contact_stages')),
    /^Rate limited by Apollo: the hourly limit of 600 requests/,
  );
  assert.equal(fake.requests.length, 1);
});

test('a per-minute 429 that persists says when the minute resets', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(STAGES, { status: 429, headers: limits({ minute: 0, hourly: 10, daily: 10 }), body: {} });
  assert.equal(
    failure(await call('list_contact_stages')),
    'Rate limited by Apollo: the per-minute limit of 50 requests is used up; it resets within a minute (by 2023-11-14T22:16:20.000Z)',
  );
  assert.equal(fake.requests.length, 3);
});

test('a 429 with Retry-After is waited for as Apollo says', async (t) => {
  const { fake, call } = await setup(t);
  fake.once(STAGES, { status: 429, headers: { 'retry-after': '0' }, body: {} });
  fake.route(STAGES, { body: contactStages });
  data(await call('list_contact_stages'));
  assert.equal(fake.requests.length, 2);
});

test('5xx on a read is retried, then reported', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(STAGES, { status: 503, body: 'Service unavailable' });
  assert.equal(failure(await call('list_contact_stages')), 'Apollo failed (HTTP 503); try again later');
  assert.equal(fake.requests.length, 3);
});
