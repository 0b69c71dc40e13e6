import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fakeFor, startFake } from '../../../testing/fake-service.js';
import { connect } from '../../../testing/mcp.js';
import { createSalesforceServer } from '../index.js';
import { DATA, orgLimits } from './fake-salesforce.js';
import { credentialsFor, data, FAST, failure, setup } from './harness.js';

test('calls go to the stored instance_url under /services/data/v66.0', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`GET ${DATA}/limits`, { body: orgLimits });
  data(await call('get_org_limits'));
  assert.equal(fake.requests[0]?.path, `${DATA}/limits`);
});

test('GUMCP_SALESFORCE_API_URL overrides the stored instance (a proxy, or a fake)', async (t) => {
  const fake = await fakeFor(t, 'salesforce');
  fake.route(`GET ${DATA}/limits`, { body: orgLimits });
  const client = await connect(createSalesforceServer(FAST), {
    credentials: credentialsFor('https://acme.my.salesforce.com'),
  });
  t.after(() => client.close());
  data(await client.callTool({ name: 'get_org_limits', arguments: {} }));
  assert.equal(fake.requests.length, 1);
});

test('a token and instance refreshed mid-session are used from the next call on', async (t) => {
  const first = await startFake();
  const second = await startFake();
  t.after(() => Promise.all([first.close(), second.close()]));
  for (const fake of [first, second]) fake.route(`GET ${DATA}/limits`, { body: orgLimits });
  let lookups = 0;
  const credentials = async () => {
    lookups += 1;
    return lookups <= 1 ? credentialsFor(first.url, 'token-old') : credentialsFor(second.url, 'token-new');
  };
  const client = await connect(createSalesforceServer(FAST), { credentials });
  t.after(() => client.close());
  data(await client.callTool({ name: 'get_org_limits', arguments: {} }));
  data(await client.callTool({ name: 'get_org_limits', arguments: {} }));
  assert.deepEqual(
    first.requests.map((r) => r.headers.authorization),
    ['Bearer token-old'],
  );
  assert.deepEqual(
    second.requests.map((r) => r.headers.authorization),
    ['Bearer token-new'],
  );
});

test('credentials without an instance_url ask to sign in again; one not on https is refused', async (t) => {
  const { fake, call } = await setup(t, () => ({ access_token: 'x' }));
  assert.match(
    failure(await call('get_org_limits')),
    /^Not authenticated with salesforce: no Salesforce instance_url is stored/,
  );
  const other = await setup(t, () => credentialsFor('http://acme.my.salesforce.com'));
  assert.match(failure(await other.call('get_org_limits')), /instance URL is not https/);
  assert.equal(fake.requests.length + other.fake.requests.length, 0);
});
