import { z } from 'zod';
import { adds, overwrites, reads } from '../../../core/annotations.js';
import { NotFoundError, ToolError } from '../../../core/errors.js';
import { UpstreamError } from '../../../upstream/client.js';
import { idempotencyKey as newKey, type StripeApi } from '../api.js';
import {
  invoiceSchema,
  priceSchema,
  productSchema,
  subscriptionSchema,
  toInvoice,
  toList,
  toPrice,
  toProduct,
  toSubscription,
  withRaw,
} from '../shapes.js';
import {
  currency,
  formFields,
  full,
  idempotencyKey,
  listArgs,
  metadata,
  objectId,
  type ToolMaker,
  type ToolTable,
  updateFields,
} from './common.js';
import { pageOf } from './pages.js';

type Obj = Record<string, unknown>;

const subscriptionId = objectId('subscription', 'sub');
const customerId = objectId('customer', 'cus');
/** Subscriptions come with their items' prices, so their amounts and intervals can be read. */
const SUBSCRIPTION_EXPAND = ['items.data.price'];

const SUBSCRIPTION_STATUSES = [
  'active',
  'all',
  'canceled',
  'ended',
  'incomplete',
  'incomplete_expired',
  'past_due',
  'paused',
  'trialing',
  'unpaid',
] as const;

const subscriptionPath = (id: string) => `subscriptions/${encodeURIComponent(id)}`;

async function readSubscription(stripe: StripeApi, id: string): Promise<Obj> {
  return stripe.get<Obj>(
    subscriptionPath(id),
    { what: 'Subscription', id },
    { 'expand[]': SUBSCRIPTION_EXPAND },
  );
}

export function billingTools(stripeTool: ToolMaker): ToolTable {
  return {
    list_products: stripeTool({
      description: 'List products, newest first, optionally only active or inactive ones.',
      input: z.object({
        ...listArgs,
        active: z.boolean().optional().describe('Only active (true) or archived (false) products'),
      }),
      output: pageOf('products', productSchema),
      annotations: reads,
      async run({ limit, starting_after, active }, stripe) {
        const listed = await stripe.list<Obj & { id: string }>(
          'products',
          { what: 'Products', id: 'of the account' },
          { active },
          limit,
          starting_after,
        );
        return toList('products', listed, toProduct);
      },
    }),

    create_product: stripeTool({
      description:
        'Create a product (what you sell); give it prices with create_price. Sent with an Idempotency-Key, so ' +
        'a retry after a failure never creates a second one.',
      input: z.object({
        name: z.string().trim().min(1).describe('Name shown to customers'),
        description: z.string().optional().describe('Description shown to customers'),
        active: z.boolean().optional().describe('Whether it can be bought (default true)'),
        url: z.url().optional().describe('A web page of the product'),
        metadata,
        idempotency_key: idempotencyKey,
        full,
      }),
      output: productSchema,
      annotations: adds,
      async run({ idempotency_key, full: all, ...fields }, stripe) {
        const p = await stripe.post<Obj>(
          'products',
          fields,
          { what: 'Product', id: '(new)', doing: `creating the product "${fields.name}"` },
          newKey(idempotency_key),
        );
        return withRaw(toProduct(p), p, all);
      },
    }),

    create_price: stripeTool({
      description:
        'Create a price of a product: one-time, or recurring with `recurring` (e.g. {"interval": "month"}). ' +
        'Sent with an Idempotency-Key, so a retry after a failure never creates a second one.',
      input: z.object({
        product: objectId('product', 'prod'),
        unit_amount: z
          .number()
          .int()
          .min(0)
          .describe('Price per unit in the smallest currency unit, e.g. 1500 for $15.00'),
        currency,
        recurring: z
          .object({
            interval: z.enum(['day', 'week', 'month', 'year']).describe('Billing frequency'),
            interval_count: z
              .number()
              .int()
              .min(1)
              .optional()
              .describe('Intervals between bills (default 1)'),
            meter: z.string().optional().describe('Meter tracking the usage of a metered price'),
            usage_type: z.enum(['licensed', 'metered']).optional().describe('licensed (default) or metered'),
          })
          .strict()
          .optional()
          .describe('Makes it a recurring price, for subscriptions'),
        nickname: z.string().optional().describe('A name for the price, not shown to customers'),
        lookup_key: z.string().optional().describe('A key to find the price by'),
        metadata,
        idempotency_key: idempotencyKey,
        full,
      }),
      output: priceSchema,
      annotations: adds,
      async run({ idempotency_key, full: all, ...fields }, stripe) {
        const p = await stripe.post<Obj>(
          'prices',
          fields,
          { what: 'Price', id: '(new)', doing: `creating the price of product ${fields.product}` },
          newKey(idempotency_key),
        );
        return withRaw(toPrice(p), p, all);
      },
    }),

    list_subscriptions: stripeTool({
      description:
        'List subscriptions, newest first. Without status, Stripe lists those not canceled; status "all" lists every one.',
      input: z.object({
        ...listArgs,
        customer: customerId.optional().describe('Only those of this customer (cus_…)'),
        price: objectId('price', 'price').optional().describe('Only those with this price (price_…)'),
        status: z.enum(SUBSCRIPTION_STATUSES).optional().describe('Only those with this status'),
      }),
      output: pageOf('subscriptions', subscriptionSchema),
      annotations: reads,
      async run({ limit, starting_after, customer, price, status }, stripe) {
        const listed = await stripe.list<Obj & { id: string }>(
          'subscriptions',
          { what: 'Subscriptions', id: 'of the account' },
          { customer, price, status, 'expand[]': ['data.items.data.price'] },
          limit,
          starting_after,
        );
        return toList('subscriptions', listed, toSubscription);
      },
    }),

    retrieve_subscription: stripeTool({
      description: 'Get a subscription by id, with its items, prices and current period.',
      input: z.object({ subscription_id: subscriptionId, full }),
      output: subscriptionSchema,
      annotations: reads,
      async run({ subscription_id, full: all }, stripe) {
        const s = await readSubscription(stripe, subscription_id);
        return withRaw(toSubscription(s), s, all);
      },
    }),

    create_subscription: stripeTool({
      description:
        'Subscribe a customer to a recurring price. The first invoice is charged to the customer’s default ' +
        'payment method. Sent with an Idempotency-Key, so a retry after a failure never creates a second one.',
      input: z.object({
        customer: customerId,
        price_id: objectId('price', 'price').describe('Id of the recurring price (price_…)'),
        quantity: z.number().int().min(1).optional().describe('Quantity of the price (default 1)'),
        default_payment_method: objectId('payment method', 'pm')
          .optional()
          .describe('Payment method of the customer to charge, instead of its default'),
        trial_period_days: z.number().int().min(1).optional().describe('Days of free trial'),
        metadata,
        idempotency_key: idempotencyKey,
        full,
      }),
      output: subscriptionSchema,
      annotations: adds,
      async run({ customer, price_id, quantity, idempotency_key, full: all, ...rest }, stripe) {
        const s = await stripe.post<Obj>(
          'subscriptions',
          { customer, items: [{ price: price_id, quantity }], ...rest, expand: SUBSCRIPTION_EXPAND },
          {
            what: 'Subscription',
            id: '(new)',
            args: { items: 'price_id' },
            doing: `subscribing customer ${customer} to ${price_id}`,
          },
          newKey(idempotency_key),
        );
        return withRaw(toSubscription(s), s, all);
      },
    }),

    update_subscription: stripeTool({
      description:
        'Change a subscription: fields takes Stripe’s parameters as JSON, e.g. {"cancel_at_period_end": true}, ' +
        '{"metadata": {"plan": "pro"}} or {"items": [{"id": "si_…", "price": "price_…"}], "proration_behavior": "none"}.',
      input: z.object({
        subscription_id: subscriptionId,
        fields: updateFields('subscription', '{"cancel_at_period_end": true}'),
        idempotency_key: idempotencyKey,
        full,
      }),
      output: subscriptionSchema,
      annotations: overwrites,
      async run({ subscription_id, fields, idempotency_key, full: all }, stripe) {
        const s = await stripe.post<Obj>(
          subscriptionPath(subscription_id),
          { ...formFields(fields, 'fields'), expand: SUBSCRIPTION_EXPAND },
          {
            what: 'Subscription',
            id: subscription_id,
            passthrough: 'fields',
            doing: `updating subscription ${subscription_id}`,
          },
          newKey(idempotency_key),
        );
        return withRaw(toSubscription(s), s, all);
      },
    }),

    cancel_subscription: stripeTool({
      description:
        'Cancel a subscription now: no further invoices. To cancel at the end of the period instead, use ' +
        'update_subscription with {"cancel_at_period_end": true}.',
      input: z.object({ subscription_id: subscriptionId, full }),
      output: subscriptionSchema,
      annotations: overwrites,
      async run({ subscription_id, full: all }, stripe) {
        let s: Obj;
        try {
          s = await stripe.delete<Obj>(subscriptionPath(subscription_id), {
            what: 'Subscription',
            id: subscription_id,
          });
        } catch (error) {
          // A cancel retried after a lost answer, or of a subscription canceled before, is refused: it is
          // canceled either way, which the subscription itself says.
          const refused = error instanceof UpstreamError && error.status === 400;
          if (!refused && !(error instanceof NotFoundError)) throw error;
          s = await readSubscription(stripe, subscription_id);
          if (s.status !== 'canceled') throw error;
          return withRaw(toSubscription(s), s, all);
        }
        if (s.status !== 'canceled') {
          throw new ToolError(
            `Stripe answered the cancel of ${subscription_id} with status ${String(s.status)}`,
          );
        }
        return withRaw(toSubscription(s), s, all);
      },
    }),

    create_invoice: stripeTool({
      description:
        'Create a draft invoice for a customer; it collects the customer’s pending invoice items. Sent with an ' +
        'Idempotency-Key, so a retry after a failure never creates a second one.',
      input: z.object({
        customer: customerId,
        description: z.string().optional().describe('Memo shown on the invoice'),
        collection_method: z
          .enum(['charge_automatically', 'send_invoice'])
          .optional()
          .describe('charge_automatically (default) or send_invoice (emailed, paid by the customer)'),
        days_until_due: z.number().int().min(1).optional().describe('Days to pay, with send_invoice'),
        auto_advance: z
          .boolean()
          .optional()
          .describe(
            'Let Stripe finalize and collect it automatically (default false here: it stays a draft)',
          ),
        metadata,
        idempotency_key: idempotencyKey,
        full,
      }),
      output: invoiceSchema,
      annotations: adds,
      async run({ idempotency_key, full: all, ...fields }, stripe) {
        if (fields.days_until_due !== undefined && fields.collection_method !== 'send_invoice') {
          throw new ToolError(
            'Invalid arguments: days_until_due: only with collection_method "send_invoice"',
          );
        }
        const i = await stripe.post<Obj>(
          'invoices',
          { ...fields, auto_advance: fields.auto_advance ?? false },
          { what: 'Invoice', id: '(new)', doing: `creating the invoice of customer ${fields.customer}` },
          newKey(idempotency_key),
        );
        return withRaw(toInvoice(i), i, all);
      },
    }),

    list_invoices: stripeTool({
      description: 'List invoices, newest first, optionally of one customer or subscription, or by status.',
      input: z.object({
        ...listArgs,
        customer: customerId.optional().describe('Only those of this customer (cus_…)'),
        subscription: subscriptionId.optional().describe('Only those of this subscription (sub_…)'),
        status: z
          .enum(['draft', 'open', 'paid', 'uncollectible', 'void'])
          .optional()
          .describe('Only this status'),
      }),
      output: pageOf('invoices', invoiceSchema),
      annotations: reads,
      async run({ limit, starting_after, customer, subscription, status }, stripe) {
        const listed = await stripe.list<Obj & { id: string }>(
          'invoices',
          { what: 'Invoices', id: 'of the account' },
          { customer, subscription, status },
          limit,
          starting_after,
        );
        return toList('invoices', listed, toInvoice);
      },
    }),
  };
}
