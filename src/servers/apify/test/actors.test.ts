import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  ACTOR,
  ACTOR_ID,
  actor,
  actorShort,
  BUILD_ID,
  build,
  DATASET_ID,
  list,
  noContent,
  RUN_ID,
  runShort,
  wrap,
} from './fake-apify.js';
import { assertRequest, data, setup } from './harness.js';

test('create_actor sends body with name to POST /actors and returns the Actor summary', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('POST /v2/actors', {
    status: 201,
    body: wrap(actor({ name: 'my-actor', username: 'janedoe' })),
  });

  const result = data(
    await call('create_actor', {
      name: 'my-actor',
      body: {
        title: 'My Actor',
        versions: [{ versionNumber: '0.0', sourceType: 'SOURCE_FILES', sourceFiles: [] }],
      },
    }),
  );

  assertRequest(fake.requests[0], {
    method: 'POST',
    path: '/v2/actors',
    body: {
      title: 'My Actor',
      versions: [{ versionNumber: '0.0', sourceType: 'SOURCE_FILES', sourceFiles: [] }],
      name: 'my-actor',
    },
  });
  assert.equal(result.name, 'my-actor');
  assert.equal(result.id, ACTOR_ID);
  assert.equal(result.consoleUrl, `https://console.apify.com/actors/${ACTOR_ID}`);
});

test('create_actor refuses a name with spaces before any request', async (t) => {
  const { fake, call } = await setup(t);
  const result = await call('create_actor', { name: 'my actor' });
  assert.equal(result.isError, true);
  assert.match(JSON.stringify(result.content), /name/);
  assert.equal(fake.requests.length, 0);
});

test('get_actor trims the Actor to what matters; full adds Apify’s whole object', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`GET /v2/actors/${ACTOR}`, { body: wrap(actor()) });

  const result = data(await call('get_actor', { actor_id: 'apify/web-scraper' }));

  assertRequest(fake.requests[0], { method: 'GET', path: `/v2/actors/${ACTOR}` });
  assert.deepEqual(result, {
    id: ACTOR_ID,
    name: 'web-scraper',
    username: 'apify',
    title: 'Web Scraper',
    createdAt: '2025-07-08T11:27:57.401Z',
    modifiedAt: '2025-07-08T11:31:05.546Z',
    totalRuns: 16,
    lastRunStartedAt: '2025-07-08T11:31:05.546Z',
    description: 'Crawls websites and extracts data with JavaScript.',
    isPublic: true,
    isDeprecated: false,
    pricingModel: 'PRICE_PER_DATASET_ITEM',
    versions: [
      {
        versionNumber: '0.1',
        sourceType: 'SOURCE_FILES',
        buildTag: 'beta',
        source: null,
        sourceFileCount: 2,
      },
      {
        versionNumber: '0.10',
        sourceType: 'GIT_REPO',
        buildTag: 'latest',
        source: 'https://github.com/apify/actor-scraper',
        sourceFileCount: null,
      },
      {
        versionNumber: '0.2',
        sourceType: 'TARBALL',
        buildTag: 'old',
        source: 'https://github.com/apify/actor-scraper/archive/master.zip',
        sourceFileCount: null,
      },
    ],
    defaultRunOptions: { build: 'latest', timeoutSecs: 3600, memoryMbytes: 2048, restartOnError: false },
    taggedBuilds: { latest: { buildId: BUILD_ID, buildNumber: '0.10.3' } },
    consoleUrl: `https://console.apify.com/actors/${ACTOR_ID}`,
  });

  const full = data(await call('get_actor', { actor_id: ACTOR, full: true }));
  assert.deepEqual(full.apifyObject, actor());
});

test('list_actors follows pages until limit, passing my and desc, and says where the next page starts', async (t) => {
  const { fake, call } = await setup(t);
  // Apify caps this page at 2 items, fewer than asked: the next request continues from there.
  fake.once('GET /v2/actors', { body: list([actorShort('a1', 'one'), actorShort('a2', 'two')], 5, 0, 2) });
  fake.once('GET /v2/actors', { body: list([actorShort('a3', 'three')], 5, 2, 1) });

  const result = data(await call('list_actors', { limit: 3, my: true }));

  assertRequest(fake.requests[0], {
    method: 'GET',
    path: '/v2/actors',
    query: { my: 'true', desc: 'false', offset: '0', limit: '3' },
  });
  assertRequest(fake.requests[1], {
    method: 'GET',
    path: '/v2/actors',
    query: { my: 'true', desc: 'false', offset: '2', limit: '1' },
  });
  assert.deepEqual(
    (result.actors as { id: string }[]).map((a) => a.id),
    ['a1', 'a2', 'a3'],
  );
  assert.equal(result.count, 3);
  assert.equal(result.total, 5);
  assert.equal(result.next_offset, 3);
});

test('list_actors with guMCP’s limit and offset ends at the end of the list', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /v2/actors', { body: list([actorShort('a9', 'nine')], 9, 8, 10) });

  const result = data(await call('list_actors', { limit: 10, offset: 8 }));

  assert.deepEqual(Object.fromEntries(fake.requests[0]?.query ?? []), {
    desc: 'false',
    offset: '8',
    limit: '10',
  });
  assert.equal(result.next_offset, null);
  assert.equal(fake.requests.length, 1);
});

test('list_actor_runs lists newest first, filtered by status', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`GET /v2/actors/${ACTOR}/runs`, {
    body: list([runShort(RUN_ID, 'FAILED'), runShort('r2', 'FAILED')], 2, 0, 50, true),
  });

  const result = data(await call('list_actor_runs', { actor_id: ACTOR, status: 'FAILED' }));

  assertRequest(fake.requests[0], {
    method: 'GET',
    path: `/v2/actors/${ACTOR}/runs`,
    query: { desc: 'true', status: 'FAILED', offset: '0', limit: '50' },
  });
  const runs = result.runs as Record<string, unknown>[];
  assert.equal(runs.length, 2);
  assert.deepEqual(runs[0], {
    id: RUN_ID,
    actId: ACTOR_ID,
    actorTaskId: null,
    status: 'FAILED',
    statusMessage: null,
    startedAt: '2025-07-08T11:27:57.401Z',
    finishedAt: '2025-07-08T11:31:05.546Z',
    buildNumber: '0.10.3',
    exitCode: null,
    defaultDatasetId: DATASET_ID,
    defaultKeyValueStoreId: 'eJNzqsbPiopwJcgGQ',
    usageTotalUsd: 0.2,
    runTimeSecs: null,
    consoleUrl: `https://console.apify.com/view/runs/${RUN_ID}`,
  });
});

test('delete_actor sends DELETE and reports it', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`DELETE /v2/actors/${ACTOR_ID}`, noContent);
  assert.deepEqual(data(await call('delete_actor', { actor_id: ACTOR_ID })), {
    deleted: true,
    actor_id: ACTOR_ID,
  });
  assertRequest(fake.requests[0], { method: 'DELETE', path: `/v2/actors/${ACTOR_ID}` });
});

test('build_actor without version builds the highest one, waits for the build with progress, and returns it', async (t) => {
  const { fake, call, sleeps } = await setup(t);
  fake.route(`GET /v2/actors/${ACTOR}`, { body: wrap(actor()) });
  fake.route(`POST /v2/actors/${ACTOR}/builds`, { status: 201, body: wrap(build('RUNNING')) });
  fake.once(`GET /v2/actor-builds/${BUILD_ID}`, { body: wrap(build('RUNNING')) });
  fake.route(`GET /v2/actor-builds/${BUILD_ID}`, { body: wrap(build('SUCCEEDED')) });
  const progress: string[] = [];

  const result = data(
    await call(
      'build_actor',
      { actor_id: ACTOR, use_cache: true, tag: 'beta' },
      { onprogress: (p) => progress.push(`${p.progress} ${p.message}`) },
    ),
  );

  assertRequest(fake.requests[1], {
    method: 'POST',
    path: `/v2/actors/${ACTOR}/builds`,
    // 0.10 is higher than 0.2: versions compare by number, not as text.
    query: { version: '0.10', tag: 'beta', useCache: 'true' },
  });
  assertRequest(fake.requests[2], {
    method: 'GET',
    path: `/v2/actor-builds/${BUILD_ID}`,
    query: { waitForFinish: '30' },
  });
  assert.equal(fake.requests.length, 4);
  assert.deepEqual(result, {
    build: {
      id: BUILD_ID,
      actId: ACTOR_ID,
      status: 'SUCCEEDED',
      buildNumber: '0.10.4',
      versionNumber: '0.10',
      startedAt: '2025-07-08T11:27:57.401Z',
      finishedAt: '2025-07-08T11:31:05.546Z',
      usageTotalUsd: 0.02,
      consoleUrl: `https://console.apify.com/view/builds/${BUILD_ID}`,
    },
    finished: true,
  });
  assert.deepEqual(progress, [
    `1 build ${BUILD_ID} of Actor ${ACTOR} is RUNNING`,
    `2 build ${BUILD_ID} of Actor ${ACTOR} is RUNNING`,
  ]);
  assert.deepEqual(sleeps, [1000, 1000]);
});

test('build_actor with version and wait_secs 0 starts the build and returns at once', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`POST /v2/actors/${ACTOR_ID}/builds`, { status: 201, body: wrap(build('READY')) });

  const result = data(
    await call('build_actor', { actor_id: ACTOR_ID, version: '0.1', beta_packages: false, wait_secs: 0 }),
  );

  assertRequest(fake.requests[0], {
    method: 'POST',
    path: `/v2/actors/${ACTOR_ID}/builds`,
    query: { version: '0.1', betaPackages: 'false' },
  });
  assert.equal(fake.requests.length, 1);
  assert.equal(result.finished, false);
  assert.equal((result.build as { status: string }).status, 'READY');
});

test('a failed build fails the call with its status', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`POST /v2/actors/${ACTOR_ID}/builds`, { status: 201, body: wrap(build('FAILED')) });
  const result = await call('build_actor', { actor_id: ACTOR_ID, version: '0.1' });
  assert.equal(result.isError, true);
  assert.match(
    JSON.stringify(result.content),
    new RegExp(`Build ${BUILD_ID} of Actor ${ACTOR_ID} failed \\(FAILED\\)`),
  );
});
