import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fakeFor } from '../../../testing/fake-service.js';
import apollo from '../index.js';
import { contactStages, errors } from './fake-apollo.js';
import { assertAuth, data, failure, KEY, setup } from './harness.js';

const verify = (values: Record<string, string>) => {
  if (apollo.auth.kind !== 'api_key' || !apollo.auth.verify) throw new Error('no verify');
  return apollo.auth.verify(values);
};

const REJECTED = 'Apollo rejected the API key: check that it was copied whole and has not been revoked';

test('sign-in checks the key with GET /auth/health in x-api-key', async (t) => {
  const fake = await fakeFor(t, 'apollo', '/api/v1');
  fake.route('GET /api/v1/auth/health', { body: { is_logged_in: true } });
  assert.equal(await verify({ api_key: ` ${KEY} ` }), undefined);
  assertAuth(fake.requests[0] as never);
});

test('a key Apollo does not log in with, or rejects, fails sign-in without echoing it', async (t) => {
  const fake = await fakeFor(t, 'apollo', '/api/v1');
  fake.once('GET /api/v1/auth/health', { body: { is_logged_in: false } });
  fake.route('GET /api/v1/auth/health', { status: 401, body: errors.invalidKey });
  await assert.rejects(verify({ api_key: 'wrong-1' }), (e: Error) => e.message === REJECTED);
  await assert.rejects(verify({ api_key: 'wrong-2' }), (e: Error) => e.message === REJECTED);
  await assert.rejects(verify({ api_key: '' }), /api_key: enter the Apollo API key/);
});

test('a key replaced mid-session is used from the next call on', async (t) => {
  let lookups = 0;
  const { fake, call } = await setup(t, async () => ({ api_key: ++lookups <= 1 ? 'old-key' : 'new-key' }));
  fake.route('GET /api/v1/contact_stages', { body: contactStages });
  data(await call('list_contact_stages'));
  data(await call('list_contact_stages'));
  assert.deepEqual(
    fake.requests.map((r) => r.headers['x-api-key']),
    ['old-key', 'new-key'],
  );
});

test('credentials without api_key are a sign-in error and no request is made', async (t) => {
  const { fake, call } = await setup(t, { key: KEY });
  assert.equal(
    failure(await call('list_contact_stages')),
    'Not authenticated with apollo: the stored credentials hold no API key (field "api_key"). ' +
      'Re-authenticate with `gumcp auth apollo`.',
  );
  assert.equal(fake.requests.length, 0);
});
