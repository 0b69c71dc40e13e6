import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fakeFor, only } from '../../../testing/fake-service.js';
import loops from '../index.js';
import { invalidKey } from './fake-loops.js';
import { data, KEY, setup } from './harness.js';

const verify = (values: Record<string, string>) => {
  if (loops.auth.kind !== 'api_key' || !loops.auth.verify) throw new Error('no verify');
  return loops.auth.verify(values);
};

test('sign-in checks the key with GET /api-key and stores nothing else', async (t) => {
  const fake = await fakeFor(t, 'loops', '/api/v1');
  fake.route('GET /api/v1/api-key', { body: { success: true, teamName: 'Acme' } });
  assert.equal(await verify({ key: KEY }), undefined);
  assert.equal(only(fake, 'GET', '/api/v1/api-key').headers.authorization, `Bearer ${KEY}`);
});

test('a rejected key fails sign-in with a clear message that does not echo it', async (t) => {
  const fake = await fakeFor(t, 'loops', '/api/v1');
  fake.route('GET /api/v1/api-key', { status: 401, body: invalidKey });
  await assert.rejects(verify({ key: 'wrong-key-123' }), (e: Error) => {
    assert.equal(
      e.message,
      'Loops rejected the API key: check that it was copied whole and has not been revoked',
    );
    return true;
  });
  await assert.rejects(verify({ key: ' ' }), /key: enter the Loops API key/);
});

test('a key replaced mid-session is used from the next call on', async (t) => {
  let lookups = 0;
  const { fake, call } = await setup(t, async () => ({ key: ++lookups <= 1 ? 'old-key' : 'new-key' }));
  fake.route('GET /api/v1/contacts/find', { body: [] });
  data(await call('get_contact_by_email', { email: 'ada@example.com' }));
  data(await call('get_contact_by_email', { email: 'ada@example.com' }));
  assert.deepEqual(
    fake.requests.map((r) => r.headers.authorization),
    ['Bearer old-key', 'Bearer new-key'],
  );
});
