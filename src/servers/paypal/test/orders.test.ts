import assert from 'node:assert/strict';
import { test } from 'node:test';
import { query } from '../../../testing/fake-service.js';
import { order, TIME } from './fake-paypal.js';
import { apiRequests, data, failure, onlyRequest, requestIdOf, setup } from './harness.js';

const UNITS = [
  { reference_id: 'd9f80740', amount: { currency_code: 'usd', value: '100.00' }, custom_id: 'cart-7' },
];

test('create_order posts intent and purchase units with a PayPal-Request-Id and gives the approve link', async (t) => {
  const h = await setup(t);
  const out = data(await h.call('create_order', { intent: 'CAPTURE', purchase_units: UNITS }));
  assert.equal(out.status, 'CREATED');
  assert.equal(out.intent, 'CAPTURE');
  assert.match(String(out.approve_url), /^https:\/\/www\.sandbox\.paypal\.com\/checkoutnow\?token=/);
  assert.deepEqual(out.purchase_units, [
    {
      reference_id: 'd9f80740',
      amount: { currency_code: 'USD', value: '100.00' },
      description: null,
      custom_id: 'cart-7',
      invoice_id: null,
    },
  ]);
  const req = onlyRequest(h);
  assert.equal(`${req.method} ${req.path}`, 'POST /v2/checkout/orders');
  requestIdOf(req);
  assert.equal(req.headers.prefer, 'return=representation');
  assert.equal(req.headers['content-type'], 'application/json');
  assert.deepEqual(req.body, {
    intent: 'CAPTURE',
    purchase_units: [
      { reference_id: 'd9f80740', amount: { currency_code: 'USD', value: '100.00' }, custom_id: 'cart-7' },
    ],
  });
});

test('create_order refuses an amount that is not a decimal string before any request', async (t) => {
  const h = await setup(t);
  const bad = await h.call('create_order', {
    intent: 'CAPTURE',
    purchase_units: [{ amount: { currency_code: 'USD', value: 'ten' } }],
  });
  assert.match(failure(bad), /value/);
  assert.equal(h.fake.requests.length, 0);
});

test('get_order passes fields and returns the order', async (t) => {
  const h = await setup(t);
  h.orders.set('5O190127TN364715T', order('5O190127TN364715T', { update_time: TIME }));
  const out = data(await h.call('get_order', { order_id: '5O190127TN364715T', fields: 'payment_source' }));
  assert.equal(out.id, '5O190127TN364715T');
  assert.equal(out.update_time, TIME);
  const req = onlyRequest(h);
  assert.equal(req.path, '/v2/checkout/orders/5O190127TN364715T');
  assert.deepEqual(query(req), { fields: 'payment_source' });
});

test('confirm_order posts the payment source and gives the payer-action link', async (t) => {
  const h = await setup(t);
  h.orders.set('5O1', order('5O1'));
  const source = {
    paypal: { name: { given_name: 'John', surname: 'Doe' }, email_address: 'customer@example.com' },
  };
  const out = data(await h.call('confirm_order', { order_id: '5O1', payment_source: source }));
  assert.equal(out.status, 'PAYER_ACTION_REQUIRED');
  assert.equal(out.approve_url, 'https://www.sandbox.paypal.com/checkoutnow?token=5O1');
  const req = onlyRequest(h);
  assert.equal(`${req.method} ${req.path}`, 'POST /v2/checkout/orders/5O1/confirm-payment-source');
  assert.deepEqual(req.body, { payment_source: source });
  assert.equal(req.headers['paypal-request-id'], undefined);
});

test('confirm_order is not retried after a 5xx (PayPal takes no request id on it), and says to check the order', async (t) => {
  const h = await setup(t);
  h.orders.set('5O1', order('5O1'));
  h.loseAnswers('/v2/checkout/orders/5O1/confirm-payment-source');
  assert.equal(
    failure(await h.call('confirm_order', { order_id: '5O1', payment_source: { paypal: {} } })),
    'PayPal failed (HTTP 500 INTERNAL_SERVER_ERROR) (debug id b56bddcbd0e8a) while confirming the payment source of ' +
      'order 5O1; it may have gone through, so check its status with get_order 5O1 before trying again (it was not retried)',
  );
  assert.equal(apiRequests(h).length, 1);
});
