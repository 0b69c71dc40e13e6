import { z } from 'zod';
import type { ToolContext } from '../../../core/context.js';
import { type AnyToolDef, type ToolDef, tool } from '../../../core/definition.js';
import type { ApiFactory, PayPalApi } from '../api.js';
import type { Subject } from '../errors.js';

/** A tool of this server: like `tool`, but its handler gets a PayPal client. */
interface PayPalToolDef<I extends z.ZodObject, O extends z.ZodObject>
  extends Omit<ToolDef<I, O>, 'handler' | 'output'> {
  output: O;
  run(args: z.output<I>, paypal: PayPalApi, ctx: ToolContext): Promise<z.input<O>>;
}

export type ToolTable = Record<string, AnyToolDef>;

export function toolMaker(connect: ApiFactory) {
  return <I extends z.ZodObject, O extends z.ZodObject>({ run, ...def }: PayPalToolDef<I, O>) =>
    tool<I, O>({
      ...def,
      // The cast restates ToolDef's conditional return type, which TypeScript cannot resolve for generic O.
      handler: (args, ctx) => run(args, connect(ctx), ctx) as ReturnType<ToolDef<I, O>['handler']>,
    });
}

export type ToolMaker = ReturnType<typeof toolMaker>;

/** The PayPal app feature each area needs (named when PayPal answers 403). */
export const ORDERS = 'Accept payments';
export const SUBSCRIPTIONS = 'Subscriptions';
export const INVOICING = 'Invoicing';

export const about = (what: string, id: string, feature: string, more: Partial<Subject> = {}): Subject => ({
  what,
  id,
  feature,
  ...more,
});

// Arguments shared by the tools.

/** A PayPal id (`5O190127TN364715T`, `P-…`, `PROD-…`, `I-…`); it goes into a URL path, so it is one segment. */
export const paypalId = (what: string, example: string) =>
  z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_.-]+$/, `must be the id of the ${what} (e.g. ${example})`)
    .describe(`Id of the ${what} (e.g. ${example})`);

export const money = z
  .object({
    currency_code: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z]{3}$/, 'must be a three-letter ISO currency code, e.g. USD')
      .describe('Three-letter ISO currency code, e.g. USD'),
    value: z
      .string()
      .trim()
      .regex(/^\d{1,10}(\.\d{1,3})?$/, 'must be an amount like "10.00"')
      .describe('Amount as a decimal string, e.g. "10.00"'),
  })
  .strict();

export const json = (describe: string) => z.record(z.string(), z.json()).describe(describe);

export const requestId = z
  .string()
  .trim()
  .min(1)
  .max(108)
  .optional()
  .describe(
    'PayPal-Request-Id to send. Leave it out: one is made for every call. Give the id a failed call named to ' +
      'repeat it safely (PayPal then answers with the first result instead of creating it twice)',
  );

export const full = z
  .boolean()
  .optional()
  .describe('Also return the whole PayPal object (paypal_object), not just the main fields');

export const fields = z
  .string()
  .trim()
  .max(100)
  .optional()
  .describe('Fields to return, comma-separated, as PayPal takes them (e.g. "payment_source")');

export const pageArgs = (maxSize: number, fallback: number) => ({
  page_size: z
    .number()
    .int()
    .min(1)
    .max(maxSize)
    .default(fallback)
    .describe(`Items per page (1-${maxSize}, default ${fallback})`),
  page: z.number().int().min(1).max(100_000).default(1).describe('Page to start from (default 1)'),
  total_required: z
    .boolean()
    .default(false)
    .describe('Also count all the items and pages (total_items, total_pages)'),
  max_pages: z
    .number()
    .int()
    .min(1)
    .max(20)
    .default(1)
    .describe('Pages to read from page on (default 1); next_page continues after them'),
});

/** A JSON Patch `replace` of one field, as the update tools send it. */
export function replace(path: string, value: unknown): { op: 'replace'; path: string; value: unknown }[] {
  return [{ op: 'replace', path: path.startsWith('/') ? path : `/${path}`, value }];
}

export const patchArgs = {
  path: z
    .string()
    .trim()
    .regex(
      /^\/?[A-Za-z_]+(\/[A-Za-z_]+)*$/,
      'must be a field path like "/description" or "/payment_preferences/setup_fee"',
    )
    .describe('Field to replace, e.g. "/description" (a leading / is added when missing)'),
  value: z
    .union([z.string(), z.number(), z.boolean(), z.record(z.string(), z.json())])
    .describe('Its new value (text, number, boolean, or an object such as a money amount)'),
};
