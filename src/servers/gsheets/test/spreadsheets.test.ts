import assert from 'node:assert/strict';
import { afterEach, beforeEach, test } from 'node:test';
import type { FakeService } from '../../../testing/fake-service.js';
import { connect, text } from '../../../testing/mcp.js';
import {
  callTool,
  credentials,
  describe,
  onlyRequest,
  queryOf,
  startGoogleFake,
  TOKEN,
} from '../../gdrive/test/google-fake.js';
import gsheets from '../index.js';
import { BOOK, BOOK_URL, SHEETS, sheetProperties, spreadsheetJson } from './fake-sheets.js';

let fake: FakeService;
beforeEach(async () => {
  fake = await startGoogleFake('gsheets');
});
afterEach(() => fake.close());

test('create-sheet creates the spreadsheet with its sheets and returns it with its URL', async () => {
  const created = spreadsheetJson('new-book', 'Budget 2025', ['Income', 'Costs']);
  fake.route(`POST ${SHEETS}`, { body: created });
  const client = await connect(gsheets, { credentials });

  const result = await callTool(client, 'create-sheet', {
    title: 'Budget 2025',
    sheets: [{ title: 'Income' }, { title: 'Costs' }],
    locale: 'en_GB',
    timeZone: 'Europe/London',
    properties: { autoRecalc: 'HOUR' },
  });

  assert.equal(result.isError, undefined, text(result));
  assert.deepEqual(result.structuredContent, {
    ...created,
    url: 'https://docs.google.com/spreadsheets/d/new-book',
  });
  const req = onlyRequest(fake);
  assert.equal(req.method, 'POST');
  assert.equal(req.query.toString(), '');
  assert.deepEqual(req.body, {
    properties: { autoRecalc: 'HOUR', title: 'Budget 2025', locale: 'en_GB', timeZone: 'Europe/London' },
    sheets: [{ properties: { title: 'Income' } }, { properties: { title: 'Costs' } }],
  });
});

test('create-sheet with only a title sends only the title', async () => {
  fake.route(`POST ${SHEETS}`, { body: spreadsheetJson('b2', 'Notes') });
  const client = await connect(gsheets, { credentials });

  await callTool(client, 'create-sheet', { title: 'Notes' });

  assert.deepEqual(onlyRequest(fake).body, { properties: { title: 'Notes' } });
});

test('get-spreadsheet-info reads the spreadsheet named by its URL, passing ranges and grid data', async () => {
  const book = spreadsheetJson(BOOK, 'Budget', ['Sheet1']);
  fake.route(`GET ${SHEETS}/${BOOK}`, { body: book });
  const client = await connect(gsheets, { credentials });

  const result = await callTool(client, 'get-spreadsheet-info', {
    spreadsheet_url: BOOK_URL,
    include_grid_data: true,
    ranges: ['Sheet1!A1:B2', 'Sheet1!D1'],
  });

  assert.deepEqual(result.structuredContent, book);
  const req = onlyRequest(fake);
  assert.equal(req.method, 'GET');
  assert.deepEqual(queryOf(req), { ranges: ['Sheet1!A1:B2', 'Sheet1!D1'], includeGridData: 'true' });
});

test('get-spreadsheet-info leaves out filter views when include_filter_views is false', async () => {
  const book = spreadsheetJson(BOOK, 'Budget');
  const withViews = {
    ...book,
    sheets: book.sheets.map((s) => ({ ...s, filterViews: [{ filterViewId: 7, title: 'Mine' }] })),
  };
  fake.route(`GET ${SHEETS}/${BOOK}`, { body: withViews });
  const client = await connect(gsheets, { credentials });

  const kept = await callTool(client, 'get-spreadsheet-info', { spreadsheet_url: BOOK });
  const dropped = await callTool(client, 'get-spreadsheet-info', {
    spreadsheet_url: BOOK,
    include_filter_views: false,
  });

  assert.deepEqual(kept.structuredContent, withViews);
  assert.deepEqual(dropped.structuredContent, book);
  for (const req of fake.requests) assert.deepEqual(queryOf(req), {});
});

test('get-sheet-names asks only for sheet properties and lists names with their ids', async () => {
  fake.route(`GET ${SHEETS}/${BOOK}`, {
    body: {
      sheets: [
        { properties: { sheetId: 0, title: 'Income', index: 0 } },
        { properties: { sheetId: 812, title: 'Costs', index: 1 } },
      ],
    },
  });
  const client = await connect(gsheets, { credentials });

  const result = await callTool(client, 'get-sheet-names', { spreadsheet_url: BOOK_URL });

  assert.deepEqual(result.structuredContent, {
    names: ['Income', 'Costs'],
    sheets: [
      { sheetId: 0, title: 'Income', index: 0 },
      { sheetId: 812, title: 'Costs', index: 1 },
    ],
  });
  assert.deepEqual(queryOf(onlyRequest(fake)), { fields: 'sheets.properties(sheetId,title,index)' });
});

test('copy-sheet copies the sheet to the destination and returns the new sheet', async () => {
  const copy = sheetProperties('Copy of Income', 2, 9001);
  fake.route(`POST ${SHEETS}/src-book/sheets/0:copyTo`, { body: copy });
  const client = await connect(gsheets, { credentials });

  const result = await callTool(client, 'copy-sheet', {
    source_spreadsheet_id: 'src-book',
    source_sheet_id: 0,
    destination_spreadsheet_id: 'dest-book',
  });

  assert.deepEqual(result.structuredContent, copy);
  const req = onlyRequest(fake);
  assert.equal(req.method, 'POST');
  assert.deepEqual(req.body, { destinationSpreadsheetId: 'dest-book' });
});

test('copy-sheet then names and places the copy, which copyTo cannot do itself', async () => {
  fake.route(`POST ${SHEETS}/src-book/sheets/5:copyTo`, { body: sheetProperties('Copy of Costs', 3, 9002) });
  fake.route(`POST ${SHEETS}/dest-book:batchUpdate`, { body: { spreadsheetId: 'dest-book', replies: [{}] } });
  const client = await connect(gsheets, { credentials });

  const result = await callTool(client, 'copy-sheet', {
    source_spreadsheet_id: 'src-book',
    source_sheet_id: 5,
    destination_spreadsheet_id: 'dest-book',
    new_sheet_name: 'Costs 2025',
    insert_sheet_index: 0,
  });

  assert.deepEqual(result.structuredContent, { ...sheetProperties('Costs 2025', 0, 9002) });
  assert.deepEqual(fake.requests.map(describe), [
    `POST ${SHEETS}/src-book/sheets/5:copyTo`,
    `POST ${SHEETS}/dest-book:batchUpdate`,
  ]);
  assert.deepEqual(fake.requests[1]?.body, {
    requests: [
      {
        updateSheetProperties: {
          properties: { sheetId: 9002, title: 'Costs 2025', index: 0 },
          fields: 'title,index',
        },
      },
    ],
  });
  for (const req of fake.requests) assert.equal(req.headers.authorization, `Bearer ${TOKEN}`);
});

test('a spreadsheet_url that is neither a Sheets URL nor an id is an argument error, and nothing is sent', async () => {
  const client = await connect(gsheets, { credentials });

  const result = await callTool(client, 'get-sheet-names', {
    spreadsheet_url: 'https://example.com/some page',
  });

  assert.equal(result.isError, true);
  assert.equal(
    text(result),
    'Invalid arguments for tool get-sheet-names: spreadsheet_url: not a Google Sheets URL or spreadsheet id',
  );
  assert.equal(fake.requests.length, 0);
});

test('every tool needs the spreadsheets scope; reads are read-only, writes say what they change', async () => {
  const client = await connect(gsheets, { credentials });
  const { tools } = await client.listTools();
  const hints = (name: string) => {
    const a = tools.find((t) => t.name === name)?.annotations;
    return [a?.readOnlyHint, a?.destructiveHint, a?.idempotentHint];
  };
  assert.deepEqual(
    tools.map((t) => t.name),
    [
      'create-sheet',
      'get-spreadsheet-info',
      'get-sheet-names',
      'batch-get',
      'batch-update',
      'append-values',
      'lookup-row',
      'clear-values',
      'copy-sheet',
    ],
  );
  for (const name of ['get-spreadsheet-info', 'get-sheet-names', 'batch-get', 'lookup-row']) {
    assert.equal(hints(name)[0], true, name);
  }
  assert.deepEqual(hints('batch-update'), [false, true, true]);
  assert.deepEqual(hints('clear-values'), [false, true, true]);
  assert.deepEqual(hints('append-values'), [false, false, false]);
  for (const def of Object.values(gsheets.tools)) {
    assert.deepEqual(def.scopes, ['https://www.googleapis.com/auth/spreadsheets']);
  }
  assert.deepEqual(tools.find((t) => t.name === 'copy-sheet')?.inputSchema.required, [
    'source_spreadsheet_id',
    'source_sheet_id',
    'destination_spreadsheet_id',
  ]);
  assert.ok(
    tools.every((t) => t.outputSchema),
    'every tool returns structured data',
  );
});
