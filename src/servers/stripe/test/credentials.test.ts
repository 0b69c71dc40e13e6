import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fakeFor } from '../../../testing/fake-service.js';
import { verifyStripeKey } from '../api.js';
import { createStripeServer } from '../index.js';
import { balance, invalidKey, restricted } from './fake-stripe.js';
import { assertHeaders, CONNECT, CONNECT_TOKEN, data, failure, SECRET_KEY, setup } from './harness.js';

const FAST = { retries: 0, backoffMs: 1, timeoutMs: 2000 };

test('a stored api_key (secret key) is used as the Bearer key, before any access token', async (t) => {
  const h = await setup(t, { api_key: SECRET_KEY, access_token: CONNECT_TOKEN });
  data(await h.call('retrieve_balance'));
  assertHeaders(h.fake.requests[0] ?? assert.fail(), SECRET_KEY);
});

test('a key changed mid-session is used from the next call on', async (t) => {
  let reads = 0;
  const rotated = 'sk_test_51RotatedKey3333';
  const h = await setup(t, async () => {
    reads += 1;
    return reads <= 1 ? CONNECT : { ...CONNECT, access_token: rotated };
  });
  data(await h.call('retrieve_balance'));
  data(await h.call('retrieve_balance'));
  assert.deepEqual(
    h.fake.requests.map((r) => r.headers.authorization),
    [`Bearer ${CONNECT_TOKEN}`, `Bearer ${rotated}`],
  );
});

test('no credentials, or none usable, ask to sign in, without a request', async (t) => {
  const none = await setup(t, async () => undefined);
  assert.match(failure(await none.call('retrieve_balance')), /Not authenticated with stripe: no credentials/);
  const pk = await setup(t, { api_key: 'pk_test_123' });
  assert.match(
    failure(await pk.call('retrieve_balance')),
    /the stored api_key is not a Stripe secret key \(sk_…\) or restricted key \(rk_…\)/,
  );
  const empty = await setup(t, { refresh_token: 'x' });
  assert.match(failure(await empty.call('retrieve_balance')), /hold neither an access token nor an api_key/);
  assert.equal(none.fake.requests.length + pk.fake.requests.length + empty.fake.requests.length, 0);
});

test('sign-in with a key reads the balance with it and stores the mode', async (t) => {
  const fake = await fakeFor(t, 'stripe', '/v1');
  fake.route('GET /v1/balance', { body: balance() });
  const { auth } = createStripeServer(FAST);
  assert.equal(auth.kind, 'oauth2');
  if (auth.kind !== 'oauth2') return;
  assert.deepEqual(await auth.apiKey?.verify?.({ api_key: SECRET_KEY }), { livemode: false });
  assert.equal(fake.requests[0]?.headers.authorization, `Bearer ${SECRET_KEY}`);
});

test('sign-in refuses a publishable key or garbage before any request, and a rejected key without echoing it', async (t) => {
  const fake = await fakeFor(t, 'stripe', '/v1');
  fake.route('GET /v1/balance', { status: 401, body: invalidKey });
  await assert.rejects(
    verifyStripeKey({ api_key: 'pk_test_abc' }, FAST),
    /api_key: this is a publishable key/,
  );
  await assert.rejects(verifyStripeKey({ api_key: 'hello' }, FAST), /api_key: must be a Stripe secret key/);
  assert.equal(fake.requests.length, 0);
  await assert.rejects(verifyStripeKey({ api_key: SECRET_KEY }, FAST), (error: Error) => {
    assert.equal(
      error.message,
      'api_key: Stripe rejected this key; check that it is complete and not rolled',
    );
    assert.ok(!error.message.includes(SECRET_KEY));
    return true;
  });
});

test('sign-in takes a restricted key that may not read the balance (it authenticates)', async (t) => {
  const fake = await fakeFor(t, 'stripe', '/v1');
  fake.route('GET /v1/balance', { status: 403, body: restricted });
  assert.equal(await verifyStripeKey({ api_key: 'rk_test_51Restricted' }, FAST), undefined);
});
