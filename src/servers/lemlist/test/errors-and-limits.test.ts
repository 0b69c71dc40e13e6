import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseRateLimitReset } from '../errors.js';
import { errors, team } from './fake-lemlist.js';
import { data, failure, KEY, setup } from './harness.js';

const TEAM = 'GET /api/team';

test('X-RateLimit-Reset is read in lemlist’s documented format (a JavaScript date string with its offset)', () => {
  assert.equal(
    parseRateLimitReset('Tue Feb 16 2021 09:02:42 GMT+0100 (Central European Standard Time)'),
    Date.UTC(2021, 1, 16, 8, 2, 42),
  );
  assert.equal(
    parseRateLimitReset('Mon Mar 03 2025 18:30:00 GMT-0500 (Eastern Standard Time)'),
    Date.UTC(2025, 2, 3, 23, 30),
  );
  assert.equal(parseRateLimitReset('Tue, 16 Feb 2021 08:02:42 GMT'), Date.UTC(2021, 1, 16, 8, 2, 42));
  assert.equal(parseRateLimitReset('1613462562'), 1613462562000);
  assert.equal(parseRateLimitReset('soon'), undefined);
  assert.equal(parseRateLimitReset(null), undefined);
});

test('401 asks to sign in again, without echoing the key', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(TEAM, { status: 401, body: errors.badAuth });
  const message = failure(await call('get_team'));
  assert.equal(
    message,
    'Not authenticated with lemlist: lemlist rejected the stored API key (revoked or mistyped). ' +
      'Re-authenticate with `gumcp auth lemlist`.',
  );
  assert.ok(!message.includes(KEY));
});

test('lemlist’s 404 "No user found for this API key" is a sign-in problem, not a missing resource', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(TEAM, { status: 404, body: errors.noUser });
  assert.match(failure(await call('get_team')), /^Not authenticated with lemlist/);
});

test('403 gives lemlist’s reason', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(TEAM, { status: 403, body: errors.blocked });
  assert.equal(
    failure(await call('get_team')),
    'lemlist refused the request for Team of this API key: User linked to this API key is blocked',
  );
});

test('a key lemlist echoes back in an error is cut out', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(TEAM, { status: 400, body: `Bad team for key ${KEY}` });
  const message = failure(await call('get_team'));
  assert.ok(!message.includes(KEY));
  assert.match(message, /\[redacted\]/);
});

test('429 with Retry-After is retried after it, then succeeds', async (t) => {
  const { fake, call } = await setup(t);
  fake.once(TEAM, { status: 429, headers: { 'retry-after': '0' }, body: 'Too many requests' });
  fake.route(TEAM, { body: team });
  data(await call('get_team'));
  assert.equal(fake.requests.length, 2);
});

test('429 without Retry-After waits until the X-RateLimit-Reset date, then succeeds', async (t) => {
  const { fake, call, clock } = await setup(t);
  // The clock reads 2023-11-14T22:13:20Z; the reset is 5 s later, written as lemlist writes it.
  fake.once(TEAM, {
    status: 429,
    headers: {
      'x-ratelimit-limit': '20',
      'x-ratelimit-remaining': '0',
      'x-ratelimit-reset': 'Tue Nov 14 2023 23:13:25 GMT+0100 (Central European Standard Time)',
    },
    body: 'Too many requests',
  });
  fake.route(TEAM, { body: team });
  data(await call('get_team'));
  assert.deepEqual(clock.sleeps, [5000]);
  assert.equal(fake.requests.length, 2);
});

test('a 429 that persists says lemlist’s limit and when it resets', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(TEAM, {
    status: 429,
    headers: { 'x-ratelimit-reset': 'Tue Nov 14 2023 23:13:21 GMT+0100 (Central European Standard Time)' },
    body: 'Too many requests',
  });
  assert.equal(
    failure(await call('get_team')),
    'Rate limited by lemlist (20 requests per 2 seconds per API key); it resets at 2023-11-14T22:13:21.000Z',
  );
  assert.equal(fake.requests.length, 3);
});

test('a reset too far away is not waited for: the call fails at once with the time', async (t) => {
  const { fake, call, clock } = await setup(t, undefined, { maxRetryAfterMs: 10_000 });
  fake.route(TEAM, {
    status: 429,
    headers: { 'x-ratelimit-reset': 'Tue Nov 14 2023 23:43:20 GMT+0100 (Central European Standard Time)' },
    body: 'Too many requests',
  });
  assert.match(failure(await call('get_team')), /it resets at 2023-11-14T22:43:20\.000Z$/);
  assert.equal(fake.requests.length, 1);
  assert.deepEqual(clock.sleeps, []);
});

test('5xx on a read is retried, then reported', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(TEAM, { status: 502, body: 'Bad gateway' });
  assert.equal(failure(await call('get_team')), 'lemlist failed (HTTP 502); try again later');
  assert.equal(fake.requests.length, 3);
});

test('requests with one key are kept within 20 per 2 seconds on the client', async (t) => {
  const { fake, call, clock } = await setup(t);
  fake.route(TEAM, { body: team });
  for (let i = 0; i < 41; i++) data(await call('get_team'));
  // The clock moves only when a call waits: calls 1-20 go at once, 21 waits 2 s for the window to pass,
  // 22-40 go with it, and 41 waits again.
  assert.deepEqual(clock.sleeps, [2000, 2000]);
  assert.equal(fake.requests.length, 41);
});
