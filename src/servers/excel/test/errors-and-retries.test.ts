import assert from 'node:assert/strict';
import { test } from 'node:test';
import { GRAPH_ERRORS } from '../../../providers/microsoft/test/graph-fake.js';
import { connect, text } from '../../../testing/mcp.js';
import excel from '../index.js';
import { FILE, fakeExcel, range, WB, worksheet } from './fake-excel.js';

const credentials = { access_token: 'eyJ0eXAi.top-secret-excel' };
const listSheets = { name: 'list_worksheets', arguments: { file_id: FILE } };
const CELLS = `${WB}/worksheets/Sheet1/range(address='A1')`;
const update = {
  name: 'update_cells',
  arguments: { file_id: FILE, worksheet_name: 'Sheet1', range: 'A1', values: [[1]] },
};

test('401 asks to re-authenticate, without the token', async (t) => {
  const fake = await fakeExcel(t);
  fake.route(`GET ${WB}/worksheets`, { status: 401, body: GRAPH_ERRORS.expiredToken });
  const client = await connect(excel, { credentials });

  const result = await client.callTool(listSheets);

  assert.equal(
    text(result),
    'Not authenticated with excel: Excel rejected the stored token. Re-authenticate with `gumcp auth excel`.',
  );
  assert.doesNotMatch(text(result), /top-secret-excel/);
});

test('403 names the permissions the server asks for', async (t) => {
  const fake = await fakeExcel(t);
  fake.route(`GET ${WB}/worksheets`, { status: 403, body: GRAPH_ERRORS.accessDenied });
  const client = await connect(excel, { credentials });

  const result = await client.callTool(listSheets);

  assert.match(
    text(result),
    /^Permission denied by Excel: .*Files\.ReadWrite, Sites\.ReadWrite\.All, offline_access/,
  );
});

test('404 names the workbook, or the worksheet within it', async (t) => {
  const fake = await fakeExcel(t);
  fake.route(`GET ${WB}/worksheets`, { status: 404, body: GRAPH_ERRORS.notFound });
  fake.route(`PATCH ${CELLS}`, { status: 404, body: GRAPH_ERRORS.notFound });
  const client = await connect(excel, { credentials });

  assert.equal(text(await client.callTool(listSheets)), `Workbook not found: ${FILE}`);
  assert.equal(text(await client.callTool(update)), `Worksheet not found: Sheet1 (workbook ${FILE})`);
});

test('429 with Retry-After is retried, then succeeds', async (t) => {
  const fake = await fakeExcel(t);
  fake.once(`GET ${WB}/worksheets`, {
    status: 429,
    headers: { 'retry-after': '0' },
    body: GRAPH_ERRORS.throttled,
  });
  fake.route(`GET ${WB}/worksheets`, { body: { value: [worksheet('Sheet1', 0)] } });
  const client = await connect(excel, { credentials });

  const result = await client.callTool(listSheets);

  assert.equal(result.isError, undefined, text(result));
  assert.equal(fake.requests.length, 2);
});

test('a 504 on writing cells (a PATCH of the same values) is retried', async (t) => {
  const fake = await fakeExcel(t);
  fake.once(`PATCH ${CELLS}`, { status: 504, body: GRAPH_ERRORS.unavailable });
  fake.route(`PATCH ${CELLS}`, { body: range('Sheet1', 'A1', [[1]]) });
  const client = await connect(excel, { credentials });

  const result = await client.callTool(update);

  assert.equal(result.isError, undefined, text(result));
  assert.equal(fake.requests.length, 2);
});

test('a 504 on createSession is retried (a spare session expires by itself)', async (t) => {
  const fake = await fakeExcel(t);
  fake.once(`POST ${WB}/createSession`, { status: 504, body: GRAPH_ERRORS.unavailable });
  fake.route(`GET ${WB}/worksheets/Sheet1/usedRange(valuesOnly=true)`, {
    body: range('Sheet1', 'A1:A2', [['Name'], ['Ada']]),
  });
  fake.route(`PATCH ${WB}/worksheets/Sheet1/range(address='A3')`, { body: range('Sheet1', 'A3', [['Bo']]) });
  const client = await connect(excel, { credentials });

  const result = await client.callTool({
    name: 'add_row',
    arguments: { file_id: FILE, worksheet_name: 'Sheet1', values: ['Bo'] },
  });

  assert.equal(result.isError, undefined, text(result));
  assert.equal(fake.requests.filter((r) => r.path.endsWith('/createSession')).length, 2);
});

test('a 504 on adding a table row is not repeated (it may have been added), and the session still closes', async (t) => {
  const fake = await fakeExcel(t);
  const T = `${WB}/worksheets/Sheet1/tables/Sales`;
  fake.route(`GET ${T}/columns`, { body: { value: [{ id: '1', name: 'Region', index: 0 }] } });
  fake.route(`POST ${T}/rows`, { status: 504, body: GRAPH_ERRORS.unavailable });
  const client = await connect(excel, { credentials });

  const result = await client.callTool({
    name: 'add_table_row',
    arguments: { file_id: FILE, worksheet_name: 'Sheet1', table_name: 'Sales', values: ['West'] },
  });

  assert.equal(
    text(result),
    'Excel failed (HTTP 504); the request may have gone through, so check before trying again',
  );
  assert.equal(fake.requests.filter((r) => r.path === `${T}/rows`).length, 1);
  assert.equal(fake.requests.at(-1)?.path, `${WB}/closeSession`);
});

test('a token changed mid-session is used from the next call on', async (t) => {
  const fake = await fakeExcel(t);
  fake.route(`GET ${WB}/worksheets`, { body: { value: [] } });
  let uses = 0;
  const client = await connect(excel, {
    credentials: async () => ({ access_token: uses++ === 0 ? 'first' : 'second' }),
  });

  await client.callTool(listSheets);
  await client.callTool(listSheets);

  assert.deepEqual(
    fake.requests.map((r) => r.headers.authorization),
    ['Bearer first', 'Bearer second'],
  );
});
