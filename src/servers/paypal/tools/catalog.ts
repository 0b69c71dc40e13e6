import { z } from 'zod';
import { adds, overwrites, reads, sets } from '../../../core/annotations.js';
import { ToolError } from '../../../core/errors.js';
import { UpstreamError } from '../../../upstream/client.js';
import { type PayPalApi, requestIdOf } from '../api.js';
import { pageFields, planSchema, productSchema, toPlan, toProduct, withRaw } from '../shapes.js';
import {
  about,
  full,
  json,
  money,
  pageArgs,
  patchArgs,
  paypalId,
  replace,
  requestId,
  SUBSCRIPTIONS,
  type ToolMaker,
  type ToolTable,
} from './common.js';
import { readPages } from './pages.js';

type Obj = Record<string, unknown>;

const planId = paypalId('plan', 'P-5ML4271244454362WXNWU5NQ');
const productId = paypalId('product', 'PROD-XXCD1234QWER65782');
const PLANS = 'v1/billing/plans';
const PRODUCTS = 'v1/catalogs/products';
const planPath = (id: string) => `${PLANS}/${encodeURIComponent(id)}`;
const productPath = (id: string) => `${PRODUCTS}/${encodeURIComponent(id)}`;

const readPlan = (paypal: PayPalApi, id: string) =>
  paypal.call<Obj>(planPath(id), {}, about('Plan', id, SUBSCRIPTIONS));

/**
 * Activates or deactivates a plan. Setting a status twice changes nothing more, so the POST is retried
 * after a 5xx; PayPal answers PLAN_STATUS_INVALID when the plan already has it (a retry whose first
 * attempt went through, or a second call), which is then read back and reported as done.
 */
async function setStatus(paypal: PayPalApi, id: string, action: 'activate' | 'deactivate') {
  const wanted = action === 'activate' ? 'ACTIVE' : 'INACTIVE';
  let already = false;
  try {
    await paypal.call(
      `${planPath(id)}/${action}`,
      { method: 'POST', idempotent: true },
      about('Plan', id, SUBSCRIPTIONS),
    );
  } catch (error) {
    if (!(error instanceof UpstreamError && error.status === 422)) throw error;
    const plan = await readPlan(paypal, id);
    if (plan.status !== wanted) throw error;
    already = true;
  }
  const plan = await readPlan(paypal, id);
  return { plan_id: id, status: typeof plan.status === 'string' ? plan.status : wanted, already };
}

const statusSchema = z.object({
  plan_id: z.string(),
  status: z.string().describe('The plan’s status now'),
  already: z.boolean().describe('True when the plan had that status before this call'),
});

export function catalogTools(paypalTool: ToolMaker): ToolTable {
  return {
    create_product: paypalTool({
      description:
        'Create a catalog product (what plans bill for). Sent with a PayPal-Request-Id, so a retry after a failure ' +
        'never creates a second one.',
      input: z.object({
        name: z.string().trim().min(1).max(127).describe('Product name'),
        description: z.string().min(1).max(256).describe('Product description'),
        type: z
          .enum(['PHYSICAL', 'DIGITAL', 'SERVICE'])
          .default('PHYSICAL')
          .describe('PHYSICAL (default), DIGITAL or SERVICE'),
        category: z
          .string()
          .trim()
          .toUpperCase()
          .regex(/^[A-Z_]+$/, 'must be one of PayPal’s categories, e.g. SOFTWARE')
          .optional()
          .describe('PayPal product category, e.g. SOFTWARE'),
        image_url: z.url().optional().describe('Image of the product'),
        home_url: z.url().optional().describe('Home page of the product'),
        paypal_request_id: requestId,
        full,
      }),
      output: productSchema,
      annotations: adds,
      async run({ paypal_request_id, full: all, ...body }, paypal) {
        const product = await paypal.call<Obj>(
          PRODUCTS,
          {
            method: 'POST',
            body,
            headers: { prefer: 'return=representation' },
            requestId: requestIdOf(paypal_request_id),
          },
          about('Product', '(new)', SUBSCRIPTIONS, { doing: `creating the product "${body.name}"` }),
        );
        return withRaw(toProduct(product), product, all);
      },
    }),

    list_products: paypalTool({
      description: 'List catalog products, page by page.',
      input: z.object(pageArgs(20, 10)),
      output: z.object({ ...pageFields, products: z.array(productSchema.omit({ paypal_object: true })) }),
      annotations: reads,
      async run(args, paypal) {
        const { items, ...paging } = await readPages(
          paypal,
          { path: PRODUCTS, key: 'products', ...args },
          about('Products', 'of the account', SUBSCRIPTIONS),
        );
        return { count: items.length, ...paging, products: items.map(toProduct) };
      },
    }),

    get_product: paypalTool({
      description: 'Get a catalog product.',
      input: z.object({ product_id: productId, full }),
      output: productSchema,
      annotations: reads,
      async run({ product_id, full: all }, paypal) {
        const product = await paypal.call<Obj>(
          productPath(product_id),
          {},
          about('Product', product_id, SUBSCRIPTIONS),
        );
        return withRaw(toProduct(product), product, all);
      },
    }),

    update_product: paypalTool({
      description:
        'Replace one field of a product: path "/description", "/category", "/image_url" or "/home_url".',
      input: z.object({ product_id: productId, ...patchArgs, full }),
      output: productSchema,
      annotations: overwrites,
      async run({ product_id, path, value, full: all }, paypal) {
        await paypal.call(
          productPath(product_id),
          { method: 'PATCH', body: replace(path, value), idempotent: true },
          about('Product', product_id, SUBSCRIPTIONS, { patch: true }),
        );
        const product = await paypal.call<Obj>(
          productPath(product_id),
          {},
          about('Product', product_id, SUBSCRIPTIONS),
        );
        return withRaw(toProduct(product), product, all);
      },
    }),

    create_plan: paypalTool({
      description:
        'Create a billing plan for a product: its billing cycles (trial and regular) and payment preferences. ' +
        'Sent with a PayPal-Request-Id, so a retry after a failure never creates a second one.',
      input: z.object({
        product_id: productId,
        name: z.string().trim().min(1).max(127).describe('Plan name'),
        description: z.string().min(1).max(127).describe('Plan description'),
        billing_cycles: z
          .array(z.record(z.string(), z.json()))
          .min(1)
          .max(12)
          .describe(
            'Billing cycles, e.g. [{"frequency": {"interval_unit": "MONTH", "interval_count": 1}, "tenure_type": "REGULAR", ' +
              '"sequence": 1, "total_cycles": 0, "pricing_scheme": {"fixed_price": {"value": "10.00", "currency_code": "USD"}}}]',
          ),
        payment_preferences: json(
          'Payment preferences, e.g. {"auto_bill_outstanding": true, "setup_fee_failure_action": "CONTINUE", "payment_failure_threshold": 3}',
        ),
        status: z.enum(['CREATED', 'ACTIVE']).optional().describe('CREATED or ACTIVE (PayPal’s default)'),
        quantity_supported: z.boolean().optional().describe('Whether subscribers may buy a quantity'),
        taxes: z
          .object({
            percentage: z.string().regex(/^\d{1,3}(\.\d{1,2})?$/, 'must be a percentage like "10"'),
            inclusive: z.boolean().optional(),
          })
          .strict()
          .optional()
          .describe('Tax: percentage (e.g. "10") and whether prices include it'),
        paypal_request_id: requestId,
        full,
      }),
      output: planSchema,
      annotations: adds,
      async run({ paypal_request_id, full: all, ...body }, paypal) {
        const plan = await paypal.call<Obj>(
          PLANS,
          {
            method: 'POST',
            body,
            headers: { prefer: 'return=representation' },
            requestId: requestIdOf(paypal_request_id),
          },
          about('Plan', '(new)', SUBSCRIPTIONS, { doing: `creating the plan "${body.name}"` }),
        );
        return withRaw(toPlan(plan), plan, all);
      },
    }),

    list_plans: paypalTool({
      description: 'List billing plans, optionally of one product, page by page.',
      input: z.object({
        product_id: productId.optional().describe('Only the plans of this product'),
        ...pageArgs(20, 10),
      }),
      output: z.object({ ...pageFields, plans: z.array(planSchema.omit({ paypal_object: true })) }),
      annotations: reads,
      async run({ product_id, ...args }, paypal) {
        const { items, ...paging } = await readPages(
          paypal,
          { path: PLANS, key: 'plans', query: { product_id }, ...args },
          about('Plans', 'of the account', SUBSCRIPTIONS),
        );
        return { count: items.length, ...paging, plans: items.map(toPlan) };
      },
    }),

    get_plan: paypalTool({
      description: 'Get a billing plan with its cycles, prices and preferences.',
      input: z.object({ plan_id: planId, full }),
      output: planSchema,
      annotations: reads,
      async run({ plan_id, full: all }, paypal) {
        const plan = await readPlan(paypal, plan_id);
        return withRaw(toPlan(plan), plan, all);
      },
    }),

    update_plan: paypalTool({
      description:
        'Replace one field of a plan: path "/name", "/description", "/payment_preferences/auto_bill_outstanding", ' +
        '"/payment_preferences/payment_failure_threshold", "/payment_preferences/setup_fee" (a money object), ' +
        '"/payment_preferences/setup_fee_failure_action" or "/taxes/percentage".',
      input: z.object({ plan_id: planId, ...patchArgs, full }),
      output: planSchema,
      annotations: overwrites,
      async run({ plan_id, path, value, full: all }, paypal) {
        if (path.replace(/^\//, '') === 'payment_preferences/setup_fee' && !money.safeParse(value).success) {
          throw new ToolError(
            'Invalid arguments: value: setup_fee takes a money object, {"currency_code": "USD", "value": "5.00"}',
          );
        }
        await paypal.call(
          planPath(plan_id),
          { method: 'PATCH', body: replace(path, value), idempotent: true },
          about('Plan', plan_id, SUBSCRIPTIONS, { patch: true }),
        );
        const plan = await readPlan(paypal, plan_id);
        return withRaw(toPlan(plan), plan, all);
      },
    }),

    activate_plan: paypalTool({
      description: 'Activate a plan, so new subscriptions can use it (done already is not an error).',
      input: z.object({ plan_id: planId }),
      output: statusSchema,
      annotations: sets,
      run: ({ plan_id }, paypal) => setStatus(paypal, plan_id, 'activate'),
    }),

    deactivate_plan: paypalTool({
      description:
        'Deactivate a plan: no new subscriptions; existing ones go on (done already is not an error).',
      input: z.object({ plan_id: planId }),
      output: statusSchema,
      annotations: sets,
      run: ({ plan_id }, paypal) => setStatus(paypal, plan_id, 'deactivate'),
    }),
  };
}
