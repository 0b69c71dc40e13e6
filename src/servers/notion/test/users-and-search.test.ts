import assert from 'node:assert/strict';
import { test } from 'node:test';
import { query } from '../../../testing/fake-service.js';
import {
  API,
  calls,
  data,
  dataSource,
  fakeNotion,
  id,
  notionClient,
  page,
  TASKS_SCHEMA,
  user,
} from './fake-notion.js';

test('list_all_users pages through GET /v1/users and answers people and bots', async (t) => {
  const people = Array.from({ length: 130 }, (_, i) => user(`person${i}`, `p${i}@example.com`));
  const fake = await fakeNotion(t, { users: [user('Acme bot'), ...people] });
  const client = await notionClient(t);

  const out = data(await client.callTool({ name: 'list_all_users', arguments: { limit: 120 } }));

  assert.deepEqual(calls(fake), [`GET ${API}/users`, `GET ${API}/users`]);
  assert.deepEqual(fake.requests.map(query), [
    { page_size: '100' },
    { page_size: '20', start_cursor: 'cur-100' },
  ]);
  const users = out.users as Record<string, unknown>[];
  assert.equal(out.count, 120);
  assert.equal(out.has_more, true);
  assert.deepEqual(users[0], { id: id('bot-Acme bot'), name: 'Acme bot', type: 'bot' });
  assert.deepEqual(users[1], {
    id: id('user-person0'),
    name: 'person0',
    type: 'person',
    email: 'p0@example.com',
  });
});

test('search_pages posts the query with the page filter and answers titles, urls and parents', async (t) => {
  const fake = await fakeNotion(t, { pages: [page('page-1', 'Roadmap 2026'), page('page-2', 'Recipes')] });
  const client = await notionClient(t);

  const out = data(await client.callTool({ name: 'search_pages', arguments: { query: 'roadmap' } }));

  assert.deepEqual(calls(fake), [`POST ${API}/search`]);
  assert.deepEqual(fake.requests[0]?.body, {
    query: 'roadmap',
    filter: { property: 'object', value: 'page' },
    page_size: 100,
  });
  assert.deepEqual(out, {
    count: 1,
    has_more: false,
    pages: [
      {
        id: id('page-1'),
        title: 'Roadmap 2026',
        url: page('page-1', 'Roadmap 2026').url,
        parent: { type: 'data_source_id', id: id('ds-tasks') },
        created_time: '2026-05-01T10:00:00.000Z',
        last_edited_time: '2026-05-02T10:00:00.000Z',
        in_trash: false,
      },
    ],
  });
});

test('an empty search_pages query lists every page shared with the integration', async (t) => {
  const fake = await fakeNotion(t, { pages: [page('page-1', 'A'), page('page-2', 'B')] });
  const client = await notionClient(t);

  const out = data(await client.callTool({ name: 'search_pages', arguments: { query: '' } }));

  assert.deepEqual(fake.requests[0]?.body, { filter: { property: 'object', value: 'page' }, page_size: 100 });
  assert.equal(out.count, 2);
});

test('list_databases searches data sources and answers each with its database id and schema', async (t) => {
  const fake = await fakeNotion(t, { dataSources: [dataSource('ds-tasks', 'Tasks', 'db-tasks')] });
  const client = await notionClient(t);

  const out = data(await client.callTool({ name: 'list_databases', arguments: {} }));

  assert.deepEqual(fake.requests[0]?.body, {
    filter: { property: 'object', value: 'data_source' },
    page_size: 100,
  });
  assert.deepEqual(out.databases, [
    {
      database_id: id('db-tasks'),
      data_source_id: id('ds-tasks'),
      title: 'Tasks',
      url: dataSource('ds-tasks', 'Tasks', 'db-tasks').url,
      properties: Object.fromEntries(Object.values(TASKS_SCHEMA).map((p) => [p.name, p.type])),
    },
  ]);
});

test('search follows start_cursor across pages (the cursor goes in the body)', async (t) => {
  const pages = Array.from({ length: 150 }, (_, i) => page(`page-${i}`, `Note ${i}`));
  const fake = await fakeNotion(t, { pages });
  const client = await notionClient(t);

  const out = data(
    await client.callTool({ name: 'search_pages', arguments: { query: 'note', limit: 1000 } }),
  );

  assert.deepEqual(
    fake.requests.map((r) => (r.body as { start_cursor?: string }).start_cursor),
    [undefined, 'cur-100'],
  );
  assert.equal(out.count, 150);
  assert.equal(out.has_more, false);
});
