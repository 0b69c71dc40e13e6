import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fakeFor, only } from '../../../testing/fake-service.js';
import { verifyApiKey } from '../api.js';
import { error, me, ok } from './fake-cal.js';
import { data, KEY, setup, tuning } from './harness.js';

test('sign-in checks the key with GET /v2/me and stores nothing else', async (t) => {
  const fake = await fakeFor(t, 'cal', '/v2');
  fake.route('GET /v2/me', { body: ok(me) });
  assert.equal(await verifyApiKey({ api_key: ` ${KEY} ` }, tuning([])), undefined);
  assert.equal(only(fake, 'GET', '/v2/me').headers.authorization, `Bearer ${KEY}`);
});

test('a rejected key fails sign-in with a clear message that does not echo it', async (t) => {
  const fake = await fakeFor(t, 'cal', '/v2');
  fake.route('GET /v2/me', {
    status: 401,
    body: error('/v2/me', 'UnauthorizedException', 'Invalid API Key'),
  });
  await assert.rejects(verifyApiKey({ api_key: 'cal_live_badbadbadbadbad' }, tuning([])), (e: Error) => {
    assert.equal(
      e.message,
      'Cal.com rejected the API key: check that it was copied whole (it starts with cal_) and has not expired',
    );
    return true;
  });
  await assert.rejects(verifyApiKey({ api_key: '  ' }, tuning([])), /api_key: enter the Cal.com API key/);
});

test('a key replaced mid-session is used from the next call on', async (t) => {
  let lookups = 0;
  const { fake, call } = await setup(t, async () => ({
    api_key: ++lookups <= 1 ? 'cal_live_old00000000' : 'cal_live_new00000000',
  }));
  fake.route('GET /v2/me', { body: ok(me) });
  data(await call('get_me'));
  data(await call('get_me'));
  assert.deepEqual(
    fake.requests.map((r) => r.headers.authorization),
    ['Bearer cal_live_old00000000', 'Bearer cal_live_new00000000'],
  );
});
