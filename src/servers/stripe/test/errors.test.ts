import assert from 'node:assert/strict';
import { test } from 'node:test';
import { apiError, customer, invalidKey, noSuch, rateLimited, restricted } from './fake-stripe.js';
import { CONNECT_TOKEN, data, failure, SECRET_KEY, setup } from './harness.js';

const RESTRICTED = 'rk_test_51RestrictedKey2222abcd';

test('401 asks to re-authenticate, never echoing the key', async (t) => {
  const h = await setup(t);
  h.fake.once('GET /v1/balance', { status: 401, body: invalidKey });
  const message = failure(await h.call('retrieve_balance'));
  assert.equal(
    message,
    'Not authenticated with stripe: Stripe rejected the stored credentials: the account may have disconnected this ' +
      'platform (or the token was revoked). Re-authenticate with `gumcp auth stripe`.',
  );
  assert.ok(!message.includes(CONNECT_TOKEN));
  const keyed = await setup(t, { api_key: SECRET_KEY });
  keyed.fake.once('GET /v1/balance', { status: 401, body: invalidKey });
  assert.match(failure(await keyed.call('retrieve_balance')), /the key may have been rolled or deleted/);
});

test('403 of a restricted key says which permission Stripe wants, with the key masked', async (t) => {
  const h = await setup(t, { api_key: RESTRICTED });
  h.fake.once('POST /v1/customers', { status: 403, body: restricted });
  const message = failure(await h.call('create_customer', { email: 'a@b.co' }));
  assert.equal(
    message,
    "Stripe denied customer (new) (invalid_request_error): The provided key '[key]' does not have the required " +
      "permissions for this endpoint on account 'acct_1'. Having the 'rak_customer_write' permission would allow this " +
      'request to continue. A restricted key needs the permission for this resource: add it to the key in the Dashboard, or use a secret key.',
  );
  assert.ok(!message.includes('rk_test'));
});

test('403 with a Connect token names the read_write scope', async (t) => {
  const h = await setup(t);
  h.fake.once('POST /v1/products', {
    status: 403,
    body: {
      error: {
        type: 'permission_error',
        message: 'This application does not have the required permissions.',
      },
    },
  });
  assert.match(
    failure(await h.call('create_product', { name: 'x' })),
    /^Permission denied: the stored token lacks the scope "read_write"\. Re-authenticate to grant it\. Stripe said: This application/,
  );
});

test('404 names the object and its id', async (t) => {
  const h = await setup(t);
  assert.equal(
    failure(await h.call('retrieve_customer', { customer_id: 'cus_nope' })),
    'Customer not found: cus_nope',
  );
  h.fake.once('GET /v1/subscriptions/sub_x', { status: 404, body: noSuch('subscription', 'sub_x') });
  assert.equal(
    failure(await h.call('retrieve_subscription', { subscription_id: 'sub_x' })),
    'Subscription not found: sub_x',
  );
});

test('429 is retried, then the call succeeds; when it persists the message says to wait', async (t) => {
  const h = await setup(t);
  h.objects.customers.set('cus_1', customer('cus_1'));
  h.fake.once('GET /v1/customers/cus_1', { status: 429, headers: { 'retry-after': '0' }, body: rateLimited });
  assert.equal(data(await h.call('retrieve_customer', { customer_id: 'cus_1' })).id, 'cus_1');
  assert.equal(h.fake.requests.length, 2);

  const busy = await setup(t);
  busy.fake.route('GET /v1/balance', { status: 429, headers: { 'retry-after': '30' }, body: rateLimited });
  assert.equal(failure(await busy.call('retrieve_balance')), 'Rate limited by Stripe; try again in 30 s');
  assert.equal(busy.fake.requests.length, 1, 'a wait longer than the client allows is not waited');
  const later = await setup(t);
  later.fake.route('GET /v1/balance', { status: 429, body: rateLimited });
  assert.equal(
    failure(await later.call('retrieve_balance')),
    'Rate limited by Stripe; try again in a few seconds',
  );
  assert.equal(later.fake.requests.length, 3);
});

test('5xx on a read is retried; when retries run out it says to try later, with Stripe’s request id', async (t) => {
  const h = await setup(t);
  h.fake.route('GET /v1/balance', { status: 500, headers: { 'request-id': 'req_abc123' }, body: apiError });
  assert.equal(
    failure(await h.call('retrieve_balance')),
    'Stripe failed (HTTP 500, request req_abc123); try again later',
  );
  assert.equal(h.fake.requests.length, 3);
});

test('a parameter error names the tool argument Stripe objects to', async (t) => {
  const h = await setup(t);
  h.fake.once('POST /v1/subscriptions', {
    status: 400,
    body: {
      error: {
        code: 'resource_missing',
        param: 'items[0][price]',
        message: "No such price: 'price_nope'",
        type: 'invalid_request_error',
      },
    },
  });
  assert.equal(
    failure(await h.call('create_subscription', { customer: 'cus_1', price_id: 'price_nope' })),
    "Not found: No such price: 'price_nope' (invalid_request_error, resource_missing; argument price_id)",
  );
});

test('an id that could step out of its path segment is refused before any request', async (t) => {
  const h = await setup(t);
  assert.match(failure(await h.call('retrieve_customer', { customer_id: '../balance' })), /customer_id/);
  assert.equal(h.fake.requests.length, 0);
});
