import { z } from 'zod';
import { adds, overwrites, reads, writes } from '../../../core/annotations.js';
import { ToolError } from '../../../core/errors.js';
import { idempotencyKey as newKey } from '../api.js';
import {
  attachedSchema,
  customerSchema,
  paymentMethodSchema,
  toCustomer,
  toList,
  toPaymentMethod,
  withRaw,
} from '../shapes.js';
import {
  addressInput,
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

const customerId = objectId('customer', 'cus');
const customerList = pageOf('customers', customerSchema);

const cardInput = z
  .object({
    number: z.string().describe('Card number (raw card data needs Stripe’s permission; prefer token)'),
    exp_month: z.number().int().min(1).max(12),
    exp_year: z.number().int(),
    cvc: z.string(),
    token: z.string().describe('A card token (tok_…), e.g. tok_visa in test mode, instead of the card data'),
  })
  .partial()
  .strict()
  .describe('Card details for type "card": number, exp_month, exp_year and cvc, or a token');

const bankInput = z
  .object({
    account_holder_type: z.enum(['individual', 'company']),
    account_number: z.string(),
    routing_number: z.string(),
    account_type: z.enum(['checking', 'savings']),
  })
  .partial()
  .strict()
  .describe('Bank account for type "us_bank_account"');

const billingInput = z
  .object({
    name: z.string(),
    email: z.string(),
    phone: z.string(),
    address: addressInput,
  })
  .partial()
  .strict()
  .describe('Billing details: name, email, phone, address');

export function customerTools(stripeTool: ToolMaker): ToolTable {
  return {
    list_customers: stripeTool({
      description: 'List customers, newest first, optionally only those with an email address.',
      input: z.object({
        ...listArgs,
        email: z.string().trim().optional().describe('Only customers with this email (case-sensitive)'),
      }),
      output: customerList,
      annotations: reads,
      async run({ limit, starting_after, email }, stripe) {
        const listed = await stripe.list<Obj & { id: string }>(
          'customers',
          { what: 'Customers', id: 'of the account' },
          { email },
          limit,
          starting_after,
        );
        return toList('customers', listed, toCustomer);
      },
    }),

    retrieve_customer: stripeTool({
      description: 'Get a customer by id (a deleted customer comes back with deleted: true).',
      input: z.object({ customer_id: customerId, full }),
      output: customerSchema,
      annotations: reads,
      async run({ customer_id, full: all }, stripe) {
        const c = await stripe.get<Obj>(`customers/${encodeURIComponent(customer_id)}`, {
          what: 'Customer',
          id: customer_id,
        });
        return withRaw(toCustomer(c), c, all);
      },
    }),

    create_customer: stripeTool({
      description:
        'Create a customer. Sent with an Idempotency-Key, so a retry after a failure never creates a second one.',
      input: z.object({
        email: z.email('must be an email address').describe('Email address of the customer'),
        name: z.string().optional().describe('Full name or business name'),
        phone: z.string().optional().describe('Phone number'),
        description: z.string().optional().describe('A note shown with the customer in the Dashboard'),
        address: addressInput.optional().describe('Billing address (needed to calculate taxes)'),
        shipping: z
          .object({ name: z.string(), phone: z.string().optional(), address: addressInput })
          .strict()
          .optional()
          .describe('Shipping details: name, address and optional phone (shown on invoices)'),
        metadata,
        payment_method: objectId('payment method', 'pm')
          .optional()
          .describe('A payment method (pm_…) to attach'),
        source: z
          .string()
          .trim()
          .optional()
          .describe('A token or source (tok_…, src_…) to make the default payment source (legacy)'),
        idempotency_key: idempotencyKey,
        full,
      }),
      output: customerSchema,
      annotations: adds,
      async run({ idempotency_key, full: all, ...fields }, stripe) {
        const c = await stripe.post<Obj>(
          'customers',
          fields,
          { what: 'Customer', id: '(new)', doing: `creating the customer ${fields.email}` },
          newKey(idempotency_key),
        );
        return withRaw(toCustomer(c), c, all);
      },
    }),

    update_customer: stripeTool({
      description:
        'Change fields of a customer: those given are set, the others kept. fields takes Stripe’s parameters ' +
        'as JSON, e.g. {"name": "Ada", "metadata": {"tier": "gold"}, "invoice_settings": {"default_payment_method": "pm_…"}}.',
      input: z.object({
        customer_id: customerId,
        fields: updateFields('customer', '{"email": "ada@example.com"}'),
        idempotency_key: idempotencyKey,
        full,
      }),
      output: customerSchema,
      annotations: overwrites,
      async run({ customer_id, fields, idempotency_key, full: all }, stripe) {
        const c = await stripe.post<Obj>(
          `customers/${encodeURIComponent(customer_id)}`,
          formFields(fields, 'fields'),
          {
            what: 'Customer',
            id: customer_id,
            passthrough: 'fields',
            doing: `updating customer ${customer_id}`,
          },
          newKey(idempotency_key),
        );
        return withRaw(toCustomer(c), c, all);
      },
    }),

    create_payment_method: stripeTool({
      description:
        'Create a payment method (e.g. a card from a token such as tok_visa, or a US bank account). ' +
        'Attach it to a customer with attach_payment_method.',
      input: z.object({
        type: z.string().trim().min(1).describe('Type of payment method, e.g. card or us_bank_account'),
        card: cardInput.optional(),
        us_bank_account: bankInput.optional(),
        billing_details: billingInput.optional(),
        metadata,
        idempotency_key: idempotencyKey,
        full,
      }),
      output: paymentMethodSchema,
      annotations: adds,
      async run({ idempotency_key, full: all, ...fields }, stripe) {
        if (fields.type === 'card' && !fields.card) {
          throw new ToolError(
            'Invalid arguments: card: required when type is "card" (card details or a token)',
          );
        }
        if (fields.type === 'us_bank_account' && !fields.us_bank_account) {
          throw new ToolError('Invalid arguments: us_bank_account: required when type is "us_bank_account"');
        }
        const pm = await stripe.post<Obj>(
          'payment_methods',
          fields,
          { what: 'Payment method', id: '(new)', doing: `creating the ${fields.type} payment method` },
          newKey(idempotency_key),
        );
        return withRaw(toPaymentMethod(pm), pm, all);
      },
    }),

    attach_payment_method: stripeTool({
      description:
        'Attach a payment method to a customer, and with set_as_default make it the customer’s default for ' +
        'invoices and subscriptions.',
      input: z.object({
        payment_method: objectId('payment method', 'pm'),
        customer_id: customerId,
        set_as_default: z
          .boolean()
          .default(false)
          .describe('Also make it the default payment method of the customer (invoice_settings)'),
        idempotency_key: idempotencyKey,
        full,
      }),
      output: attachedSchema,
      annotations: writes(false, true),
      async run({ payment_method, customer_id, set_as_default, idempotency_key, full: all }, stripe) {
        const key = newKey(idempotency_key);
        const pm = await stripe.post<Obj>(
          `payment_methods/${encodeURIComponent(payment_method)}/attach`,
          { customer: customer_id },
          {
            what: 'Payment method',
            id: payment_method,
            args: { customer: 'customer_id' },
            doing: `attaching ${payment_method} to customer ${customer_id}`,
          },
          key,
        );
        if (set_as_default) {
          // Its own key, made from the call's, so repeating the call with the same key replays both steps.
          await stripe.post<Obj>(
            `customers/${encodeURIComponent(customer_id)}`,
            { invoice_settings: { default_payment_method: payment_method } },
            {
              what: 'Customer',
              id: customer_id,
              doing: `making ${payment_method} the default of customer ${customer_id} (it is attached)`,
            },
            `${key}-default`,
          );
        }
        return withRaw({ ...toPaymentMethod(pm), set_as_default }, pm, all);
      },
    }),
  };
}
