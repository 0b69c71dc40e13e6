import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fakeFor, only } from '../../../testing/fake-service.js';
import firecrawl from '../index.js';
import { BASE, creditUsage, KEY, unauthorized } from './fake-firecrawl.js';
import { assertRequest, data, setup } from './harness.js';

const verify = (values: Record<string, string>) => {
  if (firecrawl.auth.kind !== 'api_key' || !firecrawl.auth.verify) throw new Error('no verify');
  return firecrawl.auth.verify(values);
};

test('sign-in checks the key with GET /team/credit-usage, which spends nothing, and stores nothing else', async (t) => {
  const fake = await fakeFor(t, 'firecrawl', BASE);
  fake.route('GET /v2/team/credit-usage', { body: creditUsage });
  assert.equal(await verify({ api_key: ` ${KEY} ` }), undefined);
  assertRequest(only(fake, 'GET', '/v2/team/credit-usage'), { method: 'GET', path: '/v2/team/credit-usage' });
});

test('a rejected key fails sign-in with a clear message that does not echo it', async (t) => {
  const fake = await fakeFor(t, 'firecrawl', BASE);
  fake.route('GET /v2/team/credit-usage', unauthorized);
  await assert.rejects(verify({ api_key: 'fc-wrongkey123456' }), (e: Error) => {
    assert.equal(
      e.message,
      'Firecrawl rejected the API key: check that it was copied whole (it starts with fc-) and has not been deleted',
    );
    return true;
  });
  await assert.rejects(verify({ api_key: ' ' }), /api_key: enter the Firecrawl API key/);
  assert.equal(fake.requests.length, 1);
});

test('a key replaced mid-session is used from the next call on', async (t) => {
  let lookups = 0;
  const { fake, call } = await setup(t, async () => ({
    api_key: ++lookups <= 1 ? 'fc-oldkey0000' : 'fc-newkey1111',
  }));
  fake.route('GET /v2/team/credit-usage', { body: creditUsage });
  data(await call('check_credit_usage'));
  data(await call('check_credit_usage'));
  assert.deepEqual(
    fake.requests.map((r) => r.headers.authorization),
    ['Bearer fc-oldkey0000', 'Bearer fc-newkey1111'],
  );
});
