import { z } from 'zod';
import { adds, reads, writes } from '../../../core/annotations.js';
import { requestIdOf } from '../api.js';
import { orderSchema, toOrder, withRaw } from '../shapes.js';
import {
  about,
  fields,
  full,
  json,
  money,
  ORDERS,
  paypalId,
  requestId,
  type ToolMaker,
  type ToolTable,
} from './common.js';

type Obj = Record<string, unknown>;

const orderId = paypalId('order', '5O190127TN364715T');
const ordersPath = 'v2/checkout/orders';

const purchaseUnit = z
  .looseObject({
    amount: z
      .looseObject(money.shape)
      .describe('The amount: currency_code and value, with an optional breakdown'),
  })
  .describe(
    'A purchase unit: amount (required), and reference_id, description, custom_id, invoice_id, items, shipping, …',
  );

export function orderTools(paypalTool: ToolMaker): ToolTable {
  return {
    create_order: paypalTool({
      description:
        'Create a checkout order. The payer approves it at approve_url; capturing it (not a tool here) moves the ' +
        'money. Sent with a PayPal-Request-Id, so a retry after a failure never creates a second order.',
      input: z.object({
        intent: z
          .enum(['CAPTURE', 'AUTHORIZE'])
          .describe('CAPTURE (capture once approved) or AUTHORIZE (hold funds)'),
        purchase_units: z
          .array(purchaseUnit)
          .min(1)
          .max(10)
          .describe('What is bought: one purchase unit or more'),
        payment_source: json(
          'The payment source, e.g. {"paypal": {"experience_context": {"return_url": "…"}}}',
        ).optional(),
        application_context: json(
          'Payer experience (legacy; prefer payment_source.*.experience_context)',
        ).optional(),
        paypal_request_id: requestId,
        full,
      }),
      output: orderSchema,
      annotations: adds,
      async run({ paypal_request_id, full: all, ...body }, paypal) {
        const total = body.purchase_units
          .map((u) => `${u.amount.value} ${u.amount.currency_code}`)
          .join(' + ');
        const order = await paypal.call<Obj>(
          ordersPath,
          {
            method: 'POST',
            body,
            headers: { prefer: 'return=representation' },
            requestId: requestIdOf(paypal_request_id),
          },
          about('Order', '(new)', ORDERS, { doing: `creating the order of ${total}` }),
        );
        return withRaw(toOrder(order), order, all);
      },
    }),

    get_order: paypalTool({
      description: 'Get an order: its status, amounts, payer and links.',
      input: z.object({ order_id: orderId, fields, full }),
      output: orderSchema,
      annotations: reads,
      async run({ order_id, fields: only, full: all }, paypal) {
        const order = await paypal.call<Obj>(
          `${ordersPath}/${encodeURIComponent(order_id)}`,
          { query: { fields: only } },
          about('Order', order_id, ORDERS),
        );
        return withRaw(toOrder(order), order, all);
      },
    }),

    confirm_order: paypalTool({
      description:
        'Confirm the payment source of an order (the payer’s PayPal account, a card, …). No money moves until ' +
        'the order is captured. Not retried after a failure (PayPal takes no request id here): check with get_order.',
      input: z.object({
        order_id: orderId,
        payment_source: json('The payment source, e.g. {"paypal": {"name": {…}, "email_address": "…"}}'),
        application_context: json('Payer experience: brand_name, locale, return_url, cancel_url').optional(),
        full,
      }),
      output: orderSchema,
      annotations: writes(false, true),
      async run({ order_id, full: all, ...body }, paypal) {
        const order = await paypal.call<Obj>(
          `${ordersPath}/${encodeURIComponent(order_id)}/confirm-payment-source`,
          { method: 'POST', body, headers: { prefer: 'return=representation' } },
          about('Order', order_id, ORDERS, {
            doing: `confirming the payment source of order ${order_id}`,
            check: `check its status with get_order ${order_id} before trying again`,
          }),
        );
        return withRaw(toOrder(order), order, all);
      },
    }),
  };
}
