import { z } from 'zod';
import { adds, reads } from '../../../core/annotations.js';
import { requestIdOf } from '../api.js';
import {
  invoiceSchema,
  pageFields,
  subscriptionSchema,
  toInvoice,
  toSubscription,
  withRaw,
} from '../shapes.js';
import {
  about,
  fields,
  full,
  INVOICING,
  json,
  money,
  pageArgs,
  paypalId,
  requestId,
  SUBSCRIPTIONS,
  type ToolMaker,
  type ToolTable,
} from './common.js';
import { readPages } from './pages.js';

type Obj = Record<string, unknown>;

const SUBSCRIPTIONS_PATH = 'v1/billing/subscriptions';

const INVOICE_STATUSES = [
  'DRAFT',
  'SENT',
  'SCHEDULED',
  'PAID',
  'MARKED_AS_PAID',
  'CANCELLED',
  'REFUNDED',
  'PARTIALLY_PAID',
  'PARTIALLY_REFUNDED',
  'MARKED_AS_REFUNDED',
  'UNPAID',
  'PAYMENT_PENDING',
] as const;

const dateRange = (what: string, example: string) =>
  z
    .object({
      start: z.string().describe(`From, e.g. ${example}`),
      end: z.string().describe(`To, e.g. ${example}`),
    })
    .strict()
    .optional()
    .describe(`${what}: start and end`);

export function billingTools(paypalTool: ToolMaker): ToolTable {
  return {
    create_subscription: paypalTool({
      description:
        'Create a subscription to a plan. The subscriber approves it at approve_url, then it becomes ACTIVE. Sent ' +
        'with a PayPal-Request-Id (yours in paypal_request_id, or a new one), so a retry after a failure never ' +
        'creates a second one.',
      input: z.object({
        plan_id: paypalId('plan', 'P-5ML4271244454362WXNWU5NQ'),
        quantity: z
          .union([z.string().regex(/^\d{1,32}$/), z.number().int().min(1)])
          .transform(String)
          .optional()
          .describe('Quantity of the product (when the plan supports quantities)'),
        auto_renewal: z.boolean().optional().describe('Renew automatically once the billing cycles complete'),
        custom_id: z.string().max(127).optional().describe('Your own id for the subscription'),
        start_time: z.iso.datetime().optional().describe('When it starts (ISO 8601; default now)'),
        shipping_amount: money.optional().describe('Shipping charge: currency_code and value'),
        subscriber: json('The subscriber: name, email_address, shipping_address, payment_source').optional(),
        application_context: json(
          'Payer experience: brand_name, locale, return_url, cancel_url, user_action',
        ).optional(),
        plan: json(
          'Changes to the plan for this subscription (billing_cycles, payment_preferences, taxes)',
        ).optional(),
        prefer: z
          .enum(['return=minimal', 'return=representation'])
          .default('return=representation')
          .describe(
            'How much PayPal answers with: the whole subscription (default) or its id, status and links',
          ),
        paypal_request_id: requestId,
        full,
      }),
      output: subscriptionSchema,
      annotations: adds,
      async run({ prefer, paypal_request_id, full: all, ...body }, paypal) {
        const subscription = await paypal.call<Obj>(
          SUBSCRIPTIONS_PATH,
          { method: 'POST', body, headers: { prefer }, requestId: requestIdOf(paypal_request_id) },
          about('Subscription', '(new)', SUBSCRIPTIONS, {
            doing: `creating the subscription to plan ${body.plan_id}`,
          }),
        );
        return withRaw(toSubscription(subscription), subscription, all);
      },
    }),

    get_subscription: paypalTool({
      description:
        'Get a subscription: its status, plan, subscriber and billing (next bill, last payment, balance).',
      input: z.object({ subscription_id: paypalId('subscription', 'I-BW452GLLEP1G'), fields, full }),
      output: subscriptionSchema,
      annotations: reads,
      async run({ subscription_id, fields: only, full: all }, paypal) {
        const subscription = await paypal.call<Obj>(
          `${SUBSCRIPTIONS_PATH}/${encodeURIComponent(subscription_id)}`,
          { query: { fields: only } },
          about('Subscription', subscription_id, SUBSCRIPTIONS),
        );
        return withRaw(toSubscription(subscription), subscription, all);
      },
    }),

    search_invoices: paypalTool({
      description:
        'Search invoices by recipient, number, status, reference, memo, currency, amount and date ranges, page by page.',
      input: z.object({
        ...pageArgs(100, 20),
        page: z.number().int().min(1).max(1000).default(1).describe('Page to start from (1-1000, default 1)'),
        recipient_email: z.string().max(254).optional().describe('Recipient’s email'),
        recipient_first_name: z.string().max(140).optional().describe('Recipient’s first name'),
        recipient_last_name: z.string().max(140).optional().describe('Recipient’s last name'),
        recipient_business_name: z.string().max(300).optional().describe('Recipient’s business name'),
        invoice_number: z.string().max(25).optional().describe('Invoice number'),
        status: z.array(z.enum(INVOICE_STATUSES)).optional().describe('Only these statuses'),
        reference: z.string().max(120).optional().describe('Reference (PO number)'),
        memo: z.string().max(500).optional().describe('Text in the memo'),
        currency_code: z
          .string()
          .trim()
          .toUpperCase()
          .regex(/^[A-Z]{3}$/, 'must be a three-letter ISO currency code')
          .optional()
          .describe('Currency, e.g. USD'),
        total_amount_range: z
          .object({ lower_amount: money, upper_amount: money })
          .strict()
          .optional()
          .describe('Total between lower_amount and upper_amount (money objects)'),
        invoice_date_range: dateRange('Invoice date', '2024-05-01'),
        due_date_range: dateRange('Due date', '2024-05-31'),
        payment_date_range: dateRange('Payment time', '2024-05-01T00:00:00Z'),
        creation_date_range: dateRange('Creation time', '2024-05-01T00:00:00Z'),
        archived: z.boolean().optional().describe('Only archived (true) or only unarchived (false) invoices'),
        fields: z
          .array(z.string())
          .optional()
          .describe('Fields of each invoice to return, e.g. ["items", "payments"]'),
      }),
      output: z.object({ ...pageFields, invoices: z.array(invoiceSchema) }),
      annotations: reads,
      async run({ page, page_size, total_required, max_pages, ...filters }, paypal) {
        const { items, ...paging } = await readPages(
          paypal,
          {
            path: 'v2/invoicing/search-invoices',
            key: 'items',
            page,
            page_size,
            total_required,
            max_pages,
            body: filters,
          },
          about('Invoices', 'of the search', INVOICING),
        );
        return { count: items.length, ...paging, invoices: items.map(toInvoice) };
      },
    }),
  };
}
