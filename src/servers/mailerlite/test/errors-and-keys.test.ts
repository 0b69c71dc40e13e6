import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fakeFor, only, query } from '../../../testing/fake-service.js';
import { verifyMailerLiteKey } from '../api.js';
import { cursorPage, IDS, subscriber, tooManyAttempts, unauthenticated } from './fake-mailerlite.js';
import { assertAuth, data, failure, fast, KEY, setup } from './harness.js';

const LIST = 'GET /api/subscribers';
const page = { body: cursorPage('subscribers', [subscriber(IDS.subscriber, 'ada@example.com')], null) };

test('401 asks to sign in again, without echoing the key', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(LIST, { status: 401, body: unauthenticated });
  const message = failure(await call('list_all_subscribers'));
  assert.equal(
    message,
    'Not authenticated with mailerlite: MailerLite rejected the stored API key (revoked, or the user who created ' +
      'it left the account). Re-authenticate with `gumcp auth mailerlite`.',
  );
  assert.ok(!message.includes(KEY));
});

test('credentials without guMCP’s client_key field are a sign-in error, and nothing is sent', async (t) => {
  const { fake, call } = await setup(t, { api_key: KEY });
  assert.equal(
    failure(await call('list_all_subscribers')),
    'Not authenticated with mailerlite: the stored credentials hold no API key (field "client_key"). ' +
      'Re-authenticate with `gumcp auth mailerlite`.',
  );
  assert.equal(fake.requests.length, 0);
});

test('a key replaced mid-session is used from the next call on', async (t) => {
  let reads = 0;
  const { fake, call } = await setup(t, async () => ({ client_key: ++reads <= 1 ? 'old-key' : 'new-key' }));
  fake.route(LIST, page);
  data(await call('list_all_subscribers'));
  data(await call('list_all_subscribers'));
  assert.deepEqual(
    fake.requests.map((r) => r.headers.authorization),
    ['Bearer old-key', 'Bearer new-key'],
  );
});

test('429 is retried after Retry-After, then succeeds', async (t) => {
  const { fake, call, sleeps } = await setup(t);
  fake.once(LIST, {
    status: 429,
    headers: { 'retry-after': '1', 'x-ratelimit-limit': '120', 'x-ratelimit-remaining': '0' },
    body: tooManyAttempts,
  });
  fake.route(LIST, page);
  data(await call('list_all_subscribers'));
  assert.deepEqual(sleeps, [1000]);
  assert.equal(fake.requests.length, 2);
});

test('a 429 that persists says the limit and when to try again; a write that meets one is retried (nothing was done)', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(LIST, { status: 429, headers: { 'retry-after': '3' }, body: tooManyAttempts });
  assert.equal(
    failure(await call('list_all_subscribers')),
    'Rate limited by MailerLite (120 requests a minute per account); try again in 3 s',
  );
  assert.equal(fake.requests.length, 3);
  // A wait longer than the client allows is not waited for: the answer says it at once.
  fake.route(LIST, { status: 429, headers: { 'retry-after': '600' }, body: tooManyAttempts });
  assert.match(failure(await call('list_all_subscribers')), /try again in 600 s$/);
  assert.equal(fake.requests.length, 4);

  fake.once(`POST /api/campaigns/${IDS.campaign}/schedule`, {
    status: 429,
    headers: { 'retry-after': '0' },
    body: tooManyAttempts,
  });
  fake.route(`POST /api/campaigns/${IDS.campaign}/schedule`, {
    body: {
      data: { id: IDS.campaign, name: 'N', status: 'ready', emails: [], filter: [], filter_for_humans: [] },
    },
  });
  data(
    await call('schedule_campaign', { campaign_id: IDS.campaign, date: '2026-12-01', hours: 9, minutes: 0 }),
  );
  assert.equal(fake.requests.filter((r) => r.method === 'POST').length, 2);
});

test('a 403 gives MailerLite’s reason; reads are retried after a 5xx', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(LIST, { status: 403, body: { message: 'This action is unauthorized.' } });
  assert.equal(
    failure(await call('list_all_subscribers')),
    'MailerLite denied listing subscribers: This action is unauthorized.',
  );
  fake.once(LIST, { status: 500, body: { message: 'Server Error' } });
  fake.route(LIST, page);
  data(await call('list_all_subscribers'));
  assert.equal(fake.requests.length, 3);
});

test('sign-in checks the key with the subscriber count and stores nothing else', async (t) => {
  const fake = await fakeFor(t, 'mailerlite', '/api');
  fake.route(LIST, { body: { total: 13 } });
  assert.equal(await verifyMailerLiteKey({ client_key: KEY }, fast()), undefined);
  const req = only(fake, 'GET', '/api/subscribers');
  assertAuth(req);
  assert.deepEqual(query(req), { limit: '0' });
});

test('a rejected key fails sign-in with a clear message that does not echo it', async (t) => {
  const fake = await fakeFor(t, 'mailerlite', '/api');
  fake.route(LIST, { status: 401, body: unauthenticated });
  await assert.rejects(verifyMailerLiteKey({ client_key: 'wrong-key-123' }, fast()), (e: Error) => {
    assert.equal(
      e.message,
      'MailerLite rejected the API key: check that it was copied whole, has not been revoked, and that the user ' +
        'who created it is still on the account',
    );
    return true;
  });
  await assert.rejects(
    verifyMailerLiteKey({ client_key: ' ' }, fast()),
    /client_key: enter the MailerLite API key/,
  );
});
