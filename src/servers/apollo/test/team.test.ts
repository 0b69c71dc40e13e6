import assert from 'node:assert/strict';
import { test } from 'node:test';
import { query } from '../../../testing/fake-service.js';
import { search, task, user } from './fake-apollo.js';
import { data, failure, onlyRequest, setup } from './harness.js';

const USER = '66302798d03b9601c7934ebf';

test('list_users reads users/search and trims users to their main fields', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /api/v1/users/search', {
    body: search('users', [user('5cc77da1b2c3d4e5f6a7b8c9', 'Test User')], 1, 25, 1),
  });
  const out = data(await call('list_users', {}));
  assert.deepEqual(query(onlyRequest(fake)), { page: '1', per_page: '25' });
  assert.deepEqual(out.users, [
    {
      id: '5cc77da1b2c3d4e5f6a7b8c9',
      name: 'Test User',
      first_name: 'Test',
      last_name: 'User',
      email: 'test@example.com',
      title: null,
      team_id: '5c1004a1b2c3d4e5f6a7b8c9',
      deleted: false,
      created_at: '2019-04-29T22:39:36.645Z',
    },
  ]);
});

test('create_task creates one task per contact via tasks/bulk_create and says what, for whom, when', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('POST /api/v1/tasks/bulk_create', {
    body: {
      success: true,
      tasks: [task('t1', '5cd9a1b2c3d4e5f6a7b8c9d0'), task('t2', '5cd9a1b2c3d4e5f6a7b8c9d1')],
    },
  });
  const args = {
    user_id: USER,
    contact_ids: ['5cd9a1b2c3d4e5f6a7b8c9d0', '5cd9a1b2c3d4e5f6a7b8c9d1'],
    priority: 'high',
    due_at: '2025-02-15T08:10:30Z',
    type: 'call',
    status: 'scheduled',
    note: 'Ask about the renewal',
  };
  const out = data(await call('create_task', args));
  assert.deepEqual(onlyRequest(fake).body, args);
  assert.equal(out.created, 2);
  assert.equal(
    out.message,
    `Created 2 high-priority call tasks (scheduled) for user ${USER}, due 2025-02-15T08:10:30Z, on contacts ` +
      '5cd9a1b2c3d4e5f6a7b8c9d0, 5cd9a1b2c3d4e5f6a7b8c9d1.',
  );
});

test('create_task names a wrong argument, and is not retried after a 500', async (t) => {
  const { fake, call } = await setup(t);
  const base = {
    user_id: USER,
    contact_ids: ['c1'],
    priority: 'high',
    due_at: '2025-02-15T08:10:30Z',
    type: 'call',
    status: 'scheduled',
  };
  assert.match(failure(await call('create_task', { ...base, priority: 'urgent' })), /priority/);
  assert.match(failure(await call('create_task', { ...base, due_at: 'tomorrow' })), /due_at/);
  assert.match(failure(await call('create_task', { ...base, contact_ids: [] })), /contact_ids/);
  assert.equal(fake.requests.length, 0);
  fake.route('POST /api/v1/tasks/bulk_create', { status: 500, body: 'Internal error' });
  assert.match(failure(await call('create_task', base)), /may have gone through/);
  assert.equal(fake.requests.length, 1);
});
