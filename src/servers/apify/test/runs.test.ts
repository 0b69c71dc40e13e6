import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ACTOR, DATASET_ID, error, items, product, RUN_ID, run, TASK_ID, wrap } from './fake-apify.js';
import { assertRequest, data, failure, setup } from './harness.js';

const START = `POST /v2/actors/${ACTOR}/runs`;
const LOOK = `GET /v2/actor-runs/${RUN_ID}`;
const ITEMS = `GET /v2/datasets/${DATASET_ID}/items`;
const ABORT = `POST /v2/actor-runs/${RUN_ID}/abort`;

test('run_actor starts the run with its input and options, long-polls it with progress, and returns its first results', async (t) => {
  const { fake, call, sleeps } = await setup(t);
  fake.route(START, { status: 201, body: wrap(run('READY')) });
  fake.once(LOOK, { body: wrap(run('RUNNING')) });
  fake.route(LOOK, { body: wrap(run('SUCCEEDED')) });
  fake.route(ITEMS, items([product(1), product(2)], 2, 0, 5));
  const progress: string[] = [];

  const result = data(
    await call(
      'run_actor',
      {
        actor_id: 'apify/web-scraper',
        body: { startUrls: [{ url: 'https://shop.example.com' }], maxPagesPerCrawl: 10 },
        items_limit: 5,
        memory_mbytes: 1024,
        timeout_secs: 300,
        max_total_charge_usd: 2.5,
      },
      { onprogress: (p) => progress.push(`${p.progress}: ${p.message}`) },
    ),
  );

  assertRequest(fake.requests[0], {
    method: 'POST',
    path: `/v2/actors/${ACTOR}/runs`,
    query: { memory: '1024', timeout: '300', maxTotalChargeUsd: '2.5' },
    body: { startUrls: [{ url: 'https://shop.example.com' }], maxPagesPerCrawl: 10 },
  });
  assertRequest(fake.requests[1], {
    method: 'GET',
    path: `/v2/actor-runs/${RUN_ID}`,
    query: { waitForFinish: '30' },
  });
  assertRequest(fake.requests[2], {
    method: 'GET',
    path: `/v2/actor-runs/${RUN_ID}`,
    query: { waitForFinish: '30' },
  });
  assertRequest(fake.requests[3], {
    method: 'GET',
    path: `/v2/datasets/${DATASET_ID}/items`,
    query: { format: 'json', offset: '0', limit: '5', skipHidden: 'true' },
  });
  assert.equal(fake.requests.length, 4);

  const what = `actor run ${RUN_ID} of Actor ${ACTOR}`;
  assert.deepEqual(progress, [`1: ${what} is READY`, `2: ${what} is RUNNING: Crawled 45 of 100 pages`]);
  assert.deepEqual(sleeps, [1000, 1000]);
  assert.equal(result.finished, true);
  assert.equal((result.run as { status: string }).status, 'SUCCEEDED');
  assert.equal((result.run as { usageTotalUsd: number }).usageTotalUsd, 0.2654);
  assert.deepEqual(result.items, {
    datasetId: DATASET_ID,
    total: 2,
    offset: 0,
    count: 2,
    items: [product(1), product(2)],
    nextOffset: null,
    cutToBytes: false,
  });
  assert.equal(result.next, `Run ${RUN_ID} SUCCEEDED; all its result items are above.`);
});

test('results beyond items_limit or max_bytes are left for list_datasets, from the offset it names', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(START, { status: 201, body: wrap(run('SUCCEEDED')) });
  const big = (n: number) => ({ ...product(n), text: 'x'.repeat(600) });
  fake.route(ITEMS, items([big(1), big(2), big(3)], 40, 0, 3));

  const result = data(
    await call('run_actor', { actor_id: ACTOR, items_limit: 3, fields: ['url', 'text'], max_bytes: 1500 }),
  );

  assert.deepEqual(Object.fromEntries(fake.requests[1]?.query ?? []), {
    format: 'json',
    offset: '0',
    limit: '3',
    skipHidden: 'true',
    fields: 'url,text',
  });
  const page = result.items as { count: number; nextOffset: number; cutToBytes: boolean; items: unknown[] };
  assert.equal(page.count, 2, 'two items of about 700 bytes fit in 1500');
  assert.equal(page.nextOffset, 2);
  assert.equal(page.cutToBytes, true);
  assert.equal(
    result.next,
    `Run ${RUN_ID} SUCCEEDED; list_datasets with dataset_id ${DATASET_ID} and offset 2 reads more of its results.`,
  );
});

test('wait_secs 0 starts the run and returns at once (guMCP’s behaviour), saying how to follow it', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(START, { status: 201, body: wrap(run('READY')) });

  const result = data(await call('run_actor', { actor_id: ACTOR, wait_secs: 0 }));

  assertRequest(fake.requests[0], { method: 'POST', path: `/v2/actors/${ACTOR}/runs` });
  assert.equal(fake.requests.length, 1, 'no look and no items');
  assert.equal(result.finished, false);
  assert.equal(result.items, null);
  assert.equal(
    result.next,
    `Run ${RUN_ID} is READY and goes on at Apify: list_actor_runs with actor_id ${ACTOR} shows its status; once it ` +
      `has SUCCEEDED, list_datasets with dataset_id ${DATASET_ID} reads its results.`,
  );
});

test('a run still going when wait_secs runs out is returned as it stands, and goes on', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(START, { status: 201, body: wrap(run('RUNNING')) });
  fake.route(LOOK, { body: wrap(run('RUNNING')) });

  const result = data(await call('run_actor', { actor_id: ACTOR, wait_secs: 2 }));

  // The virtual clock moves 1 s per pause: looks at 1 s and 2 s, the last asking Apify to hold 1 s.
  assert.deepEqual(
    fake.requests
      .filter((r) => r.path === `/v2/actor-runs/${RUN_ID}`)
      .map((r) => r.query.get('waitForFinish')),
    ['1', '0'],
  );
  assert.equal(result.finished, false);
  assert.equal((result.run as { status: string }).status, 'RUNNING');
  assert.equal(
    fake.requests.filter((r) => r.method === 'POST').length,
    1,
    'never aborted: it was not cancelled',
  );
});

test('a failed run fails the call with Apify’s status message and where its partial results are', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(START, { status: 201, body: wrap(run('RUNNING')) });
  fake.route(LOOK, { body: wrap(run('FAILED', { statusMessage: 'Navigation timed out after 60 seconds' })) });

  assert.equal(
    failure(await call('run_actor', { actor_id: ACTOR })),
    `Actor run ${RUN_ID} of Actor ${ACTOR} failed (FAILED, exit code 1): Navigation timed out after 60 seconds. ` +
      `What it stored before that is in dataset ${DATASET_ID} (list_datasets with dataset_id reads it)`,
  );
});

test('a client that cancels while the run goes on stops waiting and aborts the run at Apify', async (t) => {
  const { fake, client } = await setup(t);
  fake.route(START, { status: 201, body: wrap(run('RUNNING')) });
  fake.route(LOOK, { body: wrap(run('RUNNING')) });
  fake.route(ABORT, { body: wrap(run('ABORTED')) });
  const controller = new AbortController();

  await assert.rejects(
    client.callTool(
      { name: 'run_actor', arguments: { actor_id: ACTOR } },
      // The client gives up at the second progress notification, while the run is RUNNING.
      { signal: controller.signal, onprogress: (p) => p.progress >= 2 && controller.abort() },
    ),
  );
  // The abort is sent after the client has gone: wait until the fake has seen it.
  for (let i = 0; i < 200 && !fake.requests.some((r) => r.path.endsWith('/abort')); i++) {
    await new Promise((resolve) => setImmediate(resolve));
  }
  const abort = fake.requests.find((r) => r.path.endsWith('/abort'));
  assertRequest(abort, { method: 'POST', path: `/v2/actor-runs/${RUN_ID}/abort` });
  assert.equal(fake.requests.filter((r) => r.path.endsWith('/abort')).length, 1);
});

test('a client that cancels during a look (Apify holding the answer) aborts the run at once', async (t) => {
  const { fake, client } = await setup(t);
  const controller = new AbortController();
  fake.route(START, { status: 201, body: wrap(run('RUNNING')) });
  // Apify holds the look (waitForFinish) while the run goes on; the client gives up meanwhile.
  fake.route(LOOK, async () => {
    controller.abort();
    return new Promise<never>(() => undefined);
  });
  fake.route(ABORT, { body: wrap(run('ABORTED')) });

  await assert.rejects(
    client.callTool({ name: 'run_actor', arguments: { actor_id: ACTOR } }, { signal: controller.signal }),
  );
  for (let i = 0; i < 200 && !fake.requests.some((r) => r.path.endsWith('/abort')); i++) {
    await new Promise((resolve) => setImmediate(resolve));
  }
  assertRequest(
    fake.requests.find((r) => r.path.endsWith('/abort')),
    { method: 'POST', path: `/v2/actor-runs/${RUN_ID}/abort` },
  );
  assert.equal(
    fake.requests.filter((r) => r.path === `/v2/actor-runs/${RUN_ID}`).length,
    1,
    'no look after it',
  );
});

test('starting a run is never repeated after a 5xx: it may have started, and it costs money', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(START, error(503, 'server-error', 'Service temporarily unavailable'));
  assert.equal(
    failure(await call('run_actor', { actor_id: ACTOR })),
    'Apify failed (HTTP 503); the request may have gone through, so check before trying again',
  );
  assert.equal(fake.requests.length, 1);
});

test('starting a run after a 429 is retried: Apify did not act on it', async (t) => {
  const { fake, call } = await setup(t);
  fake.once(START, {
    ...error(429, 'rate-limit-exceeded', 'You have exceeded the rate limit'),
    headers: { 'retry-after': '0' },
  });
  fake.route(START, { status: 201, body: wrap(run('SUCCEEDED')) });
  data(await call('run_actor', { actor_id: ACTOR, items_limit: 0 }));
  assert.equal(fake.requests.filter((r) => r.method === 'POST').length, 2);
});

test('run_task starts a run of the task with the input override and waits for it the same way', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`POST /v2/actor-tasks/${TASK_ID}/runs`, {
    status: 201,
    body: wrap(run('RUNNING', { actorTaskId: TASK_ID })),
  });
  fake.route(LOOK, { body: wrap(run('SUCCEEDED', { actorTaskId: TASK_ID })) });
  fake.route(ITEMS, items([product(1)], 1, 0, 10));

  const result = data(
    await call('run_task', { task_id: TASK_ID, body: { maxPagesPerCrawl: 1 }, build: 'beta' }),
  );

  assertRequest(fake.requests[0], {
    method: 'POST',
    path: `/v2/actor-tasks/${TASK_ID}/runs`,
    query: { build: 'beta' },
    body: { maxPagesPerCrawl: 1 },
  });
  assert.equal((result.run as { actorTaskId: string }).actorTaskId, TASK_ID);
  assert.deepEqual((result.items as { items: unknown[] }).items, [product(1)]);
});

test('run_task without body sends no input, so the task’s own input is used', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`POST /v2/actor-tasks/${TASK_ID}/runs`, { status: 201, body: wrap(run('READY')) });
  const result = data(await call('run_task', { task_id: TASK_ID, wait_secs: 0 }));
  assertRequest(fake.requests[0], { method: 'POST', path: `/v2/actor-tasks/${TASK_ID}/runs` });
  assert.match(String(result.next), new RegExp(`list_task_runs with task_id ${TASK_ID}`));
});
