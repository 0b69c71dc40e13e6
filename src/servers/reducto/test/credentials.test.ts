import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fakeFor, only } from '../../../testing/fake-service.js';
import { createReductoServer } from '../index.js';
import { detail, jsonString, KEY } from './fake-reducto.js';
import { data, setup, testTuning } from './harness.js';

const verify = (values: Record<string, string>) => {
  const server = createReductoServer(testTuning([]));
  if (server.auth.kind !== 'api_key' || !server.auth.verify) throw new Error('no verify');
  return server.auth.verify(values);
};

test('the key is stored under guMCP’s field name api_key', () => {
  const server = createReductoServer();
  assert.equal(server.auth.kind, 'api_key');
  if (server.auth.kind !== 'api_key') return;
  assert.deepEqual(
    server.auth.fields.map((f) => [f.name, f.secret]),
    [['api_key', true]],
  );
});

test('sign-in checks the key with GET /jobs?limit=1 and stores nothing else', async (t) => {
  const fake = await fakeFor(t, 'reducto');
  fake.route('GET /jobs', { body: { jobs: [], next_cursor: null } });
  assert.equal(await verify({ api_key: ` ${KEY} ` }), undefined);
  const req = only(fake, 'GET', '/jobs');
  assert.equal(req.headers.authorization, `Bearer ${KEY}`);
  assert.deepEqual(Object.fromEntries(req.query), { limit: '1', exclude_configs: 'true' });
});

test('a rejected key fails sign-in with a clear message that does not echo it', async (t) => {
  const fake = await fakeFor(t, 'reducto');
  fake.route('GET /jobs', { status: 401, body: detail('Invalid API key') });
  await assert.rejects(verify({ api_key: 'wrong-key-123' }), (e: Error) => {
    assert.equal(
      e.message,
      'Reducto rejected the API key: check that it was copied whole and has not been revoked',
    );
    assert.equal(e.message.includes('wrong-key-123'), false);
    return true;
  });
  await assert.rejects(verify({ api_key: '  ' }), /api_key: enter the Reducto API key/);
  assert.equal(fake.requests.length, 1);
});

test('a key replaced mid-session is used from the next call on', async (t) => {
  let lookups = 0;
  const { fake, call } = await setup(t, async () => ({ api_key: ++lookups <= 1 ? 'old-key' : 'new-key' }));
  fake.route('GET /version', jsonString('v1.12.2'));
  data(await call('get_version'));
  data(await call('get_version'));
  assert.deepEqual(
    fake.requests.map((r) => r.headers.authorization),
    ['Bearer old-key', 'Bearer new-key'],
  );
});
