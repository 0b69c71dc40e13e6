import { z } from 'zod';
import { type AnyToolDef, type ToolDef, tool } from '../../../core/definition.js';
import { ToolError } from '../../../core/errors.js';
import type { ApiFactory, ListResult, PostHogApi, Rec } from '../api.js';

/** A tool of this server: like `tool`, but its handler gets a PostHog client. */
interface PostHogToolDef<I extends z.ZodObject, O extends z.ZodObject>
  extends Omit<ToolDef<I, O>, 'handler' | 'output'> {
  output: O;
  run(args: z.output<I>, api: PostHogApi): Promise<z.input<O>>;
}

export type ToolTable = Record<string, AnyToolDef>;

/** Makes the tool maker of one area's table, with clients from `connect`. */
export function toolMaker(connect: ApiFactory) {
  return <I extends z.ZodObject, O extends z.ZodObject>({ run, ...def }: PostHogToolDef<I, O>) =>
    tool<I, O>({
      ...def,
      // The cast restates ToolDef's conditional return type, which TypeScript cannot resolve for generic O.
      handler: (args, ctx) => run(args, connect(ctx)) as ReturnType<ToolDef<I, O>['handler']>,
    });
}

export type ToolMaker = ReturnType<typeof toolMaker>;

/**
 * The subject of a call about the project itself (a list, a creation): PostHog's 404 then means the
 * project, and the API names the id it resolved (the tool's project_id, or the one of the sign-in).
 */
export const THE_PROJECT = { what: 'Project', id: 'of the call' } as const;

// Arguments shared by the tools.

/** A PostHog numeric id (guMCP typed them as integers); a numeric string is taken too. */
export const recordId = (what: string) =>
  z
    .union([z.number(), z.string()])
    .transform((v, ctx) => {
      const s = typeof v === 'number' ? (Number.isSafeInteger(v) ? String(v) : '') : v.trim();
      if (!/^\d{1,18}$/.test(s) || s === '0') {
        ctx.addIssue({ code: 'custom', message: `must be the numeric id of the ${what}` });
        return z.NEVER;
      }
      return s;
    })
    .describe(`Id of the ${what} (a number)`);

export const projectId = recordId('project')
  .optional()
  .describe(
    'PostHog project id (a number, in the project’s web address); default: the project chosen at sign-in',
  );

/** guMCP gave every project tool this argument; only the capture and flag tools need it. */
export const unusedProjectToken = z
  .string()
  .optional()
  .describe(
    'Not needed here (only the capture and flag tools use a project API key); accepted as guMCP accepted it',
  );

/** Where a project tool works, in guMCP's two arguments. */
export const projectArgs = { project_id: projectId, project_api_token: unusedProjectToken };

export const limit = (fallback: number) =>
  z
    .number()
    .int()
    .min(1)
    .max(1000)
    .default(fallback)
    .describe(`Most records to return (default ${fallback}, at most 1000; pages are followed up to it)`);

export const offset = z
  .number()
  .int()
  .min(0)
  .optional()
  .describe('Records to skip: the next_offset of an earlier call continues it');

export const full = z
  .boolean()
  .optional()
  .describe('Also return the record exactly as PostHog gave it (default false)');

export const jsonObject = (what: string) => z.record(z.string(), z.unknown()).describe(what);

export const listOutput = {
  count: z.number().nullable().describe('Records in the whole list, when PostHog says'),
  next_offset: z
    .number()
    .nullable()
    .describe('Pass as offset (with the same limit) to continue; null at the end'),
};

export const raw = z
  .record(z.string(), z.unknown())
  .optional()
  .describe('The record as PostHog gave it (full: true)');

/** The record as PostHog gave it when asked for. */
export const rawIf = (wanted: boolean | undefined, record: Rec): { raw?: Rec } =>
  wanted ? { raw: record } : {};

/** A list's paging fields for the output. */
export const paging = (list: ListResult) => ({ count: list.count, next_offset: list.next_offset });

/** The fields of a PATCH that were given (undefined ones are left as they are). */
export function given(fields: Readonly<Record<string, unknown>>): Rec {
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
}

/** Refuses an update that changes nothing, naming the arguments that would. */
export function someChange(body: Rec, names: readonly string[]): void {
  if (Object.keys(body).length === 0)
    throw new ToolError(`Give at least one of ${names.join(', ')} to change`);
}
