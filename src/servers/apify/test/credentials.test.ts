import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fakeFor, only } from '../../../testing/fake-service.js';
import { verifyToken } from '../api.js';
import apify from '../index.js';
import { BASE, invalidToken, list, me, TOKEN } from './fake-apify.js';
import { data, setup, tuning } from './harness.js';

test('sign-in checks the token with GET /users/me (free) and stores nothing else', async (t) => {
  const fake = await fakeFor(t, 'apify', BASE);
  fake.route('GET /v2/users/me', { body: me() });
  if (apify.auth.kind !== 'api_key') assert.fail('api key auth');
  assert.equal(await apify.auth.verify?.({ token: ` ${TOKEN} ` }), undefined);
  const req = only(fake, 'GET', '/v2/users/me');
  assert.equal(req.headers.authorization, `Bearer ${TOKEN}`);
  assert.equal(req.query.size, 0);
});

test('a rejected token fails sign-in with a clear message that does not echo it', async (t) => {
  const fake = await fakeFor(t, 'apify', BASE);
  fake.route('GET /v2/users/me', invalidToken);
  await assert.rejects(verifyToken({ token: 'apify_api_wrong' }, tuning([])), (e: Error) => {
    assert.equal(
      e.message,
      'Apify rejected the API token: check that it was copied whole (Apify Console > Settings > API & ' +
        'Integrations) and has not expired',
    );
    return true;
  });
  await assert.rejects(verifyToken({ token: '' }, tuning([])), /token: enter the Apify API token/);
  assert.equal(fake.requests.length, 1);
});

test('a token replaced mid-session is used from the next call on', async (t) => {
  let reads = 0;
  const { fake, call } = await setup(t, async () => ({
    token: ++reads <= 1 ? 'apify_api_old' : 'apify_api_new',
  }));
  fake.route('GET /v2/datasets', { body: list([]) });
  data(await call('list_datasets'));
  data(await call('list_datasets'));
  assert.deepEqual(
    fake.requests.map((r) => r.headers.authorization),
    ['Bearer apify_api_old', 'Bearer apify_api_new'],
  );
});
