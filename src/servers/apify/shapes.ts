import { z } from 'zod';
import type { Actor, Build, Dataset, Run, Task } from './types.js';

/**
 * What the tools return: Apify's objects cut to the fields that matter, under Apify's own field names
 * (so its documentation explains them, and `full: true` on get_actor and get_task adds the whole
 * object, `apifyObject`, with the same names). Lists carry summaries; Console links lead to the rest.
 */

const CONSOLE = 'https://console.apify.com';

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** With `full: true`, Apify's whole object rides beside the summary. */
const apifyObject = z
  .record(z.string(), z.unknown())
  .optional()
  .describe('With full: Apify’s whole object, every field as the API gives it');

export const runSchema = z.object({
  id: z.string(),
  actId: z.string(),
  actorTaskId: z.string().nullable(),
  status: z
    .string()
    .describe('READY, RUNNING, SUCCEEDED, FAILED, TIMING-OUT, TIMED-OUT, ABORTING or ABORTED'),
  statusMessage: z.string().nullable().describe('What the Actor last said about its progress'),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  buildNumber: z.string().nullable(),
  exitCode: z.number().nullable(),
  defaultDatasetId: z
    .string()
    .describe('Where the run stores its results (list_datasets with dataset_id reads them)'),
  defaultKeyValueStoreId: z.string(),
  usageTotalUsd: z.number().nullable().describe('What the run cost so far, in USD'),
  runTimeSecs: z.number().nullable(),
  consoleUrl: z.string(),
});

export function toRun(run: Run): z.input<typeof runSchema> {
  return {
    id: run.id,
    actId: run.actId,
    actorTaskId: str(run.actorTaskId),
    status: run.status,
    statusMessage: str(run.statusMessage),
    startedAt: run.startedAt,
    finishedAt: str(run.finishedAt),
    buildNumber: str(run.buildNumber),
    exitCode: num(run.exitCode),
    defaultDatasetId: run.defaultDatasetId,
    defaultKeyValueStoreId: run.defaultKeyValueStoreId,
    usageTotalUsd: num(run.usageTotalUsd),
    runTimeSecs: num(run.stats?.runTimeSecs),
    consoleUrl: `${CONSOLE}/view/runs/${run.id}`,
  };
}

export const buildSchema = z.object({
  id: z.string(),
  actId: z.string().nullable(),
  status: z.string(),
  buildNumber: z.string(),
  versionNumber: z.string().nullable(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  usageTotalUsd: z.number().nullable(),
  consoleUrl: z.string(),
});

export function toBuild(build: Build): z.input<typeof buildSchema> {
  return {
    id: build.id,
    actId: str(build.actId),
    status: build.status,
    buildNumber: build.buildNumber,
    versionNumber: str(build.actVersion?.versionNumber),
    startedAt: build.startedAt,
    finishedAt: str(build.finishedAt),
    usageTotalUsd: num(build.usageTotalUsd),
    consoleUrl: `${CONSOLE}/view/builds/${build.id}`,
  };
}

export const actorSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  username: z.string(),
  title: z.string().nullable(),
  createdAt: z.string(),
  modifiedAt: z.string(),
  totalRuns: z.number().nullable(),
  lastRunStartedAt: z.string().nullable(),
});

export function toActorSummary(actor: Actor): z.input<typeof actorSummarySchema> {
  return {
    id: actor.id,
    name: actor.name,
    username: actor.username,
    title: str(actor.title),
    createdAt: actor.createdAt,
    modifiedAt: actor.modifiedAt,
    totalRuns: num(actor.stats?.totalRuns),
    lastRunStartedAt: str(actor.stats?.lastRunStartedAt),
  };
}

export const actorSchema = z.object({
  ...actorSummarySchema.shape,
  description: z.string().nullable(),
  isPublic: z.boolean().nullable(),
  isDeprecated: z.boolean().nullable(),
  pricingModel: z
    .string()
    .nullable()
    .describe('FREE, FLAT_PRICE_PER_MONTH, PRICE_PER_DATASET_ITEM or PAY_PER_EVENT'),
  versions: z
    .array(
      z.object({
        versionNumber: z.string(),
        sourceType: z.string().nullable(),
        buildTag: z.string().nullable(),
        source: z
          .string()
          .nullable()
          .describe('The Git repository, tarball or gist URL, when not source files'),
        sourceFileCount: z.number().nullable(),
      }),
    )
    .describe('Source code versions (build_actor builds one); file contents are left out'),
  defaultRunOptions: z.record(z.string(), z.unknown()).nullable(),
  taggedBuilds: z
    .record(z.string(), z.object({ buildId: z.string().nullable(), buildNumber: z.string().nullable() }))
    .describe('Build tags (latest, beta…) and the builds they name'),
  consoleUrl: z.string(),
  apifyObject,
});

export function toActor(actor: Actor): z.input<typeof actorSchema> {
  const tagged = Object.entries(actor.taggedBuilds ?? {}).filter(([, b]) => b);
  return {
    ...toActorSummary(actor),
    description: str(actor.description),
    isPublic: typeof actor.isPublic === 'boolean' ? actor.isPublic : null,
    isDeprecated: typeof actor.isDeprecated === 'boolean' ? actor.isDeprecated : null,
    pricingModel: str(actor.pricingInfos?.at(-1)?.pricingModel),
    versions: (actor.versions ?? []).map((v) => ({
      versionNumber: v.versionNumber,
      sourceType: str(v.sourceType),
      buildTag: str(v.buildTag),
      source: str(v.gitRepoUrl) ?? str(v.tarballUrl) ?? str(v.gitHubGistUrl),
      sourceFileCount: Array.isArray(v.sourceFiles) ? v.sourceFiles.length : null,
    })),
    defaultRunOptions: actor.defaultRunOptions ?? null,
    taggedBuilds: Object.fromEntries(
      tagged.map(([tag, b]) => [tag, { buildId: str(b?.buildId), buildNumber: str(b?.buildNumber) }]),
    ),
    consoleUrl: `${CONSOLE}/actors/${actor.id}`,
  };
}

export const taskSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  title: z.string().nullable(),
  actId: z.string(),
  actName: z.string().nullable(),
  actUsername: z.string().nullable(),
  createdAt: z.string(),
  modifiedAt: z.string(),
  totalRuns: z.number().nullable(),
});

export function toTaskSummary(task: Task): z.input<typeof taskSummarySchema> {
  return {
    id: task.id,
    name: task.name,
    title: str(task.title),
    actId: task.actId,
    actName: str(task.actName),
    actUsername: str(task.actUsername),
    createdAt: task.createdAt,
    modifiedAt: task.modifiedAt,
    totalRuns: num(task.stats?.totalRuns),
  };
}

export const taskSchema = z.object({
  ...taskSummarySchema.shape,
  options: z
    .record(z.string(), z.unknown())
    .nullable()
    .describe('Run options: build, timeoutSecs, memoryMbytes…'),
  input: z.record(z.string(), z.unknown()).nullable().describe('The input the task runs its Actor with'),
  consoleUrl: z.string(),
  apifyObject,
});

export function toTask(task: Task): z.input<typeof taskSchema> {
  return {
    ...toTaskSummary(task),
    options: task.options ?? null,
    input: task.input ?? null,
    consoleUrl: `${CONSOLE}/actors/tasks/${task.id}`,
  };
}

export const datasetSchema = z.object({
  id: z.string(),
  name: z.string().nullable(),
  title: z.string().nullable(),
  itemCount: z.number().nullable(),
  cleanItemCount: z.number().nullable(),
  createdAt: z.string().nullable(),
  modifiedAt: z.string().nullable(),
  actId: z.string().nullable(),
  actRunId: z.string().nullable(),
});

export function toDataset(d: Dataset): z.input<typeof datasetSchema> {
  return {
    id: d.id,
    name: str(d.name),
    title: str(d.title),
    itemCount: num(d.itemCount),
    cleanItemCount: num(d.cleanItemCount),
    createdAt: str(d.createdAt),
    modifiedAt: str(d.modifiedAt),
    actId: str(d.actId),
    actRunId: str(d.actRunId),
  };
}

/** A page of a dataset's items, bounded in bytes, and where the next page starts. */
export const itemsSchema = z.object({
  datasetId: z.string(),
  total: z.number().nullable().describe('Items in the dataset'),
  offset: z.number(),
  count: z.number().describe('Items returned here'),
  items: z.array(z.unknown()),
  nextOffset: z
    .number()
    .nullable()
    .describe('When not null: list_datasets with dataset_id and this offset reads the next items'),
  cutToBytes: z
    .boolean()
    .describe('True when max_bytes stopped the page early or shortened an item’s long values'),
});

export type ItemsPage = z.input<typeof itemsSchema>;

/** Longest text or list kept inside an item that alone is larger than the byte bound. */
const LONG_TEXT = 1000;
const LONG_LIST = 50;

function shorten(value: unknown): unknown {
  if (typeof value === 'string') return value.length > LONG_TEXT ? `${value.slice(0, LONG_TEXT)}…` : value;
  if (Array.isArray(value)) return value.slice(0, LONG_LIST).map(shorten);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shorten(v)]));
  }
  return value;
}

/**
 * Keeps items while their JSON stays within `maxBytes`. At least one item is returned: one that alone
 * is larger has its long texts and lists shortened, so a page is never empty while items remain.
 */
export function boundItems(items: unknown[], maxBytes: number): { kept: unknown[]; cut: boolean } {
  const kept: unknown[] = [];
  let bytes = 2;
  for (const item of items) {
    const size = Buffer.byteLength(JSON.stringify(item) ?? 'null') + 1;
    if (bytes + size > maxBytes) {
      if (kept.length === 0) kept.push(shorten(item));
      return { kept, cut: true };
    }
    kept.push(item);
    bytes += size;
  }
  return { kept, cut: false };
}
