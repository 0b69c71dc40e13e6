import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Client } from '@modelcontextprotocol/client';
import { RESOURCE_PAGE_SIZE } from '../resources.js';
import {
  board,
  calls,
  errorReply,
  group,
  item,
  itemRef,
  serve,
  statusValue,
  workspace,
} from './fake-monday.js';
import { setup, squash } from './harness.js';

/** One resources/list page (listResources() without a cursor would walk them all). */
const listPage = (client: Client, cursor?: string) =>
  client.request({ method: 'resources/list', params: cursor ? { cursor } : {} });

const uris = (page: { resources: { uri: string }[] }) => page.resources.map((r) => r.uri);

test('resources/list walks workspaces, boards, items and groups, each paged', async (t) => {
  const { fake, client } = await setup(t);
  serve(fake, {
    workspaces: ({ variables }) => ({
      workspaces:
        variables.page === 1
          ? Array.from({ length: RESOURCE_PAGE_SIZE }, (_, i) => workspace(String(i + 1)))
          : [workspace('99', 'Last')],
    }),
    boards: ({ variables, query }) => {
      if (query.includes('items_page')) {
        return {
          boards: [
            {
              items_page: {
                cursor: variables.id === '10' ? 'cursor-10' : null,
                items: [itemRef(`${variables.id}1`)],
              },
            },
          ],
        };
      }
      const groups = query.includes('groups') ? { groups: [group('topics', 'Topics')] } : {};
      return { boards: variables.page === 1 ? [board('10', groups), board('20', groups)] : [] };
    },
    next_items_page: () => ({ next_items_page: { cursor: null, items: [itemRef('102')] } }),
  });

  const pages: string[][] = [];
  let cursor: string | undefined;
  do {
    const page = await listPage(client, cursor);
    pages.push(uris(page));
    cursor = page.nextCursor;
  } while (cursor && pages.length < 20);

  assert.deepEqual(pages, [
    Array.from({ length: RESOURCE_PAGE_SIZE }, (_, i) => `monday://workspace/${i + 1}`),
    ['monday://workspace/99'],
    ['monday://board/10', 'monday://board/20'],
    ['monday://item/101'],
    ['monday://item/102'],
    ['monday://item/201'],
    ['monday://board/10/group/topics', 'monday://board/20/group/topics'],
  ]);
  const next = calls(fake).find((c) => squash(c.query).includes('next_items_page'));
  assert.deepEqual(next?.variables, { cursor: 'cursor-10', limit: 100 });
});

test('an items_page cursor monday.com refuses is reported as expired', async (t) => {
  const { fake, client } = await setup(t);
  const expired = Buffer.from(
    JSON.stringify({ t: 2, c: Buffer.from(JSON.stringify({ p: 1, b: 0, c: 'old' })).toString('base64url') }),
  ).toString('base64url');
  serve(fake, {
    boards: () => ({ boards: [board('10')] }),
    next_items_page: () => ({
      reply: errorReply({ message: 'Cursor has expired', code: 'CursorExpiredError' }),
    }),
  });

  await assert.rejects(listPage(client, expired), /cursors expire 60 minutes after they are issued/);
});

test('resources/read gives a workspace with its boards, a board, an item and a group', async (t) => {
  const { fake, client } = await setup(t);
  serve(fake, {
    workspaces: () => ({ workspaces: [workspace('555', 'Product')], boards: [board('10')] }),
    boards: ({ query }) =>
      query.includes('groups(ids')
        ? {
            boards: [
              {
                id: '10',
                name: 'Board 10',
                groups: [
                  group('topics', 'Topics', { items_page: { cursor: null, items: [itemRef('101')] } }),
                ],
              },
            ],
          }
        : {
            boards: [
              board('10', { groups: [], columns: [], items_page: { cursor: null, items: [itemRef('101')] } }),
            ],
          },
    items: () => ({ items: [item('101', { column_values: [statusValue], subitems: [] })] }),
  });

  const read = async (uri: string) => {
    const { contents } = await client.readResource({ uri });
    const [content] = contents as { uri: string; mimeType: string; text: string }[];
    assert.equal(content?.mimeType, 'application/json');
    assert.equal(content?.uri, uri);
    return JSON.parse(content?.text ?? '{}') as Record<string, unknown>;
  };

  const ws = await read('monday://workspace/555');
  assert.equal(ws.name, 'Product');
  assert.deepEqual(ws.boards, [
    { id: '10', name: 'Board 10', state: 'active', url: 'https://acme.monday.com/boards/10' },
  ]);
  assert.deepEqual((await read('monday://board/10')).items, [
    { id: '101', name: 'Item 101', group_id: 'topics' },
  ]);
  assert.equal(((await read('monday://item/101')).column_values as { text: string }[])[0]?.text, 'Done');
  assert.equal((await read('monday://board/10/group/topics')).title, 'Topics');

  assert.deepEqual(
    calls(fake).map((c) => c.variables),
    [{ id: '555' }, { id: '10' }, { id: '101' }, { boardId: '10', groupId: 'topics' }],
  );
  await assert.rejects(client.readResource({ uri: 'monday://board/abc' }), /Invalid board id/);
});
