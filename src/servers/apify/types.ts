/**
 * Apify API v2 objects, as far as the tools read them (the OpenAPI description's Actor, ActorShort,
 * Run, RunShort, Build, Task, TaskShort and DatasetListItem). Fields the tools do not read are left
 * out; `full: true` returns Apify's object as it came.
 */

export type JobStatus =
  | 'READY'
  | 'RUNNING'
  | 'SUCCEEDED'
  | 'FAILED'
  | 'TIMING-OUT'
  | 'TIMED-OUT'
  | 'ABORTING'
  | 'ABORTED';

export interface ApifyList<T> {
  total: number;
  offset: number;
  limit: number;
  count: number;
  desc?: boolean;
  items: T[];
}

export interface Version {
  versionNumber: string;
  sourceType?: string | null;
  buildTag?: string | null;
  sourceFiles?: unknown[] | null;
  gitRepoUrl?: string | null;
  tarballUrl?: string | null;
  gitHubGistUrl?: string | null;
}

export interface Actor {
  id: string;
  name: string;
  username: string;
  title?: string | null;
  description?: string | null;
  isPublic?: boolean;
  isDeprecated?: boolean | null;
  createdAt: string;
  modifiedAt: string;
  stats?: { totalRuns?: number; totalBuilds?: number; totalUsers?: number; lastRunStartedAt?: string } | null;
  versions?: Version[];
  defaultRunOptions?: Record<string, unknown> | null;
  taggedBuilds?: Record<
    string,
    { buildId?: string; buildNumber?: string | null; finishedAt?: string | null } | null
  > | null;
  pricingInfos?: { pricingModel?: string }[];
}

export interface Run {
  id: string;
  actId: string;
  actorTaskId?: string | null;
  status: JobStatus;
  statusMessage?: string | null;
  startedAt: string;
  finishedAt?: string | null;
  buildNumber?: string | null;
  exitCode?: number | null;
  defaultDatasetId: string;
  defaultKeyValueStoreId: string;
  usageTotalUsd?: number | null;
  stats?: { runTimeSecs?: number; computeUnits?: number } | null;
  options?: {
    build?: string;
    timeoutSecs?: number;
    memoryMbytes?: number;
    maxItems?: number | null;
    maxTotalChargeUsd?: number | null;
  } | null;
}

export interface Build {
  id: string;
  actId?: string;
  status: JobStatus;
  statusMessage?: string | null;
  startedAt: string;
  finishedAt?: string | null;
  buildNumber: string;
  usageTotalUsd?: number | null;
  actVersion?: { versionNumber?: string; buildTag?: string } | null;
}

export interface Task {
  id: string;
  name: string;
  actId: string;
  actName?: string | null;
  username?: string | null;
  actUsername?: string | null;
  title?: string | null;
  createdAt: string;
  modifiedAt: string;
  stats?: { totalRuns?: number } | null;
  options?: Record<string, unknown> | null;
  input?: Record<string, unknown> | null;
}

export interface Dataset {
  id: string;
  name?: string | null;
  title?: string | null;
  itemCount?: number;
  cleanItemCount?: number;
  createdAt?: string;
  modifiedAt?: string;
  accessedAt?: string;
  actId?: string | null;
  actRunId?: string | null;
}
