import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { adds, overwrites, reads, sets } from '../../core/annotations.js';
import type { ToolContext } from '../../core/context.js';
import { type AnyToolDef, type ToolDef, tool } from '../../core/definition.js';
import { NotFoundError, ToolError } from '../../core/errors.js';
import type { ApiFactory, ShopifyApi } from './api.js';
import { mayHaveGoneThrough, throwUserErrors } from './errors.js';
import { inventoryLevelId, shopifyId } from './ids.js';
import {
  inventoryItemSchema,
  levelSchema,
  pageInfoSchema,
  productSchema,
  shopSchema,
  toInventoryItem,
  toLevel,
  toProduct,
  toShop,
} from './shapes.js';
import type { SfLevel, SfProduct } from './types.js';

/** Products a list tool returns per page at most: 100 products with 5 variants stay under the query cost limit. */
export const MAX_PAGE = 100;
/** The most products get_products follows pages for. */
export const MAX_PRODUCTS = 1000;
/** The most inventory levels (locations) an inventory tool lists. */
export const MAX_LEVELS = 250;

/** The list tool's page of inventory levels, and whether more exist. */
const levelsOutput = {
  levels: z.array(levelSchema).describe('The item at each location that stocks it'),
  more: z.boolean().describe('Whether the item is stocked at more locations than listed'),
};

interface ShopifyToolDef<I extends z.ZodObject, O extends z.ZodObject>
  extends Omit<ToolDef<I, O>, 'handler' | 'output'> {
  output: O;
  scopes: readonly string[];
  run(args: z.output<I>, api: ShopifyApi, ctx: ToolContext): Promise<z.input<O>>;
}

/** Follows an item's inventory levels page by page, up to `limit`. */
async function allLevels(
  first: { nodes: SfLevel[]; pageInfo: { hasNextPage: boolean; endCursor?: string | null } },
  next: (
    after: string,
  ) => Promise<
    { nodes: SfLevel[]; pageInfo: { hasNextPage: boolean; endCursor?: string | null } } | undefined
  >,
  limit: number,
): Promise<{ levels: SfLevel[]; more: boolean }> {
  const levels = [...first.nodes];
  let page = first.pageInfo;
  while (page.hasNextPage && page.endCursor && levels.length < limit) {
    const got = await next(page.endCursor);
    if (!got) break;
    levels.push(...got.nodes);
    page = got.pageInfo;
  }
  return { levels: levels.slice(0, limit), more: page.hasNextPage || levels.length > limit };
}

/** A search term in quotes, for Shopify's search syntax. */
const quoted = (value: string) => `"${value.replace(/["\\]/g, '\\$&')}"`;

export function shopifyTools(connect: ApiFactory): Record<string, AnyToolDef> {
  const shopifyTool = <I extends z.ZodObject, O extends z.ZodObject>({ run, ...def }: ShopifyToolDef<I, O>) =>
    tool<I, O>({
      ...def,
      // The cast restates ToolDef's conditional return type, which TypeScript cannot resolve for generic O.
      handler: (args, ctx) =>
        run(args, connect(ctx, def.scopes), ctx) as ReturnType<ToolDef<I, O>['handler']>,
    });

  const levelLimit = z
    .number()
    .int()
    .min(1)
    .max(MAX_LEVELS)
    .default(50)
    .describe(`Most locations to list (default 50, at most ${MAX_LEVELS})`);

  return {
    get_shop_details: shopifyTool({
      description:
        'The connected shop: its name, owner and contact emails, myshopify domain, primary domain, currency, time zone and plan.',
      input: z.object({}),
      output: shopSchema,
      annotations: reads,
      scopes: ['read_products'],
      async run(_args, api) {
        return toShop(await api.shop());
      },
    }),

    create_product: shopifyTool({
      description:
        'Create a product (one default variant; options make more). Creates anew on every call, and is not retried ' +
        'after a timeout: if Shopify does not answer, the tool looks for the product before reporting.',
      input: z.object({
        title: z.string().trim().min(1).describe('The name customers see'),
        descriptionHtml: z.string().optional().describe('The description, with HTML tags'),
        vendor: z.string().optional().describe("The product's vendor"),
        productType: z.string().optional().describe('A category the merchant defines'),
        tags: z.array(z.string().trim().min(1)).optional().describe('Searchable keywords'),
        status: z
          .enum(['ACTIVE', 'ARCHIVED', 'DRAFT', 'UNLISTED'])
          .optional()
          .describe('Visibility on sales channels (Shopify default: ACTIVE)'),
        handle: z
          .string()
          .trim()
          .min(1)
          .optional()
          .describe('The URL part of the product page (default: made from the title)'),
        giftCard: z.boolean().optional().describe('Whether the product is a gift card'),
        productOptions: z
          .array(
            z.object({
              name: z.string().trim().min(1).describe('e.g. Color'),
              values: z
                .array(z.union([z.string().trim().min(1), z.object({ name: z.string().trim().min(1) })]))
                .min(1)
                .describe('e.g. ["Red", "Blue"] or [{"name": "Red"}]'),
            }),
          )
          .max(3)
          .optional()
          .describe('Up to 3 options with their values; the first value of each makes the first variant'),
        requiresSellingPlan: z
          .boolean()
          .optional()
          .describe('Whether it can be bought only on a subscription'),
        seo: z
          .object({ title: z.string().optional(), description: z.string().optional() })
          .optional()
          .describe('Title and description for search engines'),
        metafields: z
          .array(
            z.object({
              namespace: z.string().optional(),
              key: z.string().min(1),
              value: z.string(),
              type: z.string().optional().describe('e.g. single_line_text_field'),
            }),
          )
          .optional()
          .describe('Custom fields'),
        templateSuffix: z.string().optional().describe('The theme template for the product page'),
      }),
      output: z.object({
        product: productSchema,
        note: z
          .string()
          .optional()
          .describe('Set when Shopify did not confirm the creation and the product was found afterwards'),
      }),
      annotations: adds,
      scopes: ['write_products'],
      async run({ productOptions, ...fields }, api) {
        const product = Object.fromEntries(
          Object.entries({
            ...fields,
            productOptions: productOptions?.map((o) => ({
              name: o.name,
              values: o.values.map((v) => (typeof v === 'string' ? { name: v } : v)),
            })),
          }).filter(([, v]) => v !== undefined),
        );
        const since = new Date(Date.now() - 60_000).toISOString().replace(/\.\d+Z$/, 'Z');
        try {
          const created = await api.createProduct(product);
          throwUserErrors(created.userErrors, FIELD_ARGUMENTS);
          if (!created.product) throw new ToolError('Shopify answered without the created product');
          return { product: toProduct(created.product) };
        } catch (error) {
          if (!mayHaveGoneThrough(error)) throw error;
          // The create may have run: look for it before saying it failed.
          const found = await findCreated(api, fields.title, since).catch(() => undefined);
          if (!found) {
            throw new ToolError(
              `${(error as Error).message}. No product titled ${quoted(fields.title)} shows up yet (Shopify's search can lag a few ` +
                `seconds): check with get_products (query: title:${quoted(fields.title)}) before creating it again.`,
            );
          }
          return {
            product: toProduct(found),
            note:
              `Shopify did not confirm the creation, but this product titled ${quoted(fields.title)} was created at ${found.createdAt}: ` +
              'it is almost certainly this call’s. Do not create it again.',
          };
        }
      },
    }),

    get_products: shopifyTool({
      description:
        'List products in cursor pages: filter with query (Shopify search syntax: title:, vendor:, product_type:, ' +
        'status:, tag:, sku:, created_at:>2025-01-01), sort with sortKey and reverse. Forward with first/after (following ' +
        'pages up to limit), or backward with last/before (one page). pageInfo gives the cursors to continue.',
      input: z.object({
        first: z
          .number()
          .int()
          .min(1)
          .max(MAX_PAGE)
          .optional()
          .describe(`Products per page going forward (default 10, at most ${MAX_PAGE})`),
        query: z.string().optional().describe('A search in Shopify syntax, e.g. "status:active vendor:Acme"'),
        reverse: z.boolean().optional().describe('Reverse the order'),
        sortKey: z
          .enum([
            'CREATED_AT',
            'ID',
            'INVENTORY_TOTAL',
            'PRODUCT_TYPE',
            'PUBLISHED_AT',
            'RELEVANCE',
            'TITLE',
            'UPDATED_AT',
            'VENDOR',
          ])
          .optional()
          .describe('Sort by (Shopify default ID; RELEVANCE needs a query)'),
        after: z.string().min(1).optional().describe('Cursor: the products after it (pageInfo.endCursor)'),
        before: z
          .string()
          .min(1)
          .optional()
          .describe('Cursor: the products before it (pageInfo.startCursor)'),
        last: z
          .number()
          .int()
          .min(1)
          .max(MAX_PAGE)
          .optional()
          .describe(`Products per page going backward (at most ${MAX_PAGE})`),
        savedSearchId: shopifyId('SavedSearch', 'A saved search whose query to use').optional(),
        limit: z
          .number()
          .int()
          .min(1)
          .max(MAX_PRODUCTS)
          .optional()
          .describe(
            `Most products to return going forward, following pages (default: one page; at most ${MAX_PRODUCTS})`,
          ),
      }),
      output: z.object({ products: z.array(productSchema), pageInfo: pageInfoSchema }),
      annotations: reads,
      scopes: ['read_products'],
      async run({ first, after, last, before, limit, ...filters }, api) {
        if (first !== undefined && last !== undefined) {
          throw new ToolError(
            'Invalid arguments: first and last: give one of them (first goes forward, last backward)',
          );
        }
        const backward = last !== undefined || before !== undefined;
        if (backward && (after !== undefined || limit !== undefined)) {
          throw new ToolError(
            'Invalid arguments: after and limit go forward, last and before backward; give one direction',
          );
        }
        const common = Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined));
        if (backward) {
          const page = await api.productsPage({ ...common, last: last ?? 10, ...(before ? { before } : {}) });
          return { products: page.nodes.map(toProduct), pageInfo: pageInfoOf(page.pageInfo) };
        }
        // Without first, pages are as large as the limit asks (at most 100), not 10 at a time.
        const size = first ?? Math.min(limit ?? 10, MAX_PAGE);
        const want = limit ?? size;
        const products: SfProduct[] = [];
        let cursor = after;
        for (;;) {
          const page = await api.productsPage({
            ...common,
            first: Math.min(size, want - products.length),
            ...(cursor ? { after: cursor } : {}),
          });
          products.push(...page.nodes);
          cursor = page.pageInfo.endCursor ?? undefined;
          if (products.length >= want || !page.pageInfo.hasNextPage || !cursor || !page.nodes.length) {
            return { products: products.map(toProduct), pageInfo: pageInfoOf(page.pageInfo) };
          }
        }
      },
    }),

    get_product: shopifyTool({
      description:
        'A product with its description, SEO, options and first 100 variants (with their inventory item ids).',
      input: z.object({ product_id: shopifyId('Product', 'Id of the product') }),
      output: z.object({ product: productSchema }),
      annotations: reads,
      scopes: ['read_products'],
      async run({ product_id }, api) {
        const product = await api.product(product_id);
        if (!product) throw new NotFoundError('Product', product_id);
        return { product: toProduct(product) };
      },
    }),

    delete_product: shopifyTool({
      description:
        'Delete a product with its variants and media. Cannot be undone. If Shopify does not answer, the tool checks ' +
        'whether the product still exists before reporting.',
      input: z.object({ id: shopifyId('Product', 'Id of the product to delete') }),
      output: z.object({
        deletedProductId: z.string(),
        note: z
          .string()
          .optional()
          .describe('Set when Shopify did not confirm and the deletion was checked afterwards'),
      }),
      annotations: overwrites,
      scopes: ['write_products'],
      async run({ id }, api) {
        try {
          const result = await api.deleteProduct(id);
          if (result.userErrors?.some((e) => /does not exist|not found/i.test(e.message))) {
            throw new NotFoundError('Product', id);
          }
          throwUserErrors(result.userErrors, { id: 'id' });
          return { deletedProductId: result.deletedProductId ?? id };
        } catch (error) {
          if (!mayHaveGoneThrough(error)) throw error;
          const exists = await api.productExists(id).catch(() => undefined);
          if (exists === false) {
            return {
              deletedProductId: id,
              note: 'Shopify did not confirm the deletion, but the product no longer exists: it was deleted.',
            };
          }
          if (exists === true) {
            throw new ToolError(
              `${(error as Error).message}. The product ${id} still exists: it was not deleted.`,
            );
          }
          throw error;
        }
      },
    }),

    get_inventory_level: shopifyTool({
      description:
        "An inventory item's quantities (available, on hand, committed, incoming, reserved) at each location that " +
        'stocks it, or at one location. The level ids it gives are what adjust_inventory takes.',
      input: z.object({
        inventory_item_id: shopifyId(
          'InventoryItem',
          'Id of the inventory item (get_variant_inventory_item gives it)',
        ),
        location_id: shopifyId('Location', 'Only this location').optional(),
        limit: levelLimit,
      }),
      output: z.object({ inventoryItem: inventoryItemSchema, ...levelsOutput }),
      annotations: reads,
      scopes: ['read_inventory', 'read_locations'],
      async run({ inventory_item_id, location_id, limit }, api) {
        if (location_id) {
          const item = await api.inventoryItemAt(inventory_item_id, location_id);
          if (!item) throw new NotFoundError('Inventory item', inventory_item_id);
          if (!item.inventoryLevel) {
            throw new NotFoundError(
              'Inventory level',
              `${inventory_item_id} is not stocked at location ${location_id}`,
            );
          }
          return {
            inventoryItem: toInventoryItem(item),
            levels: [toLevel(item.inventoryLevel)],
            more: false,
          };
        }
        const item = await api.inventoryItem(inventory_item_id, Math.min(limit, 50));
        if (!item) throw new NotFoundError('Inventory item', inventory_item_id);
        const { levels, more } = await allLevels(
          item.inventoryLevels ?? { nodes: [], pageInfo: { hasNextPage: false } },
          async (after) => (await api.inventoryItem(inventory_item_id, 50, after))?.inventoryLevels,
          limit,
        );
        return { inventoryItem: toInventoryItem(item), levels: levels.map(toLevel), more };
      },
    }),

    adjust_inventory: shopifyTool({
      description:
        'Add to or take from the available quantity of an item at a location (an inventory level). Adjusts anew on ' +
        'every call. Sent with an idempotency key, so a retry after a timeout cannot apply it twice, and against the ' +
        'quantity just read, so a concurrent change is not overwritten.',
      input: z.object({
        inventory_level_id: inventoryLevelId,
        quantity_adjustment: z
          .number()
          .int()
          .min(-1_000_000_000)
          .max(1_000_000_000)
          .refine((n) => n !== 0, 'must not be 0')
          .describe('How much to add (positive) or take away (negative)'),
        reason: z
          .string()
          .regex(/^[a-z_]+$/, "must be one of Shopify's reasons, e.g. correction, received, restock, damaged")
          .default('correction')
          .describe(
            'Why (Shopify reasons: correction (default), cycle_count_available, damaged, received, restock, ' +
              'safety_stock, shrinkage, quality_control, promotion, other)',
          ),
      }),
      output: z.object({
        inventoryLevelId: z.string(),
        inventoryItemId: z.string(),
        location: z.object({ id: z.string(), name: z.string() }),
        delta: z.number(),
        availableBefore: z.number().nullable(),
        availableAfter: z.number().nullable(),
        reason: z.string(),
        adjustmentGroupId: z.string().nullable().describe('The record of the change in Shopify'),
        createdAt: z.string().nullable(),
      }),
      annotations: adds,
      scopes: ['write_inventory'],
      async run({ inventory_level_id, quantity_adjustment, reason }, api) {
        // A stale quantity means another change came first and nothing was applied: read again once.
        for (let attempt = 0; ; attempt++) {
          const level = await api.inventoryLevel(inventory_level_id);
          if (!level?.item) throw new NotFoundError('Inventory level', inventory_level_id);
          const before = toLevel(level).available;
          const result = await api.adjustQuantities(
            {
              reason,
              name: 'available',
              changes: [
                {
                  delta: quantity_adjustment,
                  inventoryItemId: level.item.id,
                  locationId: level.location.id,
                  changeFromQuantity: before,
                },
              ],
            },
            randomUUID(),
          );
          const stale = result.userErrors?.some((e) => e.code === 'CHANGE_FROM_QUANTITY_STALE');
          if (stale && attempt === 0) continue;
          if (stale) {
            throw new ToolError(
              'The quantity kept changing while it was being adjusted (another change came first twice); nothing was adjusted. Try again.',
            );
          }
          throwUserErrors(result.userErrors, ADJUST_ARGUMENTS);
          const group = result.inventoryAdjustmentGroup;
          const change = group?.changes.find((c) => c.name === 'available') ?? group?.changes[0];
          return {
            inventoryLevelId: inventory_level_id,
            inventoryItemId: level.item.id,
            location: { id: level.location.id, name: change?.location?.name ?? level.location.name },
            delta: change?.delta ?? quantity_adjustment,
            availableBefore: before,
            availableAfter:
              change?.quantityAfterChange ?? (before === null ? null : before + quantity_adjustment),
            reason: group?.reason ?? reason,
            adjustmentGroupId: group?.id ?? null,
            createdAt: group?.createdAt ?? null,
          };
        }
      },
    }),

    update_inventory_tracking: shopifyTool({
      description:
        'Turn inventory tracking of an inventory item on or off. Setting the same value again changes nothing.',
      input: z.object({
        inventory_item_id: shopifyId('InventoryItem', 'Id of the inventory item'),
        tracked: z.boolean().describe('true to track quantities, false to stop'),
      }),
      output: z.object({ inventoryItem: inventoryItemSchema }),
      annotations: sets,
      scopes: ['write_inventory'],
      async run({ inventory_item_id, tracked }, api) {
        const result = await api.updateInventoryItem(inventory_item_id, { tracked });
        if (result.userErrors?.some((e) => /does not exist|not found/i.test(e.message))) {
          throw new NotFoundError('Inventory item', inventory_item_id);
        }
        throwUserErrors(result.userErrors, { tracked: 'tracked', id: 'inventory_item_id' });
        if (!result.inventoryItem) throw new NotFoundError('Inventory item', inventory_item_id);
        return { inventoryItem: toInventoryItem(result.inventoryItem) };
      },
    }),

    get_variant_inventory_item: shopifyTool({
      description:
        "A product variant's inventory item (its id, SKU, whether tracked) and its quantities at each location.",
      input: z.object({
        variant_id: shopifyId('ProductVariant', 'Id of the product variant'),
        limit: levelLimit,
      }),
      output: z.object({
        variant: z.object({
          id: z.string(),
          title: z.string(),
          sku: z.string().nullable(),
          product: z.object({ id: z.string(), title: z.string() }).nullable(),
        }),
        inventoryItem: inventoryItemSchema.nullable(),
        ...levelsOutput,
      }),
      annotations: reads,
      scopes: ['read_inventory', 'read_products'],
      async run({ variant_id, limit }, api) {
        const variant = await api.variant(variant_id, Math.min(limit, 50));
        if (!variant) throw new NotFoundError('Product variant', variant_id);
        const item = variant.inventoryItem;
        const { levels, more } = item
          ? await allLevels(
              item.inventoryLevels ?? { nodes: [], pageInfo: { hasNextPage: false } },
              async (after) => (await api.inventoryItem(item.id, 50, after))?.inventoryLevels,
              limit,
            )
          : { levels: [], more: false };
        return {
          variant: {
            id: variant.id,
            title: variant.title,
            sku: variant.sku ?? null,
            product: variant.product ? { id: variant.product.id, title: variant.product.title } : null,
          },
          inventoryItem: item ? toInventoryItem(item) : null,
          levels: levels.map(toLevel),
          more,
        };
      },
    }),
  };
}

/** productCreate's input fields by the create_product argument that sets them. */
const FIELD_ARGUMENTS: Readonly<Record<string, string>> = {
  title: 'title',
  descriptionHtml: 'descriptionHtml',
  vendor: 'vendor',
  productType: 'productType',
  tags: 'tags',
  status: 'status',
  handle: 'handle',
  giftCard: 'giftCard',
  productOptions: 'productOptions',
  requiresSellingPlan: 'requiresSellingPlan',
  seo: 'seo',
  metafields: 'metafields',
  templateSuffix: 'templateSuffix',
};

/** inventoryAdjustQuantities' input fields by the adjust_inventory argument behind them. */
const ADJUST_ARGUMENTS: Readonly<Record<string, string>> = {
  delta: 'quantity_adjustment',
  reason: 'reason',
  inventoryItemId: 'inventory_level_id',
  locationId: 'inventory_level_id',
};

const pageInfoOf = (p: {
  hasNextPage: boolean;
  hasPreviousPage?: boolean;
  startCursor?: string | null;
  endCursor?: string | null;
}) => ({
  hasNextPage: p.hasNextPage,
  hasPreviousPage: p.hasPreviousPage ?? false,
  startCursor: p.startCursor ?? null,
  endCursor: p.endCursor ?? null,
});

/** The product a create that got no answer made, if it shows up: the newest with that exact title since then. */
async function findCreated(api: ShopifyApi, title: string, since: string): Promise<SfProduct | undefined> {
  const products = await api.recentProducts(`title:${quoted(title)} AND created_at:>='${since}'`);
  return products.find((p) => p.title === title && (!p.createdAt || p.createdAt >= since));
}
