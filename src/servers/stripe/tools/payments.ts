import { z } from 'zod';
import { adds, reads, writes } from '../../../core/annotations.js';
import { idempotencyKey as newKey } from '../api.js';
import {
  balanceSchema,
  chargeSchema,
  paymentIntentSchema,
  toBalance,
  toCharge,
  toList,
  toPaymentIntent,
  withRaw,
} from '../shapes.js';
import {
  currency,
  full,
  idempotencyKey,
  listArgs,
  metadata,
  objectId,
  type ToolMaker,
  type ToolTable,
} from './common.js';
import { pageOf } from './pages.js';

type Obj = Record<string, unknown>;

const paymentIntentId = objectId('payment intent', 'pi');

export function paymentTools(stripeTool: ToolMaker): ToolTable {
  return {
    retrieve_balance: stripeTool({
      description: 'The account’s balance: funds available for payout and funds still pending, by currency.',
      input: z.object({ full }),
      output: balanceSchema,
      annotations: reads,
      async run({ full: all }, stripe, ctx) {
        const balance = await stripe.get<Obj>('balance', { what: 'Balance', id: 'of the account' });
        const account = (await ctx.credentials()).stripe_user_id;
        return withRaw(toBalance(balance, typeof account === 'string' ? account : null), balance, all);
      },
    }),

    create_payment_intent: stripeTool({
      description:
        'Create a payment intent to collect an amount (in the smallest currency unit: 1000 = $10.00). ' +
        'It is not confirmed: confirm it with confirm_payment_intent once it has a payment method. ' +
        'Sent with an Idempotency-Key, so a retry after a failure never creates a second one.',
      input: z.object({
        amount: z
          .number()
          .int()
          .positive()
          .describe('Amount in the smallest currency unit, e.g. 1000 for $10.00'),
        currency,
        customer: objectId('customer', 'cus').optional().describe('Customer the payment is for (cus_…)'),
        payment_method: objectId('payment method', 'pm')
          .optional()
          .describe('Payment method to charge (pm_…)'),
        description: z.string().optional().describe('Shown to you in the Dashboard'),
        receipt_email: z.email().optional().describe('Where Stripe sends the receipt once paid'),
        metadata,
        idempotency_key: idempotencyKey,
        full,
      }),
      output: paymentIntentSchema,
      annotations: adds,
      async run({ idempotency_key, full: all, ...fields }, stripe) {
        const pi = await stripe.post<Obj>(
          'payment_intents',
          fields,
          {
            what: 'Payment intent',
            id: '(new)',
            doing: `creating the payment intent of ${fields.amount} ${fields.currency}`,
          },
          newKey(idempotency_key),
        );
        return withRaw(toPaymentIntent(pi), pi, all);
      },
    }),

    confirm_payment_intent: stripeTool({
      description:
        'Confirm a payment intent: Stripe tries to charge its payment method. The status then says what ' +
        'happened (succeeded, processing, requires_action, requires_payment_method after a decline). ' +
        'Sent with an Idempotency-Key, so a retry after a failure never charges twice.',
      input: z.object({
        payment_intent_id: paymentIntentId,
        payment_method: objectId('payment method', 'pm')
          .optional()
          .describe('Payment method to charge, when the intent has none yet (pm_…)'),
        return_url: z
          .url()
          .optional()
          .describe('Where to send the customer after a redirect-based authentication'),
        idempotency_key: idempotencyKey,
        full,
      }),
      output: paymentIntentSchema,
      annotations: writes(false, false),
      async run({ payment_intent_id, idempotency_key, full: all, ...fields }, stripe) {
        const pi = await stripe.post<Obj>(
          `payment_intents/${encodeURIComponent(payment_intent_id)}/confirm`,
          fields,
          {
            what: 'Payment intent',
            id: payment_intent_id,
            doing: `confirming payment intent ${payment_intent_id}`,
          },
          newKey(idempotency_key),
        );
        return withRaw(toPaymentIntent(pi), pi, all);
      },
    }),

    list_payment_intents: stripeTool({
      description: 'List payment intents, newest first, optionally of one customer.',
      input: z.object({
        ...listArgs,
        customer: objectId('customer', 'cus').optional().describe('Only those of this customer (cus_…)'),
      }),
      output: pageOf('payment_intents', paymentIntentSchema),
      annotations: reads,
      async run({ limit, starting_after, customer }, stripe) {
        const listed = await stripe.list<Obj & { id: string }>(
          'payment_intents',
          { what: 'Payment intents', id: 'of the account' },
          { customer },
          limit,
          starting_after,
        );
        return toList('payment_intents', listed, toPaymentIntent);
      },
    }),

    list_charges: stripeTool({
      description: 'List charges, newest first, optionally of one customer or payment intent.',
      input: z.object({
        ...listArgs,
        customer: objectId('customer', 'cus').optional().describe('Only those of this customer (cus_…)'),
        payment_intent: objectId('payment intent', 'pi')
          .optional()
          .describe('Only those of this payment intent'),
      }),
      output: pageOf('charges', chargeSchema),
      annotations: reads,
      async run({ limit, starting_after, customer, payment_intent }, stripe) {
        const listed = await stripe.list<Obj & { id: string }>(
          'charges',
          { what: 'Charges', id: 'of the account' },
          { customer, payment_intent },
          limit,
          starting_after,
        );
        return toList('charges', listed, toCharge);
      },
    }),
  };
}
