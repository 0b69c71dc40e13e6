import { z } from 'zod';
import { type AnyToolDef, type ToolDef, tool } from '../../core/definition.js';
import type { ApiFactory, IntercomApi } from './api.js';

/**
 * guMCP's permission names for Intercom (its catalog's `requiredScopes`). Intercom grants the
 * permissions ticked on the app in the Developer Hub; these name them in errors and the registry.
 */
export const SCOPES = {
  contactsRead: ['contacts.read'],
  contactsWrite: ['contacts.write'],
  conversationsWrite: ['conversations.write'],
  conversationTags: ['conversations.write', 'tags.write'],
  adminsRead: ['admins.read'],
  companiesRead: ['companies.read'],
  companiesWrite: ['companies.write'],
  contactCompany: ['contacts.write', 'companies.write'],
  articlesRead: ['articles.read'],
  articlesWrite: ['articles.write'],
  ticketsRead: ['tickets.read'],
  ticketsWrite: ['tickets.write'],
} as const;

/** An Intercom tool: like `tool`, but its handler gets an Intercom client bound to the tool's first scope. */
export interface IntercomToolDef<I extends z.ZodObject, O extends z.ZodObject>
  extends Omit<ToolDef<I, O>, 'handler' | 'scopes' | 'output'> {
  output: O;
  scopes: readonly [string, ...string[]];
  run(args: z.output<I>, intercom: IntercomApi): Promise<z.input<O>>;
}

export type IntercomTool = <I extends z.ZodObject, O extends z.ZodObject>(
  def: IntercomToolDef<I, O>,
) => AnyToolDef;

/** The tool maker of one server: its clients come from `connect` (the seam tests use). */
export function toolMaker(connect: ApiFactory): IntercomTool {
  return <I extends z.ZodObject, O extends z.ZodObject>({ run, ...def }: IntercomToolDef<I, O>) =>
    tool<I, O>({
      ...def,
      // The cast restates ToolDef's conditional return type, which TypeScript cannot resolve for generic O.
      handler: (args, ctx) => run(args, connect(ctx, def.scopes[0])) as ReturnType<ToolDef<I, O>['handler']>,
    }) as AnyToolDef;
}

// Arguments shared by the tools. Ids are checked so that none can step out of the path it is placed in.

/** An Intercom id: letters, digits, `_` and `-` (contacts and companies have hex ids, the rest digits). */
export const icId = (what: string) =>
  z
    .union([
      z
        .string()
        .trim()
        .regex(/^[\w-]{1,64}$/, `must be an Intercom ${what} id`),
      z.number().int().nonnegative(),
    ])
    .transform(String)
    .describe(`Intercom’s id of the ${what}`);

/** Ids of admins, tags, articles, collections, tickets and ticket types are digits. */
export const numericId = (what: string) =>
  z
    .union([
      z
        .string()
        .trim()
        .regex(/^\d{1,20}$/, `must be an Intercom ${what} id (digits)`),
      z.number().int().nonnegative(),
    ])
    .transform(String)
    .describe(`Intercom’s id of the ${what} (digits)`);

export const maxResults = (what: string, fallback: number, max = 1000) =>
  z
    .number()
    .int()
    .min(1)
    .max(max)
    .default(fallback)
    .describe(`Stop fetching pages once this many ${what} are collected (default ${fallback})`);

export const startingAfter = z
  .string()
  .trim()
  .min(1)
  .max(2000)
  .optional()
  .describe('next_cursor of an earlier call, to continue that list');

/** Custom attributes: names to strings, numbers, booleans or null. */
export const customAttributes = z
  .record(z.string().min(1), z.union([z.string(), z.number(), z.boolean(), z.null()]))
  .describe('Custom attributes by name (the data attributes must exist in Intercom)');
