import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fakeFor, only } from '../../../testing/fake-service.js';
import serpapi from '../index.js';
import { account, coffeePage, invalidKey, KEY } from './fake-serpapi.js';
import { assertRequest, data, setup } from './harness.js';

const verify = (values: Record<string, string>) => {
  if (serpapi.auth.kind !== 'api_key' || !serpapi.auth.verify) throw new Error('no verify');
  return serpapi.auth.verify(values);
};

test('sign-in checks the key with GET /account (free); its answer, which echoes the key, is not kept', async (t) => {
  const fake = await fakeFor(t, 'serpapi');
  fake.route('GET /account', { body: account });
  assert.equal(await verify({ api_key: ` ${KEY} ` }), undefined);
  assertRequest(only(fake, 'GET', '/account'), { path: '/account', query: {} });
});

test('a rejected key fails sign-in with a clear message that does not echo it', async (t) => {
  const fake = await fakeFor(t, 'serpapi');
  fake.route('GET /account', invalidKey);
  await assert.rejects(verify({ api_key: 'wrong-key-0123456789' }), (e: Error) => {
    assert.equal(
      e.message,
      'SerpApi rejected the API key: check that it was copied whole and has not been reset',
    );
    return true;
  });
  await assert.rejects(verify({ api_key: ' ' }), /api_key: enter the SerpApi API key/);
  assert.equal(fake.requests.length, 1);
});

test('a key replaced mid-session is used from the next call on', async (t) => {
  let stored = 'old-key-0000000000000000';
  const { fake, call } = await setup(t, async () => ({ api_key: stored }));
  fake.route('GET /search', { body: coffeePage() });
  data(await call({ q: 'coffee' }));
  stored = 'new-key-1111111111111111';
  data(await call({ q: 'coffee' }));
  assert.deepEqual(
    fake.requests.map((r) => r.query.get('api_key')),
    ['old-key-0000000000000000', 'new-key-1111111111111111'],
  );
});
