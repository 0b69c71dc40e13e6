import assert from 'node:assert/strict';
import { afterEach, beforeEach, test } from 'node:test';
import type { FakeService } from '../../../testing/fake-service.js';
import { connect, text } from '../../../testing/mcp.js';
import {
  callTool,
  credentials,
  onlyRequest,
  queryOf,
  startGoogleFake,
} from '../../gdrive/test/google-fake.js';
import gsheets from '../index.js';
import { BOOK, BOOK_URL, SHEETS } from './fake-sheets.js';

let fake: FakeService;
beforeEach(async () => {
  fake = await startGoogleFake('gsheets');
});
afterEach(() => fake.close());

const TABLE = {
  range: 'Sheet1!A1:C4',
  majorDimension: 'ROWS',
  values: [
    ['Name', 'Email', 'Team'],
    ['Ana', 'ana@example.com', 'Sales'],
    ['Bob', 'bob@example.com', 'Ana Support'],
    ['Cy', 'cy@example.com'],
  ],
};

test('batch-get reads every range with the render options', async () => {
  const answer = {
    spreadsheetId: BOOK,
    valueRanges: [
      {
        range: 'Sheet1!A1:B2',
        majorDimension: 'COLUMNS',
        values: [
          ['a', 'b'],
          [1, 2],
        ],
      },
      { range: "'My Data'!C1:C1", majorDimension: 'COLUMNS' },
    ],
  };
  fake.route(`GET ${SHEETS}/${BOOK}/values:batchGet`, { body: answer });
  const client = await connect(gsheets, { credentials });

  const result = await callTool(client, 'batch-get', {
    spreadsheet_url: BOOK_URL,
    ranges: ['Sheet1!A1:B2', "'My Data'!C1"],
    major_dimension: 'COLUMNS',
    value_render_option: 'UNFORMATTED_VALUE',
    date_time_render_option: 'FORMATTED_STRING',
  });

  assert.deepEqual(result.structuredContent, answer);
  const req = onlyRequest(fake);
  assert.equal(req.method, 'GET');
  assert.deepEqual(queryOf(req), {
    ranges: ['Sheet1!A1:B2', "'My Data'!C1"],
    majorDimension: 'COLUMNS',
    valueRenderOption: 'UNFORMATTED_VALUE',
    dateTimeRenderOption: 'FORMATTED_STRING',
  });
});

test('batch-update writes every range, RAW unless told otherwise, and returns the totals', async () => {
  const answer = {
    spreadsheetId: BOOK,
    totalUpdatedRows: 3,
    totalUpdatedColumns: 2,
    totalUpdatedCells: 5,
    totalUpdatedSheets: 1,
    responses: [{ spreadsheetId: BOOK, updatedRange: 'Sheet1!A1:B2', updatedRows: 2, updatedCells: 4 }],
  };
  fake.route(`POST ${SHEETS}/${BOOK}/values:batchUpdate`, { body: answer });
  const client = await connect(gsheets, { credentials });
  const data = [
    {
      range: 'Sheet1!A1:B2',
      values: [
        ['a', 1],
        [true, null],
      ],
    },
    { range: 'Sheet1!D1', values: [['=SUM(B1:B2)']], majorDimension: 'COLUMNS' },
  ];

  const plain = await callTool(client, 'batch-update', { spreadsheet_url: BOOK_URL, data });
  await callTool(client, 'batch-update', {
    spreadsheet_url: BOOK,
    data,
    value_input_option: 'USER_ENTERED',
    include_values_in_response: true,
    response_value_render_option: 'FORMULA',
  });

  assert.deepEqual(plain.structuredContent, answer);
  const [first, second] = fake.requests;
  assert.equal(first?.method, 'POST');
  assert.equal(first?.query.toString(), '');
  assert.deepEqual(first?.body, { valueInputOption: 'RAW', data });
  assert.deepEqual(second?.body, {
    valueInputOption: 'USER_ENTERED',
    data,
    includeValuesInResponse: true,
    responseValueRenderOption: 'FORMULA',
  });
});

test('append-values appends the rows to the range, escaping it into the path', async () => {
  const answer = {
    spreadsheetId: BOOK,
    tableRange: "'Q3 Leads'!A1:C4",
    updates: {
      spreadsheetId: BOOK,
      updatedRange: "'Q3 Leads'!A5:C5",
      updatedRows: 1,
      updatedColumns: 3,
      updatedCells: 3,
    },
  };
  fake.route(`POST ${SHEETS}/${BOOK}/values/'Q3 Leads'!A1:append`, { body: answer });
  const client = await connect(gsheets, { credentials });

  const result = await callTool(client, 'append-values', {
    spreadsheet_url: BOOK_URL,
    range: "'Q3 Leads'!A1",
    values: [['Dee', 'dee@example.com', 42]],
    insert_data_option: 'INSERT_ROWS',
  });

  assert.deepEqual(result.structuredContent, answer);
  const req = onlyRequest(fake);
  assert.equal(req.method, 'POST');
  assert.deepEqual(queryOf(req), { valueInputOption: 'RAW', insertDataOption: 'INSERT_ROWS' });
  assert.deepEqual(req.body, { values: [['Dee', 'dee@example.com', 42]] });
});

test('lookup-row finds the first row holding the exact value in any column', async () => {
  fake.route(`GET ${SHEETS}/${BOOK}/values/Sheet1!A1:C4`, { body: TABLE });
  const client = await connect(gsheets, { credentials });

  const result = await callTool(client, 'lookup-row', {
    spreadsheet_url: BOOK_URL,
    range: 'Sheet1!A1:C4',
    value: 'bob@example.com',
  });

  assert.deepEqual(result.structuredContent, {
    found: true,
    row: ['Bob', 'bob@example.com', 'Ana Support'],
    row_index: 2,
    all_values: TABLE,
  });
  const req = onlyRequest(fake);
  assert.equal(req.method, 'GET');
  assert.equal(req.query.toString(), '');
});

test('lookup-row compares whole cells unless exact_match is false, and can keep to one column', async () => {
  fake.route(`GET ${SHEETS}/${BOOK}/values/Sheet1!A1:C4`, { body: TABLE });
  const client = await connect(gsheets, { credentials });
  const look = async (args: Record<string, unknown>) =>
    (await callTool(client, 'lookup-row', { spreadsheet_url: BOOK, range: 'Sheet1!A1:C4', ...args }))
      .structuredContent?.row_index;

  assert.equal(await look({ value: 'Ana' }), 1, 'exact: the cell "Ana", not "Ana Support"');
  assert.equal(await look({ value: 'Support', exact_match: false }), 2);
  assert.equal(await look({ value: 'Ana', column_index: 2, exact_match: false }), 2, 'only column C');
  assert.equal(await look({ value: 'Sales', column_index: 0 }), null, 'Sales is not in column A');
});

test('lookup-row says when nothing matches', async () => {
  fake.route(`GET ${SHEETS}/${BOOK}/values/Sheet1!A1:C4`, { body: TABLE });
  const client = await connect(gsheets, { credentials });

  const result = await callTool(client, 'lookup-row', {
    spreadsheet_url: BOOK,
    range: 'Sheet1!A1:C4',
    value: 'Zed',
  });

  assert.equal(result.isError, undefined, text(result));
  assert.deepEqual(
    { ...result.structuredContent, all_values: undefined },
    { found: false, row: null, row_index: null, all_values: undefined },
  );
});

test('lookup-row on an empty range finds nothing (Sheets leaves out `values`)', async () => {
  fake.route(`GET ${SHEETS}/${BOOK}/values/Sheet1!Z1:Z9`, {
    body: { range: 'Sheet1!Z1:Z9', majorDimension: 'ROWS' },
  });
  const client = await connect(gsheets, { credentials });

  const result = await callTool(client, 'lookup-row', {
    spreadsheet_url: BOOK,
    range: 'Sheet1!Z1:Z9',
    value: 'x',
  });

  assert.equal(result.structuredContent?.found, false);
});

test('clear-values clears the range and returns what was cleared', async () => {
  fake.route(`POST ${SHEETS}/${BOOK}/values/Sheet1!A10:C10:clear`, {
    body: { spreadsheetId: BOOK, clearedRange: 'Sheet1!A10:C10' },
  });
  const client = await connect(gsheets, { credentials });

  const result = await callTool(client, 'clear-values', {
    spreadsheet_url: BOOK_URL,
    range: 'Sheet1!A10:C10',
  });

  assert.deepEqual(result.structuredContent, { spreadsheetId: BOOK, clearedRange: 'Sheet1!A10:C10' });
  const req = onlyRequest(fake);
  assert.equal(req.method, 'POST');
  assert.deepEqual(req.body, {});
});
