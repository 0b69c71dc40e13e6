import assert from 'node:assert/strict';
import { test } from 'node:test';
import { query } from '../../../testing/fake-service.js';
import { task } from './fake-clickup.js';
import { assertAuth, data, failure, onlyRequest, setup } from './harness.js';

const tasks = (page: number, n: number) => Array.from({ length: n }, (_, i) => task(`p${page}t${i}`));

test('get_tasks reads page 0 by default with the filters', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /api/v2/list/123/task', { body: { tasks: tasks(0, 2), last_page: true } });
  const out = data(
    await call('get_tasks', { list_id: '123', include_closed: true, subtasks: true, archived: false }),
  );
  assert.deepEqual(query(onlyRequest(fake)), {
    archived: 'false',
    include_closed: 'true',
    subtasks: 'true',
    page: '0',
  });
  assert.equal(out.count, 2);
  assert.equal(out.next_page, null);
  assert.deepEqual((out.tasks as unknown[])[0], {
    id: 'p0t0',
    custom_id: null,
    name: 'Task p0t0',
    status: 'in progress',
    priority: 'high',
    description: 'New Task Content',
    url: 'https://app.clickup.com/t/p0t0',
    creator: { id: 183, username: 'John Doe', email: null },
    assignees: [],
    tags: ['tag name 1'],
    due_date: null,
    start_date: null,
    date_created: '2019-09-06T14:34:10.202Z',
    date_updated: '2019-09-06T14:34:10.202Z',
    date_closed: null,
    parent: null,
    archived: false,
    list: { id: '123', name: null },
    folder: { id: '456', name: null },
    space: { id: '789', name: null },
  });
});

test('get_tasks follows pages from the given one until last_page, up to max_pages', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /api/v2/list/123/task', (req) => {
    const page = Number(req.query.get('page'));
    return { body: { tasks: tasks(page, page < 4 ? 100 : 20), last_page: page === 4 } };
  });

  const two = data(await call('get_tasks', { list_id: 123, page: 1, max_pages: 2 }));
  assert.deepEqual(
    fake.requests.map((r) => r.query.get('page')),
    ['1', '2'],
  );
  assert.equal(two.count, 200);
  assert.equal(two.next_page, 3);

  const rest = data(await call('get_tasks', { list_id: 123, page: 3, max_pages: 5 }));
  assert.deepEqual(
    fake.requests.slice(2).map((r) => r.query.get('page')),
    ['3', '4'],
  );
  assert.equal(rest.count, 120);
  assert.equal(rest.next_page, null);
  for (const req of fake.requests) assertAuth(req);
});

test('get_task_by_id reads a task, by custom id only with its workspace', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /api/v2/task/9hz', { body: task('9hz') });
  fake.route('GET /api/v2/task/DEV-42', { body: task('abc', { custom_id: 'DEV-42' }) });

  assert.equal(data(await call('get_task_by_id', { task_id: '9hz' })).name, 'Task 9hz');
  assert.deepEqual(query(fake.requests[0] as never), {});
  const custom = data(
    await call('get_task_by_id', { task_id: 'DEV-42', custom_task_ids: true, team_id: '1234' }),
  );
  assert.equal(custom.custom_id, 'DEV-42');
  assert.deepEqual(query(fake.requests[1] as never), { custom_task_ids: 'true', team_id: '1234' });

  assert.match(
    failure(await call('get_task_by_id', { task_id: 'DEV-42', custom_task_ids: true })),
    /^team_id: required/,
  );
  assert.equal(fake.requests.length, 2);
});

test('create_task posts the fields given, with the due date in milliseconds', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('POST /api/v2/list/123/task', { body: task('9hx', { name: 'New Task Name' }) });
  const out = data(
    await call('create_task', {
      list_id: '123',
      name: 'New Task Name',
      description: 'New Task Description',
      status: 'Open',
      priority: 3,
      due_date: 1508369194377,
      due_date_time: false,
      assignees: [183, '184'],
      tags: ['tag name 1'],
    }),
  );
  assert.deepEqual(onlyRequest(fake).body, {
    name: 'New Task Name',
    description: 'New Task Description',
    status: 'Open',
    priority: 3,
    due_date: 1508369194377,
    due_date_time: false,
    assignees: [183, 184],
    tags: ['tag name 1'],
  });
  assert.equal(out.id, '9hx');
});

test('create_task checks priority and due date before sending', async (t) => {
  const { fake, call } = await setup(t);
  assert.match(failure(await call('create_task', { list_id: '1', name: 'x', priority: 5 })), /priority: /);
  assert.match(
    failure(await call('create_task', { list_id: '1', name: 'x', due_date: 'next week' })),
    /due_date: must be a Unix time in milliseconds or an ISO 8601 date/,
  );
  assert.equal(fake.requests.length, 0);
});

test('update_task puts only the changed fields, with custom id parameters', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('PUT /api/v2/task/DEV-42', { body: task('9hx', { name: 'Updated Task Name' }) });
  const out = data(
    await call('update_task', {
      task_id: 'DEV-42',
      custom_task_ids: true,
      team_id: 1234,
      name: 'Updated Task Name',
      due_date: '2017-10-18',
    }),
  );
  const req = onlyRequest(fake);
  assert.deepEqual(query(req), { custom_task_ids: 'true', team_id: '1234' });
  assert.deepEqual(req.body, { name: 'Updated Task Name', due_date: Date.parse('2017-10-18') });
  assert.equal(out.name, 'Updated Task Name');
  assert.match(failure(await call('update_task', { task_id: '9hx' })), /Give at least one field/);
  assert.equal(fake.requests.length, 1);
});

test('add_comment posts the text, assignee and notify_all (false unless asked)', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('POST /api/v2/task/9hz/comment', { body: { id: '458', hist_id: '26508', date: 1568036964079 } });
  const out = data(await call('add_comment', { task_id: '9hz', comment_text: 'Looks good', assignee: 183 }));
  assert.deepEqual(onlyRequest(fake).body, { comment_text: 'Looks good', assignee: 183, notify_all: false });
  assert.deepEqual(out, { id: '458', task_id: '9hz', date: '2019-09-09T13:49:24.079Z' });
});
