import { defineServer, type OAuthProvider, type ServerDefinition } from '../../core/definition.js';
import { apiFactory, type ClientTuning } from './api.js';
import { shopifyResources } from './resources.js';
import { SHOP } from './shop.js';
import { shopifyTools } from './tools.js';

/** guMCP's access scopes: products, inventory and locations. */
export const SHOPIFY_SCOPES = [
  'read_products',
  'write_products',
  'read_inventory',
  'write_inventory',
  'read_locations',
] as const;

/**
 * Shopify's OAuth at the shop's own address (`{shop}` is its myshopify.com domain, asked at sign-in and
 * stored with the token). Scopes are comma-separated; the client id and secret go in the token request
 * body; Shopify takes no PKCE challenge. The offline token Shopify answers with does not expire unless
 * it is an expiring one, which comes with a refresh token: then gumcp refreshes it at the same token
 * URL (Shopify rotates the refresh token, and the new one is stored).
 */
export const SHOPIFY_OAUTH: OAuthProvider = {
  service: 'shopify',
  authorizeUrl: 'https://{shop}/admin/oauth/authorize',
  tokenUrl: 'https://{shop}/admin/oauth/access_token',
  scopeSeparator: ',',
  tokenEndpointAuth: 'client_secret_post',
  pkce: false,
  tenant: SHOP,
  // Asks for an expiring offline token (with a refresh token), which Shopify requires of public apps
  // from 2027; a shop that does not grant one answers with a token that does not expire.
  tokenParams: { expiring: '1' },
};

/**
 * The Shopify server. `tuning` shortens the GraphQL client's timeouts, retries and throttle waits; only
 * tests pass it, the registry loads the default export.
 */
export function createShopifyServer(tuning: ClientTuning = {}): ServerDefinition {
  const connect = apiFactory(tuning);
  return defineServer({
    id: 'shopify',
    name: 'Shopify',
    description:
      'Shopify products and inventory through the GraphQL Admin API: list, create and delete products, read and adjust stock.',
    instructions:
      'Ids are Shopify global ids (gid://shopify/Product/123) or their number. Stock: get_variant_inventory_item gives a ' +
      "variant's inventory item, get_inventory_level its levels (an item at a location), adjust_inventory changes a level " +
      'by a delta. create_product creates anew on every call. Resource: shopify://shop/{shop_id}.',
    auth: { kind: 'oauth2', provider: SHOPIFY_OAUTH, scopes: SHOPIFY_SCOPES },
    tools: shopifyTools(connect),
    resources: shopifyResources(connect),
  });
}

export default createShopifyServer();
