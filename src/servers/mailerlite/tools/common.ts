import { z } from 'zod';
import { type AnyToolDef, type ToolDef, tool } from '../../../core/definition.js';
import { type ApiFactory, type MailerLiteApi, PAGE_SIZE } from '../api.js';

/** A tool of this server: like `tool`, but its handler gets a MailerLite client. */
interface MailerLiteToolDef<I extends z.ZodObject, O extends z.ZodObject>
  extends Omit<ToolDef<I, O>, 'handler' | 'output'> {
  output: O;
  run(args: z.output<I>, api: MailerLiteApi): Promise<z.input<O>>;
}

export type ToolTable = Record<string, AnyToolDef>;

/** Makes the tool maker of one area's table, with clients from `connect`. */
export function toolMaker(connect: ApiFactory) {
  return <I extends z.ZodObject, O extends z.ZodObject>({ run, ...def }: MailerLiteToolDef<I, O>) =>
    tool<I, O>({
      ...def,
      // The cast restates ToolDef's conditional return type, which TypeScript cannot resolve for generic O.
      handler: (args, ctx) => run(args, connect(ctx)) as ReturnType<ToolDef<I, O>['handler']>,
    });
}

export type ToolMaker = ReturnType<typeof toolMaker>;

// Arguments shared by the tools.

/**
 * A MailerLite id. guMCP typed ids as numbers, but MailerLite's are up to 19 digits, more than a JSON
 * number carries exactly: 129543796892370121 arrives as 129543796892370130, the id of another record
 * (or of none). A number is taken only while it is exact; a larger one must come as a string.
 */
export const recordId = (what: string) =>
  z
    .union([z.string(), z.number()])
    .transform((v, ctx) => {
      if (typeof v === 'number') {
        if (Number.isSafeInteger(v) && v > 0) return String(v);
        ctx.addIssue({
          code: 'custom',
          message:
            Number.isInteger(v) && v > 0
              ? `pass the ${what} id as a string ("..."): as a number it is too large to arrive exactly and would name another ${what}`
              : `must be the numeric id of the ${what}`,
        });
        return z.NEVER;
      }
      const s = v.trim();
      if (!/^\d{1,20}$/.test(s)) {
        ctx.addIssue({ code: 'custom', message: `must be the numeric id of the ${what}` });
        return z.NEVER;
      }
      return s;
    })
    .describe(
      `Id of the ${what} (digits; as a string, since MailerLite ids exceed what a JSON number carries exactly)`,
    );

/** Most results a list returns: one page of up to 100, or whole pages of 100 beyond. */
export const limit = (fallback: number) =>
  z
    .number()
    .int()
    .min(1)
    .max(1000)
    .refine((n) => n <= PAGE_SIZE || n % PAGE_SIZE === 0, {
      message: `above ${PAGE_SIZE}, give a multiple of ${PAGE_SIZE} (MailerLite pages hold at most ${PAGE_SIZE})`,
    })
    .default(fallback)
    .describe(
      `Most results to return (default ${fallback}; 1-${PAGE_SIZE}, or a multiple of ${PAGE_SIZE} up to 1000: pages are followed up to it)`,
    );

export const page = z
  .number()
  .int()
  .min(1)
  .optional()
  .describe('Page to start from (default 1): the next_page of an earlier call continues it');

export const cursor = z
  .string()
  .trim()
  .min(1)
  .optional()
  .describe('Where to continue: the next_cursor of an earlier call');

export const SUBSCRIBER_STATUSES = ['active', 'unsubscribed', 'unconfirmed', 'bounced', 'junk'] as const;

export const full = z
  .boolean()
  .optional()
  .describe('Also return the record exactly as MailerLite gave it (default false)');

export const name = (what: string) => z.string().trim().min(1).max(255).describe(what);

/** A list's paging fields in the output. */
export const pagedOutput = {
  next_page: z
    .number()
    .int()
    .nullable()
    .describe('Pass as page (with the same limit) to continue; null at the end'),
  total: z.number().int().nullable().describe('Records in the whole list, when MailerLite says'),
};

export const cursorOutput = {
  next_cursor: z
    .string()
    .nullable()
    .describe('Pass as cursor (with the same limit) to continue; null at the end'),
};

/** `filter[...]` query parameters of the given values, leaving out those not given. */
export function filters(values: Readonly<Record<string, string | undefined>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(values)) if (v !== undefined && v !== '') out[`filter[${k}]`] = v;
  return out;
}
