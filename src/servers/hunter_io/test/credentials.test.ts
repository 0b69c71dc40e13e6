import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fakeFor, only } from '../../../testing/fake-service.js';
import hunter from '../index.js';
import { account, BASE, unauthorized } from './fake-hunter.js';
import { assertAuth, data, KEY, setup } from './harness.js';

const verify = (values: Record<string, string>) => {
  if (hunter.auth.kind !== 'api_key' || !hunter.auth.verify) throw new Error('no verify');
  return hunter.auth.verify(values);
};

test('sign-in checks the key with GET /account (free) and stores nothing else', async (t) => {
  const fake = await fakeFor(t, 'hunter_io', BASE);
  fake.route('GET /v2/account', { body: account });
  assert.equal(await verify({ api_key: ` ${KEY} ` }), undefined);
  assertAuth(only(fake, 'GET', '/v2/account'));
});

test('a rejected key fails sign-in with a clear message that does not echo it', async (t) => {
  const fake = await fakeFor(t, 'hunter_io', BASE);
  fake.route('GET /v2/account', unauthorized);
  await assert.rejects(verify({ api_key: 'wrong-key-123' }), (e: Error) => {
    assert.equal(
      e.message,
      'Hunter rejected the API key: check that it was copied whole and has not been deleted',
    );
    return true;
  });
  await assert.rejects(verify({ api_key: ' ' }), /api_key: enter the Hunter API key/);
  assert.equal(fake.requests.length, 1);
});

test('a key replaced mid-session is used from the next call on', async (t) => {
  let lookups = 0;
  const { fake, call } = await setup(t, async () => ({ api_key: ++lookups <= 1 ? 'old-key' : 'new-key' }));
  fake.route('GET /v2/account', { body: account });
  data(await call('account_info'));
  data(await call('account_info'));
  assert.deepEqual(
    fake.requests.map((r) => r.headers['x-api-key']),
    ['old-key', 'new-key'],
  );
});
