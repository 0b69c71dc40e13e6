import assert from 'node:assert/strict';
import { test } from 'node:test';
import { board, calls, group, item, serve, statusValue } from './fake-monday.js';
import { data, failure, onlyCall, setup, squash } from './harness.js';

test('create_board sends the board with its kind and description as variables', async (t) => {
  const { fake, call } = await setup(t);
  serve(fake, {
    create_board: ({ variables }) => ({
      create_board: board('777', {
        name: variables.boardName,
        board_kind: variables.boardKind,
        description: variables.description,
      }),
    }),
  });

  const out = data(
    await call('create_board', {
      workspace_id: 555,
      board_name: 'Launch',
      board_kind: 'private',
      description: 'Q1 launch',
    }),
  );

  assert.deepEqual(out, {
    id: '777',
    name: 'Launch',
    description: 'Q1 launch',
    state: 'active',
    board_kind: 'private',
    workspace_id: '555',
    updated_at: '2026-11-20T10:00:00Z',
    url: 'https://acme.monday.com/boards/777',
  });
  const { query, variables } = onlyCall(fake);
  assert.deepEqual(variables, {
    workspaceId: '555',
    boardName: 'Launch',
    boardKind: 'private',
    description: 'Q1 launch',
  });
  assert.match(
    squash(query),
    /^mutation CreateBoard\(\$workspaceId: ID!, \$boardName: String!, \$boardKind: BoardKind!, \$description: String\) \{ create_board\(workspace_id: \$workspaceId, board_name: \$boardName, board_kind: \$boardKind, description: \$description\)/,
  );
  assert.match(
    failure(await call('create_board', { workspace_id: 1, board_name: 'x', board_kind: 'secret' })),
    /board_kind/,
  );
});

test('create_item, create_group, create_column and create_subitem answer what they made', async (t) => {
  const { fake, call } = await setup(t);
  serve(fake, {
    create_item: ({ variables }) => ({ create_item: item('9001', { name: variables.itemName }) }),
    create_group: ({ variables }) => ({ create_group: group('new_group29179', String(variables.groupName)) }),
    create_column: ({ variables }) => ({
      create_column: { id: 'status_1', title: variables.title, type: variables.columnType },
    }),
    create_subitem: ({ variables }) => ({
      create_subitem: item('9002', { name: variables.itemName, parent_item: { id: variables.parentItemId } }),
    }),
  });

  const created = data(await call('create_item', { board_id: '1234567890', item_name: 'Write spec' }));
  assert.equal(created.id, '9001');
  assert.equal(created.name, 'Write spec');
  assert.deepEqual(created.group, { id: 'topics', title: 'Topics' });

  assert.deepEqual(data(await call('create_group', { board_id: 1, group_name: 'Backlog' })), {
    id: 'new_group29179',
    title: 'Backlog',
    color: '#579bfc',
    position: '65536',
    archived: false,
  });
  assert.deepEqual(
    data(await call('create_column', { board_id: 1, title: 'Stage', column_type: 'status' })),
    {
      id: 'status_1',
      title: 'Stage',
      type: 'status',
    },
  );
  const sub = data(await call('create_subitem', { parent_item_id: 9001, item_name: 'Outline' }));
  assert.equal(sub.parent_item_id, '9001');

  assert.deepEqual(
    calls(fake).map((c) => c.variables),
    [
      { boardId: '1234567890', itemName: 'Write spec' },
      { boardId: '1', groupName: 'Backlog' },
      { boardId: '1', title: 'Stage', columnType: 'status' },
      { parentItemId: '9001', itemName: 'Outline' },
    ],
  );
  assert.match(squash(calls(fake)[2]?.query ?? ''), /\$columnType: ColumnType!/);
  assert.match(
    failure(await call('create_column', { board_id: 1, title: 'x', column_type: 'Status Column' })),
    /column_type/,
  );
});

test('change_column_value sends an object JSON-encoded to change_column_value', async (t) => {
  const { fake, call } = await setup(t);
  serve(fake, {
    change_column_value: () => ({
      change_column_value: { id: '9001', name: 'Write spec', column_values: [statusValue] },
    }),
  });

  const out = data(
    await call('change_column_value', {
      board_id: 1,
      item_id: 9001,
      column_id: 'status',
      value: { label: 'Done' },
    }),
  );

  assert.deepEqual(out, {
    item_id: '9001',
    name: 'Write spec',
    column: {
      id: 'status',
      title: 'Status',
      type: 'status',
      text: 'Done',
      value: { index: 1, post_id: null, changed_at: '2026-11-01T17:24:57.321Z' },
    },
  });
  const { query, variables } = onlyCall(fake);
  assert.deepEqual(variables, {
    boardId: '1',
    itemId: '9001',
    columnId: 'status',
    value: '{"label":"Done"}',
  });
  assert.match(
    squash(query),
    /\$value: JSON!\) \{ change_column_value\(board_id: \$boardId, item_id: \$itemId, column_id: \$columnId, value: \$value\)/,
  );
});

test('change_column_value sends a plain string to change_simple_column_value, and JSON text as JSON', async (t) => {
  const { fake, call } = await setup(t);
  serve(fake, {
    change_simple_column_value: () => ({
      change_simple_column_value: { id: '9001', name: 'x', column_values: [] },
    }),
    change_column_value: () => ({ change_column_value: { id: '9001', name: 'x', column_values: [] } }),
  });

  assert.equal(
    data(
      await call('change_column_value', {
        board_id: 1,
        item_id: 9001,
        column_id: 'status',
        value: 'Working on it',
      }),
    ).column,
    null,
  );
  data(
    await call('change_column_value', {
      board_id: 1,
      item_id: 9001,
      column_id: 'date4',
      value: '{"date": "2026-12-01"}',
    }),
  );

  const [simple, json] = calls(fake);
  assert.equal(simple?.variables.value, 'Working on it');
  assert.match(squash(simple?.query ?? ''), /\$value: String!\) \{ change_simple_column_value\(/);
  assert.equal(json?.variables.value, '{"date":"2026-12-01"}');
  assert.match(squash(json?.query ?? ''), /\$value: JSON!\) \{ change_column_value\(/);
});

test('deletes and archives answer the id and state of what they acted on', async (t) => {
  const { fake, call } = await setup(t);
  serve(fake, {
    delete_item: ({ variables }) => ({ delete_item: { id: variables.itemId } }),
    delete_group: ({ variables }) => ({ delete_group: { id: variables.groupId, deleted: true } }),
    archive_item: ({ variables }) => ({
      archive_item: { id: variables.itemId, name: 'Old', state: 'archived' },
    }),
    archive_group: ({ variables }) => ({
      archive_group: { id: variables.groupId, title: 'Done', archived: true },
    }),
    archive_board: ({ variables }) => ({
      archive_board: { id: variables.boardId, name: 'Old board', state: 'archived' },
    }),
  });

  assert.deepEqual(data(await call('delete_item', { item_id: 11 })), { deleted: true, id: '11' });
  assert.deepEqual(data(await call('delete_subitem', { sub_item_id: '12' })), { deleted: true, id: '12' });
  assert.deepEqual(data(await call('delete_group', { board_id: 1, group_id: 'done' })), {
    deleted: true,
    id: 'done',
  });
  assert.deepEqual(data(await call('archive_item', { item_id: 13 })), {
    id: '13',
    name: 'Old',
    state: 'archived',
  });
  assert.deepEqual(data(await call('archive_group', { board_id: 1, group_id: 'done' })), {
    id: 'done',
    title: 'Done',
    color: null,
    position: null,
    archived: true,
  });
  assert.deepEqual(data(await call('archive_board', { board_id: 1 })), {
    id: '1',
    name: 'Old board',
    state: 'archived',
  });

  assert.deepEqual(
    calls(fake).map((c) => [squash(c.query).split('{')[1]?.trim(), c.variables]),
    [
      ['delete_item(item_id: $itemId)', { itemId: '11' }],
      ['delete_item(item_id: $itemId)', { itemId: '12' }],
      ['delete_group(board_id: $boardId, group_id: $groupId)', { boardId: '1', groupId: 'done' }],
      ['archive_item(item_id: $itemId)', { itemId: '13' }],
      ['archive_group(board_id: $boardId, group_id: $groupId)', { boardId: '1', groupId: 'done' }],
      ['archive_board(board_id: $boardId)', { boardId: '1' }],
    ],
  );
});

test('a mutation monday.com answers with null names what it could not find', async (t) => {
  const { fake, call } = await setup(t);
  serve(fake, { delete_item: () => ({ delete_item: null }) });
  assert.equal(failure(await call('delete_item', { item_id: 404 })), 'Item not found: 404');
});
