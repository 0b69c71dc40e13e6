import assert from 'node:assert/strict';
import { test } from 'node:test';
import { query } from '../../../testing/fake-service.js';
import { customer, invoice, PERIOD_END_ISO, price, product, subscription } from './fake-stripe.js';
import { data, failure, formOf, keyOf, onlyRequest, setup } from './harness.js';

test('create_product and create_price (recurring) send their fields with Idempotency-Keys', async (t) => {
  const h = await setup(t);
  const prod = data(
    await h.call('create_product', { name: 'Gold plan', description: 'Best', metadata: { tier: 'gold' } }),
  );
  assert.equal(prod.name, 'Gold plan');
  const p = data(
    await h.call('create_price', {
      product: prod.id,
      unit_amount: 1500,
      currency: 'eur',
      recurring: { interval: 'month', interval_count: 3 },
    }),
  );
  assert.deepEqual(p.recurring, {
    interval: 'month',
    interval_count: 3,
    usage_type: 'licensed',
    meter: null,
  });
  assert.equal(p.type, 'recurring');
  const [a, b] = h.fake.requests;
  assert.ok(a && b);
  assert.deepEqual(formOf(a), { name: 'Gold plan', description: 'Best', metadata: { tier: 'gold' } });
  assert.deepEqual(formOf(b), {
    product: 'prod_new1',
    unit_amount: '1500',
    currency: 'eur',
    recurring: { interval: 'month', interval_count: '3' },
  });
  assert.notEqual(keyOf(a), keyOf(b), 'each call has its own key');
});

test('list_products passes active and pages on', async (t) => {
  const h = await setup(t);
  h.objects.products.set('prod_1', product('prod_1'));
  const out = data(await h.call('list_products', { active: true }));
  assert.equal(out.count, 1);
  assert.deepEqual(query(onlyRequest(h)), { active: 'true', limit: '10' });
});

test('create_subscription sends items[0][price] and expands prices; the period comes from the item', async (t) => {
  const h = await setup(t);
  const out = data(
    await h.call('create_subscription', { customer: 'cus_1', price_id: 'price_1', quantity: 2 }),
  );
  assert.equal(out.status, 'active');
  assert.equal(out.current_period_end, PERIOD_END_ISO);
  assert.deepEqual(out.items, [
    {
      id: 'si_sub_new1_0',
      price: 'price_1',
      product: 'prod_1',
      unit_amount: 1500,
      currency: 'usd',
      interval: 'month',
      quantity: 1,
      current_period_start: '2024-05-01T10:00:00.000Z',
      current_period_end: PERIOD_END_ISO,
    },
  ]);
  const req = onlyRequest(h);
  keyOf(req);
  assert.equal(
    req.rawBody,
    'customer=cus_1&items%5B0%5D%5Bprice%5D=price_1&items%5B0%5D%5Bquantity%5D=2&expand%5B%5D=items.data.price',
  );
});

test('retrieve_subscription and list_subscriptions expand item prices through expand[]', async (t) => {
  const h = await setup(t);
  h.objects.subscriptions.set('sub_1', subscription('sub_1'));
  assert.equal(data(await h.call('retrieve_subscription', { subscription_id: 'sub_1' })).id, 'sub_1');
  const listed = data(await h.call('list_subscriptions', { customer: 'cus_1', status: 'all' }));
  assert.equal(listed.count, 1);
  const [get, list] = h.fake.requests;
  assert.ok(get && list);
  assert.equal(
    `${get.method} ${get.path}?${get.query}`,
    'GET /v1/subscriptions/sub_1?expand%5B%5D=items.data.price',
  );
  assert.deepEqual(query(list), {
    customer: 'cus_1',
    status: 'all',
    'expand[]': 'data.items.data.price',
    limit: '10',
  });
});

test('update_subscription sends fields, and a Stripe param error names the argument under fields', async (t) => {
  const h = await setup(t);
  h.objects.subscriptions.set('sub_1', subscription('sub_1'));
  const out = data(
    await h.call('update_subscription', { subscription_id: 'sub_1', fields: { cancel_at_period_end: true } }),
  );
  assert.equal(out.cancel_at_period_end, true);
  assert.deepEqual(formOf(h.fake.requests[0] ?? assert.fail()), {
    cancel_at_period_end: 'true',
    expand: ['items.data.price'],
  });
  h.fake.once('POST /v1/subscriptions/sub_1', {
    status: 400,
    body: {
      error: {
        code: 'parameter_unknown',
        param: 'items[0][prise]',
        message: 'Received unknown parameter: items[0][prise]. Did you mean price?',
        type: 'invalid_request_error',
      },
    },
  });
  assert.equal(
    failure(
      await h.call('update_subscription', { subscription_id: 'sub_1', fields: { items: [{ prise: 'p' }] } }),
    ),
    'Stripe rejected the request for subscription sub_1 (invalid_request_error, parameter_unknown; argument ' +
      'fields.items.0.prise): Received unknown parameter: items[0][prise]. Did you mean price?',
  );
});

test('cancel_subscription deletes it; cancelling it again reads it and reports it canceled', async (t) => {
  const h = await setup(t);
  h.objects.subscriptions.set('sub_1', subscription('sub_1'));
  const out = data(await h.call('cancel_subscription', { subscription_id: 'sub_1' }));
  assert.equal(out.status, 'canceled');
  assert.equal(out.canceled_at, PERIOD_END_ISO);
  const again = data(await h.call('cancel_subscription', { subscription_id: 'sub_1' }));
  assert.equal(again.status, 'canceled');
  assert.deepEqual(
    h.fake.requests.map((r) => `${r.method} ${r.path}`),
    ['DELETE /v1/subscriptions/sub_1', 'DELETE /v1/subscriptions/sub_1', 'GET /v1/subscriptions/sub_1'],
  );
});

test('create_invoice makes a draft (auto_advance false unless asked); an unknown customer names the argument', async (t) => {
  const h = await setup(t);
  h.objects.customers.set('cus_1', customer('cus_1'));
  const out = data(await h.call('create_invoice', { customer: 'cus_1', description: 'May' }));
  assert.equal(out.status, 'draft');
  assert.deepEqual(formOf(onlyRequest(h)), { customer: 'cus_1', description: 'May', auto_advance: 'false' });
  assert.match(
    failure(await h.call('create_invoice', { customer: 'cus_2' })),
    /No such customer: 'cus_2' \(invalid_request_error, resource_missing; argument customer\)/,
  );
  assert.match(
    failure(await h.call('create_invoice', { customer: 'cus_1', days_until_due: 3 })),
    /days_until_due: only with collection_method "send_invoice"/,
  );
});

test('list_invoices filters and reads the subscription from the invoice’s parent', async (t) => {
  const h = await setup(t);
  h.objects.invoices.set(
    'in_1',
    invoice('in_1', {
      status: 'open',
      parent: {
        quote_details: null,
        subscription_details: { metadata: {}, subscription: 'sub_1' },
        type: 'subscription_details',
      },
    }),
  );
  h.objects.prices.set('price_1', price('price_1'));
  const out = data(await h.call('list_invoices', { status: 'open' }));
  assert.equal((out.invoices as { subscription: string }[])[0]?.subscription, 'sub_1');
  assert.deepEqual(query(onlyRequest(h)), { status: 'open', limit: '10' });
});
