import { z } from 'zod';
import { adds, overwrites, reads } from '../../../core/annotations.js';
import { PRODUCTS } from '../api.js';
import { deleted, deletedSchema, recordListSchema, recordSchema, toRecord, toRecordList } from '../shapes.js';
import {
  after,
  changes,
  deletion,
  ECOMMERCE,
  extraProperties,
  limit,
  number,
  propertiesOf,
  propertyNames,
  recordId,
  stringList,
  type ToolMaker,
  type ToolTable,
  text,
  uncertainCreate,
} from './common.js';
import { chosen } from './objects.js';

const DEFAULTS = 'name, description, price, hs_sku, hs_cost_of_goods_sold, hs_recurring_billing_period';

/** The product properties guMCP named as arguments. */
const productFields = {
  description: text('Description').optional(),
  price: number('Unit price, in the account’s currency').optional(),
  hs_sku: text('SKU').optional(),
  hs_cost_of_goods_sold: number('Cost of goods sold, per unit').optional(),
  hs_recurring_billing_period: text(
    'Term of a recurring product, as an ISO 8601 period, e.g. P12M for 12 months',
  ).optional(),
  properties: extraProperties('product'),
};

export function productTools(hubspotTool: ToolMaker): ToolTable {
  return {
    list_products: hubspotTool({
      description: 'List the products of the product library.',
      input: z.object({
        limit: limit(10),
        after,
        properties: propertyNames(DEFAULTS),
        archived: z
          .boolean()
          .optional()
          .describe('Return archived (deleted) products instead (default false)'),
      }),
      output: recordListSchema,
      annotations: reads,
      scopes: [ECOMMERCE],
      async run(a, hubspot) {
        const options = { properties: chosen(PRODUCTS, a.properties), archived: a.archived };
        return toRecordList(await hubspot.list(PRODUCTS, options, a.limit, a.after));
      },
    }),

    get_product: hubspotTool({
      description: 'Get one product by id, optionally with the history of some properties (e.g. price).',
      input: z.object({
        product_id: recordId('product'),
        properties: propertyNames(DEFAULTS),
        properties_with_history: stringList(
          'Properties whose earlier values to include, e.g. ["price"]',
        ).optional(),
      }),
      output: recordSchema,
      annotations: reads,
      scopes: [ECOMMERCE],
      async run(a, hubspot) {
        const options = {
          properties: chosen(PRODUCTS, a.properties),
          propertiesWithHistory: a.properties_with_history,
        };
        return toRecord(await hubspot.get(PRODUCTS, a.product_id, options));
      },
    }),

    create_product: hubspotTool({
      description:
        'Create a product in the product library. Not retried after a failure, since HubSpot has no idempotency key.',
      input: z.object({ name: z.string().trim().min(1).describe('Product name'), ...productFields }),
      output: recordSchema,
      annotations: adds,
      scopes: [ECOMMERCE],
      async run({ properties, ...named }, hubspot) {
        const check = named.hs_sku
          ? `Look for SKU ${named.hs_sku} (list_products) before creating it again.`
          : `Look for "${named.name}" (list_products) before creating it again.`;
        const values = propertiesOf(named, properties);
        return toRecord(await hubspot.create(PRODUCTS, values, [], uncertainCreate('product', check)));
      },
    }),

    update_product: hubspotTool({
      description: 'Change properties of a product (e.g. its price); those not given keep their values.',
      input: z.object({
        product_id: recordId('product'),
        name: z.string().trim().min(1).optional().describe('Product name'),
        ...productFields,
      }),
      output: recordSchema,
      annotations: overwrites,
      scopes: [ECOMMERCE],
      async run({ product_id, properties, ...named }, hubspot) {
        return toRecord(await hubspot.update(PRODUCTS, product_id, changes(named, properties)));
      },
    }),

    delete_product: hubspotTool({
      description: 'Delete (archive) a product; HubSpot keeps it in the recycle bin for 90 days.',
      input: z.object({ product_id: recordId('product') }),
      output: deletedSchema,
      annotations: overwrites,
      scopes: [ECOMMERCE],
      async run({ product_id }, hubspot) {
        const done = await hubspot.archive(PRODUCTS, product_id);
        return deleted(product_id, deletion('Product', product_id, done, 'was moved to the recycle bin'));
      },
    }),
  };
}
