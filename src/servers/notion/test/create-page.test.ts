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
} from './fake-notion.js';

const fixtures = {
  databases: [database('db-tasks', 'Tasks', [{ label: 'ds-tasks', name: 'Tasks' }])],
  dataSources: [dataSource('ds-tasks', 'Tasks', 'db-tasks')],
};
const DB = id('db-tasks');
const DS = id('ds-tasks');

test('create_page turns plain values into property values by the data source’s schema, under a data_source_id parent', async (t) => {
  const fake = await fakeNotion(t, fixtures);
  const client = await notionClient(t);

  const out = data(
    await client.callTool({
      name: 'create_page',
      arguments: {
        database_id: DB,
        properties: {
          Name: 'Launch',
          Status: 'Todo',
          Tags: ['infra', 'q3'],
          Due: '2026-06-01',
          Estimate: '3',
          Done: false,
          Notes: 'x'.repeat(4500),
          Owner: [id('user-ada')],
        },
      },
    }),
  );

  assert.deepEqual(calls(fake), [
    `GET ${API}/databases/${DB}`,
    `GET ${API}/data_sources/${DS}`,
    `POST ${API}/pages`,
  ]);
  const body = fake.requests[2]?.body as {
    parent: unknown;
    properties: Record<string, unknown>;
    children?: unknown;
  };
  assert.deepEqual(body.parent, { type: 'data_source_id', data_source_id: DS });
  assert.equal(body.children, undefined);
  assert.deepEqual(body.properties, {
    Name: { title: [{ type: 'text', text: { content: 'Launch' } }] },
    Status: { status: { name: 'Todo' } },
    Tags: { multi_select: [{ name: 'infra' }, { name: 'q3' }] },
    Due: { date: { start: '2026-06-01' } },
    Estimate: { number: 3 },
    Done: { checkbox: false },
    Notes: {
      rich_text: [
        { type: 'text', text: { content: 'x'.repeat(2000) } },
        { type: 'text', text: { content: 'x'.repeat(2000) } },
        { type: 'text', text: { content: 'x'.repeat(500) } },
      ],
    },
    Owner: { people: [{ id: id('user-ada') }] },
  });
  assert.equal(out.title, 'Launch');
  assert.equal(out.database_id, DB);
  assert.equal(out.data_source_id, DS);
  assert.equal(out.blocks_added, 0);
  assert.deepEqual((out.properties as Record<string, unknown>).Tags, ['infra', 'q3']);
});

test('Notion property values (guMCP’s form) are sent as given, without reading the schema', async (t) => {
  const fake = await fakeNotion(t, fixtures);
  const client = await notionClient(t);
  const properties = {
    Name: { title: [{ text: { content: 'Raw' } }] },
    Status: { status: { name: 'Todo' } },
  };

  data(await client.callTool({ name: 'create_page', arguments: { database_id: DB, properties } }));

  assert.deepEqual(calls(fake), [`GET ${API}/databases/${DB}`, `POST ${API}/pages`]);
  assert.deepEqual((fake.requests[1]?.body as { properties: unknown }).properties, properties);
});

test('content given as Markdown goes in the create request, and what exceeds 100 blocks is appended after', async (t) => {
  const fake = await fakeNotion(t, fixtures);
  const client = await notionClient(t);
  const markdown = ['# Notes', ...Array.from({ length: 120 }, (_, i) => `- item ${i}`)].join('\n');

  const out = data(
    await client.callTool({
      name: 'create_page',
      arguments: { database_id: DB, properties: { Name: 'Long' }, children: markdown },
    }),
  );

  const created = fake.requests[2]?.body as { children: { type: string }[] };
  assert.equal(created.children.length, 100);
  assert.deepEqual(created.children[0], {
    object: 'block',
    type: 'heading_1',
    heading_1: { rich_text: [{ type: 'text', text: { content: 'Notes' } }] },
  });
  const newPage = id('page-new-0');
  assert.deepEqual(calls(fake).slice(3), [`PATCH ${API}/blocks/${newPage}/children`]);
  assert.equal((fake.requests[3]?.body as { children: unknown[] }).children.length, 21);
  assert.equal(out.blocks_added, 121);
});

test('an unknown property is refused with the database’s properties listed, before the page is created', async (t) => {
  const fake = await fakeNotion(t, fixtures);
  const client = await notionClient(t);

  const message = failure(
    await client.callTool({
      name: 'create_page',
      arguments: { database_id: DB, properties: { Priority: 'High' } },
    }),
  );

  assert.match(
    message,
    /^The database has no property "Priority"; its properties are: "Name" \(title\), "Status" \(status\)/,
  );
  assert.ok(!fake.requests.some((r) => r.path === `${API}/pages`));
});

test('a value of the wrong kind, or a computed property, is refused by property name', async (t) => {
  await fakeNotion(t, fixtures);
  const client = await notionClient(t);
  const create = (properties: Record<string, unknown>) =>
    client.callTool({ name: 'create_page', arguments: { database_id: DB, properties } });

  assert.equal(
    failure(await create({ Estimate: 'soon' })),
    'Property "Estimate" is number: give a number, not "soon"',
  );
  assert.equal(
    failure(await create({ Created: '2026-01-01' })),
    'Property "Created" is created time, which Notion computes and cannot be set',
  );
});

test('create_page is not retried after a 5xx, where Notion may have created the page', async (t) => {
  const fake = await fakeNotion(t, fixtures);
  fake.once(`POST ${API}/pages`, { status: 502, body: 'Bad Gateway' });
  const client = await notionClient(t);

  const message = failure(
    await client.callTool({
      name: 'create_page',
      arguments: { database_id: DB, properties: { Name: { title: [{ text: { content: 'x' } }] } } },
    }),
  );

  assert.equal(
    message,
    'Notion failed (HTTP 502); the request may have gone through, so check before trying again',
  );
  assert.equal(fake.requests.filter((r) => r.path === `${API}/pages`).length, 1);
});

test('when content after the first 100 blocks fails, the answer says the page was created', async (t) => {
  const fake = await fakeNotion(t, fixtures);
  const client = await notionClient(t);
  const newPage = id('page-new-0');
  fake.once(`PATCH ${API}/blocks/${newPage}/children`, {
    status: 500,
    body: { object: 'error', status: 500, code: 'internal_server_error', message: 'Unexpected error.' },
  });
  const markdown = Array.from({ length: 101 }, (_, i) => `- item ${i}`).join('\n');

  const message = failure(
    await client.callTool({
      name: 'create_page',
      arguments: { database_id: DB, properties: { Name: { title: [] } }, children: markdown },
    }),
  );

  assert.match(
    message,
    new RegExp(
      `^Created page ${newPage} \\(https://www\\.notion\\.so/[^)]+\\), but adding the rest of its content failed: ` +
        'Appended 100 of 101 blocks',
    ),
  );
  assert.equal(fake.requests.filter((r) => r.method === 'PATCH').length, 1, 'not retried');
});
