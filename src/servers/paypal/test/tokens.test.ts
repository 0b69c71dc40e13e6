import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fakeFor } from '../../../testing/fake-service.js';
import { verifyPayPalApp } from '../api.js';
import { createPayPalServer } from '../index.js';
import { BASIC, CLIENT_ID, CLIENT_SECRET, plan, startPayPal } from './fake-paypal.js';
import { apiRequests, CREDENTIALS, data, failure, setup } from './harness.js';

const tokenRequests = (h: { requestsTo(m: string, p: string): unknown[] }) =>
  h.requestsTo('POST', '/v1/oauth2/token');

test('N calls make one token request (HTTP Basic, grant_type=client_credentials) and use its token', async (t) => {
  const h = await setup(t);
  h.plans.set('P-1', plan('P-1'));
  for (let i = 0; i < 4; i++) data(await h.call('get_plan', { plan_id: 'P-1' }));
  const [token] = tokenRequests(h) as { headers: Record<string, string>; rawBody: string }[];
  assert.equal(tokenRequests(h).length, 1);
  assert.equal(token?.headers.authorization, BASIC);
  assert.equal(token?.headers['content-type'], 'application/x-www-form-urlencoded');
  assert.equal(token?.rawBody, 'grant_type=client_credentials');
  assert.deepEqual(
    apiRequests(h).map((r) => r.headers.authorization),
    Array(4).fill('Bearer A21AAFake1'),
  );
});

test('concurrent calls share one token request', async (t) => {
  const h = await setup(t);
  h.plans.set('P-1', plan('P-1'));
  await Promise.all([1, 2, 3].map(() => h.call('get_plan', { plan_id: 'P-1' })));
  assert.equal(tokenRequests(h).length, 1);
});

test('a token near its expiry is replaced by a new one; before that it is kept', async (t) => {
  const h = await setup(t);
  h.plans.set('P-1', plan('P-1'));
  data(await h.call('get_plan', { plan_id: 'P-1' }));
  h.clock.time += 32400_000 - 6 * 60_000; // 6 minutes before PayPal's expiry: still used
  data(await h.call('get_plan', { plan_id: 'P-1' }));
  assert.equal(tokenRequests(h).length, 1);
  h.clock.time += 2 * 60_000; // 4 minutes before: renewed
  data(await h.call('get_plan', { plan_id: 'P-1' }));
  assert.equal(tokenRequests(h).length, 2);
  assert.deepEqual(
    apiRequests(h).map((r) => r.headers.authorization),
    ['Bearer A21AAFake1', 'Bearer A21AAFake1', 'Bearer A21AAFake2'],
  );
});

test('a token PayPal refuses before its time is dropped, and the call made once more with a new one', async (t) => {
  const h = await setup(t);
  h.plans.set('P-1', plan('P-1'));
  data(await h.call('get_plan', { plan_id: 'P-1' }));
  h.revokeTokens();
  data(await h.call('get_plan', { plan_id: 'P-1' }));
  assert.equal(tokenRequests(h).length, 2);
  assert.deepEqual(
    apiRequests(h).map((r) => r.headers.authorization),
    ['Bearer A21AAFake1', 'Bearer A21AAFake1', 'Bearer A21AAFake2'],
  );
});

test('a changed secret gets a token of its own; a wrong one asks to sign in again, never echoing the secret', async (t) => {
  let secret = CLIENT_SECRET;
  const h = await setup(t, async () => ({ client_id: CLIENT_ID, client_secret: secret }));
  h.plans.set('P-1', plan('P-1'));
  data(await h.call('get_plan', { plan_id: 'P-1' }));
  secret = 'wrong-secret-value-123';
  const message = failure(await h.call('get_plan', { plan_id: 'P-1' }));
  assert.equal(
    message,
    `Not authenticated with paypal: PayPal refused the client id ${CLIENT_ID} and its secret (invalid_client) in the ` +
      'sandbox environment: check both, and that the app is a sandbox app. Re-authenticate with `gumcp auth paypal`.',
  );
  assert.ok(!message.includes(secret));
  assert.equal(tokenRequests(h).length, 2);
  assert.equal(apiRequests(h).length, 1);
});

test('the live environment sends the token request and the calls to the live host', async (t) => {
  const sandbox = await startPayPal(t);
  const live = await startPayPal(t, 'paypal-live');
  live.plans.set('P-1', plan('P-1'));
  const { connect } = await import('../../../testing/mcp.js');
  const client = await connect(createPayPalServer({ retries: 0 }), {
    credentials: { ...CREDENTIALS, environment: 'live' },
  });
  t.after(() => client.close());
  data(await client.callTool({ name: 'get_plan', arguments: { plan_id: 'P-1' } }));
  assert.equal(sandbox.fake.requests.length, 0);
  assert.deepEqual(
    live.fake.requests.map((r) => `${r.method} ${r.path}`),
    ['POST /v1/oauth2/token', 'GET /v1/billing/plans/P-1'],
  );
});

test('a guMCP credentials file holding only a token is used until PayPal refuses it', async (t) => {
  const h = await setup(t, { access_token: 'A21AAgumcp', token_type: 'Bearer', expires_in: 32400 });
  h.plans.set('P-1', plan('P-1'));
  assert.match(
    failure(await h.call('get_plan', { plan_id: 'P-1' })),
    /PayPal refused the stored access token \(saved by guMCP; such tokens last about nine hours\): sign in with the app’s client_id and client_secret/,
  );
  assert.equal(h.fake.requests[0]?.headers.authorization, 'Bearer A21AAgumcp');
  assert.equal(tokenRequests(h).length, 0);
});

test('sign-in asks PayPal for a token with the values; a refusal or a bad environment is said without the secret', async (t) => {
  const fake = await fakeFor(t, 'paypal');
  fake.route('POST /v1/oauth2/token', (req) =>
    req.headers.authorization === BASIC
      ? { body: { access_token: 'A21AAok', token_type: 'Bearer', expires_in: 32400 } }
      : { status: 401, body: { error: 'invalid_client', error_description: 'Client Authentication failed' } },
  );
  const { auth } = createPayPalServer({ retries: 0 });
  assert.equal(auth.kind === 'api_key' ? await auth.verify?.(CREDENTIALS) : 'no verify', undefined);
  await assert.rejects(
    verifyPayPalApp({ client_id: CLIENT_ID, client_secret: 'nope-secret' }, { retries: 0 }),
    (e: Error) => {
      assert.match(
        e.message,
        /^PayPal refused the client id .* \(invalid_client\) in the sandbox environment/,
      );
      assert.ok(!e.message.includes('nope-secret'));
      return true;
    },
  );
  await assert.rejects(
    verifyPayPalApp({ ...CREDENTIALS, environment: 'prod' }),
    /environment: must be "sandbox" or "live"/,
  );
  await assert.rejects(
    verifyPayPalApp({ client_id: CLIENT_ID, client_secret: ' ' }),
    /client_secret: required/,
  );
  assert.equal(fake.requests.length, 2);
});

test('without credentials no request is made', async (t) => {
  const h = await setup(t, async () => undefined);
  assert.match(
    failure(await h.call('get_plan', { plan_id: 'P-1' })),
    /Not authenticated with paypal: no credentials/,
  );
  const partial = await setup(t, { client_id: CLIENT_ID });
  assert.match(
    failure(await partial.call('get_plan', { plan_id: 'P-1' })),
    /lack client_id and client_secret/,
  );
  assert.equal(h.fake.requests.length + partial.fake.requests.length, 0);
});
