import { z } from 'zod';
import { type AnyToolDef, type ToolDef, tool } from '../../../core/definition.js';
import type { ApiFactory, ApifyApi, Page } from '../api.js';
import { boundItems, type ItemsPage, itemsSchema, runSchema, toRun } from '../shapes.js';
import type { Run } from '../types.js';

/** A tool of this server: like `tool`, but its handler gets the Apify client of the call. */
interface ApifyToolDef<I extends z.ZodObject, O extends z.ZodObject>
  extends Omit<ToolDef<I, O>, 'handler' | 'output'> {
  output: O;
  run(args: z.output<I>, apify: ApifyApi): Promise<z.input<O>>;
}

export type ToolTable = Record<string, AnyToolDef>;

export function toolMaker(connect: ApiFactory) {
  return <I extends z.ZodObject, O extends z.ZodObject>({ run, ...def }: ApifyToolDef<I, O>) =>
    tool<I, O>({
      ...def,
      // The cast restates ToolDef's conditional return type, which TypeScript cannot resolve for generic O.
      handler: (args, ctx) => run(args, connect(ctx)) as ReturnType<ToolDef<I, O>['handler']>,
    });
}

export type ToolMaker = ReturnType<typeof toolMaker>;

// Arguments shared by the tools.

/**
 * An Apify id: the id itself (`HG7ML7M8z78YcAPEB`) or `username~name`; `username/name`, as the Store
 * writes it, becomes `username~name`, as the API takes it. Checked so it cannot step out of its path.
 */
export const apifyId = (what: string) =>
  z
    .string()
    .trim()
    .transform((v) => v.replace('/', '~'))
    .pipe(
      z
        .string()
        .regex(
          /^(?![.~])[A-Za-z0-9._~-]{1,200}$/,
          `must be an Apify ${what} id or username~${what.split(' ').at(-1)}-name`,
        ),
    )
    .describe(`The ${what}: its id, or username~name (username/name works too)`);

/** guMCP's free-form `body`: a JSON object passed to Apify as it is. */
export const body = (what: string) => z.record(z.string(), z.unknown()).describe(what);

export const limit = (fallback: number) =>
  z
    .number()
    .int()
    .min(1)
    .max(10_000)
    .default(fallback)
    .describe(`Most to return (default ${fallback}); pages of up to 1000 are followed up to it`);

export const offset = z
  .number()
  .int()
  .min(0)
  .default(0)
  .describe('How many to skip: the next_offset of an earlier call continues its listing');

export const desc = (newestFirst: boolean) =>
  z
    .boolean()
    .default(newestFirst)
    .describe(`Newest first (default ${newestFirst ? 'true' : 'false: oldest first, as Apify lists'})`);

/** The paging part of a listing's answer. */
export const pagedShape = {
  count: z.number().int(),
  total: z.number().nullable(),
  next_offset: z.number().nullable().describe('When not null: pass it as offset to get the next ones'),
};

export function paged<T>(page: Page<T>): { count: number; total: number | null; next_offset: number | null } {
  return { count: page.items.length, total: page.total, next_offset: page.next };
}

// Reading dataset items, for run results and list_datasets.

export const itemArgs = {
  fields: z
    .array(
      z
        .string()
        .trim()
        .regex(/^[^,]{1,200}$/, 'must be a field name (no commas)'),
    )
    .min(1)
    .max(100)
    .optional()
    .describe('Return only these fields of each item (e.g. ["url", "title"]): smaller, so more items fit'),
  max_bytes: z
    .number()
    .int()
    .min(1000)
    .max(1_000_000)
    .default(20_000)
    .describe('Most bytes of items to return (default 20000); the rest is read from nextOffset'),
};

/** Reads a page of items and keeps what fits in `maxBytes`; nextOffset continues after what was kept. */
export async function readItems(
  apify: ApifyApi,
  datasetId: string,
  offset: number,
  limit: number,
  fields: string[] | undefined,
  maxBytes: number,
): Promise<ItemsPage> {
  const answer = await apify.items(datasetId, offset, limit, fields);
  const { kept, cut } = boundItems(answer.items, maxBytes);
  const after = answer.offset + kept.length;
  const more =
    answer.total !== null
      ? after < answer.total
      : kept.length < answer.items.length || answer.items.length === limit;
  return {
    datasetId,
    total: answer.total,
    offset: answer.offset,
    count: kept.length,
    items: kept,
    nextOffset: more ? after : null,
    cutToBytes: cut,
  };
}

// Running an Actor or a task and collecting its results.

export const runArgs = {
  wait_secs: z
    .number()
    .int()
    .min(0)
    .max(3600)
    .default(300)
    .describe(
      'How long to wait for the run to finish, with progress notifications (default 300 s; 0 returns as soon as ' +
        'it starts). A run still going then is returned as it stands and goes on at Apify; cancelling the call ' +
        'aborts the run.',
    ),
  items_limit: z
    .number()
    .int()
    .min(0)
    .max(1000)
    .default(10)
    .describe('How many result items of a finished run to return (default 10; 0 for none)'),
  ...itemArgs,
  build: z
    .string()
    .trim()
    .max(100)
    .optional()
    .describe('Build tag or number to run (default the Actor’s default, latest)'),
  memory_mbytes: z
    .number()
    .int()
    .min(128)
    .max(32_768)
    .optional()
    .describe('Memory for the run in megabytes, a power of 2 (default the Actor’s)'),
  timeout_secs: z.number().int().min(1).optional().describe('Apify stops the run after this many seconds'),
  max_items: z
    .number()
    .int()
    .min(1)
    .optional()
    .describe('For Actors paid per result: the most items it may charge for'),
  max_total_charge_usd: z
    .number()
    .positive()
    .optional()
    .describe('For Actors paid per event: the most the run may cost, in USD'),
};

const runArgsSchema = z.object(runArgs);
type RunArgs = z.output<typeof runArgsSchema>;

export const runResultSchema = z.object({
  run: runSchema,
  finished: z.boolean().describe('False when the run was still going when the wait ended'),
  items: itemsSchema.nullable().describe('The first result items of a finished run (its default dataset)'),
  next: z.string().describe('How to follow the run or read more of its results'),
});

/** Starts a run, waits for it (progress, cancellation aborts it) and reads its first results. */
export async function runAndCollect(
  apify: ApifyApi,
  owner: 'actors' | 'actor-tasks',
  id: string,
  input: Record<string, unknown> | undefined,
  args: RunArgs,
  listTool: string,
): Promise<z.input<typeof runResultSchema>> {
  const started = await apify.startRun(owner, id, input, {
    build: args.build,
    memory: args.memory_mbytes,
    timeout: args.timeout_secs,
    maxItems: args.max_items,
    maxTotalChargeUsd: args.max_total_charge_usd,
  });
  const what = `actor run ${started.id} of ${owner === 'actors' ? 'Actor' : 'task'} ${id}`;
  const { job: run, finished } = await apify.wait<Run>('run', started, what, args.wait_secs * 1000);
  const dataset = run.defaultDatasetId;
  const follow = `${listTool} with ${owner === 'actors' ? 'actor_id' : 'task_id'} ${id} shows its status`;
  if (!finished) {
    return {
      run: toRun(run),
      finished: false,
      items: null,
      next:
        `Run ${run.id} is ${run.status} and goes on at Apify: ${follow}; once it has SUCCEEDED, list_datasets with ` +
        `dataset_id ${dataset} reads its results.`,
    };
  }
  const items =
    args.items_limit > 0
      ? await readItems(apify, dataset, 0, args.items_limit, args.fields, args.max_bytes)
      : null;
  const more = items?.nextOffset ?? (items ? null : 0);
  return {
    run: toRun(run),
    finished: true,
    items,
    next:
      more === null
        ? `Run ${run.id} SUCCEEDED; all its result items are above.`
        : `Run ${run.id} SUCCEEDED; list_datasets with dataset_id ${dataset} and offset ${more} reads more of its results.`,
  };
}
