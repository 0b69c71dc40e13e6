import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  ACTOR,
  ACTOR_ID,
  list,
  noContent,
  RUN_ID,
  runShort,
  TASK_ID,
  task,
  taskShort,
  wrap,
} from './fake-apify.js';
import { assertRequest, data, setup } from './harness.js';

const TASK = `/v2/actor-tasks/${TASK_ID}`;

const summary = {
  id: TASK_ID,
  name: 'my-task',
  title: 'Example crawl',
  actId: ACTOR_ID,
  actName: null,
  actUsername: null,
  createdAt: '2025-07-08T11:27:57.401Z',
  modifiedAt: '2025-07-08T11:31:05.546Z',
  totalRuns: 15,
  options: { build: 'latest', timeoutSecs: 300, memoryMbytes: 128 },
  input: { startUrls: [{ url: 'https://example.com' }] },
  consoleUrl: `https://console.apify.com/actors/tasks/${TASK_ID}`,
};

test('list_tasks lists the tasks over two pages', async (t) => {
  const { fake, call } = await setup(t);
  fake.once('GET /v2/actor-tasks', { body: list([taskShort('t1', 'one')], 2, 0, 1) });
  fake.once('GET /v2/actor-tasks', { body: list([taskShort('t2', 'two')], 2, 1, 1) });

  const result = data(await call('list_tasks'));

  assertRequest(fake.requests[0], {
    method: 'GET',
    path: '/v2/actor-tasks',
    query: { desc: 'false', offset: '0', limit: '100' },
  });
  assertRequest(fake.requests[1], {
    method: 'GET',
    path: '/v2/actor-tasks',
    query: { desc: 'false', offset: '1', limit: '99' },
  });
  assert.deepEqual(result, {
    count: 2,
    total: 2,
    next_offset: null,
    tasks: ['t1', 't2'].map((id, i) => ({
      id,
      name: ['one', 'two'][i],
      title: null,
      actId: ACTOR_ID,
      actName: 'web-scraper',
      actUsername: 'apify',
      createdAt: '2025-07-08T11:27:57.401Z',
      modifiedAt: '2025-07-08T11:31:05.546Z',
      totalRuns: 15,
    })),
  });
});

test('get_task returns the task with its options and input; full adds Apify’s object', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`GET ${TASK}`, { body: wrap(task()) });

  assert.deepEqual(data(await call('get_task', { task_id: TASK_ID })), summary);
  assertRequest(fake.requests[0], { method: 'GET', path: TASK });
  assert.deepEqual(data(await call('get_task', { task_id: TASK_ID, full: true })).apifyObject, task());
});

test('create_task sends the task fields of body with the Actor as actId', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('POST /v2/actor-tasks', { status: 201, body: wrap(task()) });

  const result = data(
    await call('create_task', {
      actor_id: ACTOR,
      body: {
        name: 'my-task',
        input: { startUrls: [{ url: 'https://example.com' }] },
        options: { memoryMbytes: 128 },
      },
    }),
  );

  assertRequest(fake.requests[0], {
    method: 'POST',
    path: '/v2/actor-tasks',
    body: {
      name: 'my-task',
      input: { startUrls: [{ url: 'https://example.com' }] },
      options: { memoryMbytes: 128 },
      actId: ACTOR,
    },
  });
  assert.equal(result.id, TASK_ID);
});

test('update_task sends the changed fields with PUT and returns the task as it now is', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`PUT ${TASK}`, { body: wrap(task({ title: 'Renamed' })) });

  const result = data(await call('update_task', { task_id: TASK_ID, body: { title: 'Renamed' } }));

  assertRequest(fake.requests[0], { method: 'PUT', path: TASK, body: { title: 'Renamed' } });
  assert.equal(result.title, 'Renamed');
});

test('update_task_input sends the input fields with PUT and returns the whole input', async (t) => {
  const { fake, call } = await setup(t);
  const merged = { startUrls: [{ url: 'https://example.com' }], maxPagesPerCrawl: 5 };
  fake.route(`PUT ${TASK}/input`, { body: merged });

  const result = data(await call('update_task_input', { task_id: TASK_ID, body: { maxPagesPerCrawl: 5 } }));

  assertRequest(fake.requests[0], { method: 'PUT', path: `${TASK}/input`, body: { maxPagesPerCrawl: 5 } });
  assert.deepEqual(result, { task_id: TASK_ID, input: merged });
});

test('update_task requires body, as guMCP did', async (t) => {
  const { fake, call } = await setup(t);
  const result = await call('update_task', { task_id: TASK_ID });
  assert.equal(result.isError, true);
  assert.match(JSON.stringify(result.content), /body/);
  assert.equal(fake.requests.length, 0);
});

test('delete_task sends DELETE', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('DELETE /v2/actor-tasks/janedoe~my-task', noContent);
  assert.deepEqual(data(await call('delete_task', { task_id: 'janedoe/my-task' })), {
    deleted: true,
    task_id: 'janedoe~my-task',
  });
  assertRequest(fake.requests[0], { method: 'DELETE', path: '/v2/actor-tasks/janedoe~my-task' });
});

test('list_task_runs lists the task’s runs newest first', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`GET ${TASK}/runs`, {
    body: list([runShort(RUN_ID, 'RUNNING', { actorTaskId: TASK_ID })], 1, 0, 50, true),
  });

  const result = data(await call('list_task_runs', { task_id: TASK_ID, limit: 5 }));

  assertRequest(fake.requests[0], {
    method: 'GET',
    path: `${TASK}/runs`,
    query: { desc: 'true', offset: '0', limit: '5' },
  });
  const [first] = result.runs as { status: string; actorTaskId: string }[];
  assert.equal(first?.status, 'RUNNING');
  assert.equal(first?.actorTaskId, TASK_ID);
});
