import { z } from 'zod';

/**
 * Shopify's ids are global ids (`gid://shopify/Product/123`); guMCP's tools also took the number alone.
 * Either is accepted and turned into the global id of the expected type; another type's id is refused
 * naming the argument, so a variant id given as a product id fails before any request.
 */
export function shopifyId(type: string, description: string) {
  return z
    .union([z.string(), z.number().int().positive()])
    .transform((value, ctx) => {
      const v = String(value).trim();
      if (/^\d+$/.test(v)) return `gid://shopify/${type}/${v}`;
      const gid = /^gid:\/\/shopify\/(\w+)\/(\d+)$/.exec(v);
      if (gid?.[1] === type) return v;
      ctx.addIssue({
        code: 'custom',
        message: gid
          ? `"${v.slice(0, 80)}" is a ${gid[1]} id, not a ${type} id`
          : `must be a ${type} id: a number (123) or gid://shopify/${type}/123`,
      });
      return z.NEVER;
    })
    .describe(`${description}: the number or gid://shopify/${type}/<number>`);
}

/**
 * An inventory level's global id names both the location and the item
 * (`gid://shopify/InventoryLevel/<location>?inventory_item_id=<item>`), so a number alone cannot say which.
 */
export const inventoryLevelId = z
  .string()
  .trim()
  .regex(
    /^gid:\/\/shopify\/InventoryLevel\/\d+\?inventory_item_id=\d+$/,
    'must be an inventory level id as Shopify gives it: gid://shopify/InventoryLevel/<number>?inventory_item_id=<number> (get_inventory_level and get_variant_inventory_item list them)',
  )
  .describe(
    'Id of the inventory level (an item at a location), e.g. gid://shopify/InventoryLevel/123?inventory_item_id=456',
  );

/** The number at the end of a global id, for URIs (`gid://shopify/Shop/42` → `42`). */
export const numericId = (gid: string): string => /\/(\d+)(?:\?.*)?$/.exec(gid)?.[1] ?? gid;
