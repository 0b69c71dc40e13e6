import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  board,
  calls,
  dateValue,
  emptyText,
  group,
  item,
  itemRef,
  me,
  serve,
  statusValue,
  workspace,
} from './fake-monday.js';
import { assertHeaders, data, failure, onlyCall, setup, squash } from './harness.js';

test('get_me is one POST of the query with the bare token and the pinned API version', async (t) => {
  const { fake, call } = await setup(t);
  serve(fake, { me: () => ({ me: me() }) });

  assert.deepEqual(data(await call('get_me')), {
    id: '4012689',
    name: 'Dana Monday',
    email: 'dana@example.com',
    title: 'Ops lead',
    created_at: '2023-04-01T08:00:00Z',
    url: 'https://acme.monday.com/users/4012689',
  });
  const { query, variables } = onlyCall(fake);
  assert.equal(squash(query), 'query { me { id name email title created_at url } }');
  assert.deepEqual(variables, {});
});

test('get_workspaces follows limit/page until a short page', async (t) => {
  const { fake, call } = await setup(t);
  serve(fake, {
    workspaces: ({ variables }) => {
      const page = Number(variables.page);
      const n = page === 1 ? 100 : 7;
      return { workspaces: Array.from({ length: n }, (_, i) => workspace(String(page * 1000 + i))) };
    },
  });

  const out = data(await call('get_workspaces'));

  assert.equal(out.count, 107);
  assert.equal(out.more, false);
  assert.deepEqual((out.workspaces as unknown[])[0], {
    id: '1000',
    name: 'Workspace 1000',
    kind: 'open',
    description: 'About Workspace 1000',
    state: 'active',
    created_at: '2024-01-15T09:00:00Z',
  });
  const all = calls(fake);
  assert.deepEqual(
    all.map((c) => c.variables),
    [
      { limit: 100, page: 1 },
      { limit: 100, page: 2 },
    ],
  );
  for (const c of all) assertHeaders(c.req);
  assert.match(
    squash(all[0]?.query ?? ''),
    /workspaces\(limit: \$limit, page: \$page\) \{ id name kind description state created_at \}/,
  );
});

test('get_boards pages through boards and stops at 1000', async (t) => {
  const { fake, call } = await setup(t);
  serve(fake, {
    boards: ({ variables }) => ({
      boards: Array.from({ length: 100 }, (_, i) => board(String(Number(variables.page) * 1000 + i))),
    }),
  });

  const out = data(await call('get_boards'));

  assert.equal(out.count, 1000);
  assert.equal(out.more, true);
  assert.equal(calls(fake).length, 10);
  assert.deepEqual((out.boards as unknown[])[0], {
    id: '1000',
    name: 'Board 1000',
    description: null,
    state: 'active',
    board_kind: 'public',
    workspace_id: '555',
    updated_at: '2026-11-20T10:00:00Z',
    url: 'https://acme.monday.com/boards/1000',
  });
});

test('get_board gives groups, columns and items, following the items_page cursor', async (t) => {
  const { fake, call } = await setup(t);
  serve(fake, {
    boards: ({ variables }) => ({
      boards: [
        board(String(variables.id), {
          items_count: 3,
          groups: [group('topics', 'Topics'), group('done', 'Done', { archived: null })],
          columns: [
            { id: 'name', title: 'Name', type: 'name' },
            { id: 'status', title: 'Status', type: 'status' },
          ],
          items_page: { cursor: 'MSw5NzI4MDA5MDAsaV9Y', items: [itemRef('11'), itemRef('12')] },
        }),
      ],
    }),
    next_items_page: () => ({ next_items_page: { cursor: null, items: [itemRef('13', 'done')] } }),
  });

  const out = data(await call('get_board', { board_id: 1234567890 }));

  assert.deepEqual(out.groups, [
    { id: 'topics', title: 'Topics', color: '#579bfc', position: '65536', archived: false },
    { id: 'done', title: 'Done', color: '#579bfc', position: '65536', archived: null },
  ]);
  assert.deepEqual(out.columns, [
    { id: 'name', title: 'Name', type: 'name' },
    { id: 'status', title: 'Status', type: 'status' },
  ]);
  assert.deepEqual(out.items, [
    { id: '11', name: 'Item 11', group_id: 'topics' },
    { id: '12', name: 'Item 12', group_id: 'topics' },
    { id: '13', name: 'Item 13', group_id: 'done' },
  ]);
  assert.equal(out.items_more, false);
  assert.equal(out.items_count, 3);
  const [first, second] = calls(fake);
  assert.deepEqual(first?.variables, { id: '1234567890' });
  assert.match(
    squash(first?.query ?? ''),
    /boards\(ids: \[\$id\]\) \{ .* items_page\(limit: 100\) \{ cursor items \{ id name group \{ id title \} \} \}/,
  );
  assert.deepEqual(second?.variables, { cursor: 'MSw5NzI4MDA5MDAsaV9Y', limit: 100 });
  assert.match(squash(second?.query ?? ''), /next_items_page\(cursor: \$cursor, limit: \$limit\)/);
});

test('get_board stops following items at 500 and says there are more', async (t) => {
  const { fake, call } = await setup(t);
  let n = 0;
  const page = () => Array.from({ length: 100 }, () => itemRef(String(++n)));
  serve(fake, {
    boards: () => ({ boards: [board('1', { items_page: { cursor: 'c0', items: page() } })] }),
    next_items_page: () => ({ next_items_page: { cursor: `c${n}`, items: page() } }),
  });

  const out = data(await call('get_board', { board_id: '1' }));

  assert.equal((out.items as unknown[]).length, 500);
  assert.equal(out.items_more, true);
  assert.equal(calls(fake).length, 5);
});

test('get_board of a board monday.com does not return names it, and a bad id is refused', async (t) => {
  const { fake, call } = await setup(t);
  serve(fake, { boards: () => ({ boards: [] }) });
  assert.equal(failure(await call('get_board', { board_id: '42' })), 'Board not found: 42');
  assert.match(failure(await call('get_board', { board_id: 'abc' })), /board_id/);
  assert.equal(calls(fake).length, 1);
});

test('get_group gives the group of the board with its items', async (t) => {
  const { fake, call } = await setup(t);
  serve(fake, {
    boards: () => ({
      boards: [
        {
          id: '1234567890',
          name: 'Roadmap',
          groups: [
            group('topics', 'Topics', {
              deleted: false,
              items_page: { cursor: null, items: [itemRef('11')] },
            }),
          ],
        },
      ],
    }),
  });

  assert.deepEqual(data(await call('get_group', { board_id: 1234567890, group_id: 'topics' })), {
    id: 'topics',
    title: 'Topics',
    color: '#579bfc',
    position: '65536',
    archived: false,
    deleted: false,
    board: { id: '1234567890', name: 'Roadmap' },
    items: [{ id: '11', name: 'Item 11', group_id: 'topics' }],
    items_more: false,
  });
  const { query, variables } = onlyCall(fake);
  assert.deepEqual(variables, { boardId: '1234567890', groupId: 'topics' });
  assert.match(squash(query), /groups\(ids: \[\$groupId\]\)/);
});

test('get_group of a group the board does not have names it', async (t) => {
  const { fake, call } = await setup(t);
  serve(fake, { boards: () => ({ boards: [{ id: '1', name: 'B', groups: [] }] }) });
  assert.equal(
    failure(await call('get_group', { board_id: 1, group_id: 'gone' })),
    'Group not found: gone on board 1',
  );
});

test('get_item decodes the JSON-encoded column values', async (t) => {
  const { fake, call } = await setup(t);
  serve(fake, {
    items: () => ({
      items: [
        item('9876', {
          parent_item: null,
          column_values: [statusValue, dateValue, emptyText, { ...emptyText, id: 'odd', value: 'not json' }],
          subitems: [{ id: '9877', name: 'Sub' }],
        }),
      ],
    }),
  });

  const out = data(await call('get_item', { item_id: '9876' }));

  assert.deepEqual(out.column_values, [
    {
      id: 'status',
      title: 'Status',
      type: 'status',
      text: 'Done',
      value: { index: 1, post_id: null, changed_at: '2026-11-01T17:24:57.321Z' },
    },
    {
      id: 'date4',
      title: 'Due date',
      type: 'date',
      text: '2026-12-01',
      value: { date: '2026-12-01', changed_at: '2026-11-02T10:00:00.000Z' },
    },
    { id: 'text', title: 'Notes', type: 'text', text: '', value: null },
    { id: 'odd', title: 'Notes', type: 'text', text: '', value: 'not json' },
  ]);
  assert.deepEqual(out.subitems, [{ id: '9877', name: 'Sub' }]);
  assert.deepEqual(out.board, { id: '1234567890', name: 'Board 1234567890' });
  assert.equal(out.parent_item_id, null);
  assert.deepEqual(onlyCall(fake).variables, { id: '9876' });
});

test('get_item and get_subitems name an item monday.com does not return', async (t) => {
  const { fake, call } = await setup(t);
  serve(fake, { items: () => ({ items: [] }) });
  assert.equal(failure(await call('get_item', { item_id: 5 })), 'Item not found: 5');
  assert.equal(failure(await call('get_subitems', { item_id: 5 })), 'Item not found: 5');
});

test('get_subitems lists the subitems with their column values', async (t) => {
  const { fake, call } = await setup(t);
  serve(fake, {
    items: () => ({
      items: [
        { id: '100', subitems: [item('101', { parent_item: { id: '100' }, column_values: [statusValue] })] },
      ],
    }),
  });

  const out = data(await call('get_subitems', { item_id: 100 }));

  assert.equal(out.item_id, '100');
  assert.equal(out.count, 1);
  const [sub] = out.subitems as Record<string, unknown>[];
  assert.equal(sub?.id, '101');
  assert.equal(sub?.parent_item_id, '100');
  assert.deepEqual((sub?.column_values as { value: unknown }[])[0]?.value, {
    index: 1,
    post_id: null,
    changed_at: '2026-11-01T17:24:57.321Z',
  });
  assert.match(
    squash(onlyCall(fake).query),
    /items\(ids: \[\$id\]\) \{ id subitems \{ .*column_values \{ id type text value column \{ title \} \} \} \}/,
  );
});
