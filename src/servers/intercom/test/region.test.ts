import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { OAuth2Auth } from '../../../core/definition.js';
import { type FakeService, startFake } from '../../../testing/fake-service.js';
import { connect } from '../../../testing/mcp.js';
import { createIntercomServer } from '../index.js';
import { readRegion } from '../region.js';
import { ADMIN, me, unauthorized } from './fake-intercom.js';
import { data, fastTuning, TOKEN } from './harness.js';

/** One fake standing in for the three regional hosts, at /us, /eu and /au. */
async function regions(t: { after(fn: () => Promise<void>): void }) {
  const fake: FakeService = await startFake();
  t.after(() => fake.close());
  const hosts = { us: `${fake.url}/us`, eu: `${fake.url}/eu`, au: `${fake.url}/au` };
  const server = createIntercomServer(fastTuning([], { hosts }));
  const auth = server.auth as OAuth2Auth;
  return { fake, server, auth, discover: auth.provider.discover ?? assert.fail('no discover') };
}

test('discovery asks /me at the US host and stores the region the workspace is in, with the admin', async (t) => {
  const { fake, discover } = await regions(t);
  fake.route('GET /us/me', { body: me('EU') });
  const found = await discover({ access_token: TOKEN });
  assert.deepEqual(found, {
    region: 'eu',
    admin_id: ADMIN,
    workspace_id: 'tx2p130c',
    workspace_name: 'Acme Support',
  });
  assert.deepEqual(
    fake.requests.map((r) => [r.path, r.headers.authorization, r.headers['intercom-version']]),
    [['/us/me', `Bearer ${TOKEN}`, '2.16']],
  );
});

test('a host that refuses the token passes to the next region', async (t) => {
  const { fake, discover } = await regions(t);
  fake.route('GET /us/me', { status: 401, body: unauthorized });
  fake.route('GET /eu/me', { status: 401, body: unauthorized });
  fake.route('GET /au/me', { body: me('AU') });
  assert.equal((await discover({ access_token: TOKEN })).region, 'au');
  assert.deepEqual(
    fake.requests.map((r) => r.path),
    ['/us/me', '/eu/me', '/au/me'],
  );
});

test('a token no region accepts fails the sign-in with what to check', async (t) => {
  const { fake, discover } = await regions(t);
  fake.route('GET /us/me', { status: 401, body: unauthorized });
  fake.route('GET /eu/me', { status: 401, body: unauthorized });
  fake.route('GET /au/me', { status: 401, body: unauthorized });
  await assert.rejects(discover({ access_token: TOKEN }), {
    message:
      'Intercom did not accept the token at its US, EU or Australian host; check that the app is installed on the workspace and sign in again.',
  });
});

test('the stored region sends every request to that region’s host; guMCP’s credentials (no region) go to the US', async (t) => {
  const { fake, server } = await regions(t);
  fake.route('GET /eu/admins', { body: { type: 'admin.list', admins: [] } });
  fake.route('GET /us/admins', { body: { type: 'admin.list', admins: [] } });
  const eu = await connect(server, { credentials: { access_token: TOKEN, region: 'eu' } });
  const old = await connect(server, { credentials: { access_token: TOKEN } });
  t.after(async () => {
    await eu.close();
    await old.close();
  });
  data(await eu.callTool({ name: 'list_admins', arguments: {} }));
  data(await old.callTool({ name: 'list_admins', arguments: {} }));
  assert.deepEqual(
    fake.requests.map((r) => r.path),
    ['/eu/admins', '/us/admins'],
  );
});

test('a private app’s access token is checked at sign-in: at the region given, or found like an OAuth token', async (t) => {
  const { fake, auth } = await regions(t);
  const verify = auth.apiKey?.verify ?? assert.fail('no verify');
  fake.route('GET /eu/me', { body: me('EU') });
  fake.route('GET /us/me', { body: me('US') });
  assert.equal((await verify({ access_token: TOKEN, region: 'EU' }))?.region, 'eu');
  assert.equal((await verify({ access_token: TOKEN, region: '' }))?.region, 'us');
  assert.deepEqual(
    fake.requests.map((r) => r.path),
    ['/eu/me', '/us/me'],
  );
  await assert.rejects(verify({ access_token: TOKEN, region: 'mars' }), {
    message: /^region: must be us, eu or au/,
  });
  fake.route('GET /au/me', { status: 401, body: unauthorized });
  await assert.rejects(verify({ access_token: TOKEN, region: 'au' }), (error: Error) => {
    assert.match(error.message, /AU host did not accept the token/);
    assert.ok(!error.message.includes(TOKEN));
    return true;
  });
});

test('a region is read from Intercom’s region names and hosts as people write them', () => {
  const cases: [string, string | undefined][] = [
    ['US', 'us'],
    ['eu', 'eu'],
    ['Australia', 'au'],
    ['https://api.eu.intercom.io', 'eu'],
    ['app.au.intercom.com/a/apps/abc', 'au'],
    ['https://api.intercom.io/', 'us'],
    ['mars', undefined],
    ['', undefined],
  ];
  for (const [value, region] of cases) assert.equal(readRegion(value), region, value);
});
