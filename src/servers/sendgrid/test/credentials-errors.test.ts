import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fakeFor, only } from '../../../testing/fake-service.js';
import { verifySendGridKey } from '../api.js';
import { rateLimited, scopes, sgErrors, statsDay } from './fake-sendgrid.js';
import { assertAuth, data, failure, fast, KEY, setup } from './harness.js';

const STATS = 'GET /v3/stats';
const ARGS = { start_date: '2026-11-01', end_date: '2026-11-02' };
const unauthorized = { status: 401, body: sgErrors({ field: null, message: 'authorization required' }) };

test('401 asks to sign in again, without echoing the key', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(STATS, unauthorized);
  const message = failure(await call('get_email_stats', ARGS));
  assert.equal(
    message,
    'Not authenticated with sendgrid: SendGrid rejected the stored API key (revoked or mistyped): authorization ' +
      'required. Re-authenticate with `gumcp auth sendgrid`.',
  );
  assert.ok(!message.includes(KEY));
});

test('credentials without the key field are a sign-in error, and nothing is sent', async (t) => {
  const { fake, call } = await setup(t, { key: KEY });
  assert.equal(
    failure(await call('get_email_stats', ARGS)),
    'Not authenticated with sendgrid: the stored credentials hold no API key (field "api_key"). ' +
      'Re-authenticate with `gumcp auth sendgrid`.',
  );
  assert.equal(fake.requests.length, 0);
});

test('a key replaced mid-session is used from the next call on', async (t) => {
  let reads = 0;
  const { fake, call } = await setup(t, async () => ({ api_key: ++reads <= 1 ? 'SG.old' : 'SG.new' }));
  fake.route(STATS, { body: [statsDay('2026-11-01', 1)] });
  data(await call('get_email_stats', ARGS));
  data(await call('get_email_stats', ARGS));
  assert.deepEqual(
    fake.requests.map((r) => r.headers.authorization),
    ['Bearer SG.old', 'Bearer SG.new'],
  );
});

test('a key of an EU regional subuser is sent to the EU host only', async (t) => {
  const { fake, eu, call } = await setup(t, { api_key: KEY, region: 'eu' });
  eu.route(STATS, { body: [statsDay('2026-11-01', 1)] });
  data(await call('get_email_stats', ARGS));
  assertAuth(only(eu, 'GET', '/v3/stats'));
  assert.equal(fake.requests.length, 0);
});

test('reads are retried after a 5xx; a 429 that outlasts the wait says when the window reopens', async (t) => {
  const { fake, call } = await setup(t);
  fake.once(STATS, { status: 502, body: 'Bad gateway' });
  fake.route(STATS, { body: [statsDay('2026-11-01', 1)] });
  data(await call('get_email_stats', ARGS));
  assert.equal(fake.requests.length, 2);

  fake.route(STATS, rateLimited(Math.floor(Date.now() / 1000) + 120));
  assert.match(
    failure(await call('get_email_stats', ARGS)),
    /^Rate limited by SendGrid; try again in 1[12]\d s$/,
  );
  assert.equal(fake.requests.length, 3, 'a wait longer than allowed is not waited for');
});

test('sign-in checks the key with GET /v3/scopes and stores nothing else', async (t) => {
  const fake = await fakeFor(t, 'sendgrid', '/v3');
  fake.route('GET /v3/scopes', { body: scopes });
  assert.equal(await verifySendGridKey({ api_key: KEY }, fast()), undefined);
  assertAuth(only(fake, 'GET', '/v3/scopes'));
});

test('a rejected key fails sign-in with a clear message that does not echo it; region picks the host', async (t) => {
  const fake = await fakeFor(t, 'sendgrid', '/v3');
  const eu = await fakeFor(t, 'sendgrid-eu', '/v3');
  fake.route('GET /v3/scopes', unauthorized);
  eu.route('GET /v3/scopes', { body: scopes });
  await assert.rejects(verifySendGridKey({ api_key: 'SG.wrong' }, fast()), (e: Error) => {
    assert.equal(
      e.message,
      'SendGrid rejected the API key: check that it was copied whole and has not been revoked (a key of an EU ' +
        'regional subuser needs region "eu")',
    );
    return true;
  });
  assert.equal(await verifySendGridKey({ api_key: KEY, region: 'EU' }, fast()), undefined);
  assertAuth(only(eu, 'GET', '/v3/scopes'));
  await assert.rejects(verifySendGridKey({ api_key: ' ' }, fast()), /api_key: enter the SendGrid API key/);
  await assert.rejects(
    verifySendGridKey({ api_key: KEY, region: 'asia' }, fast()),
    /region: must be "global" or "eu"/,
  );
});
