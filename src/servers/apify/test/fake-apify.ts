import type { FakeReply } from '../../../testing/fake-service.js';

/**
 * Apify API v2 answers as its OpenAPI description (apify/apify-docs, apify-api/openapi) documents
 * them: objects wrapped in `{ data }`, lists as `{ data: { total, offset, limit, count, desc, items } }`,
 * dataset items as a bare array with X-Apify-Pagination-* headers, errors as `{ error: { type,
 * message } }`. The openapi-conformance test checks these against the description itself.
 */

export const BASE = '/v2';
export const TOKEN = 'apify_api_fake_token_for_tests';

export const USER_ID = 'wRsJZtadYvn4mBZmm';
export const ACTOR_ID = 'zdc3Pyhyz3m8vjDeM';
export const ACTOR = 'apify~web-scraper';
export const TASK_ID = 'kJHSKHausidyaJKHs';
export const RUN_ID = 'HG7ML7M8z78YcAPEB';
export const BUILD_ID = 'z2EryhbfhgSyqj6Hn';
export const DATASET_ID = 'wmKPijuyDnPZAPRMk';
export const STORE_ID = 'eJNzqsbPiopwJcgGQ';

const T0 = '2025-07-08T11:27:57.401Z';
const T1 = '2025-07-08T11:31:05.546Z';

type Obj = Record<string, unknown>;

export const wrap = (data: unknown): Obj => ({ data });

/** A page of a list. */
export function list(items: unknown[], total = items.length, offset = 0, limit = 1000, desc = false): Obj {
  return wrap({ total, offset, limit, count: items.length, desc, items });
}

export function actorShort(id = ACTOR_ID, name = 'web-scraper', extra: Obj = {}): Obj {
  return {
    id,
    createdAt: T0,
    modifiedAt: T1,
    name,
    username: 'apify',
    title: 'Web Scraper',
    stats: { totalRuns: 16, lastRunStartedAt: T1 },
    ...extra,
  };
}

export function actor(extra: Obj = {}): Obj {
  return {
    id: ACTOR_ID,
    userId: USER_ID,
    name: 'web-scraper',
    username: 'apify',
    description: 'Crawls websites and extracts data with JavaScript.',
    isPublic: true,
    createdAt: T0,
    modifiedAt: T1,
    stats: { totalBuilds: 9, totalRuns: 16, totalUsers: 6, lastRunStartedAt: T1 },
    versions: [
      {
        versionNumber: '0.1',
        sourceType: 'SOURCE_FILES',
        envVars: null,
        applyEnvVarsToBuild: false,
        buildTag: 'beta',
        sourceFiles: [
          { format: 'TEXT', name: 'main.js', content: 'console.log("hello")' },
          { format: 'TEXT', name: 'package.json', content: '{}' },
        ],
      },
      {
        versionNumber: '0.10',
        sourceType: 'GIT_REPO',
        envVars: null,
        applyEnvVarsToBuild: false,
        buildTag: 'latest',
        gitRepoUrl: 'https://github.com/apify/actor-scraper',
      },
      {
        versionNumber: '0.2',
        sourceType: 'TARBALL',
        envVars: null,
        applyEnvVarsToBuild: false,
        buildTag: 'old',
        tarballUrl: 'https://github.com/apify/actor-scraper/archive/master.zip',
      },
    ],
    pricingInfos: [
      {
        pricingModel: 'PRICE_PER_DATASET_ITEM',
        pricePerUnitUsd: 0.001,
        unitName: 'result',
        apifyMarginPercentage: 0.2,
        createdAt: T0,
        startedAt: T0,
      },
    ],
    defaultRunOptions: { build: 'latest', timeoutSecs: 3600, memoryMbytes: 2048, restartOnError: false },
    exampleRunInput: { body: '{ "startUrls": [] }', contentType: 'application/json; charset=utf-8' },
    isDeprecated: false,
    deploymentKey: 'ssh-rsa AAAA ...',
    title: 'Web Scraper',
    taggedBuilds: {
      latest: { buildId: BUILD_ID, buildNumber: '0.10.3', finishedAt: T1 },
      beta: null,
    },
    ...extra,
  };
}

export type Status = 'READY' | 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'TIMED-OUT' | 'ABORTING' | 'ABORTED';

export function run(status: Status = 'RUNNING', extra: Obj = {}): Obj {
  const ended = ['SUCCEEDED', 'FAILED', 'TIMED-OUT', 'ABORTED'].includes(status);
  return {
    id: RUN_ID,
    actId: ACTOR_ID,
    userId: USER_ID,
    actorTaskId: null,
    startedAt: T0,
    finishedAt: ended ? T1 : null,
    status,
    statusMessage: status === 'RUNNING' ? 'Crawled 45 of 100 pages' : ended ? 'Finished' : null,
    isStatusMessageTerminal: ended,
    meta: { origin: 'API', userAgent: 'gumcp' },
    stats: { inputBodyLen: 240, restartCount: 0, resurrectCount: 0, computeUnits: 0.1, runTimeSecs: 188.1 },
    options: { build: 'latest', timeoutSecs: 300, memoryMbytes: 1024, diskMbytes: 2048 },
    buildId: BUILD_ID,
    exitCode: ended ? (status === 'SUCCEEDED' ? 0 : 1) : null,
    generalAccess: 'RESTRICTED',
    defaultKeyValueStoreId: STORE_ID,
    defaultDatasetId: DATASET_ID,
    defaultRequestQueueId: 'FL35cSF7jrxr3BY39',
    buildNumber: '0.10.3',
    containerUrl: 'https://g8kd8kbc5ge8.runs.apify.net',
    usageTotalUsd: 0.2654,
    ...extra,
  };
}

export function runShort(id = RUN_ID, status: Status = 'SUCCEEDED', extra: Obj = {}): Obj {
  return {
    id,
    actId: ACTOR_ID,
    actorTaskId: null,
    status,
    startedAt: T0,
    finishedAt: status === 'RUNNING' ? null : T1,
    buildId: BUILD_ID,
    buildNumber: '0.10.3',
    meta: { origin: 'WEB' },
    usageTotalUsd: 0.2,
    defaultKeyValueStoreId: STORE_ID,
    defaultDatasetId: DATASET_ID,
    defaultRequestQueueId: 'so93g2shcDzK3pA85',
    ...extra,
  };
}

export function build(status: Status = 'RUNNING', extra: Obj = {}): Obj {
  return {
    id: BUILD_ID,
    actId: ACTOR_ID,
    userId: USER_ID,
    startedAt: T0,
    finishedAt: status === 'RUNNING' ? null : T1,
    status,
    meta: { origin: 'API', clientIp: '172.234.12.34', userAgent: 'gumcp' },
    stats: { durationMillis: 1000, runTimeSecs: 45.718, computeUnits: 0.012 },
    options: { useCache: false, betaPackages: false, memoryMbytes: 1024, diskMbytes: 2048 },
    usageTotalUsd: 0.02,
    buildNumber: '0.10.4',
    actVersion: { versionNumber: '0.10', buildTag: 'latest', sourceType: 'GIT_REPO' },
    ...extra,
  };
}

export function taskShort(id = TASK_ID, name = 'my-task'): Obj {
  return {
    id,
    userId: USER_ID,
    actId: ACTOR_ID,
    actName: 'web-scraper',
    name,
    username: 'janedoe',
    actUsername: 'apify',
    createdAt: T0,
    modifiedAt: T1,
    stats: { totalRuns: 15 },
  };
}

export function task(extra: Obj = {}): Obj {
  return {
    id: TASK_ID,
    userId: USER_ID,
    actId: ACTOR_ID,
    name: 'my-task',
    username: 'janedoe',
    createdAt: T0,
    modifiedAt: T1,
    removedAt: null,
    stats: { totalRuns: 15 },
    options: { build: 'latest', timeoutSecs: 300, memoryMbytes: 128 },
    input: { startUrls: [{ url: 'https://example.com' }] },
    title: 'Example crawl',
    ...extra,
  };
}

export function dataset(id = DATASET_ID, name = 'products', extra: Obj = {}): Obj {
  return {
    id,
    name,
    userId: USER_ID,
    createdAt: T0,
    modifiedAt: T1,
    accessedAt: T1,
    itemCount: 3,
    cleanItemCount: 3,
    actId: ACTOR_ID,
    actRunId: RUN_ID,
    title: null,
    ...extra,
  };
}

/** Items of a dataset, with the pagination headers Apify sends beside the bare array. */
export function items(page: unknown[], total: number, offset = 0, limit = 1000): FakeReply {
  return {
    body: page,
    headers: {
      'x-apify-pagination-offset': String(offset),
      'x-apify-pagination-limit': String(limit),
      'x-apify-pagination-count': String(page.length),
      'x-apify-pagination-total': String(total),
    },
  };
}

export function product(n: number): Obj {
  return { url: `https://shop.example.com/p/${n}`, title: `Product ${n}`, price: n * 10 };
}

const feature = {
  isEnabled: true,
  disabledReason: null,
  disabledReasonType: null,
  isTrial: false,
  trialExpirationAt: null,
};

/** `GET /users/me`: the account of the token. */
export function me(): Obj {
  return wrap({
    id: USER_ID,
    username: 'janedoe',
    email: 'jane@example.com',
    plan: { id: 'FREE', availableProxyGroups: { SHADER: 10 } },
    effectivePlatformFeatures: Object.fromEntries(
      [
        'ACTORS',
        'STORAGE',
        'SCHEDULER',
        'PROXY',
        'PROXY_EXTERNAL_ACCESS',
        'PROXY_RESIDENTIAL',
        'PROXY_SERPS',
        'WEBHOOKS',
        'ACTORS_PUBLIC_ALL',
        'ACTORS_PUBLIC_DEVELOPER',
      ].map((k) => [k, feature]),
    ),
    createdAt: T0,
    isPaying: false,
  });
}

/** An error answer. */
export const error = (status: number, type: string, message: string): FakeReply => ({
  status,
  body: { error: { type, message } },
});

export const invalidToken = error(401, 'invalid-token', 'Authentication token is not valid.');
export const noContent: FakeReply = { status: 204, body: '' };
