import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fakeFor, only } from '../../../testing/fake-service.js';
import lemlist from '../index.js';
import { errors, team } from './fake-lemlist.js';
import { basic, data, failure, KEY, setup } from './harness.js';

const verify = (values: Record<string, string>) => {
  if (lemlist.auth.kind !== 'api_key' || !lemlist.auth.verify) throw new Error('no verify');
  return lemlist.auth.verify(values);
};

test('sign-in checks the key with GET /team in Basic auth (empty user, key as password)', async (t) => {
  const fake = await fakeFor(t, 'lemlist', '/api');
  fake.route('GET /api/team', { body: team });
  assert.equal(await verify({ client_key: KEY }), undefined);
  assert.equal(await verify({ client_key: KEY, public_host: 'https://api.lemlist.com/api/' }), undefined);
  const req = fake.requests[0];
  assert.equal(req?.headers.authorization, basic());
  assert.equal(Buffer.from(String(req?.headers.authorization).slice(6), 'base64').toString(), `:${KEY}`);
});

test('a rejected key fails sign-in with a clear message that does not echo it', async (t) => {
  const fake = await fakeFor(t, 'lemlist', '/api');
  fake.route('GET /api/team', { status: 401, body: errors.badAuth });
  await assert.rejects(verify({ client_key: 'wrong-key-123' }), (e: Error) => {
    assert.equal(
      e.message,
      'lemlist rejected the API key: check that it was copied whole and has not been revoked',
    );
    return true;
  });
  await assert.rejects(verify({ client_key: ' ' }), /client_key: enter the lemlist API key/);
});

test('a public_host other than lemlist’s own is refused before the key is sent anywhere', async (t) => {
  const fake = await fakeFor(t, 'lemlist', '/api');
  await assert.rejects(
    verify({ client_key: KEY, public_host: 'https://evil.example/api' }),
    /public_host: leave it empty \(or https:\/\/api\.lemlist\.com\/api\)/,
  );
  assert.equal(fake.requests.length, 0);
});

test('a guMCP credential file with another public_host still only calls lemlist’s API', async (t) => {
  const { fake, call } = await setup(t, { client_key: KEY, public_host: 'https://evil.example/api' });
  fake.route('GET /api/team', { body: team });
  data(await call('get_team'));
  assert.equal(only(fake, 'GET', '/api/team').headers.authorization, basic());
});

test('a key replaced mid-session is used from the next call on', async (t) => {
  let lookups = 0;
  const { fake, call } = await setup(t, async () => ({ client_key: ++lookups <= 1 ? 'old-key' : 'new-key' }));
  fake.route('GET /api/team', { body: team });
  data(await call('get_team'));
  data(await call('get_team'));
  assert.deepEqual(
    fake.requests.map((r) => r.headers.authorization),
    [basic('old-key'), basic('new-key')],
  );
});

test('credentials without client_key are a sign-in error and no request is made', async (t) => {
  const { fake, call } = await setup(t, { api_key: KEY });
  assert.equal(
    failure(await call('get_team')),
    'Not authenticated with lemlist: the stored credentials hold no API key (field "client_key"). ' +
      'Re-authenticate with `gumcp auth lemlist`.',
  );
  assert.equal(fake.requests.length, 0);
});
