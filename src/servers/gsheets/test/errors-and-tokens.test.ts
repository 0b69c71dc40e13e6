import assert from 'node:assert/strict';
import { afterEach, beforeEach, test } from 'node:test';
import type { FakeService } from '../../../testing/fake-service.js';
import { connect, text } from '../../../testing/mcp.js';
import { FILES } from '../../gdrive/test/fake-drive.js';
import {
  callTool,
  credentials,
  describe,
  errors,
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

const names = { spreadsheet_url: BOOK };

test('a 401 asks the user to re-authenticate, without retrying or showing the token', async () => {
  fake.route(`GET ${SHEETS}/${BOOK}`, errors.unauthenticated());
  const client = await connect(gsheets, { credentials });

  const result = await callTool(client, 'get-sheet-names', names);

  assert.equal(result.isError, true);
  assert.equal(
    text(result),
    'Not authenticated with gsheets: Google Sheets rejected the stored token. Re-authenticate with `gumcp auth gsheets`.',
  );
  assert.ok(!text(result).includes(TOKEN));
  assert.equal(fake.requests.length, 1);
});

test('a 403 for a missing scope names the spreadsheets scope', async () => {
  fake.route(
    `POST ${SHEETS}/${BOOK}/values/Sheet1!A1:clear`,
    errors.insufficientScope('sheets.googleapis.com'),
  );
  const client = await connect(gsheets, { credentials });

  const result = await callTool(client, 'clear-values', { spreadsheet_url: BOOK, range: 'Sheet1!A1' });

  assert.equal(result.isError, true);
  assert.equal(
    text(result),
    'Permission denied: the stored token lacks the scope "https://www.googleapis.com/auth/spreadsheets". Re-authenticate to grant it.',
  );
});

test('a 403 for a missing scope while listing spreadsheets names drive.readonly', async () => {
  fake.route(`GET ${FILES}`, errors.insufficientScope('drive.googleapis.com'));
  const client = await connect(gsheets, { credentials });

  await assert.rejects(
    client.listResources(),
    /lacks the scope "https:\/\/www.googleapis.com\/auth\/drive.readonly"/,
  );
});

test('a 404 names the spreadsheet id, which Google does not', async () => {
  fake.route(`GET ${SHEETS}/gone-book/values/Sheet1!A1:B9`, errors.sheetsNotFound());
  const client = await connect(gsheets, { credentials });

  const result = await callTool(client, 'lookup-row', {
    spreadsheet_url: 'https://docs.google.com/spreadsheets/d/gone-book/edit',
    range: 'Sheet1!A1:B9',
    value: 'x',
  });

  assert.equal(result.isError, true);
  assert.equal(text(result), 'Spreadsheet not found: gone-book');
});

test('a 400 passes on what Google says is wrong with the request', async () => {
  fake.route(`GET ${SHEETS}/${BOOK}/values:batchGet`, {
    status: 400,
    body: { error: { code: 400, message: 'Unable to parse range: Nope!A1', status: 'INVALID_ARGUMENT' } },
  });
  const client = await connect(gsheets, { credentials });

  const result = await callTool(client, 'batch-get', { spreadsheet_url: BOOK, ranges: ['Nope!A1'] });

  assert.equal(text(result), 'Google Sheets rejected the request (HTTP 400): Unable to parse range: Nope!A1');
});

test('a 429 with Retry-After is retried after that delay, then succeeds', async () => {
  fake.once(`GET ${SHEETS}/${BOOK}`, errors.rateLimited(1));
  fake.route(`GET ${SHEETS}/${BOOK}`, { body: spreadsheetJson(BOOK, 'Budget', ['Income']) });
  const client = await connect(gsheets, { credentials });

  const started = performance.now();
  const result = await callTool(client, 'get-sheet-names', names);

  assert.equal(result.isError, undefined, text(result));
  assert.deepEqual(result.structuredContent?.names, ['Income']);
  assert.ok(performance.now() - started >= 900, 'waited for the Retry-After second');
  assert.deepEqual(fake.requests.map(describe), [`GET ${SHEETS}/${BOOK}`, `GET ${SHEETS}/${BOOK}`]);
});

test('a 5xx that persists through every retry of a read ends in a clear message', async () => {
  fake.route(`GET ${SHEETS}/${BOOK}`, errors.unavailable());
  const client = await connect(gsheets, { credentials });

  const result = await callTool(client, 'get-spreadsheet-info', { spreadsheet_url: BOOK });

  assert.equal(result.isError, true);
  assert.equal(text(result), 'Google Sheets failed (HTTP 503); try again later');
  assert.equal(fake.requests.length, 4, 'the first try and three retries');
});

test('a 5xx on creating a spreadsheet is not retried, and says it may have gone through', async () => {
  fake.route(`POST ${SHEETS}`, errors.unavailable());
  const client = await connect(gsheets, { credentials });

  const result = await callTool(client, 'create-sheet', { title: 'x' });

  assert.equal(result.isError, true);
  assert.equal(
    text(result),
    'Google Sheets failed (HTTP 503); the request may have gone through, so check before trying again',
  );
  assert.equal(fake.requests.length, 1, 'a create is sent once');
});

test('a token refreshed mid-session is used from the next request on', async () => {
  let lookups = 0;
  // The credential source refreshes after the first lookup, as when the stored token expires.
  const refreshing = async () => ({ access_token: ++lookups === 1 ? TOKEN : 'ya29.refreshed-token' });
  fake.route(`POST ${SHEETS}/src/sheets/0:copyTo`, { body: { sheetId: 7, title: 'Copy of A', index: 1 } });
  fake.route(`POST ${SHEETS}/dest:batchUpdate`, { body: { spreadsheetId: 'dest', replies: [{}] } });
  fake.route(`GET ${SHEETS}/dest`, { body: spreadsheetJson('dest', 'Dest', ['A', 'B']) });
  const client = await connect(gsheets, { credentials: refreshing });

  await callTool(client, 'copy-sheet', {
    source_spreadsheet_id: 'src',
    source_sheet_id: 0,
    destination_spreadsheet_id: 'dest',
    new_sheet_name: 'B',
  });
  await callTool(client, 'get-sheet-names', { spreadsheet_url: 'dest' });

  assert.deepEqual(
    fake.requests.map((r) => [describe(r), r.headers.authorization]),
    [
      [`POST ${SHEETS}/src/sheets/0:copyTo`, `Bearer ${TOKEN}`],
      [`POST ${SHEETS}/dest:batchUpdate`, 'Bearer ya29.refreshed-token'],
      [`GET ${SHEETS}/dest`, 'Bearer ya29.refreshed-token'],
    ],
  );
});
