import { z } from 'zod';
import { type AnyToolDef, type ToolDef, tool } from '../../../core/definition.js';
import { ToolError } from '../../../core/errors.js';
import {
  type ApiFactory,
  type ApolloApi,
  type ApolloObject,
  MAX_PER_PAGE,
  type SearchAnswer,
} from '../api.js';
import { TRIMMED, trim } from '../shapes.js';

/** A tool of this server: like `tool`, but its handler gets an Apollo client. */
interface ApolloToolDef<I extends z.ZodObject, O extends z.ZodObject>
  extends Omit<ToolDef<I, O>, 'handler' | 'output'> {
  output: O;
  run(args: z.output<I>, apollo: ApolloApi): Promise<z.input<O>>;
}

export type ToolTable = Record<string, AnyToolDef>;

/** Makes the tool maker of one area's table, with clients from `connect`. */
export function toolMaker(connect: ApiFactory) {
  return <I extends z.ZodObject, O extends z.ZodObject>({ run, ...def }: ApolloToolDef<I, O>) =>
    tool<I, O>({
      ...def,
      // The cast restates ToolDef's conditional return type, which TypeScript cannot resolve for generic O.
      handler: (args, ctx) => run(args, connect(ctx)) as ReturnType<ToolDef<I, O>['handler']>,
    });
}

export type ToolMaker = ReturnType<typeof toolMaker>;

/** The most records one call returns; pages are followed up to it. */
export const MAX_LIMIT = 1000;

// Arguments shared by the tools.

/** An Apollo id (24 hex digits today): letters and digits, so it stays one URL segment. */
export const apolloId = (what: string) =>
  z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_-]+$/, `must be the Apollo id of the ${what}, e.g. 66e34b81740c50074e3d1bd4`)
    .describe(`Apollo id of the ${what}`);

/** guMCP took arrays; a comma-separated string is accepted too. */
export const idList = (describe: string) =>
  z
    .union([z.array(z.string()), z.string()])
    .transform((v) => (Array.isArray(v) ? v : v.split(',')).map((s) => s.trim()).filter(Boolean))
    .pipe(z.array(z.string().regex(/^[A-Za-z0-9_-]+$/, 'must be Apollo ids')))
    .describe(describe);

export const text = (describe: string, max = 500) =>
  z.string().trim().min(1).max(max).optional().describe(describe);

export const paging = {
  page: z
    .number()
    .int()
    .min(1)
    .max(500)
    .optional()
    .describe('The page to start at (default 1; Apollo shows 500 pages at most)'),
  per_page: z
    .number()
    .int()
    .min(1)
    .max(MAX_PER_PAGE)
    .optional()
    .describe(`Results per page (1-${MAX_PER_PAGE}, default 25)`),
  limit: z
    .number()
    .int()
    .min(1)
    .max(MAX_LIMIT)
    .optional()
    .describe(
      `How many results in all (1-${MAX_LIMIT}): pages of per_page are followed up to it (best a multiple of ` +
        'per_page). Default: one page',
    ),
  full: z
    .boolean()
    .optional()
    .describe('Return whole Apollo objects instead of their main fields (default false)'),
};

/** Pages of one list as Apollo returns them, followed from `page` until `limit` or the last page. */
export async function pages(
  fetch: (page: number, perPage: number) => Promise<SearchAnswer>,
  list: string,
  args: { page?: number | undefined; per_page?: number | undefined; limit?: number | undefined },
): Promise<{ items: ApolloObject[]; pagination: ApolloObject; next_page?: number }> {
  const perPage = args.per_page ?? 25;
  const limit = args.limit ?? perPage;
  const items: ApolloObject[] = [];
  for (let page = args.page ?? 1; ; page++) {
    const answer = await fetch(page, perPage);
    const batch = Array.isArray(answer[list]) ? (answer[list] as ApolloObject[]) : [];
    items.push(...batch.slice(0, limit - items.length));
    const total = answer.pagination?.total_pages;
    const more = typeof total === 'number' ? page < total : batch.length >= perPage;
    if (!more || batch.length === 0 || items.length >= limit) {
      return {
        items,
        pagination: { ...answer.pagination },
        ...(more && batch.length > 0 ? { next_page: page + 1 } : {}),
      };
    }
  }
}

/** Whole objects, or their main fields. */
export const shaped = (items: ApolloObject[], kind: keyof typeof TRIMMED, full: boolean | undefined) =>
  full ? items : items.map((i) => trim(i, TRIMMED[kind]));

/** The fields of an update: at least one, or the call would change nothing. */
export function changes(fields: Record<string, unknown>, hint: string): ApolloObject {
  const body = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
  if (!Object.keys(body).length)
    throw new ToolError(`Invalid arguments: give at least one field to change (${hint})`);
  return body;
}

/** A person or record as results name it: "Ada Lovelace (66e3…)". */
export function named(object: ApolloObject | undefined, fallback: string): string {
  const o = object ?? {};
  const name =
    typeof o.name === 'string' && o.name
      ? o.name
      : [o.first_name, o.last_name].filter((p) => typeof p === 'string' && p).join(' ');
  const id = typeof o.id === 'string' ? o.id : '';
  return name ? `${name}${id ? ` (${id})` : ''}` : id || fallback;
}
