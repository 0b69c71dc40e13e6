import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  API,
  calls,
  data,
  database,
  dataSource,
  failure,
  fakeNotion,
  id,
  notionClient,
  page,
  richText,
} from './fake-notion.js';

const tasksDb = database('db-tasks', 'Tasks', [{ label: 'ds-tasks', name: 'Tasks' }]);
const tasks = dataSource('ds-tasks', 'Tasks', 'db-tasks');

const row = (n: number) =>
  page(`row-${n}`, `Task ${n}`, {
    Status: { id: 'Z%3ClH', type: 'status', status: { id: 's1', name: 'Todo', color: 'red' } },
    Tags: { id: 'flsb', type: 'multi_select', multi_select: [{ id: 't1', name: 'infra', color: 'blue' }] },
    Due: { id: 'AJP%7D', type: 'date', date: { start: '2026-06-01', end: null, time_zone: null } },
    Estimate: { id: 'Ztj%3F', type: 'number', number: n },
    Done: { id: 'Dk%5E', type: 'checkbox', checkbox: false },
    Notes: {
      id: 'wQ%3A',
      type: 'rich_text',
      rich_text: [richText('see '), richText('spec', { bold: true })],
    },
    Owner: { id: 'Pe%7B', type: 'people', people: [{ object: 'user', id: id('user-ada'), name: 'Ada' }] },
    Created: { id: 'Cr%40', type: 'created_time', created_time: '2026-05-01T10:00:00.000Z' },
  });

test('query_database resolves the database to its data source and queries it, with filter and sorts', async (t) => {
  const fake = await fakeNotion(t, {
    databases: [tasksDb],
    dataSources: [tasks],
    rows: { [id('ds-tasks')]: [row(1)] },
  });
  const client = await notionClient(t);
  const filter = { property: 'Status', status: { equals: 'Todo' } };
  const sorts = [{ property: 'Due', direction: 'ascending' }];

  const out = data(
    await client.callTool({
      name: 'query_database',
      arguments: { database_id: id('db-tasks').replace(/-/g, ''), filter, sorts },
    }),
  );

  assert.deepEqual(calls(fake), [
    `GET ${API}/databases/${id('db-tasks')}`,
    `POST ${API}/data_sources/${id('ds-tasks')}/query`,
  ]);
  assert.deepEqual(fake.requests[1]?.body, { filter, sorts, page_size: 100 });
  assert.equal(out.database_id, id('db-tasks'));
  assert.equal(out.data_source_id, id('ds-tasks'));
  assert.deepEqual((out.pages as { properties: unknown }[])[0]?.properties, {
    Name: 'Task 1',
    Status: 'Todo',
    Tags: ['infra'],
    Due: '2026-06-01',
    Estimate: 1,
    Done: false,
    Notes: 'see spec',
    Owner: ['Ada'],
    Created: '2026-05-01T10:00:00.000Z',
  });
  assert.equal(out.raw, undefined);
});

test('rows are paged with start_cursor up to the limit, and raw gives Notion’s objects', async (t) => {
  const rows = Array.from({ length: 120 }, (_, i) => row(i));
  const fake = await fakeNotion(t, {
    databases: [tasksDb],
    dataSources: [tasks],
    rows: { [id('ds-tasks')]: rows },
  });
  const client = await notionClient(t);

  const out = data(
    await client.callTool({
      name: 'query_database',
      arguments: { database_id: id('db-tasks'), limit: 110, raw: true },
    }),
  );

  const queries = fake.requests.slice(1).map((r) => r.body);
  assert.deepEqual(queries, [{ page_size: 100 }, { page_size: 10, start_cursor: 'cur-100' }]);
  assert.equal(out.count, 110);
  assert.equal(out.has_more, true);
  assert.equal((out.raw as unknown[]).length, 110);
  assert.deepEqual((out.raw as unknown[])[0], JSON.parse(JSON.stringify(rows[0])));
});

test('a data source id (as list_databases gives it) is queried directly after the database lookup misses', async (t) => {
  const fake = await fakeNotion(t, { dataSources: [tasks], rows: { [id('ds-tasks')]: [row(1)] } });
  const client = await notionClient(t);

  const out = data(
    await client.callTool({ name: 'query_database', arguments: { database_id: id('ds-tasks') } }),
  );

  assert.deepEqual(calls(fake), [
    `GET ${API}/databases/${id('ds-tasks')}`,
    `GET ${API}/data_sources/${id('ds-tasks')}`,
    `POST ${API}/data_sources/${id('ds-tasks')}/query`,
  ]);
  assert.equal(out.database_id, id('db-tasks'));
  assert.equal(out.count, 1);
});

test('a database with several data sources asks which one, listing them', async (t) => {
  const multi = database('db-multi', 'Work', [
    { label: 'ds-a', name: 'Tasks' },
    { label: 'ds-b', name: 'Bugs' },
  ]);
  await fakeNotion(t, { databases: [multi] });
  const client = await notionClient(t);

  assert.equal(
    failure(await client.callTool({ name: 'query_database', arguments: { database_id: id('db-multi') } })),
    `Database ${id('db-multi')} has 2 data sources; pass one of their ids as database_id: ` +
      `"Tasks" (${id('ds-a')}), "Bugs" (${id('ds-b')})`,
  );
});

test('an unknown (or unshared) database is named, with the sharing hint', async (t) => {
  await fakeNotion(t);
  const client = await notionClient(t);

  assert.equal(
    failure(await client.callTool({ name: 'query_database', arguments: { database_id: id('db-nope') } })),
    `Database not found: ${id('db-nope')} (or it is not shared with the integration: add the connection to it in Notion)`,
  );
});

test('a database_id that is no Notion id is refused by name before any request', async (t) => {
  const fake = await fakeNotion(t);
  const client = await notionClient(t);

  const message = failure(
    await client.callTool({ name: 'query_database', arguments: { database_id: '../pages' } }),
  );

  assert.match(message, /^Invalid arguments for tool query_database: database_id: not a Notion database id/);
  assert.equal(fake.requests.length, 0);
});
