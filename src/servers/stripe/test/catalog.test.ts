import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertAnnotationKinds, assertCatalogTools, catalogServer } from '../../../testing/catalog.js';
import { connect } from '../../../testing/mcp.js';
import stripe from '../index.js';

const catalog = catalogServer('stripe');
const LIST = ['limit', 'starting_after'];
const WRITE = ['idempotency_key', 'full'];

/** Optional parameters this server adds to guMCP's (a caller may leave them out). */
const EXTRAS: Record<string, string[]> = {
  list_customers: [...LIST, 'email'],
  list_subscriptions: [...LIST, 'customer', 'price', 'status'],
  list_payment_intents: [...LIST, 'customer'],
  list_charges: [...LIST, 'customer', 'payment_intent'],
  list_invoices: [...LIST, 'customer', 'subscription', 'status'],
  list_products: [...LIST, 'active'],
  retrieve_balance: ['full'],
  retrieve_customer: ['full'],
  retrieve_subscription: ['full'],
  cancel_subscription: ['full'],
  create_customer: WRITE,
  update_customer: WRITE,
  update_subscription: WRITE,
  create_payment_intent: [...WRITE, 'customer', 'payment_method', 'description', 'receipt_email', 'metadata'],
  confirm_payment_intent: [...WRITE, 'payment_method', 'return_url'],
  create_invoice: [
    ...WRITE,
    'description',
    'collection_method',
    'days_until_due',
    'auto_advance',
    'metadata',
  ],
  create_product: [...WRITE, 'description', 'active', 'url', 'metadata'],
  create_price: [...WRITE, 'nickname', 'lookup_key', 'metadata'],
  create_subscription: [...WRITE, 'quantity', 'default_payment_method', 'trial_period_days', 'metadata'],
  create_payment_method: [...WRITE, 'metadata'],
  attach_payment_method: WRITE,
};

test('stripe lists exactly the 21 catalog tools, with their parameter names, required fields and output schemas', async () => {
  const { tools } = await (await connect(stripe)).listTools();
  assert.equal(tools.length, 21);
  assertCatalogTools(tools, catalog.tools, EXTRAS);
});

test('annotations: reads, overwrites, and writes that create anew (or move money) on every call', async () => {
  const { tools } = await (await connect(stripe)).listTools();
  assertAnnotationKinds(tools, {
    readOnly: [
      'list_customers',
      'retrieve_balance',
      'list_subscriptions',
      'list_payment_intents',
      'list_charges',
      'list_invoices',
      'retrieve_customer',
      'list_products',
      'retrieve_subscription',
    ],
    destructive: ['update_subscription', 'update_customer', 'cancel_subscription'],
    notIdempotent: [
      'create_payment_intent',
      'create_customer',
      'create_invoice',
      'create_product',
      'confirm_payment_intent',
      'create_price',
      'create_subscription',
      'create_payment_method',
    ],
  });
});

test('auth is Stripe Connect OAuth with the catalog’s URLs and scope, or a secret key', () => {
  assert.equal(stripe.auth.kind, 'oauth2');
  if (stripe.auth.kind !== 'oauth2') return;
  const { provider, scopes, apiKey } = stripe.auth;
  assert.equal(provider.authorizeUrl, catalog.auth.authorizeUrl);
  assert.equal(provider.tokenUrl, catalog.auth.tokenUrl);
  assert.deepEqual(scopes, catalog.auth.scopes);
  assert.equal(provider.scopeSeparator, catalog.auth.scopeSeparator);
  assert.equal(provider.pkce, catalog.auth.pkce);
  // Stripe's token endpoint takes the platform's secret key as client_secret in the form.
  assert.equal(provider.tokenEndpointAuth, 'client_secret_post');
  assert.deepEqual(provider.keepTokenFields, ['stripe_user_id', 'stripe_publishable_key', 'livemode']);
  assert.deepEqual(
    apiKey?.fields.map((f) => [f.name, f.secret]),
    [['api_key', true]],
  );
});
