import { z } from 'zod';
import type { SfInventoryItem, SfLevel, SfProduct, SfShop, SfVariant } from './types.js';

/**
 * What the tools return: Shopify's objects under Shopify's field names (as guMCP returned them),
 * trimmed to the fields a caller acts on; connections are flattened to lists.
 */

const str = z.string().nullable();

export const shopSchema = z.object({
  id: z.string().describe('gid://shopify/Shop/<number>'),
  name: z.string(),
  email: str.describe("The shop owner's email"),
  contactEmail: str.describe('The email customers see'),
  myshopifyDomain: z.string(),
  url: str,
  primaryDomain: z.object({ host: z.string(), url: z.string() }).nullable(),
  currencyCode: str,
  ianaTimezone: str,
  plan: z
    .object({
      publicDisplayName: str,
      partnerDevelopment: z.boolean().nullable(),
      shopifyPlus: z.boolean().nullable(),
    })
    .nullable(),
});

export const toShop = (s: SfShop): z.input<typeof shopSchema> => ({
  id: s.id,
  name: s.name,
  email: s.email ?? null,
  contactEmail: s.contactEmail ?? null,
  myshopifyDomain: s.myshopifyDomain,
  url: s.url ?? null,
  primaryDomain: s.primaryDomain ? { host: s.primaryDomain.host, url: s.primaryDomain.url } : null,
  currencyCode: s.currencyCode ?? null,
  ianaTimezone: s.ianaTimezone ?? null,
  plan: s.plan
    ? {
        publicDisplayName: s.plan.publicDisplayName ?? null,
        partnerDevelopment: s.plan.partnerDevelopment ?? null,
        shopifyPlus: s.plan.shopifyPlus ?? null,
      }
    : null,
});

const variantSchema = z.object({
  id: z.string(),
  title: z.string(),
  sku: str,
  price: str.describe('In the shop currency, as a decimal string'),
  inventoryQuantity: z.number().nullable().optional(),
  inventoryItemId: str.optional().describe('Give it to get_inventory_level and update_inventory_tracking'),
  tracked: z.boolean().nullable().optional(),
});

const toVariant = (v: SfVariant): z.input<typeof variantSchema> => ({
  id: v.id,
  title: v.title,
  sku: v.sku ?? null,
  price: v.price ?? null,
  ...(v.inventoryQuantity !== undefined ? { inventoryQuantity: v.inventoryQuantity } : {}),
  ...(v.inventoryItem !== undefined
    ? { inventoryItemId: v.inventoryItem?.id ?? null, tracked: v.inventoryItem?.tracked ?? null }
    : {}),
});

export const productSchema = z.object({
  id: z.string().describe('gid://shopify/Product/<number>'),
  title: z.string(),
  handle: z.string(),
  status: z.string().describe('ACTIVE, ARCHIVED, DRAFT or UNLISTED'),
  vendor: str,
  productType: str,
  tags: z.array(z.string()),
  createdAt: str,
  updatedAt: str,
  totalInventory: z.number().nullable(),
  descriptionHtml: str.optional(),
  onlineStoreUrl: str.optional().describe('Null while the product is not published to the online store'),
  templateSuffix: str.optional(),
  giftCard: z.boolean().nullable().optional(),
  requiresSellingPlan: z.boolean().nullable().optional(),
  seo: z.object({ title: str, description: str }).nullable().optional(),
  options: z.array(z.object({ id: z.string(), name: z.string(), values: z.array(z.string()) })).optional(),
  variants: z.array(variantSchema).describe('Lists give the first 5 variants, get_product the first 100'),
});

export function toProduct(p: SfProduct): z.input<typeof productSchema> {
  return {
    id: p.id,
    title: p.title,
    handle: p.handle,
    status: p.status,
    vendor: p.vendor ?? null,
    productType: p.productType ?? null,
    tags: p.tags ?? [],
    createdAt: p.createdAt ?? null,
    updatedAt: p.updatedAt ?? null,
    totalInventory: p.totalInventory ?? null,
    ...(p.descriptionHtml !== undefined ? { descriptionHtml: p.descriptionHtml } : {}),
    ...(p.onlineStoreUrl !== undefined ? { onlineStoreUrl: p.onlineStoreUrl } : {}),
    ...(p.templateSuffix !== undefined ? { templateSuffix: p.templateSuffix } : {}),
    ...(p.giftCard !== undefined ? { giftCard: p.giftCard } : {}),
    ...(p.requiresSellingPlan !== undefined ? { requiresSellingPlan: p.requiresSellingPlan } : {}),
    ...(p.seo !== undefined
      ? { seo: p.seo ? { title: p.seo.title ?? null, description: p.seo.description ?? null } : null }
      : {}),
    ...(p.options
      ? {
          options: p.options.map((o) => ({
            id: o.id,
            name: o.name,
            values: (o.optionValues ?? []).map((v) => v.name),
          })),
        }
      : {}),
    variants: (p.variants?.nodes ?? []).map(toVariant),
  };
}

export const pageInfoSchema = z.object({
  hasNextPage: z.boolean(),
  hasPreviousPage: z.boolean(),
  startCursor: str.describe('Give as before for the previous page'),
  endCursor: str.describe('Give as after for the next page'),
});

export const levelSchema = z.object({
  id: z.string().describe('The inventory level id, for adjust_inventory'),
  location: z.object({ id: z.string(), name: z.string() }),
  available: z.number().nullable().describe('The available quantity at the location'),
  quantities: z
    .record(z.string(), z.number())
    .describe('Quantities by name: available, on_hand, committed, incoming, reserved'),
  updatedAt: str,
});

export const toLevel = (l: SfLevel): z.input<typeof levelSchema> => {
  const quantities = Object.fromEntries(l.quantities.map((q) => [q.name, q.quantity]));
  return {
    id: l.id,
    location: { id: l.location.id, name: l.location.name },
    available: quantities.available ?? null,
    quantities,
    updatedAt: l.updatedAt ?? null,
  };
};

export const inventoryItemSchema = z.object({
  id: z.string().describe('gid://shopify/InventoryItem/<number>'),
  sku: str,
  tracked: z.boolean().nullable().describe('Whether Shopify tracks its quantities'),
});

export const toInventoryItem = (i: Pick<SfInventoryItem, 'id' | 'sku' | 'tracked'>) => ({
  id: i.id,
  sku: i.sku ?? null,
  tracked: i.tracked ?? null,
});
