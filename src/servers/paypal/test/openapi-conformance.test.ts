import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { test } from 'node:test';
import { OpenApiCheck } from '../../../testing/openapi.js';
import { billingCycle, invoice, order, plan, product, subscription } from './fake-paypal.js';
import { data, setup } from './harness.js';

/**
 * Checks the fake and the client against PayPal's OpenAPI descriptions
 * (github.com/paypal/paypal-rest-api-specifications, openapi/*.json: checkout_orders_v2,
 * catalogs_products_v1, billing_subscriptions_v1, invoicing_v2), so they cannot drift apart together:
 * every request the tools make (method, path, query keys, JSON body) must be an operation of one of the
 * descriptions, and every answer of the fake must validate against that operation's documented answer.
 * PAYPAL_OPENAPI_SPEC names the files, comma-separated; without them the test is skipped. The token
 * endpoint (`/v1/oauth2/token`) is in none of them and is left unchecked.
 */

const CALLS: [string, Record<string, unknown>][] = [
  [
    'create_order',
    {
      intent: 'CAPTURE',
      purchase_units: [
        { reference_id: 'r1', amount: { currency_code: 'USD', value: '100.00' }, description: 'Cart' },
      ],
    },
  ],
  ['get_order', { order_id: 'ORDER1' }],
  [
    'confirm_order',
    { order_id: 'ORDER1', payment_source: { paypal: { email_address: 'customer@example.com' } } },
  ],
  [
    'create_product',
    {
      name: 'Streaming',
      description: 'Video',
      type: 'SERVICE',
      category: 'SOFTWARE',
      home_url: 'https://example.com',
    },
  ],
  ['list_products', { page_size: 5, total_required: true }],
  ['get_product', { product_id: 'PROD-1' }],
  ['update_product', { product_id: 'PROD-1', path: '/description', value: 'Premium' }],
  [
    'create_plan',
    {
      product_id: 'PROD-1',
      name: 'Basic',
      description: 'Basic plan',
      billing_cycles: [billingCycle],
      payment_preferences: { auto_bill_outstanding: true, payment_failure_threshold: 3 },
      taxes: { percentage: '10', inclusive: false },
    },
  ],
  ['list_plans', { product_id: 'PROD-1', page_size: 5 }],
  ['get_plan', { plan_id: 'P-1' }],
  ['update_plan', { plan_id: 'P-1', path: '/description', value: 'Basic monthly' }],
  ['deactivate_plan', { plan_id: 'P-1' }],
  ['activate_plan', { plan_id: 'P-1' }],
  [
    'create_subscription',
    {
      plan_id: 'P-1',
      quantity: '2',
      custom_id: 'c-7',
      subscriber: { email_address: 'customer@example.com' },
    },
  ],
  ['get_subscription', { subscription_id: 'I-1' }],
  [
    'search_invoices',
    { status: ['SENT'], invoice_date_range: { start: '2024-05-01', end: '2024-05-31' }, page_size: 5 },
  ],
];

test("every request the tools make, and every answer of the fake, fits PayPal's OpenAPI descriptions", async (t) => {
  const files = (process.env.PAYPAL_OPENAPI_SPEC ?? '').split(',').filter(Boolean);
  if (files.length === 0 || !files.every((f) => existsSync(f))) {
    t.skip('PAYPAL_OPENAPI_SPEC names no OpenAPI file of PayPal’s APIs');
    return;
  }
  // The shared check reads PayPal's bodies named by reference and its patterns of another regex dialect.
  const specs = await Promise.all(files.map((f) => OpenApiCheck.load(f)));
  const h = await setup(t);
  h.orders.set('ORDER1', order('ORDER1'));
  h.products.set('PROD-1', product('PROD-1'));
  h.plans.set('P-1', plan('P-1', { product_id: 'PROD-1' }));
  h.subscriptions.set('I-1', subscription('I-1', { plan_id: 'P-1' }));
  h.invoices.set('INV2-1', invoice('INV2-1'));
  for (const [name, args] of CALLS) data(await h.call(name, args));

  const routes = new Set<string>();
  const unchecked: string[] = [];
  const specOf = (method: string, path: string) => specs.find((s) => s.operation(method, path));
  for (const req of h.fake.requests) {
    const spec = specOf(req.method, req.path);
    if (!spec) {
      unchecked.push(`${req.method} ${req.path}`);
      continue;
    }
    routes.add(spec.assertRequest(req));
  }
  for (const reply of h.replies)
    specOf(reply.method, reply.path)?.assertAnswer(reply.method, reply.path, reply.status, reply.body);
  assert.deepEqual(
    [...new Set(unchecked)],
    ['POST /v1/oauth2/token'],
    'only the token endpoint is described by none',
  );
  t.diagnostic(`checked ${routes.size} routes`);
  assert.equal(routes.size, 16, `the 16 routes the tools use: ${[...routes].join(', ')}`);
});
