import type { Credentials } from '../../core/context.js';
import type { TenantField } from '../../core/definition.js';
import { AuthRequiredError } from '../../core/errors.js';
import { serviceUrl } from '../../upstream/client.js';

/**
 * The Admin API version every request pins. 2026-10 is the stable version of October 2026 (supported
 * until October 2027); its schema is the one the queries in queries.ts are written against, so a
 * version stored by guMCP (`api_version`, 2023-10 by default) is not used.
 */
export const SHOPIFY_API_VERSION = '2026-10';

/** The Admin API root of one shop; `{shop}` is its myshopify.com domain. */
export const SHOPIFY_API = `https://{shop}/admin/api/${SHOPIFY_API_VERSION}`;

const MYSHOPIFY = /^[a-z0-9][a-z0-9-]*\.myshopify\.com$/;

/**
 * What a user may paste for a shop, cut down to its permanent domain: `acme`, `acme.myshopify.com`,
 * `https://acme.myshopify.com/admin/products`, or the new admin's `https://admin.shopify.com/store/acme`.
 * A custom domain (`shop.acme.com`) is left as it is, and the pattern then refuses it.
 */
export function normalizeShop(value: string): string {
  const v = value.trim().toLowerCase();
  const admin = /^(?:https?:\/\/)?admin\.shopify\.com\/store\/([a-z0-9][a-z0-9-]*)(?:[/?#]|$)/.exec(v);
  if (admin) return `${admin[1]}.myshopify.com`;
  const host = v
    .replace(/^https?:\/\//, '')
    .replace(/[/?#].*$/, '')
    .replace(/:\d+$/, '')
    .replace(/\.$/, '');
  return host && !host.includes('.') ? `${host}.myshopify.com` : host;
}

/**
 * The shop a user names at sign-in: its permanent `*.myshopify.com` domain, part of the authorize,
 * token and API URLs (Shopify's OAuth is per shop). Stored with the tokens as `shop`.
 */
export const SHOP: TenantField = {
  name: 'shop',
  label: 'Shopify shop',
  example: 'acme.myshopify.com (or just acme)',
  pattern: MYSHOPIFY,
  normalize: normalizeShop,
};

/**
 * The stored shop, checked again (a credentials file may have been edited by hand). guMCP kept the
 * shop as `custom_subdomain` (the name without .myshopify.com), which is read when `shop` is absent.
 */
export function shopOf(credentials: Readonly<Credentials>): string {
  const raw = [credentials.shop, credentials.custom_subdomain].find(
    (v): v is string => typeof v === 'string' && v.trim() !== '',
  );
  if (!raw) {
    throw new AuthRequiredError(
      'shopify',
      'the stored credentials name no Shopify shop (guMCP kept it in oauth.json as custom_subdomain); sign in again and give the shop',
    );
  }
  const shop = normalizeShop(raw);
  if (!MYSHOPIFY.test(shop)) {
    throw new AuthRequiredError(
      'shopify',
      `the stored Shopify shop "${raw.slice(0, 80)}" is not a myshopify.com domain; sign in again and give it as ${SHOP.example}`,
    );
  }
  return shop;
}

/**
 * The Admin API root for these credentials: `GUMCP_SHOPIFY_API_URL` when set, else
 * https://{shop}/admin/api/2026-10. A `{shop}` in the override is replaced by the stored shop (a proxy
 * may be `https://proxy.example/{shop}/admin/api/2026-10`); an override without it sends every shop to
 * that one address (a test fake). The shop is checked either way.
 */
export function apiRoot(credentials: Readonly<Credentials>): string {
  const shop = shopOf(credentials);
  return serviceUrl('shopify', SHOPIFY_API).split('{shop}').join(shop);
}
