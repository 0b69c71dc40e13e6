import assert from 'node:assert/strict';
import { test } from 'node:test';
import { internal, notAuthorized, plan, rateLimited } from './fake-paypal.js';
import { apiRequests, CREDENTIALS, data, failure, setup } from './harness.js';

test('a token refused twice (old and new) asks to sign in again, never echoing a secret', async (t) => {
  const h = await setup(t);
  h.fake.route('GET /v1/billing/plans/P-1', {
    status: 401,
    body: { name: 'AUTHENTICATION_FAILURE', message: 'Authentication failed.', debug_id: 'abc123' },
  });
  const message = failure(await h.call('get_plan', { plan_id: 'P-1' }));
  assert.equal(
    message,
    `Not authenticated with paypal: PayPal refused a new access token of client id ${CREDENTIALS.client_id} too: the ` +
      'app may have been deleted or lost the permission. Re-authenticate with `gumcp auth paypal`.',
  );
  assert.ok(!message.includes(CREDENTIALS.client_secret));
  assert.equal(h.requestsTo('POST', '/v1/oauth2/token').length, 2);
  assert.equal(apiRequests(h).length, 2);
});

test('403 names the app feature to enable, with the debug id', async (t) => {
  const h = await setup(t);
  h.fake.route('POST /v2/invoicing/search-invoices', notAuthorized);
  assert.equal(
    failure(await h.call('search_invoices')),
    'PayPal denied access to invoices of the search (NOT_AUTHORIZED) (debug id b56bddcbd0e8a): the app may lack the ' +
      'Invoicing feature. Enable it for the app (developer dashboard → Apps & Credentials → the app → Features), then try again.',
  );
});

test('404 names the object and its id, with the debug id', async (t) => {
  const h = await setup(t);
  assert.equal(
    failure(await h.call('get_subscription', { subscription_id: 'I-404' })),
    'Subscription not found: I-404 (debug id b56bddcbd0e8a)',
  );
  assert.equal(
    failure(await h.call('get_order', { order_id: 'NOPE' })),
    'Order not found: NOPE (debug id b56bddcbd0e8a)',
  );
});

test('400 and 422 details name the argument (a field of the body, or the patched value)', async (t) => {
  const h = await setup(t);
  h.plans.set('P-1', plan('P-1'));
  h.fake.once('PATCH /v1/billing/plans/P-1', {
    status: 422,
    body: {
      name: 'UNPROCESSABLE_ENTITY',
      message: 'The requested action could not be performed.',
      debug_id: 'd1',
      details: [
        {
          field: '/0/value',
          location: 'body',
          issue: 'INVALID_PARAMETER_VALUE',
          description: 'The value is invalid.',
        },
      ],
    },
  });
  assert.equal(
    failure(await h.call('update_plan', { plan_id: 'P-1', path: '/taxes/percentage', value: 'lots' })),
    'PayPal refused the request for plan P-1 (HTTP 422 UNPROCESSABLE_ENTITY): value: INVALID_PARAMETER_VALUE (The value ' +
      'is invalid.) (debug id d1)',
  );
  h.fake.once('POST /v2/checkout/orders', {
    status: 400,
    body: {
      name: 'INVALID_REQUEST',
      message: 'Request is not well-formed, syntactically incorrect, or violates schema.',
      debug_id: 'd2',
      details: [
        {
          field: '/purchase_units/0/amount/currency_code',
          value: 'XYZ',
          location: 'body',
          issue: 'INVALID_CURRENCY_CODE',
          description: 'Currency code is invalid or is not currently supported.',
        },
      ],
    },
  });
  assert.equal(
    failure(
      await h.call('create_order', {
        intent: 'CAPTURE',
        purchase_units: [{ amount: { currency_code: 'XYZ', value: '1.00' } }],
      }),
    ),
    'PayPal refused the request for order (new) (HTTP 400 INVALID_REQUEST): purchase_units.0.amount.currency_code: ' +
      'INVALID_CURRENCY_CODE (Currency code is invalid or is not currently supported.) (debug id d2)',
  );
});

test('429 is retried, then the call succeeds; when it persists the message says when to try again', async (t) => {
  const h = await setup(t);
  h.plans.set('P-1', plan('P-1'));
  h.fake.once('GET /v1/billing/plans/P-1', { ...rateLimited, headers: { 'retry-after': '0' } });
  assert.equal(data(await h.call('get_plan', { plan_id: 'P-1' })).id, 'P-1');
  assert.equal(apiRequests(h).length, 2);
  h.fake.route('GET /v1/billing/plans/P-2', { ...rateLimited, headers: { 'retry-after': '60' } });
  assert.equal(
    failure(await h.call('get_plan', { plan_id: 'P-2' })),
    'Rate limited by PayPal (RATE_LIMIT_REACHED); try again in 60 s (debug id b56bddcbd0e8a)',
  );
});

test('5xx on a read is retried; when retries run out it says to try later', async (t) => {
  const h = await setup(t);
  h.fake.route('GET /v1/catalogs/products/PROD-1', internal);
  assert.equal(
    failure(await h.call('get_product', { product_id: 'PROD-1' })),
    'PayPal failed (HTTP 500 INTERNAL_SERVER_ERROR) (debug id b56bddcbd0e8a); try again later',
  );
  assert.equal(apiRequests(h).length, 3);
});

test('an id that could step out of its path segment is refused before any request', async (t) => {
  const h = await setup(t);
  assert.match(failure(await h.call('get_plan', { plan_id: '../../v1/oauth2/token' })), /plan_id/);
  assert.equal(h.fake.requests.length, 0);
});
