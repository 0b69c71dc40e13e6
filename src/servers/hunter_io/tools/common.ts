import { z } from 'zod';
import { type AnyToolDef, type ToolDef, tool } from '../../../core/definition.js';
import type { ApiFactory, HunterApi, Page } from '../api.js';

/** The most items one listing call returns; also bounds the pages it fetches. */
export const MAX_LIMIT = 1000;

/** Said by every tool that spends the plan's credits. */
export const CREDITS =
  'Consumes credits from the Hunter plan’s monthly allowance (a lookup that finds nothing is free).';

/** A tool of this server: like `tool`, but its handler gets the Hunter client of the call. */
interface HunterToolDef<I extends z.ZodObject, O extends z.ZodObject>
  extends Omit<ToolDef<I, O>, 'handler' | 'output'> {
  output: O;
  run(args: z.output<I>, hunter: HunterApi): Promise<z.input<O>>;
}

export type ToolTable = Record<string, AnyToolDef>;

/** Makes the tool maker of one area's table, with clients from `connect`. */
export function toolMaker(connect: ApiFactory) {
  return <I extends z.ZodObject, O extends z.ZodObject>({ run, ...def }: HunterToolDef<I, O>) =>
    tool<I, O>({
      ...def,
      // The cast restates ToolDef's conditional return type, which TypeScript cannot resolve for generic O.
      handler: (args, ctx) => run(args, connect(ctx)) as ReturnType<ToolDef<I, O>['handler']>,
    });
}

export type ToolMaker = ReturnType<typeof toolMaker>;

// Arguments shared by the tools.

/** A numeric Hunter id (lead, leads list, campaign), so it cannot step out of the URL path it goes in. */
export const id = (what: string) => z.number().int().positive().describe(`Id of the ${what}`);

export const email = z.string().trim().email();

/** A domain name; a pasted URL (`https://www.stripe.com/about`) is cut down to its host. */
export const domain = z
  .string()
  .trim()
  .transform((v) =>
    v
      .replace(/^[a-z][a-z0-9+.-]*:\/\//i, '')
      .replace(/[/?#].*$/, '')
      .toLowerCase(),
  )
  .pipe(
    z
      .string()
      .regex(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/, 'must be a domain name such as stripe.com')
      .max(253),
  );

export const limit = (fallback: number, max = MAX_LIMIT) =>
  z
    .number()
    .int()
    .min(1)
    .max(max)
    .default(fallback)
    .describe(`Maximum number of results (1-${max}, default ${fallback}); pages are followed up to it`);

export const offset = z
  .number()
  .int()
  .min(0)
  .default(0)
  .describe('How many to skip: the next_offset of an earlier call continues its listing');

/** The paging part of a listing's answer. */
export function paged<T>(page: Page<T>): { total: number | null; next_offset?: number } {
  return { total: page.total ?? null, ...(page.next !== undefined ? { next_offset: page.next } : {}) };
}

/** "1 lead" / "3 leads". */
export const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
