import assert from 'node:assert/strict';
import { afterEach, beforeEach, test } from 'node:test';
import type { FakeService } from '../../../testing/fake-service.js';
import { connect } from '../../../testing/mcp.js';
import { driveFile, FILES, routePagedFiles } from '../../gdrive/test/fake-drive.js';
import {
  credentials,
  describe,
  errors,
  queryOf,
  startGoogleFake,
  TOKEN,
} from '../../gdrive/test/google-fake.js';
import gsheets from '../index.js';
import { BOOK, SHEETS, spreadsheetJson } from './fake-sheets.js';

let fake: FakeService;
beforeEach(async () => {
  fake = await startGoogleFake('gsheets');
});
afterEach(() => fake.close());

const SPREADSHEET = 'application/vnd.google-apps.spreadsheet';
const sheetFile = (id: string, name: string, description?: string) =>
  driveFile(id, { name, mimeType: SPREADSHEET, ...(description ? { description } : {}) });

test('resources list the spreadsheets found through Drive, following its page token', async () => {
  routePagedFiles(fake, [[sheetFile('b1', 'Budget', 'Money in and out')], [sheetFile('b2', 'Leads')]]);
  const client = await connect(gsheets, { credentials });

  // Without a cursor the SDK client walks every page the server hands out.
  const { resources } = await client.listResources();

  assert.deepEqual(resources, [
    {
      uri: 'gsheets://spreadsheet/b1',
      name: 'Budget',
      mimeType: SPREADSHEET,
      description: 'Money in and out',
    },
    { uri: 'gsheets://spreadsheet/b2', name: 'Leads', mimeType: SPREADSHEET },
  ]);
  const listing = {
    q: `mimeType = '${SPREADSHEET}' and trashed = false`,
    pageSize: '50',
    fields: 'nextPageToken,files(id,name,description)',
  };
  assert.deepEqual(
    fake.requests.map((r) => [r.method, r.path, queryOf(r), r.headers.authorization]),
    [
      ['GET', FILES, listing, `Bearer ${TOKEN}`],
      ['GET', FILES, { ...listing, pageToken: 'page-1' }, `Bearer ${TOKEN}`],
    ],
  );
});

test('the resource template uses the gsheets:// scheme', async () => {
  const client = await connect(gsheets, { credentials });
  const { resourceTemplates } = await client.listResourceTemplates();
  assert.deepEqual(
    resourceTemplates.map((t) => t.uriTemplate),
    ['gsheets://spreadsheet/{sheet_id}'],
  );
});

test('reading a spreadsheet gives its sheets and a sample of the first three', async () => {
  fake.route(`GET ${SHEETS}/${BOOK}`, {
    body: spreadsheetJson(BOOK, 'Budget', ['Income', "Bob's", 'Costs', 'Old']),
  });
  fake.route(`GET ${SHEETS}/${BOOK}/values:batchGet`, {
    body: {
      spreadsheetId: BOOK,
      valueRanges: [
        {
          range: 'Income!A1:J10',
          majorDimension: 'ROWS',
          values: [
            ['Month', 'Amount'],
            ['Jan', '100'],
          ],
        },
        { range: "'Bob''s'!A1:J10", majorDimension: 'ROWS' },
        { range: 'Costs!A1:J10', majorDimension: 'ROWS', values: [['Rent']] },
      ],
    },
  });
  const client = await connect(gsheets, { credentials });

  const { contents } = await client.readResource({ uri: `gsheets://spreadsheet/${BOOK}` });

  assert.equal(contents.length, 1);
  assert.equal(contents[0]?.mimeType, 'application/json');
  assert.deepEqual(JSON.parse(String((contents[0] as { text: string }).text)), {
    spreadsheet_id: BOOK,
    title: 'Budget',
    url: `https://docs.google.com/spreadsheets/d/${BOOK}`,
    sheets: ['Income', "Bob's", 'Costs', 'Old'],
    sample_data: [
      {
        sheet_name: 'Income',
        values: [
          ['Month', 'Amount'],
          ['Jan', '100'],
        ],
      },
      { sheet_name: "Bob's", values: [] },
      { sheet_name: 'Costs', values: [['Rent']] },
    ],
  });
  assert.deepEqual(fake.requests.map(describe), [
    `GET ${SHEETS}/${BOOK}`,
    `GET ${SHEETS}/${BOOK}/values:batchGet`,
  ]);
  assert.deepEqual(queryOf(fake.requests[0] ?? assert.fail()), {
    fields: 'spreadsheetId,properties.title,sheets.properties.title',
  });
  assert.deepEqual(queryOf(fake.requests[1] ?? assert.fail()), {
    ranges: ["'Income'!A1:J10", "'Bob''s'!A1:J10", "'Costs'!A1:J10"],
    valueRenderOption: 'FORMATTED_VALUE',
  });
});

test('reading a spreadsheet that does not exist names its id', async () => {
  fake.route(`GET ${SHEETS}/nope`, errors.sheetsNotFound());
  const client = await connect(gsheets, { credentials });

  await assert.rejects(
    client.readResource({ uri: 'gsheets://spreadsheet/nope' }),
    /Spreadsheet not found: nope/,
  );
});
