import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { test } from 'node:test';
import type { FakeReply } from '../../../testing/fake-service.js';
import { OpenApiCheck } from '../../../testing/openapi.js';
import {
  ACTOR,
  ACTOR_ID,
  actor,
  actorShort,
  BUILD_ID,
  build,
  DATASET_ID,
  dataset,
  error,
  invalidToken,
  items,
  list,
  me,
  noContent,
  product,
  RUN_ID,
  run,
  runShort,
  TASK_ID,
  task,
  taskShort,
  wrap,
} from './fake-apify.js';
import { data, setup } from './harness.js';

/**
 * Checks the fake and the client against Apify's OpenAPI description, so they cannot drift apart
 * together: every request the tools make must be an operation of the description (method, path,
 * declared query parameters, a JSON body that fits), and every answer the fake gives, errors included,
 * must fit that operation's documented answer for its status.
 *
 * Apify publishes the description bundled at docs.apify.com/api/openapi.json (or .yaml), and split
 * into files in github.com/apify/apify-docs (apify-api/openapi; `npx @redocly/cli bundle
 * apify-api/openapi/openapi.yaml -o apify.json` bundles it). No npm package carries it.
 * APIFY_OPENAPI_SPEC names a bundled copy; without it the test is skipped.
 */

const ANSWERS: Record<string, FakeReply> = {
  'POST /v2/actors': { status: 201, body: wrap(actor({ name: 'my-actor' })) },
  'GET /v2/actors': { body: list([actorShort()], 1, 0, 10) },
  [`GET /v2/actors/${ACTOR}`]: { body: wrap(actor()) },
  [`DELETE /v2/actors/${ACTOR_ID}`]: noContent,
  [`POST /v2/actors/${ACTOR}/builds`]: { status: 201, body: wrap(build('RUNNING')) },
  [`GET /v2/actor-builds/${BUILD_ID}`]: { body: wrap(build('SUCCEEDED')) },
  [`POST /v2/actors/${ACTOR}/runs`]: { status: 201, body: wrap(run('READY')) },
  [`GET /v2/actor-runs/${RUN_ID}`]: { body: wrap(run('SUCCEEDED')) },
  [`GET /v2/datasets/${DATASET_ID}/items`]: items([product(1), product(2)], 2, 0, 10),
  [`GET /v2/actors/${ACTOR}/runs`]: { body: list([runShort()], 1, 0, 50, true) },
  'GET /v2/actor-tasks': { body: list([taskShort()], 1, 0, 100) },
  'POST /v2/actor-tasks': { status: 201, body: wrap(task()) },
  [`GET /v2/actor-tasks/${TASK_ID}`]: { body: wrap(task()) },
  [`PUT /v2/actor-tasks/${TASK_ID}`]: { body: wrap(task({ title: 'Renamed' })) },
  [`DELETE /v2/actor-tasks/${TASK_ID}`]: noContent,
  [`PUT /v2/actor-tasks/${TASK_ID}/input`]: { body: { maxPagesPerCrawl: 5 } },
  [`POST /v2/actor-tasks/${TASK_ID}/runs`]: {
    status: 201,
    body: wrap(run('SUCCEEDED', { actorTaskId: TASK_ID })),
  },
  [`GET /v2/actor-tasks/${TASK_ID}/runs`]: { body: list([runShort()], 1, 0, 50, true) },
  'GET /v2/datasets': { body: list([dataset()], 1, 0, 100, true) },
  [`DELETE /v2/datasets/${DATASET_ID}`]: noContent,
};

const CALLS: [string, Record<string, unknown>][] = [
  ['create_actor', { name: 'my-actor', body: { title: 'My Actor', isPublic: false } }],
  ['list_actors', { limit: 10, my: true }],
  ['get_actor', { actor_id: ACTOR }],
  ['delete_actor', { actor_id: ACTOR_ID }],
  ['build_actor', { actor_id: ACTOR, beta_packages: true, tag: 'beta', use_cache: true }],
  [
    'run_actor',
    {
      actor_id: ACTOR,
      body: { startUrls: [{ url: 'https://example.com' }] },
      build: 'latest',
      memory_mbytes: 1024,
      timeout_secs: 60,
      max_items: 100,
      max_total_charge_usd: 1,
      fields: ['url'],
    },
  ],
  ['list_actor_runs', { actor_id: ACTOR, status: 'SUCCEEDED' }],
  ['list_tasks', {}],
  [
    'create_task',
    { actor_id: ACTOR, body: { name: 'my-task', input: { a: 1 }, options: { memoryMbytes: 128 } } },
  ],
  ['get_task', { task_id: TASK_ID }],
  ['update_task', { task_id: TASK_ID, body: { title: 'Renamed' } }],
  ['update_task_input', { task_id: TASK_ID, body: { maxPagesPerCrawl: 5 } }],
  ['delete_task', { task_id: TASK_ID }],
  ['run_task', { task_id: TASK_ID, body: { maxPagesPerCrawl: 1 } }],
  ['list_task_runs', { task_id: TASK_ID }],
  ['list_datasets', { unnamed: true }],
  ['list_datasets', { dataset_id: DATASET_ID, offset: 0, limit: 10 }],
  ['delete_dataset', { dataset_id: DATASET_ID }],
];

/** The error answers the other tests give, each at a route that documents its status. */
const ERRORS: [string, FakeReply][] = [
  ['GET /v2/actors', invalidToken],
  [
    `POST /v2/actors/${ACTOR}/runs`,
    error(403, 'insufficient-permissions', 'Insufficient permissions for the Actor'),
  ],
  [`GET /v2/actor-tasks/${TASK_ID}`, error(404, 'record-not-found', 'Actor task was not found')],
  ['POST /v2/actor-tasks', error(404, 'actor-not-found', 'Actor was not found')],
  [`POST /v2/actors/${ACTOR}/runs`, error(400, 'invalid-input', 'Input is not valid')],
  [`POST /v2/actors/${ACTOR}/runs`, error(402, 'not-enough-usage-to-run-paid-actor', 'Not enough usage')],
  ['GET /v2/datasets', error(429, 'rate-limit-exceeded', 'You have exceeded the rate limit')],
  ['GET /v2/actors', error(400, 'invalid-parameter', 'Bad value')],
];

test("every request the tools make, and every answer of the fake, fits Apify's OpenAPI description", async (t) => {
  const file = process.env.APIFY_OPENAPI_SPEC;
  if (!file || !existsSync(file)) {
    t.skip('APIFY_OPENAPI_SPEC names no bundled copy of Apify’s OpenAPI description');
    return;
  }
  const spec = await OpenApiCheck.load(file);
  const { fake, call } = await setup(t);
  for (const [route, reply] of Object.entries(ANSWERS)) fake.route(route, reply);
  for (const [name, args] of CALLS) data(await call(name, args));

  const used = new Set<string>();
  for (const req of fake.requests) {
    used.add(`${req.method} ${req.path}`);
    spec.assertRequest(req);
    const answer = ANSWERS[`${req.method} ${req.path}`];
    assert.ok(answer, `the fake answers ${req.method} ${req.path}`);
    spec.assertAnswer(req.method, req.path, answer.status ?? 200, answer.body);
  }
  assert.deepEqual([...used].sort(), Object.keys(ANSWERS).sort(), 'the calls use every route of the fake');

  // Aborting a run or a build (sent when a client cancels) and the sign-in check.
  for (const [method, path, body] of [
    ['POST', `/v2/actor-runs/${RUN_ID}/abort`, wrap(run('ABORTED'))],
    ['POST', `/v2/actor-builds/${BUILD_ID}/abort`, wrap(build('ABORTED'))],
    ['GET', '/v2/users/me', me()],
  ] as const) {
    spec.assertAnswer(method, path, 200, body);
  }
  for (const [route, reply] of ERRORS) {
    const [method = '', path = ''] = route.split(' ');
    spec.assertAnswer(method, path, reply.status ?? 200, reply.body);
  }
});
