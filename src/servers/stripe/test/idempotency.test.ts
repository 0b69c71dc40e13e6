import assert from 'node:assert/strict';
import { test } from 'node:test';
import { paymentIntent } from './fake-stripe.js';
import { data, failure, keyOf, setup } from './harness.js';

test('a create whose answer was lost (502) is retried with the same Idempotency-Key: Stripe replays it, one customer exists', async (t) => {
  const h = await setup(t);
  h.loseAnswers('/v1/customers');
  const out = data(await h.call('create_customer', { email: 'ada@example.com' }));
  const attempts = h.requestsTo('POST', '/v1/customers');
  assert.equal(attempts.length, 2, 'retried once after the 5xx');
  const [first, second] = attempts.map(keyOf);
  assert.equal(first, second, 'the retry carries the same key');
  assert.equal(attempts[0]?.rawBody, attempts[1]?.rawBody, 'and the same body');
  assert.equal(h.created.customers, 1, 'created once');
  assert.equal(h.executed(), 1);
  assert.equal(out.id, 'cus_new1');
  assert.deepEqual([...h.objects.customers.keys()], ['cus_new1']);
});

test('a create that timed out after going through is retried with the same key and not created twice', async (t) => {
  const h = await setup(t, undefined, { timeoutMs: 100 });
  h.holdAnswer('/v1/products');
  const out = data(await h.call('create_product', { name: 'Gold plan' }));
  const attempts = h.requestsTo('POST', '/v1/products');
  assert.equal(attempts.length, 2);
  assert.equal(keyOf(attempts[0] ?? assert.fail()), keyOf(attempts[1] ?? assert.fail()));
  assert.equal(h.created.products, 1);
  assert.equal(out.id, 'prod_new1');
});

test('a confirm retried after a 503 charges once: the replay gives the succeeded intent', async (t) => {
  const h = await setup(t);
  h.objects.payment_intents.set('pi_1', paymentIntent('pi_1', { payment_method: 'pm_1' }));
  h.loseAnswers('/v1/payment_intents/pi_1/confirm', 1, 503);
  const out = data(await h.call('confirm_payment_intent', { payment_intent_id: 'pi_1' }));
  assert.equal(out.status, 'succeeded');
  const attempts = h.requestsTo('POST', '/v1/payment_intents/pi_1/confirm');
  assert.equal(attempts.length, 2);
  assert.equal(keyOf(attempts[0] ?? assert.fail()), keyOf(attempts[1] ?? assert.fail()));
  assert.equal(h.executed(), 1, 'the confirm ran once');
});

test('when every attempt fails, the error says it may have happened and gives the key; repeating with it creates nothing new', async (t) => {
  const h = await setup(t);
  h.loseAnswers('/v1/payment_intents', 3, 500);
  const message = failure(await h.call('create_payment_intent', { amount: 500, currency: 'usd' }));
  const key = keyOf(h.fake.requests[0] ?? assert.fail());
  assert.equal(
    message,
    'Stripe failed (HTTP 500) while creating the payment intent of 500 usd; it may have gone through. To try again ' +
      `safely, call the tool again with idempotency_key "${key}": Stripe then answers with the first result instead ` +
      'of doing it twice (a key is kept for 24 hours)',
  );
  assert.equal(h.requestsTo('POST', '/v1/payment_intents').length, 3);
  assert.equal(h.created.payment_intents, 1, 'the first attempt went through');

  const again = data(
    await h.call('create_payment_intent', { amount: 500, currency: 'usd', idempotency_key: key }),
  );
  assert.equal(again.id, 'pi_new1');
  assert.equal(keyOf(h.fake.requests[3] ?? assert.fail()), key);
  assert.equal(h.created.payment_intents, 1, 'still one payment intent');
});

test('the key with different arguments is refused by Stripe, and the error names idempotency_key', async (t) => {
  const h = await setup(t);
  data(await h.call('create_customer', { email: 'ada@example.com', idempotency_key: 'order-6735' }));
  assert.match(
    failure(await h.call('create_customer', { email: 'bob@example.com', idempotency_key: 'order-6735' })),
    /^idempotency_key: Stripe used this key for a different request \(Keys for idempotent requests can only be used with the same parameters/,
  );
  assert.equal(h.fake.requests.length, 2, 'a 400 is not retried');
  assert.equal(h.created.customers, 1);
});

test('each call makes its own key, and a 429 on a create is retried with the same one', async (t) => {
  const h = await setup(t);
  h.fake.once('POST /v1/customers', {
    status: 429,
    body: { error: { type: 'invalid_request_error', code: 'rate_limit', message: 'Too many requests' } },
  });
  data(await h.call('create_customer', { email: 'a@example.com' }));
  data(await h.call('create_customer', { email: 'a@example.com' }));
  const keys = h.requestsTo('POST', '/v1/customers').map(keyOf);
  assert.equal(keys.length, 3);
  assert.equal(keys[0], keys[1], 'the 429 was retried with its key');
  assert.notEqual(keys[1], keys[2], 'a new call is a new key');
  assert.equal(h.created.customers, 2);
});

test('a card decline (402) is not retried and says why, with the decline code', async (t) => {
  const h = await setup(t);
  h.objects.payment_intents.set('pi_1', paymentIntent('pi_1'));
  h.fake.once('POST /v1/payment_intents/pi_1/confirm', {
    status: 402,
    body: {
      error: {
        charge: 'ch_1',
        code: 'card_declined',
        decline_code: 'insufficient_funds',
        message: 'Your card has insufficient funds.',
        type: 'card_error',
        request_log_url: 'https://dashboard.stripe.com/test/logs/req_1',
      },
    },
  });
  assert.equal(
    failure(await h.call('confirm_payment_intent', { payment_intent_id: 'pi_1' })),
    'The card was declined for payment intent pi_1 (card_error, card_declined, insufficient_funds): Your card has insufficient funds.',
  );
  assert.equal(h.fake.requests.length, 1);
});
