import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fakeFor, only, query } from '../../../testing/fake-service.js';
import { verifyInstacartKey } from '../api.js';
import instacart from '../index.js';
import { pageLink, retailers, unauthorized } from './fake-instacart.js';
import { assertAuth, data, failure, fast, KEY, setup } from './harness.js';

const LIST = '/idp/v1/products/products_link';
const ARGS = { title: 'Groceries', line_items: [{ name: 'milk' }] };

const verify = (values: Record<string, string>) => {
  if (instacart.auth.kind !== 'api_key' || !instacart.auth.verify) throw new Error('no verify');
  return instacart.auth.verify(values);
};

test('a guMCP credential file (api_key only) works with a development key: production’s 401 made nothing, development is asked', async (t) => {
  const { production, development, call } = await setup(t, { api_key: KEY });
  production.route(`POST ${LIST}`, { status: 401, body: unauthorized });
  development.route(`POST ${LIST}`, { body: pageLink('/store/shopping_lists/2') });
  const out = data(await call('create_shopping_list', ARGS));
  assert.equal(out.environment, 'development');
  assertAuth(only(production, 'POST', LIST));
  assertAuth(only(development, 'POST', LIST));
  assert.deepEqual(only(development, 'POST', LIST).body, only(production, 'POST', LIST).body);
});

test('without a stored environment, a key both hosts refuse asks to sign in again', async (t) => {
  const { production, development, call } = await setup(t, { api_key: KEY });
  production.route(`POST ${LIST}`, { status: 401, body: unauthorized });
  development.route(`POST ${LIST}`, { status: 401, body: unauthorized });
  const message = failure(await call('create_shopping_list', ARGS));
  assert.equal(
    message,
    'Not authenticated with instacart: Instacart rejected the stored API key on both its production and ' +
      'development hosts (revoked or mistyped). Re-authenticate with `gumcp auth instacart`.',
  );
  assert.ok(!message.includes(KEY));
});

test('a key stored for production is not tried elsewhere when production refuses it', async (t) => {
  const { production, development, call } = await setup(t);
  production.route(`POST ${LIST}`, { status: 401, body: unauthorized });
  assert.equal(
    failure(await call('create_shopping_list', ARGS)),
    "Not authenticated with instacart: Instacart's production host rejected the stored API key: Unauthorized. " +
      'Re-authenticate with `gumcp auth instacart`.',
  );
  assert.equal(development.requests.length, 0);
});

test('sign-in finds the host the key works on with a read, and stores it', async (t) => {
  const production = await fakeFor(t, 'instacart', '/idp/v1');
  const development = await fakeFor(t, 'instacart-dev', '/idp/v1');
  production.route('GET /idp/v1/retailers', { status: 401, body: unauthorized });
  development.route('GET /idp/v1/retailers', { body: retailers });
  assert.deepEqual(await verify({ api_key: KEY }), { environment: 'development' });
  const probe = only(development, 'GET', '/idp/v1/retailers');
  assertAuth(probe);
  assert.deepEqual(query(probe), { postal_code: '10001', country_code: 'US' });
  assert.equal(production.requests.length, 1);
});

test('sign-in with a named environment checks that host only; a refused key fails without echoing it', async (t) => {
  const production = await fakeFor(t, 'instacart', '/idp/v1');
  const development = await fakeFor(t, 'instacart-dev', '/idp/v1');
  production.route('GET /idp/v1/retailers', { body: retailers });
  development.route('GET /idp/v1/retailers', { status: 401, body: unauthorized });
  assert.deepEqual(await verify({ api_key: KEY, environment: 'prod' }), { environment: 'production' });
  assert.equal(development.requests.length, 0);

  await assert.rejects(verify({ api_key: 'keys.wrong', environment: 'development' }), (e: Error) => {
    assert.equal(
      e.message,
      "Instacart's development host rejected the API key: check that it was copied whole, is not revoked, and is a development key",
    );
    return true;
  });
  await assert.rejects(
    verify({ api_key: KEY, environment: 'staging' }),
    /environment: must be "production" or "development"/,
  );
  await assert.rejects(verify({ api_key: ' ' }), /api_key: enter the Instacart Developer Platform API key/);
});

test('sign-in takes a key a host answers with another 4xx (it authenticated), and fails on a 5xx', async (t) => {
  const production = await fakeFor(t, 'instacart', '/idp/v1');
  production.route('GET /idp/v1/retailers', {
    status: 400,
    body: { error: { message: 'Invalid postal code', code: 1001 } },
  });
  assert.deepEqual(await verify({ api_key: KEY, environment: 'production' }), { environment: 'production' });
  // A 503 that persists is a failure to verify, not a verdict on the key.
  production.route('GET /idp/v1/retailers', { status: 503, body: {} });
  await assert.rejects(
    verifyInstacartKey({ api_key: KEY, environment: 'production' }, fast()),
    /^ToolError: Instacart failed \(HTTP 503\); try again later$/,
  );
  assert.equal(production.requests.length, 4);
});
