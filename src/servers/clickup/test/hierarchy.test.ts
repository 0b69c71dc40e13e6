import assert from 'node:assert/strict';
import { test } from 'node:test';
import { query } from '../../../testing/fake-service.js';
import { folder, list, space, team, user } from './fake-clickup.js';
import { data, failure, onlyRequest, setup } from './harness.js';

test('get_authenticated_user answers with the token’s user', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /api/v2/user', { body: { user } });
  assert.deepEqual(data(await call('get_authenticated_user')), {
    id: 123,
    username: 'John Doe',
    email: 'user@company.com',
    timezone: 'America/Los_Angeles',
  });
  onlyRequest(fake);
});

test('get_workspaces lists the authorized workspaces with their members', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /api/v2/team', { body: { teams: [team] } });
  assert.deepEqual(data(await call('get_workspaces')), {
    count: 1,
    workspaces: [
      {
        id: '1234',
        name: 'My ClickUp Workspace',
        color: '#000000',
        members: [{ id: 123, username: 'John Doe', email: null }],
      },
    ],
  });
  onlyRequest(fake);
});

test('get_spaces passes archived and trims each space to its statuses', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /api/v2/team/1234/space', { body: { spaces: [space] } });
  const out = data(await call('get_spaces', { workspace_id: '1234', archived: true }));
  assert.deepEqual(query(onlyRequest(fake)), { archived: 'true' });
  assert.deepEqual(out.spaces, [
    {
      id: '790',
      name: 'Updated Space Name',
      private: false,
      archived: false,
      statuses: ['to do', 'complete'],
      multiple_assignees: false,
    },
  ]);
});

test('get_folders lists the folders of a space with their lists', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /api/v2/space/790/folder', {
    body: { folders: [{ ...folder, lists: [{ ...list, id: '125', name: 'Sprint 1' }] }] },
  });
  const out = data(await call('get_folders', { space_id: 790 }));
  assert.deepEqual(query(onlyRequest(fake)), {});
  assert.deepEqual((out.folders as { lists: unknown }[])[0]?.lists, [{ id: '125', name: 'Sprint 1' }]);
});

test('get_lists reads a folder’s lists, or a space’s lists outside folders, and needs one of the two', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /api/v2/folder/456/list', { body: { lists: [list] } });
  fake.route('GET /api/v2/space/789/list', { body: { lists: [] } });

  const inFolder = data(await call('get_lists', { folder_id: '456' }));
  assert.deepEqual((inFolder.lists as unknown[])[0], {
    id: '124',
    name: 'New List Name',
    content: 'New List Content',
    status: 'red',
    priority: 'urgent',
    assignee: { id: 183, username: 'Jerry', email: null },
    task_count: null,
    due_date: '2019-09-06T14:34:10.202Z',
    archived: false,
    folder: { id: '456', name: 'Folder Name' },
    space: { id: '789', name: 'Space Name' },
  });
  assert.deepEqual(data(await call('get_lists', { space_id: '789', archived: false })), {
    count: 0,
    lists: [],
  });
  assert.deepEqual(
    fake.requests.map((r) => `${r.path}?${r.query}`),
    ['/api/v2/folder/456/list?', '/api/v2/space/789/list?archived=false'],
  );

  assert.match(failure(await call('get_lists', {})), /Give folder_id .* or space_id/);
  assert.match(failure(await call('get_lists', { folder_id: '1', space_id: '2' })), /not both/);
  assert.match(failure(await call('get_lists', { folder_id: 'abc' })), /folder_id: must be a folder id/);
  assert.equal(fake.requests.length, 2);
});

test('create_list posts to a folder or to a space, with only the fields given', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('POST /api/v2/folder/456/list', { body: list });
  fake.route('POST /api/v2/space/789/list', {
    body: { ...list, folder: { id: '457', name: 'hidden', hidden: true } },
  });

  const out = data(
    await call('create_list', {
      folder_id: '456',
      name: 'New List Name',
      content: 'New List Content',
      due_date: '2019-09-06T14:34:10.202Z',
      due_date_time: false,
      priority: 1,
      assignee: 183,
      status: 'red',
    }),
  );
  assert.equal(out.id, '124');
  assert.deepEqual(fake.requests[0]?.body, {
    name: 'New List Name',
    content: 'New List Content',
    due_date: 1567780450202,
    due_date_time: false,
    priority: 1,
    assignee: 183,
    status: 'red',
  });
  data(await call('create_list', { space_id: '789', name: 'Backlog' }));
  assert.deepEqual(fake.requests[1]?.body, { name: 'Backlog' });
  assert.equal(fake.requests[1]?.path, '/api/v2/space/789/list');
});

test('create_folder posts the name to the space', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('POST /api/v2/space/789/folder', { body: folder });
  const out = data(await call('create_folder', { space_id: '789', name: 'New Folder Name' }));
  assert.deepEqual(onlyRequest(fake).body, { name: 'New Folder Name' });
  assert.deepEqual(out, {
    id: '457',
    name: 'New Folder Name',
    hidden: false,
    archived: false,
    task_count: 0,
    space: { id: '789', name: 'Space Name' },
    lists: [],
  });
});
