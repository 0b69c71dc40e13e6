import { z } from 'zod';
import type { ToolContext } from '../../../core/context.js';
import { type AnyToolDef, type ToolDef, tool } from '../../../core/definition.js';
import { ToolError } from '../../../core/errors.js';
import type { FormValue } from '../../../upstream/form.js';
import type { ApiFactory, StripeApi } from '../api.js';

/** A tool of this server: like `tool`, but its handler gets a Stripe client. */
interface StripeToolDef<I extends z.ZodObject, O extends z.ZodObject>
  extends Omit<ToolDef<I, O>, 'handler' | 'output'> {
  output: O;
  run(args: z.output<I>, stripe: StripeApi, ctx: ToolContext): Promise<z.input<O>>;
}

export type ToolTable = Record<string, AnyToolDef>;

export function toolMaker(connect: ApiFactory) {
  return <I extends z.ZodObject, O extends z.ZodObject>({ run, ...def }: StripeToolDef<I, O>) =>
    tool<I, O>({
      ...def,
      // The cast restates ToolDef's conditional return type, which TypeScript cannot resolve for generic O.
      handler: (args, ctx) => run(args, connect(ctx), ctx) as ReturnType<ToolDef<I, O>['handler']>,
    });
}

export type ToolMaker = ReturnType<typeof toolMaker>;

// Arguments shared by the tools.

/** A Stripe object id (`cus_…`); it goes into a URL path, so it is one path segment. */
export const objectId = (what: string, prefix: string) =>
  z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_.-]+$/, `must be the id of the ${what} (${prefix}_…)`)
    .describe(`Id of the ${what} (${prefix}_…)`);

export const limit = z
  .number()
  .int()
  .min(1)
  .max(1000)
  .default(10)
  .describe('Most items to return (1-1000, default 10); pages of 100 are followed up to it');

export const startingAfter = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_.-]+$/, 'must be an object id')
  .optional()
  .describe('Continue a list after this id: the next_starting_after of an earlier call');

export const listArgs = { limit, starting_after: startingAfter };

export const currency = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z]{3}$/, 'must be a three-letter ISO currency code, e.g. usd')
  .describe('Three-letter ISO currency code, e.g. usd');

export const metadata = z
  .record(z.string().max(40), z.union([z.string().max(500), z.number(), z.boolean(), z.null()]))
  .optional()
  .describe('Key-value pairs to store on the object (a null value removes a key)');

export const idempotencyKey = z
  .string()
  .trim()
  .min(1)
  .max(255)
  .optional()
  .describe(
    'Idempotency-Key to send. Leave it out: one is made for every call. Give the key a failed call named to ' +
      'repeat it safely (Stripe then returns the first result instead of doing it twice)',
  );

export const full = z
  .boolean()
  .optional()
  .describe('Also return the whole Stripe object (stripe_object), not just the main fields');

export const addressInput = z
  .object({
    line1: z.string().describe('Street address'),
    line2: z.string().describe('Apartment, suite, unit'),
    city: z.string(),
    state: z.string().describe('State, county, province or region'),
    postal_code: z.string(),
    country: z.string().describe('Two-letter country code (ISO 3166-1 alpha-2)'),
  })
  .partial()
  .strict();

/** Stripe's body is a form of text values: JSON given for it must have nothing a form cannot carry. */
export function formFields(value: Record<string, unknown>, argument: string): Record<string, FormValue> {
  const convert = (v: unknown, path: string, depth: number): FormValue => {
    if (v === null || typeof v === 'string' || typeof v === 'boolean') return v;
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) throw new ToolError(`Invalid arguments: ${path}: must be a finite number`);
      return v;
    }
    if (depth > 5) throw new ToolError(`Invalid arguments: ${path}: nested too deep for Stripe`);
    if (Array.isArray(v)) return v.map((item, i) => convert(item, `${path}.${i}`, depth + 1));
    if (typeof v === 'object') {
      return Object.fromEntries(
        Object.entries(v as Record<string, unknown>).map(([k, item]) => [
          k,
          convert(item, `${path}.${k}`, depth + 1),
        ]),
      );
    }
    throw new ToolError(`Invalid arguments: ${path}: not a value Stripe takes`);
  };
  const out: Record<string, FormValue> = {};
  for (const [key, v] of Object.entries(value)) out[key] = convert(v, `${argument}.${key}`, 1);
  return out;
}

/** The `fields` of the update tools: parameters of Stripe's update endpoint, as JSON. */
export const updateFields = (what: string, example: string) =>
  z
    .record(z.string(), z.json())
    .refine((v) => Object.keys(v).length > 0, 'give at least one field to change')
    .describe(
      `Parameters of Stripe's update ${what} endpoint, as JSON (nested objects for nested parameters), e.g. ${example}`,
    );
