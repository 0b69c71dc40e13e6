import assert from 'node:assert/strict';
import { test } from 'node:test';
import { product } from './fake-paypal.js';
import { data, failure, requestIdOf, setup } from './harness.js';

const UNITS = [{ amount: { currency_code: 'USD', value: '25.00' } }];

test('a create retried after a 5xx reaches PayPal twice with one PayPal-Request-Id and creates once', async (t) => {
  const h = await setup(t);
  h.loseAnswers('/v2/checkout/orders');
  const out = data(await h.call('create_order', { intent: 'CAPTURE', purchase_units: UNITS }));
  const attempts = h.requestsTo('POST', '/v2/checkout/orders');
  assert.equal(attempts.length, 2);
  assert.equal(requestIdOf(attempts[0] ?? assert.fail()), requestIdOf(attempts[1] ?? assert.fail()));
  assert.equal(h.orders.size, 1, 'one order');
  assert.equal(h.created(), 1);
  assert.equal(out.id, [...h.orders.keys()][0]);
});

test('the same for a plan, a product and a subscription', async (t) => {
  const h = await setup(t);
  h.products.set('PROD-1', product('PROD-1'));
  h.loseAnswers('/v1/catalogs/products', 1, 503);
  h.loseAnswers('/v1/billing/plans', 1, 502);
  h.loseAnswers('/v1/billing/subscriptions', 1, 500);
  data(await h.call('create_product', { name: 'A', description: 'B' }));
  data(
    await h.call('create_plan', {
      product_id: 'PROD-1',
      name: 'P',
      description: 'D',
      billing_cycles: [{ frequency: { interval_unit: 'MONTH' }, tenure_type: 'REGULAR', sequence: 1 }],
      payment_preferences: {},
    }),
  );
  data(await h.call('create_subscription', { plan_id: 'P-1' }));
  for (const path of ['/v1/catalogs/products', '/v1/billing/plans', '/v1/billing/subscriptions']) {
    const ids = h.requestsTo('POST', path).map(requestIdOf);
    assert.equal(ids.length, 2, path);
    assert.equal(ids[0], ids[1], path);
  }
  assert.equal(h.products.size, 2);
  assert.equal(h.plans.size, 1);
  assert.equal(h.subscriptions.size, 1);
});

test('when every attempt fails, the error gives the request id; repeating with it creates nothing new', async (t) => {
  const h = await setup(t);
  h.loseAnswers('/v1/billing/subscriptions', 3);
  const message = failure(await h.call('create_subscription', { plan_id: 'P-1' }));
  const id = requestIdOf(h.requestsTo('POST', '/v1/billing/subscriptions')[0] ?? assert.fail());
  assert.equal(
    message,
    'PayPal failed (HTTP 500 INTERNAL_SERVER_ERROR) (debug id b56bddcbd0e8a) while creating the subscription to plan ' +
      `P-1; it may have gone through. To try again safely, call the tool again with paypal_request_id "${id}": ` +
      'PayPal then answers with the first result instead of creating it twice',
  );
  assert.equal(h.subscriptions.size, 1, 'the first attempt went through');
  const again = data(await h.call('create_subscription', { plan_id: 'P-1', paypal_request_id: id }));
  assert.equal(again.id, [...h.subscriptions.keys()][0]);
  assert.equal(h.subscriptions.size, 1);
  assert.equal(h.requestsTo('POST', '/v1/billing/subscriptions').length, 4);
});

test('each call makes its own request id', async (t) => {
  const h = await setup(t);
  data(await h.call('create_order', { intent: 'CAPTURE', purchase_units: UNITS }));
  data(await h.call('create_order', { intent: 'CAPTURE', purchase_units: UNITS }));
  const ids = h.requestsTo('POST', '/v2/checkout/orders').map(requestIdOf);
  assert.notEqual(ids[0], ids[1]);
  assert.equal(h.orders.size, 2);
});
