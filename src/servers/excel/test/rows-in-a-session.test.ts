import assert from 'node:assert/strict';
import { test } from 'node:test';
import { only } from '../../../testing/fake-service.js';
import { connect, text } from '../../../testing/mcp.js';
import excel from '../index.js';
import { FILE, fakeExcel, range, SESSION, WB, workbookCalls } from './fake-excel.js';

const credentials = { access_token: 'eyJ0eXAi.excel-secret' };
const USED = `/worksheets/Contacts/usedRange(valuesOnly=true)`;
const sheet = [
  ['Name', 'Email', 'Plan'],
  ['Ada', 'ada@example.com', 'Pro'],
  ['Grace', 'grace@example.com', 'Free'],
];
// The data starts at B3, so row numbers are the sheet's, not the array's.
const usedRange = range('Contacts', 'B3:D5', sheet);

test('add_row appends under the data in one workbook session, opened and closed around the calls', async (t) => {
  const fake = await fakeExcel(t);
  fake.route(`GET ${WB}${USED}`, { body: usedRange });
  fake.route(`PATCH ${WB}/worksheets/Contacts/range(address='B6:D6')`, (req) => ({
    body: range('Contacts', 'B6:D6', (req.body as { values: unknown[][] }).values),
  }));
  const client = await connect(excel, { credentials });

  const result = await client.callTool({
    name: 'add_row',
    arguments: {
      file_id: FILE,
      worksheet_name: 'Contacts',
      values: { email: 'alan@example.com', Name: 'Alan' },
    },
  });

  assert.deepEqual(result.structuredContent, {
    worksheet: 'Contacts',
    row_index: 6,
    address: 'B6:D6',
    values: ['Alan', 'alan@example.com', ''],
  });
  assert.deepEqual(workbookCalls(fake), [
    ['POST /createSession', undefined],
    [`GET ${USED}`, SESSION],
    [`PATCH /worksheets/Contacts/range(address='B6:D6')`, SESSION],
    ['POST /closeSession', SESSION],
  ]);
  assert.deepEqual(fake.requests[0]?.body, { persistChanges: true });
  assert.deepEqual(fake.requests[2]?.body, { values: [['Alan', 'alan@example.com', '']] });
  for (const r of fake.requests) assert.equal(r.headers.authorization, `Bearer ${credentials.access_token}`);
});

test('add_row on an empty sheet writes the headers first', async (t) => {
  const fake = await fakeExcel(t);
  fake.route(`GET ${WB}/worksheets/New/usedRange(valuesOnly=true)`, { body: range('New', 'A1', [['']]) });
  fake.route(`PATCH ${WB}/worksheets/New/range(address='A1:B2')`, {
    body: range('New', 'A1:B2', [
      ['Name', 'Qty'],
      ['Pens', 4],
    ]),
  });
  const client = await connect(excel, { credentials });

  const result = await client.callTool({
    name: 'add_row',
    arguments: { file_id: FILE, worksheet_name: 'New', values: { Name: 'Pens', Qty: 4 } },
  });

  assert.equal((result.structuredContent as { row_index: number }).row_index, 2);
  assert.deepEqual(only(fake, 'PATCH', `${WB}/worksheets/New/range(address='A1:B2')`).body, {
    values: [
      ['Name', 'Qty'],
      ['Pens', 4],
    ],
  });
});

test('find_row matches a header or a column letter, ignoring case, and gives the sheet’s row number', async (t) => {
  const fake = await fakeExcel(t);
  fake.route(`GET ${WB}${USED}`, { body: usedRange });
  const client = await connect(excel, { credentials });
  const find = (column: string, value: string) =>
    client.callTool({
      name: 'find_row',
      arguments: { file_id: FILE, worksheet_name: 'Contacts', column, value },
    });

  const byHeader = await find('email', 'GRACE@example.com');
  const byLetter = await find('D', 'pro');
  const none = await find('Name', 'Linus');
  const badColumn = await find('Phone', 'x');

  assert.deepEqual(byHeader.structuredContent, {
    found: true,
    row_index: 5,
    row: { Name: 'Grace', Email: 'grace@example.com', Plan: 'Free' },
  });
  assert.deepEqual((byLetter.structuredContent as { row_index: number }).row_index, 4);
  assert.deepEqual(none.structuredContent, { found: false });
  assert.equal(
    text(badColumn),
    'column "Phone" is neither a header (Name, Email, Plan) nor a column letter within the data',
  );
  assert.ok(
    fake.requests.every((r) => r.method === 'GET'),
    'find_row only reads, without a session',
  );
});

test('find_or_create_row returns the row it finds, and appends values when none matches', async (t) => {
  const fake = await fakeExcel(t);
  fake.route(`GET ${WB}${USED}`, { body: usedRange });
  fake.route(`PATCH ${WB}/worksheets/Contacts/range(address='B6:D6')`, {
    body: range('Contacts', 'B6:D6', [['Linus', 'l@example.com', 'Free']]),
  });
  const client = await connect(excel, { credentials });
  const call = (search_value: string) =>
    client.callTool({
      name: 'find_or_create_row',
      arguments: {
        file_id: FILE,
        worksheet_name: 'Contacts',
        search_column: 'Name',
        search_value,
        values: ['Linus', 'l@example.com', 'Free'],
      },
    });

  const found = await call('ada');
  const created = await call('Linus');

  assert.deepEqual(found.structuredContent, {
    created: false,
    row_index: 4,
    row: { Name: 'Ada', Email: 'ada@example.com', Plan: 'Pro' },
  });
  assert.deepEqual(created.structuredContent, {
    created: true,
    row_index: 6,
    row: { Name: 'Linus', Email: 'l@example.com', Plan: 'Free' },
  });
  assert.equal(fake.requests.filter((r) => r.method === 'PATCH').length, 1);
});

test('update_row changes the named cells of a data row and keeps the others', async (t) => {
  const fake = await fakeExcel(t);
  fake.route(`GET ${WB}${USED}`, { body: usedRange });
  fake.route(`PATCH ${WB}/worksheets/Contacts/range(address='B5:D5')`, {
    body: range('Contacts', 'B5:D5', [['Grace', 'grace@example.com', 'Pro']]),
  });
  const client = await connect(excel, { credentials });

  const result = await client.callTool({
    name: 'update_row',
    arguments: { file_id: FILE, worksheet_name: 'Contacts', row_index: 5, values: { Plan: 'Pro' } },
  });
  const header = await client.callTool({
    name: 'update_row',
    arguments: { file_id: FILE, worksheet_name: 'Contacts', row_index: 3, values: { Plan: 'x' } },
  });

  assert.deepEqual(result.structuredContent, {
    updated: true,
    row_index: 5,
    row: { Name: 'Grace', Email: 'grace@example.com', Plan: 'Pro' },
  });
  assert.deepEqual(only(fake, 'PATCH', `${WB}/worksheets/Contacts/range(address='B5:D5')`).body, {
    values: [['Grace', 'grace@example.com', 'Pro']],
  });
  assert.equal(text(header), 'row_index 3 is outside the data rows (4 to 5; row 3 holds the headers)');
  assert.equal(
    fake.requests.filter((r) => r.path.endsWith('/closeSession')).length,
    2,
    'the session is closed when a step fails too',
  );
});

test('delete_worksheet_row deletes the whole row, shifting up', async (t) => {
  const fake = await fakeExcel(t);
  fake.route(`POST ${WB}/worksheets/Contacts/range(address='4:4')/delete`, { status: 204, body: '' });
  const client = await connect(excel, { credentials });

  const result = await client.callTool({
    name: 'delete_worksheet_row',
    arguments: { file_id: FILE, worksheet_name: 'Contacts', row_index: 4 },
  });

  assert.deepEqual(result.structuredContent, {
    deleted: true,
    row_index: 4,
    message: 'Row 4 deleted; the rows below moved up',
  });
  assert.deepEqual(only(fake, 'POST', `${WB}/worksheets/Contacts/range(address='4:4')/delete`).body, {
    shift: 'Up',
  });
});
