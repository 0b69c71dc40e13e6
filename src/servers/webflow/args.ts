import { z } from 'zod';
import { type ToolDef, tool } from '../../core/definition.js';
import type { ApiFactory, WebflowApi } from './api.js';

/** The most records a list tool returns in one call (10 of Webflow's pages of 100). */
export const MAX_LIMIT = 1000;

// Arguments shared by the tools. Ids are checked so no argument can step out of the path it is placed in.

export const webflowId = (what: string) =>
  z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_-]+$/, `must be a Webflow ${what} id`)
    .describe(`Unique identifier of the ${what}`);

export const siteId = webflowId('site');
export const collectionId = webflowId('collection');
export const itemId = webflowId('item');

/** guMCP declared its counts as numbers; digit strings are taken too. */
const count = z.union([z.number(), z.string().regex(/^\d+$/, 'must be a whole number').transform(Number)]);

export const paging = {
  limit: count
    .pipe(z.number().int().min(1).max(MAX_LIMIT))
    .default(100)
    .describe(`Most records to return (1-${MAX_LIMIT}, default 100); Webflow's pages of 100 are followed`),
  offset: count
    .pipe(z.number().int().min(0))
    .default(0)
    .describe('Records to skip first (the next_offset of an earlier call)'),
};

export const localeId = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_-]+$/, 'must be a Webflow locale id')
  .optional()
  .describe('Site locale id (sites list their locales); default the primary locale');

export const cmsLocaleId = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_-]+(,[A-Za-z0-9_-]+)*$/, 'must be a CMS locale id (or several, comma-separated)')
  .optional()
  .describe(
    "CMS locale id (a locale's cmsLocaleId in get_site), not the site locale id; default the primary",
  );

/** A Webflow tool: like `tool`, with one OAuth scope and a handler given a Webflow client bound to it. */
export interface WebflowToolDef<I extends z.ZodObject, O extends z.ZodObject>
  extends Omit<ToolDef<I, O>, 'handler' | 'scopes' | 'output'> {
  output: O;
  scope: string;
  run(args: z.output<I>, webflow: WebflowApi): Promise<z.input<O>>;
}

export type WebflowToolMaker = <I extends z.ZodObject, O extends z.ZodObject>(
  def: WebflowToolDef<I, O>,
) => ToolDef<I, O>;

/** Makes `webflowTool`, whose clients come from `connect` (the seam tests use to shorten retries). */
export function webflowToolMaker(connect: ApiFactory): WebflowToolMaker {
  return <I extends z.ZodObject, O extends z.ZodObject>({ run, scope, ...def }: WebflowToolDef<I, O>) =>
    tool<I, O>({
      ...def,
      scopes: [scope],
      // The cast restates ToolDef's conditional return type, which TypeScript cannot resolve for generic O.
      handler: (args, ctx) => run(args, connect(ctx, scope)) as ReturnType<ToolDef<I, O>['handler']>,
    });
}
