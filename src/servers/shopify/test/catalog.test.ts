import assert from 'node:assert/strict';
import { test } from 'node:test';
import { providerUrl } from '../../../auth/oauth/token.js';
import { assertAnnotationKinds, assertCatalogTools, catalogServer } from '../../../testing/catalog.js';
import { connect } from '../../../testing/mcp.js';
import shopify from '../index.js';

const catalog = catalogServer('shopify');

/** Optional parameters this server adds to guMCP's (a caller may leave them out). */
const EXTRAS: Record<string, string[]> = {
  get_products: ['limit'],
  get_inventory_level: ['limit'],
  get_variant_inventory_item: ['limit'],
  adjust_inventory: ['reason'],
};

test('shopify lists exactly the catalog tools, with its parameter names, required fields and output schemas', async () => {
  const { tools } = await (await connect(shopify)).listTools();
  assertCatalogTools(tools, catalog.tools, EXTRAS);
});

test('annotations say which tools only read, which delete, and which add anew on every call', async () => {
  const { tools } = await (await connect(shopify)).listTools();
  assertAnnotationKinds(tools, {
    readOnly: [
      'get_shop_details',
      'get_products',
      'get_product',
      'get_inventory_level',
      'get_variant_inventory_item',
    ],
    destructive: ['delete_product'],
    notIdempotent: ['create_product', 'adjust_inventory'],
  });
});

test('each tool lists the access scopes guMCP required for it', () => {
  for (const [name, spec] of Object.entries(catalog.tools)) {
    assert.deepEqual(shopify.tools[name]?.scopes, spec.requiredScopes, name);
  }
});

test('auth is Shopify OAuth at the shop, with the catalog’s URLs once the shop is filled in, scopes and separator', () => {
  assert.ok(shopify.auth.kind === 'oauth2');
  const { provider, scopes } = shopify.auth;
  const fill = (url: string | undefined) => String(url).replace('{custom_subdomain}', 'acme');
  assert.equal(
    providerUrl(provider.authorizeUrl, provider, 'acme.myshopify.com'),
    fill(catalog.auth.authorizeUrl),
  );
  assert.equal(providerUrl(provider.tokenUrl, provider, 'acme.myshopify.com'), fill(catalog.auth.tokenUrl));
  assert.equal(provider.scopeSeparator, catalog.auth.scopeSeparator);
  assert.deepEqual(scopes, catalog.auth.scopes);
  assert.equal(provider.pkce, false);
  assert.equal(provider.tokenEndpointAuth, 'client_secret_post');
  assert.equal(provider.tenant?.name, 'shop');
});

test('the resource is guMCP’s shopify://shop/{shop_id}', async () => {
  const { resourceTemplates } = await (await connect(shopify)).listResourceTemplates();
  assert.deepEqual(
    resourceTemplates.map((r) => r.uriTemplate),
    catalog.resources?.uriTemplates,
  );
});
