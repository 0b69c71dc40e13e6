import assert from 'node:assert/strict';
import { test } from 'node:test';
import { contact, invalidKey, success } from './fake-loops.js';
import { data, failure, KEY, setup } from './harness.js';

const FIND = 'GET /api/v1/contacts/find';

test('401 asks to sign in again, without echoing the key', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(FIND, { status: 401, body: invalidKey });
  const message = failure(await call('get_contact_by_email', { email: 'ada@example.com' }));
  assert.equal(
    message,
    'Not authenticated with loops: Loops rejected the stored API key (revoked or mistyped): Invalid API key. ' +
      'Re-authenticate with `gumcp auth loops`.',
  );
  assert.ok(!message.includes(KEY));
});

test('credentials without the key field are a sign-in error', async (t) => {
  const { fake, call } = await setup(t, { api_key: 'guMCP stored it as key' });
  assert.equal(
    failure(await call('get_contact_by_email', { email: 'ada@example.com' })),
    'Not authenticated with loops: the stored credentials hold no API key (field "key"). Re-authenticate with `gumcp auth loops`.',
  );
  assert.equal(fake.requests.length, 0);
});

test('429 (no Retry-After) is retried after Loops’ one-second window, then succeeds', async (t) => {
  const { fake, call, clock } = await setup(t);
  fake.once(FIND, {
    status: 429,
    headers: { 'x-ratelimit-limit': '10', 'x-ratelimit-remaining': '0' },
    body: {},
  });
  fake.route(FIND, { body: [contact('ada@example.com')] });
  assert.equal(data(await call('get_contact_by_email', { email: 'ada@example.com' })).found, true);
  assert.ok(clock.sleeps.includes(1000), `waited ${clock.sleeps.join(', ')}`);
  assert.equal(fake.requests.length, 2);
});

test('a send that meets a 429 is retried: Loops sent nothing', async (t) => {
  const { fake, call } = await setup(t);
  fake.once('POST /api/v1/transactional', { status: 429, body: {} });
  fake.route('POST /api/v1/transactional', { body: success });
  assert.equal(
    data(await call('send_transactional_email', { to_email: 'a@example.com', transactional_id: 't1' }))
      .status,
    'sent',
  );
  assert.equal(fake.requests.length, 2);
});

test('a 429 that persists says the limit and when to try again', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(FIND, {
    status: 429,
    headers: { 'x-ratelimit-limit': '10', 'x-ratelimit-remaining': '0' },
    body: {},
  });
  assert.equal(
    failure(await call('get_contact_by_email', { email: 'ada@example.com' })),
    'Rate limited by Loops (10 requests a second per team); try again in a second',
  );
  assert.equal(fake.requests.length, 3);
});

test('requests with one key are spaced to Loops’ 10 a second on the client', async (t) => {
  const { fake, call, clock } = await setup(t);
  fake.route(FIND, { body: [] });
  for (let i = 0; i < 3; i++) data(await call('get_contact_by_email', { email: 'ada@example.com' }));
  // The clock stands still between calls, so the second and third wait for their slots.
  assert.deepEqual(clock.sleeps, [100, 100]);
});

test('a contact creation that fails with a 500 is not retried; a read is', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('POST /api/v1/contacts/create', { status: 500, body: {} });
  assert.equal(
    failure(await call('add_contact', { body: { email: 'ada@example.com' } })),
    'Loops failed (HTTP 500); the request may have gone through, so check before trying again',
  );
  assert.equal(fake.requests.length, 1);
  fake.route(FIND, { status: 502, body: 'Bad gateway' });
  assert.equal(
    failure(await call('get_contact_by_email', { email: 'ada@example.com' })),
    'Loops failed (HTTP 502); try again later',
  );
  assert.equal(fake.requests.length, 4);
});
