import assert from 'node:assert/strict';
import { test } from 'node:test';
import { graphPage } from '../../../providers/microsoft/test/graph-fake.js';
import { only, query } from '../../../testing/fake-service.js';
import { connect, text } from '../../../testing/mcp.js';
import sharepoint from '../index.js';
import {
  fakeSharePoint,
  HOST,
  listItem,
  MARKETING_ID,
  notFound,
  sharePointList,
  V1,
} from './fake-sharepoint.js';

const credentials = { access_token: 'eyJ0eXAi.lists-secret' };
const SITE = `${V1}/sites/${MARKETING_ID}`;
const LIST = 'b7a1c0f2-0000-4000-8000-00000000a001';

test('list_site_lists resolves the site URL once, then lists its lists', async (t) => {
  const fake = await fakeSharePoint(t);
  fake.route(`GET ${SITE}/lists`, {
    body: graphPage(fake, [
      sharePointList(LIST, 'Tasks'),
      sharePointList('d1', 'Documents', 'documentLibrary'),
    ]),
  });
  const client = await connect(sharepoint, { credentials });

  const result = await client.callTool({
    name: 'list_site_lists',
    arguments: { site_url: `https://${HOST}/sites/Marketing` },
  });

  const out = result.structuredContent as {
    count: number;
    lists: { display_name: string; template: string }[];
  };
  assert.deepEqual(
    out.lists.map((l) => [l.display_name, l.template]),
    [
      ['Tasks', 'genericList'],
      ['Documents', 'documentLibrary'],
    ],
  );
  assert.deepEqual(
    fake.requests.map((r) => [r.method, r.path, query(r)]),
    [
      ['GET', `${V1}/sites/${HOST}:/sites/Marketing`, { $select: 'id' }],
      ['GET', `${SITE}/lists`, { $top: '100' }],
    ],
  );
});

test('get_list by title expands its columns and shows the visible ones', async (t) => {
  const fake = await fakeSharePoint(t);
  fake.route(`GET ${SITE}/lists/Tasks`, {
    body: {
      ...sharePointList(LIST, 'Tasks'),
      columns: [
        { name: 'Title', displayName: 'Title', hidden: false, readOnly: false },
        { name: 'Status', displayName: 'Status', hidden: false, readOnly: false },
        { name: 'ContentType', displayName: 'Content Type', hidden: true, readOnly: false },
        { name: 'Modified', displayName: 'Modified', hidden: false, readOnly: true },
      ],
    },
  });
  const client = await connect(sharepoint, { credentials });

  const result = await client.callTool({
    name: 'get_list',
    arguments: { site_id: MARKETING_ID, list_title: 'Tasks' },
  });

  const out = result.structuredContent as { id: string; columns: unknown[] };
  assert.equal(out.id, LIST);
  assert.deepEqual(out.columns, [
    { name: 'Title', display_name: 'Title', read_only: false },
    { name: 'Status', display_name: 'Status', read_only: false },
    { name: 'Modified', display_name: 'Modified', read_only: true },
  ]);
  assert.deepEqual(query(only(fake, 'GET', `${SITE}/lists/Tasks`)), { $expand: 'columns' });

  const neither = await client.callTool({ name: 'get_list', arguments: { site_id: MARKETING_ID } });
  assert.equal(text(neither), 'Give list_id or list_title');
});

test('create_list posts the display name, description and template', async (t) => {
  const fake = await fakeSharePoint(t);
  fake.route(`POST ${V1}/sites/root/lists`, { status: 201, body: sharePointList('new', 'Books') });
  const client = await connect(sharepoint, { credentials });

  const result = await client.callTool({
    name: 'create_list',
    arguments: { display_name: 'Books', description: 'Reading list' },
  });

  assert.equal((result.structuredContent as { id: string }).id, 'new');
  const req = only(fake, 'POST', `${V1}/sites/root/lists`);
  assert.deepEqual(req.body, {
    displayName: 'Books',
    description: 'Reading list',
    list: { template: 'genericList' },
  });
  assert.equal(req.headers.authorization, `Bearer ${credentials.access_token}`);
});

test('get_list_items expands fields, passes filter and order, and follows pages', async (t) => {
  const fake = await fakeSharePoint(t);
  fake.route(`GET ${SITE}/lists/${LIST}/items`, (req) =>
    req.query.get('$skiptoken')
      ? { body: graphPage(fake, [listItem('3', { Title: 'C' })]) }
      : {
          body: graphPage(
            fake,
            [listItem('1', { Title: 'A' }), listItem('2', { Title: 'B' })],
            `sites/${MARKETING_ID}/lists/${LIST}/items?$expand=fields&$skiptoken=Paged%3dTRUE`,
          ),
        },
  );
  const client = await connect(sharepoint, { credentials });

  const result = await client.callTool({
    name: 'get_list_items',
    arguments: {
      site_id: MARKETING_ID,
      list_id: LIST,
      filter: "fields/Status eq 'Open'",
      orderby: 'fields/Title',
    },
  });

  const out = result.structuredContent as {
    count: number;
    more: boolean;
    items: { id: string; fields: unknown }[];
  };
  assert.deepEqual([out.count, out.more], [3, false]);
  assert.deepEqual(
    out.items[0]?.fields,
    { id: '1', Title: 'A' },
    'OData annotations are dropped from fields',
  );
  assert.deepEqual(fake.requests.map(query), [
    { $expand: 'fields', $filter: "fields/Status eq 'Open'", $orderby: 'fields/Title', $top: '100' },
    { $expand: 'fields', $skiptoken: 'Paged=TRUE' },
  ]);
});

test('get_list_item reads one item with its fields; an unknown one is named', async (t) => {
  const fake = await fakeSharePoint(t);
  fake.route(`GET ${SITE}/lists/${LIST}/items/7`, { body: listItem('7', { Title: 'Plan' }) });
  fake.route(`GET ${SITE}/lists/${LIST}/items/8`, notFound);
  const client = await connect(sharepoint, { credentials });

  const found = await client.callTool({
    name: 'get_list_item',
    arguments: { site_id: MARKETING_ID, list_id: LIST, item_id: '7' },
  });
  const missing = await client.callTool({
    name: 'get_list_item',
    arguments: { site_id: MARKETING_ID, list_id: LIST, item_id: '8' },
  });

  assert.deepEqual(found.structuredContent, {
    id: '7',
    web_url: `https://${HOST}/sites/Marketing/Lists/Tasks/7_.000`,
    content_type: 'Item',
    created: '2025-05-01T10:00:00Z',
    last_modified: '2025-05-02T10:00:00Z',
    fields: { id: '7', Title: 'Plan' },
  });
  assert.equal(text(missing), `List item not found: 8 (list ${LIST})`);
  assert.deepEqual(query(fake.requests[0] ?? assert.fail()), { $expand: 'fields' });
});

test('create_list_item posts fields (and a content type id); update patches the fields; delete deletes', async (t) => {
  const fake = await fakeSharePoint(t);
  const items = `${SITE}/lists/${LIST}/items`;
  fake.route(`POST ${items}`, (req) => ({
    status: 201,
    body: listItem('12', (req.body as { fields: Record<string, unknown> }).fields),
  }));
  fake.route(`PATCH ${items}/12/fields`, (req) => ({
    body: { '@odata.etag': '"x,4"', id: '12', Title: 'Plan', ...(req.body as object) },
  }));
  fake.route(`DELETE ${items}/12`, { status: 204, body: '' });
  const client = await connect(sharepoint, { credentials });
  const where = { site_id: MARKETING_ID, list_id: LIST };

  const created = await client.callTool({
    name: 'create_list_item',
    arguments: { ...where, fields: { Title: 'Plan', Status: 'Open' }, content_type: '0x0100A1B2' },
  });
  const updated = await client.callTool({
    name: 'update_list_item',
    arguments: { ...where, item_id: '12', fields: { Status: 'Done' } },
  });
  const deleted = await client.callTool({ name: 'delete_list_item', arguments: { ...where, item_id: '12' } });

  assert.deepEqual((created.structuredContent as { fields: unknown }).fields, {
    id: '12',
    Title: 'Plan',
    Status: 'Open',
  });
  assert.deepEqual(updated.structuredContent, {
    id: '12',
    fields: { id: '12', Title: 'Plan', Status: 'Done' },
  });
  assert.deepEqual(deleted.structuredContent, { deleted: true, item_id: '12', list_id: LIST });
  assert.deepEqual(
    fake.requests.map((r) => [r.method, r.path, r.body]),
    [
      ['POST', items, { fields: { Title: 'Plan', Status: 'Open' }, contentType: { id: '0x0100A1B2' } }],
      ['PATCH', `${items}/12/fields`, { Status: 'Done' }],
      ['DELETE', `${items}/12`, undefined],
    ],
  );
});

test('empty fields are refused, naming the argument', async (t) => {
  const fake = await fakeSharePoint(t);
  const client = await connect(sharepoint, { credentials });

  const result = await client.callTool({
    name: 'create_list_item',
    arguments: { site_id: MARKETING_ID, list_id: LIST, fields: {} },
  });

  assert.match(text(result), /^Invalid arguments for tool create_list_item: fields: give at least one field/);
  assert.equal(fake.requests.length, 0);
});
