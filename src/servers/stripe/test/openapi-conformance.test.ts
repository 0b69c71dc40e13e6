import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { test } from 'node:test';
import { OpenApiCheck, readOpenApi } from '../../../testing/openapi.js';
import { STRIPE_VERSION } from '../api.js';
import {
  charge,
  customer,
  invoice,
  paymentIntent,
  paymentMethod,
  product,
  subscription,
} from './fake-stripe.js';
import { data, setup } from './harness.js';

/**
 * Checks the fake and the client against Stripe's OpenAPI description (github.com/stripe/openapi,
 * openapi/spec3.json or spec3.yaml), so they cannot drift apart together: every request the tools make
 * (method, path, query keys, and the form body typed by the operation's schema, unknown fields refused)
 * must be an operation of the description, and every answer of the fake must validate against the
 * operation's documented answer. STRIPE_OPENAPI_SPEC names the file; without it the test is skipped.
 *
 * The description should be of the pinned version (2026-10-28.endive). An older one is accepted with the
 * fields Stripe removed since then no longer required of answers (DRIFT): the fake answers in the
 * pinned version's shapes.
 */

type Schema = Record<string, unknown>;

/** Fields the pinned version no longer has, by resource, with the version that removed or renamed them. */
const DRIFT: Readonly<Record<string, readonly string[]>> = {
  // 2025-03-31.basil: the current period moved to subscription items.
  subscription: ['current_period_start', 'current_period_end'],
  // 2025-03-31.basil: paid and paid_out_of_band became status and payments; total_tax_amounts became total_taxes.
  invoice: ['paid', 'paid_out_of_band', 'total_tax_amounts'],
  // 2024-06-20: product features became marketing_features.
  product: ['features'],
};

function withoutDrift(schema: Schema): Schema {
  const removed = DRIFT[String(schema['x-resourceId'])];
  if (!removed || !Array.isArray(schema.required)) return schema;
  return { ...schema, required: schema.required.filter((f) => !removed.includes(String(f))) };
}

/** The tool calls of this test: every tool, with the arguments that reach most of each request's shape. */
const CALLS: [string, Record<string, unknown>][] = [
  ['list_customers', { limit: 2, email: 'cus_1@example.com' }],
  ['retrieve_customer', { customer_id: 'cus_1' }],
  [
    'create_customer',
    {
      email: 'ada@example.com',
      name: 'Ada',
      phone: '+14155550100',
      description: 'VIP',
      address: { line1: '1 Main St', city: 'London', country: 'GB' },
      shipping: { name: 'Ada', address: { line1: '2 Dock Rd', country: 'GB' } },
      metadata: { order: '6735' },
    },
  ],
  ['update_customer', { customer_id: 'cus_1', fields: { name: 'Ada L.', metadata: { tier: 'gold' } } }],
  ['create_payment_method', { type: 'card', card: { token: 'tok_visa' }, billing_details: { name: 'Ada' } }],
  ['attach_payment_method', { payment_method: 'pm_1', customer_id: 'cus_1', set_as_default: true }],
  ['retrieve_balance', {}],
  ['create_payment_intent', { amount: 2000, currency: 'usd', customer: 'cus_1', description: 'Order 42' }],
  ['confirm_payment_intent', { payment_intent_id: 'pi_1', payment_method: 'pm_1' }],
  ['list_payment_intents', { customer: 'cus_1' }],
  ['list_charges', { customer: 'cus_1' }],
  ['list_products', { active: true }],
  ['create_product', { name: 'Gold plan', description: 'Best', url: 'https://example.com/gold' }],
  [
    'create_price',
    {
      product: 'prod_1',
      unit_amount: 1500,
      currency: 'usd',
      recurring: { interval: 'month', interval_count: 1 },
    },
  ],
  ['list_subscriptions', { customer: 'cus_1', status: 'all' }],
  ['retrieve_subscription', { subscription_id: 'sub_1' }],
  ['create_subscription', { customer: 'cus_1', price_id: 'price_1', quantity: 2, trial_period_days: 7 }],
  ['update_subscription', { subscription_id: 'sub_1', fields: { cancel_at_period_end: true } }],
  ['cancel_subscription', { subscription_id: 'sub_2' }],
  ['create_invoice', { customer: 'cus_1', collection_method: 'send_invoice', days_until_due: 30 }],
  ['list_invoices', { customer: 'cus_1', status: 'draft' }],
];

test("every request the tools make, and every answer of the fake, fits Stripe's OpenAPI description", async (t) => {
  const file = process.env.STRIPE_OPENAPI_SPEC;
  if (!file || !existsSync(file)) {
    t.skip('STRIPE_OPENAPI_SPEC names no copy of Stripe’s OpenAPI description (openapi/spec3.json)');
    return;
  }
  const doc = await readOpenApi(file);
  const described = String((doc.info as Schema | undefined)?.version);
  const older = described < STRIPE_VERSION;
  if (older) t.diagnostic(`the description is of ${described}, older than ${STRIPE_VERSION}: DRIFT applies`);
  // Stripe's nullable unions and enums are read by the shared check itself.
  const spec = await OpenApiCheck.load(file, older ? { fix: withoutDrift } : {});

  const h = await setup(t);
  h.objects.customers.set('cus_1', customer('cus_1'));
  h.objects.payment_methods.set('pm_1', paymentMethod('pm_1'));
  h.objects.payment_intents.set('pi_1', paymentIntent('pi_1'));
  h.objects.charges.set('ch_1', charge('ch_1'));
  h.objects.products.set('prod_1', product('prod_1'));
  h.objects.subscriptions.set('sub_1', subscription('sub_1'));
  h.objects.subscriptions.set('sub_2', subscription('sub_2'));
  h.objects.invoices.set('in_1', invoice('in_1'));
  for (const [name, args] of CALLS) data(await h.call(name, args));

  const routes = new Set<string>();
  for (const req of h.fake.requests) routes.add(spec.assertRequest(req));
  for (const reply of h.replies) spec.assertAnswer(reply.method, reply.path, reply.status, reply.body);
  // Stripe's error body, on a documented error answer.
  spec.assertAnswer('GET', '/v1/customers/cus_1', 404, {
    error: {
      type: 'invalid_request_error',
      code: 'resource_missing',
      param: 'id',
      message: "No such customer: 'cus_x'",
    },
  });
  assert.equal(h.replies.length, h.fake.requests.length);
  assert.deepEqual([...routes].sort(), [
    'DELETE /v1/subscriptions/{subscription_exposed_id}',
    'GET /v1/balance',
    'GET /v1/charges',
    'GET /v1/customers',
    'GET /v1/customers/{customer}',
    'GET /v1/invoices',
    'GET /v1/payment_intents',
    'GET /v1/products',
    'GET /v1/subscriptions',
    'GET /v1/subscriptions/{subscription_exposed_id}',
    'POST /v1/customers',
    'POST /v1/customers/{customer}',
    'POST /v1/invoices',
    'POST /v1/payment_intents',
    'POST /v1/payment_intents/{intent}/confirm',
    'POST /v1/payment_methods',
    'POST /v1/payment_methods/{payment_method}/attach',
    'POST /v1/prices',
    'POST /v1/products',
    'POST /v1/subscriptions',
    'POST /v1/subscriptions/{subscription_exposed_id}',
  ]);
});
