import { z } from 'zod';
import { type AnyToolDef, type ToolDef, tool } from '../../../core/definition.js';
import { ToolError } from '../../../core/errors.js';
import type { ApiFactory, KlaviyoApi, Resource, Walk } from '../api.js';

// Scopes, as Klaviyo's API reference gives them per endpoint (all among the scopes asked at sign-in).
export const PROFILES_READ = 'profiles:read';
export const PROFILES_WRITE = 'profiles:write';
export const CAMPAIGNS_READ = 'campaigns:read';
export const CAMPAIGNS_WRITE = 'campaigns:write';
export const LISTS_READ = 'lists:read';
export const LISTS_WRITE = 'lists:write';
export const METRICS_READ = 'metrics:read';

/** A tool of this server: like `tool`, but its handler gets a Klaviyo client bound to the tool's scopes. */
interface KlaviyoToolDef<I extends z.ZodObject, O extends z.ZodObject>
  extends Omit<ToolDef<I, O>, 'handler' | 'scopes' | 'output'> {
  output: O;
  scopes: readonly [string, ...string[]];
  run(args: z.output<I>, klaviyo: KlaviyoApi): Promise<z.input<O>>;
}

export type ToolTable = Record<string, AnyToolDef>;

export function toolMaker(connect: ApiFactory) {
  return <I extends z.ZodObject, O extends z.ZodObject>({ run, ...def }: KlaviyoToolDef<I, O>) =>
    tool<I, O>({
      ...def,
      // The cast restates ToolDef's conditional return type, which TypeScript cannot resolve for generic O.
      handler: (args, ctx) => run(args, connect(ctx, def.scopes)) as ReturnType<ToolDef<I, O>['handler']>,
    });
}

export type ToolMaker = ReturnType<typeof toolMaker>;

// Arguments

/** A Klaviyo id (profiles, campaigns, lists, metrics): letters, digits, `_` and `-` only. */
export const klaviyoId = (what: string) =>
  z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_-]{1,64}$/, `must be the id of a Klaviyo ${what}`)
    .describe(`The id of the ${what}`);

export const includeFields = (what: string) =>
  z
    .array(
      z
        .string()
        .trim()
        .regex(/^[a-z0-9_.]+$/, 'must be a field name such as email or location.city'),
    )
    .min(1)
    .optional()
    .describe(`Only these fields of the ${what} (Klaviyo's sparse fieldsets, e.g. ["email", "first_name"])`);

export const filter = (example: string) =>
  z.string().trim().min(1).max(2000).optional().describe(`A Klaviyo filter expression, e.g. ${example}`);

export const limit = (what: string, fallback: number, max = 1000) =>
  z
    .number()
    .int()
    .min(1)
    .max(max)
    .default(fallback)
    .describe(
      `How many ${what} to return at least (1-${max}, default ${fallback}); pages are followed until it is reached`,
    );

export const cursor = z
  .string()
  .trim()
  .min(1)
  .max(1000)
  .optional()
  .describe('Where to continue: the next_cursor of an earlier call with the same arguments');

// Results

/** A Klaviyo resource as the tools return it: its id and attributes side by side. */
export const resource = z.object({ id: z.string() }).catchall(z.unknown());
export const related = z.object({ type: z.string(), id: z.string() }).catchall(z.unknown());
export const nextCursor = z
  .string()
  .optional()
  .describe('Present when more exist: pass it as cursor to continue');

export const flat = (r: Resource): z.infer<typeof resource> => ({ id: r.id, ...(r.attributes ?? {}) });
export const flatRelated = (r: Resource): z.infer<typeof related> => ({
  type: r.type,
  id: r.id,
  ...(r.attributes ?? {}),
});

/** A walk's items and cursor, under the name a tool gives them. */
export function page<K extends string>(key: K, walk: Walk) {
  return {
    [key]: walk.items.map(flat),
    ...(walk.next_cursor ? { next_cursor: walk.next_cursor } : {}),
  } as { [P in K]: z.infer<typeof resource>[] } & { next_cursor?: string };
}

/** A value quoted for a filter expression (Klaviyo takes single or double quotes). */
export function quote(value: string, argument: string): string {
  if (!value.includes("'")) return `'${value}'`;
  if (!value.includes('"')) return `"${value}"`;
  throw new ToolError(`Invalid arguments: ${argument} cannot hold both ' and "`);
}

/** The query of a listing: filter, sparse fields, page size and cursor. */
export function listQuery(
  type: string,
  args: { filter?: string | undefined; include_fields?: string[] | undefined; cursor?: string | undefined },
  pageSize?: number,
): Record<string, string | number | undefined> {
  return {
    filter: args.filter,
    [`fields[${type}]`]: args.include_fields?.join(','),
    ...(pageSize !== undefined ? { 'page[size]': pageSize } : {}),
    'page[cursor]': args.cursor,
  };
}

export const defined = <T extends Record<string, unknown>>(o: T): Partial<T> =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
