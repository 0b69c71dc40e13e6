import { z } from 'zod';
import { type AnyToolDef, type ToolDef, tool } from '../../../core/definition.js';
import { ToolError } from '../../../core/errors.js';
import type { ApiFactory, Deletion, HubSpotApi } from '../api.js';

/** The most records one call returns; also bounds the pages it may fetch. */
export const MAX_LIMIT = 1000;

// Scopes, as guMCP's catalog gives them to the tools.
export const CONTACTS_READ = 'crm.objects.contacts.read';
export const CONTACTS_WRITE = 'crm.objects.contacts.write';
export const COMPANIES_READ = 'crm.objects.companies.read';
export const COMPANIES_WRITE = 'crm.objects.companies.write';
export const DEALS_READ = 'crm.objects.deals.read';
export const DEALS_WRITE = 'crm.objects.deals.write';
export const TICKETS = 'tickets';
export const ECOMMERCE = 'e-commerce';
export const LISTS_READ = 'crm.lists.read';

/** A tool of this server: like `tool`, but its handler gets a HubSpot client bound to the tool's scopes. */
interface HubSpotToolDef<I extends z.ZodObject, O extends z.ZodObject>
  extends Omit<ToolDef<I, O>, 'handler' | 'scopes' | 'output'> {
  output: O;
  scopes: readonly [string, ...string[]];
  run(args: z.output<I>, hubspot: HubSpotApi): Promise<z.input<O>>;
}

export type ToolTable = Record<string, AnyToolDef>;

/** Makes the tool maker of one area's table, with clients from `connect`. */
export function toolMaker(connect: ApiFactory) {
  return <I extends z.ZodObject, O extends z.ZodObject>({ run, ...def }: HubSpotToolDef<I, O>) =>
    tool<I, O>({
      ...def,
      // The cast restates ToolDef's conditional return type, which TypeScript cannot resolve for generic O.
      handler: (args, ctx) => run(args, connect(ctx, def.scopes)) as ReturnType<ToolDef<I, O>['handler']>,
    });
}

export type ToolMaker = ReturnType<typeof toolMaker>;

// Arguments shared by the tools.

/** A HubSpot record id: digits, so it cannot step out of the URL path it is put in. */
export const recordId = (what: string) =>
  z
    .string()
    .trim()
    .regex(/^\d+$/, `must be the numeric id of the ${what}`)
    .describe(`Id of the ${what} (the number in its HubSpot URL)`);

export const limit = (fallback: number, max = MAX_LIMIT) =>
  z
    .number()
    .int()
    .min(1)
    .max(max)
    .default(fallback)
    .describe(`Maximum number of results (1-${max}, default ${fallback}); pages are followed up to it`);

export const after = z
  .string()
  .trim()
  .min(1)
  .optional()
  .describe('Where to start: the `next_after` of an earlier call (continues its listing)');

/** guMCP took arrays; a comma-separated string is accepted too. */
export const stringList = (describe: string) =>
  z
    .union([z.array(z.string()), z.string()])
    .transform((v) => (Array.isArray(v) ? v : v.split(',')).map((s) => s.trim()).filter(Boolean))
    .describe(describe);

export const propertyNames = (fallback: string) =>
  stringList(`Properties to return, by internal name (default: ${fallback})`).optional();

/** Extra properties to set, as guMCP took them: any value, sent to HubSpot as text. */
export const extraProperties = (what: string) =>
  z
    .record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]))
    .optional()
    .describe(
      `Other properties to set on the ${what}, by internal name (values are sent as text; null or "" clears one)`,
    );

export const text = (describe: string) => z.string().describe(describe);
export const number = (describe: string) =>
  z
    .union([
      z.number(),
      z
        .string()
        .trim()
        .regex(/^-?\d+(\.\d+)?$/, 'must be a number'),
    ])
    .describe(describe);

type Value = string | number | boolean | null | undefined;

/**
 * The properties a create or update sends: the named arguments, then `properties`, every value as
 * text. A property given both ways with different values is refused rather than guessed.
 */
export function propertiesOf(
  named: Readonly<Record<string, Value>>,
  extra: Readonly<Record<string, Value>> | undefined,
): Record<string, string> {
  const out: Record<string, string> = {};
  const asText = (v: Value) => (v === null || v === undefined ? '' : String(v));
  for (const [name, value] of Object.entries(named)) if (value !== undefined) out[name] = asText(value);
  for (const [name, value] of Object.entries(extra ?? {})) {
    if (value === undefined) continue;
    if (name in out && out[name] !== asText(value)) {
      throw new ToolError(
        `Invalid arguments: properties.${name} differs from the argument ${name}; give the value once`,
      );
    }
    out[name] = asText(value);
  }
  return out;
}

/** The properties of an update: at least one, or the call would change nothing. */
export function changes(
  named: Readonly<Record<string, Value>>,
  extra: Readonly<Record<string, Value>> | undefined,
): Record<string, string> {
  const out = propertiesOf(named, extra);
  if (!Object.keys(out).length) {
    throw new ToolError('Invalid arguments: give at least one property to change');
  }
  return out;
}

/** What a delete says it did: HubSpot's 404 means the record is not there, deleted before or never there. */
export const deletion = (what: string, id: string, done: Deletion, verb: string) =>
  done === 'deleted'
    ? `${what} ${id} ${verb}.`
    : `${what} ${id} is not in HubSpot: it was already deleted, or the id is wrong.`;

/** What a create says when HubSpot failed or did not answer: it may have gone through, and how to check. */
export const uncertainCreate = (what: string, check: string) =>
  `the ${what} may have been created: HubSpot has no idempotency key for creates, so it was not sent again. ${check}`;
