import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  rateLimited,
  serverError,
  task,
  taskNotFound,
  teamNotAuthorized,
  tokenInvalid,
  tokenNotFound,
} from './fake-clickup.js';
import { assertAuth, data, failure, onlyRequest, setup, TOKEN } from './harness.js';

const TASK = '/api/v2/task/9hz';
const GET_TASK = { task_id: '9hz' };

for (const [code, body] of [
  ['OAUTH_019', tokenNotFound],
  ['OAUTH_025', tokenInvalid],
] as const) {
  test(`401 ${code} asks the user to re-authenticate, without echoing the token`, async (t) => {
    const { fake, call } = await setup(t);
    fake.route(`GET ${TASK}`, { status: 401, body });
    const message = failure(await call('get_task_by_id', GET_TASK));
    assert.equal(
      message,
      `Not authenticated with clickup: ClickUp rejected the stored token: ${body.err} (${code}). ` +
        'Re-authenticate with `gumcp auth clickup`.',
    );
    assert.ok(!message.includes(TOKEN));
    onlyRequest(fake);
  });
}

test('OAUTH_027 says the workspace holding the item was not authorized', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`GET ${TASK}`, { status: 401, body: teamNotAuthorized });
  assert.equal(
    failure(await call('get_task_by_id', GET_TASK)),
    'Not authenticated with clickup: the token is not authorized for the workspace that holds Task 9hz; ' +
      'tick that workspace when you authorize again. Re-authenticate with `gumcp auth clickup`.',
  );
});

test('404 names the task', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`GET ${TASK}`, { status: 404, body: taskNotFound });
  fake.route('GET /api/v2/task/DEV-1', { status: 404, body: taskNotFound });
  assert.equal(failure(await call('get_task_by_id', GET_TASK)), 'Task not found: 9hz');
  assert.equal(
    failure(await call('get_task_by_id', { task_id: 'DEV-1', custom_task_ids: true, team_id: '1234' })),
    'Task not found: DEV-1 (custom id, workspace 1234)',
  );
});

test('403 gives ClickUp’s reason', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('POST /api/v2/space/789/folder', {
    status: 403,
    body: { err: 'You do not have access', ECODE: 'ACCESS_083' },
  });
  assert.equal(
    failure(await call('create_folder', { space_id: '789', name: 'x' })),
    'ClickUp denied access to Space 789: You do not have access (ACCESS_083)',
  );
});

test('429 without Retry-After waits until X-RateLimit-Reset when it is near, then succeeds', async (t) => {
  const { fake, call, clock } = await setup(t);
  const headers = {
    'x-ratelimit-limit': '100',
    'x-ratelimit-remaining': '0',
    'x-ratelimit-reset': String(clock.time / 1000 + 5),
  };
  fake.once(`GET ${TASK}`, { status: 429, headers, body: rateLimited });
  fake.route(`GET ${TASK}`, { body: task('9hz') });

  assert.equal(data(await call('get_task_by_id', GET_TASK)).id, '9hz');

  // One wait, exactly until the reset, then the request that succeeds.
  assert.equal(fake.requests.length, 2);
  assert.deepEqual(clock.sleeps, [5000]);
  for (const req of fake.requests) assertAuth(req);
});

test('429 whose reset is far fails at once, saying when the limit resets', async (t) => {
  const { fake, call, clock } = await setup(t);
  fake.route(`GET ${TASK}`, {
    status: 429,
    headers: {
      'x-ratelimit-limit': '100',
      'x-ratelimit-remaining': '0',
      'x-ratelimit-reset': String(clock.time / 1000 + 3600),
    },
    body: rateLimited,
  });
  assert.equal(
    failure(await call('get_task_by_id', GET_TASK)),
    'Rate limited by ClickUp: the limit of 100 requests per minute resets at 2023-11-14T23:13:20.000Z; try again then',
  );
  assert.deepEqual(clock.sleeps, []);
  assert.equal(fake.requests.length, 1, 'a reset beyond the longest wait is not waited for');
});

test('429 with Retry-After is retried by the client', async (t) => {
  const { fake, call, clock } = await setup(t);
  fake.once(`GET ${TASK}`, { status: 429, headers: { 'retry-after': '0' }, body: rateLimited });
  fake.route(`GET ${TASK}`, { body: task('9hz') });
  data(await call('get_task_by_id', GET_TASK));
  assert.equal(fake.requests.length, 2);
  assert.deepEqual(clock.sleeps, [0], 'Retry-After wins over the reset header');
});

test('5xx on a read is retried, then reported', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`GET ${TASK}`, { status: 502, body: serverError });
  assert.equal(failure(await call('get_task_by_id', GET_TASK)), 'ClickUp failed (HTTP 502); try again later');
  assert.equal(fake.requests.length, 2);
});

test('5xx on create_task is not retried and warns it may have gone through', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('POST /api/v2/list/123/task', { status: 500, body: serverError });
  assert.equal(
    failure(await call('create_task', { list_id: '123', name: 'x' })),
    'ClickUp failed (HTTP 500); the request may have gone through, so check before trying again',
  );
  assert.equal(fake.requests.length, 1);
});

test('400 gives ClickUp’s err and ECODE', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('POST /api/v2/list/123/task', {
    status: 400,
    body: { err: 'Status does not exist', ECODE: 'ITEM_015' },
  });
  assert.equal(
    failure(await call('create_task', { list_id: '123', name: 'x', status: 'nope' })),
    'ClickUp rejected the request for List 123 (HTTP 400): Status does not exist (ITEM_015)',
  );
});

test('without stored credentials, or without an access token, no request is made', async (t) => {
  const none = await setup(t, async () => undefined);
  assert.match(failure(await none.call('get_workspaces')), /Not authenticated with clickup: no credentials/);
  const empty = await setup(t, { token_type: 'Bearer' });
  assert.match(failure(await empty.call('get_workspaces')), /stored credentials hold no access token/);
  assert.equal(none.fake.requests.length + empty.fake.requests.length, 0);
});
