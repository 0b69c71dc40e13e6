import assert from 'node:assert/strict';
import { test } from 'node:test';
import { query } from '../../../testing/fake-service.js';
import { billingCycle, plan, product } from './fake-paypal.js';
import { apiRequests, data, failure, onlyRequest, requestIdOf, setup } from './harness.js';

test('create_product sends type PHYSICAL unless told, with a PayPal-Request-Id', async (t) => {
  const h = await setup(t);
  const out = data(
    await h.call('create_product', { name: 'Streaming', description: 'Video', category: 'software' }),
  );
  assert.equal(out.type, 'PHYSICAL');
  const req = onlyRequest(h);
  assert.equal(`${req.method} ${req.path}`, 'POST /v1/catalogs/products');
  requestIdOf(req);
  assert.deepEqual(req.body, {
    name: 'Streaming',
    description: 'Video',
    type: 'PHYSICAL',
    category: 'SOFTWARE',
  });
});

test('list_products follows pages up to max_pages and says where to continue', async (t) => {
  const h = await setup(t);
  for (let i = 1; i <= 5; i++) h.products.set(`PROD-${i}`, product(`PROD-${i}`));
  const out = data(await h.call('list_products', { page_size: 2, max_pages: 2, total_required: true }));
  assert.equal(out.count, 4);
  assert.equal(out.next_page, 3);
  assert.equal(out.total_items, 5);
  assert.equal(out.total_pages, 3);
  assert.deepEqual(
    apiRequests(h).map((r) => query(r)),
    [
      { page_size: '2', page: '1', total_required: 'true' },
      { page_size: '2', page: '2', total_required: 'true' },
    ],
  );
  const last = data(await h.call('list_products', { page_size: 2, page: 3 }));
  assert.equal(last.count, 1);
  assert.equal(last.next_page, null);
});

test('get_product and update_product: a JSON Patch replace, then the product as it is now', async (t) => {
  const h = await setup(t);
  h.products.set('PROD-1', product('PROD-1'));
  assert.equal(data(await h.call('get_product', { product_id: 'PROD-1' })).category, 'SOFTWARE');
  const out = data(
    await h.call('update_product', { product_id: 'PROD-1', path: 'description', value: 'Premium video' }),
  );
  assert.equal(out.description, 'Premium video');
  const [, patch, read] = apiRequests(h);
  assert.equal(`${patch?.method} ${patch?.path}`, 'PATCH /v1/catalogs/products/PROD-1');
  assert.deepEqual(patch?.body, [{ op: 'replace', path: '/description', value: 'Premium video' }]);
  assert.equal(`${read?.method} ${read?.path}`, 'GET /v1/catalogs/products/PROD-1');
});

test('create_plan sends the cycles and preferences with a request id; an unknown product names product_id', async (t) => {
  const h = await setup(t);
  h.products.set('PROD-1', product('PROD-1'));
  const args = {
    product_id: 'PROD-1',
    name: 'Basic',
    description: 'Basic plan',
    billing_cycles: [billingCycle],
    payment_preferences: { auto_bill_outstanding: true, payment_failure_threshold: 3 },
    taxes: { percentage: '10', inclusive: false },
  };
  const out = data(await h.call('create_plan', args));
  assert.equal(out.status, 'ACTIVE');
  assert.deepEqual(out.billing_cycles, [billingCycle]);
  const req = onlyRequest(h);
  requestIdOf(req);
  assert.deepEqual(req.body, args);
  assert.equal(
    failure(await h.call('create_plan', { ...args, product_id: 'PROD-X' })),
    'PayPal refused the request for plan (new) (HTTP 422 UNPROCESSABLE_ENTITY): product_id: INVALID_PRODUCT_ID ' +
      '(Invalid product id.) (debug id b56bddcbd0e8a)',
  );
});

test('list_plans filters by product; get_plan reads one', async (t) => {
  const h = await setup(t);
  h.plans.set('P-1', plan('P-1'));
  h.plans.set('P-2', plan('P-2', { product_id: 'PROD-2' }));
  const out = data(await h.call('list_plans', { product_id: 'PROD-2' }));
  assert.deepEqual(
    (out.plans as { id: string }[]).map((p) => p.id),
    ['P-2'],
  );
  assert.deepEqual(query(apiRequests(h)[0] ?? assert.fail()), {
    product_id: 'PROD-2',
    page_size: '10',
    page: '1',
    total_required: 'false',
  });
  assert.equal(data(await h.call('get_plan', { plan_id: 'P-1' })).name, 'Basic plan');
});

test('update_plan replaces a nested field (a leading / added), and a setup fee must be money', async (t) => {
  const h = await setup(t);
  h.plans.set('P-1', plan('P-1'));
  const out = data(
    await h.call('update_plan', {
      plan_id: 'P-1',
      path: 'payment_preferences/payment_failure_threshold',
      value: 5,
    }),
  );
  assert.equal(
    (out.payment_preferences as { payment_failure_threshold: number }).payment_failure_threshold,
    5,
  );
  assert.deepEqual(apiRequests(h)[0]?.body, [
    { op: 'replace', path: '/payment_preferences/payment_failure_threshold', value: 5 },
  ]);
  assert.match(
    failure(
      await h.call('update_plan', { plan_id: 'P-1', path: '/payment_preferences/setup_fee', value: '5' }),
    ),
    /value: setup_fee takes a money object/,
  );
});

test('activate_plan and deactivate_plan set the status; doing it again is not an error', async (t) => {
  const h = await setup(t);
  h.plans.set('P-1', plan('P-1', { status: 'CREATED' }));
  assert.deepEqual(data(await h.call('activate_plan', { plan_id: 'P-1' })), {
    plan_id: 'P-1',
    status: 'ACTIVE',
    already: false,
  });
  assert.deepEqual(data(await h.call('activate_plan', { plan_id: 'P-1' })), {
    plan_id: 'P-1',
    status: 'ACTIVE',
    already: true,
  });
  assert.deepEqual(data(await h.call('deactivate_plan', { plan_id: 'P-1' })), {
    plan_id: 'P-1',
    status: 'INACTIVE',
    already: false,
  });
  assert.deepEqual(
    apiRequests(h).map((r) => `${r.method} ${r.path}`),
    [
      'POST /v1/billing/plans/P-1/activate',
      'GET /v1/billing/plans/P-1',
      'POST /v1/billing/plans/P-1/activate',
      'GET /v1/billing/plans/P-1',
      'GET /v1/billing/plans/P-1',
      'POST /v1/billing/plans/P-1/deactivate',
      'GET /v1/billing/plans/P-1',
    ],
  );
});

test('activate_plan retried after a 5xx whose first attempt went through reports the plan active', async (t) => {
  const h = await setup(t);
  h.plans.set('P-1', plan('P-1', { status: 'INACTIVE' }));
  h.loseAnswers('/v1/billing/plans/P-1/activate');
  assert.deepEqual(data(await h.call('activate_plan', { plan_id: 'P-1' })), {
    plan_id: 'P-1',
    status: 'ACTIVE',
    already: true,
  });
  assert.equal(h.requestsTo('POST', '/v1/billing/plans/P-1/activate').length, 2);
});
