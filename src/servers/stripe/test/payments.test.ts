import assert from 'node:assert/strict';
import { test } from 'node:test';
import { query } from '../../../testing/fake-service.js';
import { CREATED_ISO, charge, paymentIntent } from './fake-stripe.js';
import { data, formOf, keyOf, onlyRequest, SECRET_KEY, setup } from './harness.js';

test('retrieve_balance gives available and pending funds, and the connected account', async (t) => {
  const h = await setup(t);
  assert.deepEqual(data(await h.call('retrieve_balance')), {
    available: [{ amount: 125_000, currency: 'usd' }],
    pending: [{ amount: 4_200, currency: 'usd' }],
    livemode: false,
    account: 'acct_1Connected',
  });
  const req = onlyRequest(h);
  assert.equal(`${req.method} ${req.path}`, 'GET /v1/balance');
});

test('retrieve_balance with a secret key names no connected account', async (t) => {
  const h = await setup(t, { api_key: SECRET_KEY });
  assert.equal(data(await h.call('retrieve_balance')).account, null);
  onlyRequest(h, SECRET_KEY);
});

test('create_payment_intent sends amount and currency (lower-cased) with an Idempotency-Key, and is not confirmed', async (t) => {
  const h = await setup(t);
  const out = data(
    await h.call('create_payment_intent', {
      amount: 2000,
      currency: 'USD',
      customer: 'cus_1',
      metadata: { order: '42' },
    }),
  );
  assert.deepEqual(out, {
    id: 'pi_new1',
    amount: 2000,
    amount_received: 0,
    currency: 'usd',
    status: 'requires_payment_method',
    customer: 'cus_1',
    payment_method: null,
    latest_charge: null,
    description: null,
    next_action: null,
    last_payment_error: null,
    cancellation_reason: null,
    created: CREATED_ISO,
    livemode: false,
    metadata: { order: '42' },
  });
  const req = onlyRequest(h);
  assert.equal(`${req.method} ${req.path}`, 'POST /v1/payment_intents');
  keyOf(req);
  assert.deepEqual(formOf(req), {
    amount: '2000',
    currency: 'usd',
    customer: 'cus_1',
    metadata: { order: '42' },
  });
});

test('create_payment_intent refuses a fractional amount or a bad currency before any request', async (t) => {
  const h = await setup(t);
  const bad = await h.call('create_payment_intent', { amount: 10.5, currency: 'usd' });
  assert.equal(bad.isError, true);
  const badCurrency = await h.call('create_payment_intent', { amount: 10, currency: 'dollars' });
  assert.equal(badCurrency.isError, true);
  assert.equal(h.fake.requests.length, 0);
});

test('confirm_payment_intent posts to /confirm with the payment method and a key; the status says it succeeded', async (t) => {
  const h = await setup(t);
  h.objects.payment_intents.set('pi_1', paymentIntent('pi_1'));
  const out = data(
    await h.call('confirm_payment_intent', { payment_intent_id: 'pi_1', payment_method: 'pm_card_visa' }),
  );
  assert.equal(out.status, 'succeeded');
  assert.equal(out.amount_received, 2000);
  assert.equal(out.payment_method, 'pm_card_visa');
  const req = onlyRequest(h);
  assert.equal(`${req.method} ${req.path}`, 'POST /v1/payment_intents/pi_1/confirm');
  keyOf(req);
  assert.deepEqual(formOf(req), { payment_method: 'pm_card_visa' });
});

test('list_payment_intents and list_charges filter by customer and trim each item', async (t) => {
  const h = await setup(t);
  h.objects.payment_intents.set('pi_1', paymentIntent('pi_1', { customer: 'cus_1' }));
  const pis = data(await h.call('list_payment_intents', { customer: 'cus_1', limit: 5 }));
  assert.equal((pis.payment_intents as { id: string }[])[0]?.id, 'pi_1');
  assert.deepEqual(query(h.fake.requests[0] ?? assert.fail()), { customer: 'cus_1', limit: '5' });

  h.fake.route('GET /v1/charges', {
    body: { object: 'list', data: [charge('ch_1')], has_more: false, url: '/v1/charges' },
  });
  const charges = data(await h.call('list_charges', { payment_intent: 'pi_1' }));
  assert.deepEqual((charges.charges as unknown[])[0], {
    id: 'ch_1',
    amount: 2000,
    amount_captured: 2000,
    amount_refunded: 0,
    currency: 'usd',
    status: 'succeeded',
    paid: true,
    captured: true,
    refunded: false,
    disputed: false,
    customer: 'cus_1',
    payment_intent: 'pi_1',
    payment_method: 'pm_1',
    payment_method_type: 'card',
    card: { brand: 'visa', last4: '4242' },
    description: null,
    failure_code: null,
    failure_message: null,
    receipt_url: 'https://pay.stripe.com/receipts/payment/fake',
    created: CREATED_ISO,
    metadata: {},
  });
  assert.deepEqual(query(h.fake.requests[1] ?? assert.fail()), { payment_intent: 'pi_1', limit: '10' });
});
