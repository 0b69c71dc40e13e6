import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkTenant } from '../../../auth/oauth/token.js';
import { startFake } from '../../../testing/fake-service.js';
import { connect } from '../../../testing/mcp.js';
import { createShopifyServer, SHOPIFY_OAUTH } from '../index.js';
import { apiRoot } from '../shop.js';
import { ok, shop } from './fake-shopify.js';
import { CREDENTIALS, data, FAST, failure } from './harness.js';

const VARIABLE = 'GUMCP_SHOPIFY_API_URL';

test('what a user pastes for the shop is cut down to its myshopify.com domain', () => {
  for (const pasted of [
    'acme',
    'ACME',
    ' acme.myshopify.com ',
    'https://acme.myshopify.com/admin',
    'https://acme.myshopify.com/admin/products?query=x',
    'acme.myshopify.com/',
    'https://admin.shopify.com/store/acme/products/123',
    'admin.shopify.com/store/acme',
  ]) {
    assert.equal(checkTenant(SHOPIFY_OAUTH, pasted), 'acme.myshopify.com', pasted);
  }
  assert.equal(checkTenant(SHOPIFY_OAUTH, 'my-shop-2'), 'my-shop-2.myshopify.com');
});

test('anything that is not a myshopify.com shop is refused at sign-in, so it cannot change the host', () => {
  for (const bad of [
    'shop.acme.com',
    'acme.myshopify.com.evil.com',
    'acme.myshopify.com@evil.com',
    'evil.com/acme.myshopify.com',
    'a b',
    '',
    '-acme',
    'https://evil.example/admin',
  ]) {
    assert.throws(
      () => checkTenant(SHOPIFY_OAUTH, bad),
      /is not a valid Shopify shop; it looks like acme\.myshopify\.com/,
      bad,
    );
  }
});

test('the API root is https://{shop}/admin/api/2026-10 for the stored shop, or guMCP’s custom_subdomain', (t) => {
  const saved = process.env[VARIABLE];
  delete process.env[VARIABLE];
  t.after(() => {
    if (saved !== undefined) process.env[VARIABLE] = saved;
  });
  assert.equal(apiRoot({ shop: 'acme.myshopify.com' }), 'https://acme.myshopify.com/admin/api/2026-10');
  assert.equal(apiRoot({ custom_subdomain: 'globex' }), 'https://globex.myshopify.com/admin/api/2026-10');
  assert.throws(() => apiRoot({}), /name no Shopify shop/);
  assert.throws(() => apiRoot({ shop: 'evil.com/x' }), /is not a myshopify\.com domain/);
});

test('GUMCP_SHOPIFY_API_URL with {shop} sends each shop to its own path of the override; without it, all to one', async (t) => {
  const fake = await startFake();
  t.after(() => fake.close());
  process.env[VARIABLE] = `${fake.url}/{shop}/admin/api/2026-10`;
  t.after(() => {
    delete process.env[VARIABLE];
  });
  fake.route('POST /globex.myshopify.com/admin/api/2026-10/graphql.json', ok({ shop: shop() }));

  const client = await connect(createShopifyServer(FAST), {
    credentials: { ...CREDENTIALS, shop: 'globex' },
  });
  t.after(() => client.close());
  data(await client.callTool({ name: 'get_shop_details', arguments: {} }));
  assert.deepEqual(
    fake.requests.map((r) => r.path),
    ['/globex.myshopify.com/admin/api/2026-10/graphql.json'],
  );

  const noShop = await connect(createShopifyServer(FAST), { credentials: { access_token: 'x' } });
  t.after(() => noShop.close());
  assert.match(
    failure(await noShop.callTool({ name: 'get_shop_details', arguments: {} })),
    /^Not authenticated with shopify: the stored credentials name no Shopify shop/,
  );
  assert.equal(fake.requests.length, 1);
});
