import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertAnnotationKinds, assertCatalogTools, catalogServer } from '../../../testing/catalog.js';
import { connect } from '../../../testing/mcp.js';
import paypal from '../index.js';

const catalog = catalogServer('paypal');
const PAGES = ['max_pages'];

/** Optional parameters this server adds to guMCP's (a caller may leave them out). */
const EXTRAS: Record<string, string[]> = {
  create_order: ['paypal_request_id', 'full'],
  get_order: ['full'],
  confirm_order: ['full'],
  create_plan: ['paypal_request_id', 'full'],
  list_plans: PAGES,
  get_plan: ['full'],
  update_plan: ['full'],
  create_product: ['paypal_request_id', 'full'],
  list_products: PAGES,
  get_product: ['full'],
  update_product: ['full'],
  search_invoices: PAGES,
  create_subscription: ['full'],
  get_subscription: ['full'],
};

test('paypal lists exactly the 16 catalog tools, with their parameter names, required fields and output schemas', async () => {
  const { tools } = await (await connect(paypal)).listTools();
  assert.equal(tools.length, 16);
  assertCatalogTools(tools, catalog.tools, EXTRAS);
});

test('annotations: reads, overwrites, status changes, and creates that add anew on every call', async () => {
  const { tools } = await (await connect(paypal)).listTools();
  assertAnnotationKinds(tools, {
    readOnly: [
      'get_order',
      'list_plans',
      'get_plan',
      'list_products',
      'get_product',
      'search_invoices',
      'get_subscription',
    ],
    destructive: ['update_plan', 'update_product'],
    notIdempotent: ['create_order', 'create_plan', 'create_product', 'create_subscription'],
  });
});

test('auth is the app’s client id and secret (guMCP’s names), with an optional environment', () => {
  assert.equal(paypal.auth.kind, 'api_key');
  if (paypal.auth.kind !== 'api_key') return;
  assert.deepEqual(
    paypal.auth.fields.map((f) => [f.name, Boolean(f.secret), Boolean(f.optional)]),
    [
      ['client_id', false, false],
      ['client_secret', true, false],
      ['environment', false, true],
    ],
  );
  // The catalog's token URL is the sandbox's, the default environment.
  assert.equal(catalog.auth.tokenUrl, 'https://api-m.sandbox.paypal.com/v1/oauth2/token');
  assert.deepEqual(catalog.apiBase, ['https://api-m.sandbox.paypal.com']);
});
