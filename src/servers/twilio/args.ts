import { z } from 'zod';
import { type ToolDef, tool } from '../../core/definition.js';
import type { ApiFactory, ListOptions, TwilioApi } from './api.js';

// Arguments shared by the tools. SIDs and names are checked so no argument can step out of the path
// it is placed in.

/** A SID: two letters naming the kind of resource, then 32 hexadecimal characters. */
export const sid = (prefix: string, what: string): z.ZodString =>
  z
    .string()
    .trim()
    .regex(
      new RegExp(`^(${prefix})[0-9a-fA-F]{32}$`),
      `must be a ${what} SID: ${prefix.replace('|', ' or ')} followed by 32 hexadecimal characters`,
    );

/** Where Twilio also takes a resource's unique name in place of its SID (conversations, in-progress rooms). */
export const sidOrName = (what: string): z.ZodString =>
  z
    .string()
    .trim()
    .min(1)
    .regex(/^[^/?#\\]+$/, `must be a ${what} SID or unique name (without / ? # or \\)`);

/** A phone number or channel address as Twilio takes it (E.164 like +14155552671, or whatsapp:+...). */
export const address = z.string().trim().min(1);

export const httpUrl = z
  .string()
  .trim()
  .refine((value) => {
    try {
      return ['http:', 'https:'].includes(new URL(value).protocol);
    } catch {
      return false;
    }
  }, 'must be an http(s) URL');

/** guMCP declared counts as integers; digit strings are taken too. */
const count = z.union([z.number(), z.string().regex(/^\d+$/, 'must be a whole number').transform(Number)]);

/** Most records one list call returns, pages followed. */
export const MAX_RESULTS = 1000;
const DEFAULT_PAGE = 50;

type Count = z.ZodPipe<typeof count, z.ZodNumber>;

/** The paging arguments of a list tool. */
export interface Paging {
  page_size: z.ZodDefault<Count>;
  page_token: z.ZodOptional<z.ZodString>;
  max_results: z.ZodOptional<Count>;
}

/** page_size (records per page, Twilio's PageSize), page_token and max_results, for a list whose pages hold `max`. */
export function paging(max: number): Paging {
  return {
    page_size: count
      .pipe(z.number().int().min(1).max(max))
      .default(DEFAULT_PAGE)
      .describe(
        `Records per page (1-${max}, default ${DEFAULT_PAGE}); also how many are returned unless max_results says more`,
      ),
    page_token: z
      .string()
      .trim()
      .regex(/^[\w%=&.~-]+$/, 'must be a next_page_token of an earlier call (or a Twilio PageToken)')
      .optional()
      .describe('Continue a list: the next_page_token of an earlier call'),
    max_results: count
      .pipe(z.number().int().min(1).max(MAX_RESULTS))
      .optional()
      .describe(
        `Most records to return in all (1-${MAX_RESULTS}; default page_size): pages are followed until then`,
      ),
  };
}

export function listOptions(args: {
  page_size: number;
  page_token?: string | undefined;
  max_results?: number | undefined;
}): ListOptions {
  return {
    pageSize: args.page_size,
    maxResults: args.max_results ?? args.page_size,
    cursor: args.page_token,
  };
}

/** For the fetch tools: the whole resource besides the trimmed fields. */
export const full = z
  .boolean()
  .default(false)
  .describe("Also return every field of Twilio's resource, under `resource`");

/** A Twilio tool: like `tool`, with a handler given a Twilio client. */
export interface TwilioToolDef<I extends z.ZodObject, O extends z.ZodObject>
  extends Omit<ToolDef<I, O>, 'handler' | 'output'> {
  output: O;
  run(args: z.output<I>, twilio: TwilioApi): Promise<z.input<O>>;
}

export type TwilioToolMaker = <I extends z.ZodObject, O extends z.ZodObject>(
  def: TwilioToolDef<I, O>,
) => ToolDef<I, O>;

/** Makes `twilioTool`, whose clients come from `connect` (the seam tests use to shorten retries). */
export function twilioToolMaker(connect: ApiFactory): TwilioToolMaker {
  return <I extends z.ZodObject, O extends z.ZodObject>({ run, ...def }: TwilioToolDef<I, O>) =>
    tool<I, O>({
      ...def,
      // The cast restates ToolDef's conditional return type, which TypeScript cannot resolve for generic O.
      handler: (args, ctx) => run(args, connect(ctx)) as ReturnType<ToolDef<I, O>['handler']>,
    });
}
