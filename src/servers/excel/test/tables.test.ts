import assert from 'node:assert/strict';
import { test } from 'node:test';
import { only, query } from '../../../testing/fake-service.js';
import { connect, text } from '../../../testing/mcp.js';
import excel from '../index.js';
import { FILE, fakeExcel, range, SESSION, table, WB, workbookCalls } from './fake-excel.js';

const credentials = { access_token: 'eyJ0eXAi.tables-secret' };
const at = { file_id: FILE, worksheet_name: 'Sheet1', table_name: 'Sales' };
const T = `${WB}/worksheets/Sheet1/tables/Sales`;
const columns = {
  value: [
    { id: '1', name: 'Region', index: 0 },
    { id: '2', name: 'Amount', index: 1 },
  ],
};

test('list_tables lists the workbook’s tables, or one sheet’s', async (t) => {
  const fake = await fakeExcel(t);
  fake.route(`GET ${WB}/tables`, { body: { value: [table('1', 'Sales'), table('2', 'Costs', 'Data')] } });
  fake.route(`GET ${WB}/worksheets/Data/tables`, { body: { value: [table('2', 'Costs', 'Data')] } });
  const client = await connect(excel, { credentials });

  const all = await client.callTool({ name: 'list_tables', arguments: { file_id: FILE } });
  const one = await client.callTool({
    name: 'list_tables',
    arguments: { file_id: FILE, worksheet_name: 'Data' },
  });

  assert.deepEqual(
    (all.structuredContent as { tables: { name: string; worksheet: string }[] }).tables.map((x) => [
      x.name,
      x.worksheet,
    ]),
    [
      ['Sales', 'Sheet1'],
      ['Costs', 'Data'],
    ],
  );
  assert.equal((one.structuredContent as { tables: unknown[] }).tables.length, 1);
  assert.deepEqual(query(fake.requests[0] ?? assert.fail()), { $expand: 'worksheet($select=name)' });
});

test('get_table gives the table with its address and columns', async (t) => {
  const fake = await fakeExcel(t);
  fake.route(`GET ${T}`, { body: table('1', 'Sales') });
  fake.route(`GET ${T}/range`, { body: { address: 'Sheet1!A1:B4' } });
  fake.route(`GET ${T}/columns`, { body: columns });
  const client = await connect(excel, { credentials });

  const result = await client.callTool({ name: 'get_table', arguments: at });

  assert.deepEqual(result.structuredContent, {
    id: '1',
    name: 'Sales',
    worksheet: 'Sheet1',
    show_headers: true,
    show_totals: false,
    style: 'TableStyleMedium2',
    address: 'Sheet1!A1:B4',
    columns: [
      { id: '1', name: 'Region', index: 0 },
      { id: '2', name: 'Amount', index: 1 },
    ],
  });
});

test('list_table_rows gives each row as { header: value } and says when there are more', async (t) => {
  const fake = await fakeExcel(t);
  fake.route(`GET ${T}/columns`, { body: columns });
  fake.route(`GET ${T}/rows`, {
    body: {
      value: [
        { index: 0, values: [['North', 10]] },
        { index: 1, values: [['South', 20]] },
        { index: 2, values: [['East', 30]] },
      ],
    },
  });
  const client = await connect(excel, { credentials });

  const result = await client.callTool({ name: 'list_table_rows', arguments: { ...at, limit: 2 } });

  assert.deepEqual(result.structuredContent, {
    columns: ['Region', 'Amount'],
    count: 2,
    more: true,
    rows: [
      { index: 0, values: { Region: 'North', Amount: 10 } },
      { index: 1, values: { Region: 'South', Amount: 20 } },
    ],
  });
  assert.deepEqual(query(only(fake, 'GET', `${T}/rows`)), { $top: '3' });
});

test('add_table makes the range a table and renames it, in one session', async (t) => {
  const fake = await fakeExcel(t);
  fake.route(`POST ${WB}/worksheets/Sheet1/tables/add`, { body: table('7', 'Table1') });
  fake.route(`PATCH ${WB}/tables/7`, { body: table('7', 'Sales') });
  const client = await connect(excel, { credentials });

  const result = await client.callTool({
    name: 'add_table',
    arguments: { file_id: FILE, worksheet_name: 'Sheet1', name: 'Sales', range: 'a1:b4' },
  });

  assert.equal((result.structuredContent as { name: string }).name, 'Sales');
  assert.deepEqual(workbookCalls(fake), [
    ['POST /createSession', undefined],
    ['POST /worksheets/Sheet1/tables/add', SESSION],
    ['PATCH /tables/7', SESSION],
    ['POST /closeSession', SESSION],
  ]);
  assert.deepEqual(fake.requests[1]?.body, { address: 'A1:B4', hasHeaders: true });
  assert.deepEqual(fake.requests[2]?.body, { name: 'Sales' });
});

test('add_table_row places { column: value } under the right headers', async (t) => {
  const fake = await fakeExcel(t);
  fake.route(`GET ${T}/columns`, { body: columns });
  fake.route(`POST ${T}/rows`, { status: 201, body: { index: 3, values: [['West', 40]] } });
  const client = await connect(excel, { credentials });

  const result = await client.callTool({
    name: 'add_table_row',
    arguments: { ...at, values: { amount: 40, Region: 'West' } },
  });
  const unknown = await client.callTool({
    name: 'add_table_row',
    arguments: { ...at, values: { Price: 1 } },
  });

  assert.deepEqual(result.structuredContent, { index: 3, values: ['West', 40] });
  assert.deepEqual(only(fake, 'POST', `${T}/rows`).body, { values: [['West', 40]] });
  assert.equal(text(unknown), 'values names a column "Price" the table does not have (Region, Amount)');
});

test('add_table_column adds a named column; update_table_column writes down its data cells', async (t) => {
  const fake = await fakeExcel(t);
  fake.route(`POST ${T}/columns/add`, {
    body: { id: '3', name: 'Owner', index: 2, values: [['Owner'], [''], ['']] },
  });
  fake.route(`GET ${T}/columns/Owner/dataBodyRange`, { body: { address: 'Sheet1!C2:C4', rowCount: 3 } });
  fake.route(`PATCH ${WB}/worksheets/Sheet1/range(address='C2:C3')`, {
    body: range('Sheet1', 'C2:C3', [['Ann'], ['Bo']]),
  });
  const client = await connect(excel, { credentials });

  const added = await client.callTool({
    name: 'add_table_column',
    arguments: { ...at, column_name: 'Owner' },
  });
  const updated = await client.callTool({
    name: 'update_table_column',
    arguments: { ...at, column_name: 'Owner', values: ['Ann', 'Bo'] },
  });
  const tooMany = await client.callTool({
    name: 'update_table_column',
    arguments: { ...at, column_name: 'Owner', values: ['a', 'b', 'c', 'd'] },
  });

  assert.deepEqual(added.structuredContent, { id: '3', name: 'Owner', index: 2 });
  assert.deepEqual(only(fake, 'POST', `${T}/columns/add`).body, { name: 'Owner' });
  assert.deepEqual(updated.structuredContent, {
    updated: true,
    column: 'Owner',
    address: 'C2:C3',
    values: ['Ann', 'Bo'],
  });
  assert.deepEqual(only(fake, 'PATCH', `${WB}/worksheets/Sheet1/range(address='C2:C3')`).body, {
    values: [['Ann'], ['Bo']],
  });
  assert.equal(text(tooMany), 'values has 4 cells but the column has 3 data rows; add rows first');
});

test('delete_table deletes, or keeps the data as a range when asked', async (t) => {
  const fake = await fakeExcel(t);
  fake.route(`DELETE ${T}`, { status: 204, body: '' });
  fake.route(`POST ${T}/convertToRange`, { body: { address: 'Sheet1!A1:B4' } });
  const client = await connect(excel, { credentials });

  const deleted = await client.callTool({ name: 'delete_table', arguments: at });
  const kept = await client.callTool({ name: 'delete_table', arguments: { ...at, keep_data: true } });

  assert.deepEqual(deleted.structuredContent, { success: true, message: 'Table Sales deleted' });
  assert.equal(
    (kept.structuredContent as { message: string }).message,
    'Table Sales turned into a plain range; its values stay',
  );
  assert.deepEqual(
    fake.requests.map((r) => `${r.method} ${r.path}`),
    [`DELETE ${T}`, `POST ${T}/convertToRange`],
  );
});
