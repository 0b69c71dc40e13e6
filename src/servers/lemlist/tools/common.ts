import { z } from 'zod';
import type { ToolContext } from '../../../core/context.js';
import { type AnyToolDef, type ToolDef, tool } from '../../../core/definition.js';
import type { ApiFactory, LemlistApi } from '../api.js';

/** A tool of this server: like `tool`, but its handler gets a lemlist client. */
interface LemlistToolDef<I extends z.ZodObject, O extends z.ZodObject>
  extends Omit<ToolDef<I, O>, 'handler' | 'output'> {
  output: O;
  run(args: z.output<I>, lemlist: LemlistApi, ctx: ToolContext): Promise<z.input<O>>;
}

export type ToolTable = Record<string, AnyToolDef>;

/** Makes the tool maker of one area's table, with clients from `connect`. */
export function toolMaker(connect: ApiFactory) {
  return <I extends z.ZodObject, O extends z.ZodObject>({ run, ...def }: LemlistToolDef<I, O>) =>
    tool<I, O>({
      ...def,
      // The cast restates ToolDef's conditional return type, which TypeScript cannot resolve for generic O.
      handler: (args, ctx) => run(args, connect(ctx), ctx) as ReturnType<ToolDef<I, O>['handler']>,
    });
}

export type ToolMaker = ReturnType<typeof toolMaker>;

// Arguments shared by the tools.

/** A lemlist id (cam_…, skd_…, lea_…, usr_…): letters, digits, `_` and `-`, so it stays one URL segment. */
export const lemlistId = (what: string, prefix: string) =>
  z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_-]+$/, `must be the id of the ${what}, e.g. ${prefix}_aBcD1234`)
    .describe(`Id of the ${what} (${prefix}_…)`);

export const campaignId = lemlistId('campaign', 'cam');
export const scheduleId = lemlistId('schedule', 'skd');

export const email = (describe: string) => z.string().trim().toLowerCase().email().describe(describe);

/** An email address, or a whole domain written `@domain.com`, as lemlist's unsubscribe list takes them. */
export const emailOrDomain = z
  .string()
  .trim()
  .toLowerCase()
  .refine(
    (v) => z.email().safeParse(v).success || /^@[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(v),
    'must be an email address or a domain written @domain.com',
  )
  .describe('Email address, or a whole domain written @domain.com');

export const sortOrder = z
  .enum(['desc', 'asc'])
  .optional()
  .describe('desc (newest first, the default) or asc');

export const sortBy = z
  .enum(['createdAt'])
  .optional()
  .describe('Field to sort by: createdAt (the only one lemlist supports)');

export const offset = z.number().int().min(0).optional().describe('How many to skip first (default 0)');

/** A person as a result names them: "Ada Lovelace <ada@example.com>", or the email alone. */
export function person(
  lead: { email?: unknown; firstName?: unknown; lastName?: unknown },
  fallback = '',
): string {
  const email = typeof lead.email === 'string' && lead.email ? lead.email : fallback;
  const name = [lead.firstName, lead.lastName].filter((p) => typeof p === 'string' && p.trim()).join(' ');
  if (name && email) return `${name} <${email}>`;
  return name || email || 'the lead';
}

/** A campaign as a result names it: `"Launch" (cam_1)`, or its id alone. */
export function campaignLabel(id: string, name?: unknown): string {
  return typeof name === 'string' && name ? `"${name}" (${id})` : id;
}
