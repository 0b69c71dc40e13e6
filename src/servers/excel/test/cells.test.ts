import assert from 'node:assert/strict';
import { test } from 'node:test';
import { only, query } from '../../../testing/fake-service.js';
import { connect, text } from '../../../testing/mcp.js';
import { parseRange } from '../a1.js';
import excel from '../index.js';
import { MAX_CELLS } from '../tools.js';
import { FILE, fakeExcel, range, WB } from './fake-excel.js';

const credentials = { access_token: 'eyJ0eXAi.cells-secret' };
const at = { file_id: FILE, worksheet_name: 'Sheet1' };

test('A1 ranges are checked and normalised; a wrong one names the argument', () => {
  assert.deepEqual(parseRange('b2:a1', 'range'), {
    address: 'A1:B2',
    box: { top: 1, left: 1, bottom: 2, right: 2 },
  });
  assert.deepEqual(parseRange('$C$3', 'range').address, 'C3');
  assert.deepEqual(parseRange('A:C', 'range'), { address: 'A:C' });
  assert.deepEqual(parseRange('2:5', 'range'), { address: '2:5' });
  assert.throws(() => parseRange('A0', 'range'), /^ToolError: range is not a valid range: "A0"/);
  assert.throws(() => parseRange('XFE1', 'cell'), /cell is not a valid range/);
  assert.throws(() => parseRange("A1');DROP", 'range'), /range is not a valid range/);
  assert.throws(() => parseRange('Sheet1!A1:B2', 'range'), /range must not name a sheet/);
});

test('read_worksheet of a range returns its values and the cells that hold formulas', async (t) => {
  const fake = await fakeExcel(t);
  const path = `${WB}/worksheets/Sheet1/range(address='A1:B3')`;
  fake.route(`GET ${path}`, {
    body: range(
      'Sheet1',
      'A1:B3',
      [
        ['Item', 'Qty'],
        ['Pens', 4],
        ['Total', 4],
      ],
      [
        ['Item', 'Qty'],
        ['Pens', 4],
        ['Total', '=SUM(B2:B2)'],
      ],
    ),
  });
  const client = await connect(excel, { credentials });

  const result = await client.callTool({ name: 'read_worksheet', arguments: { ...at, range: 'a1:b3' } });

  assert.deepEqual(result.structuredContent, {
    worksheet: 'Sheet1',
    address: 'Sheet1!A1:B3',
    row_count: 3,
    column_count: 2,
    values: [
      ['Item', 'Qty'],
      ['Pens', 4],
      ['Total', 4],
    ],
    formulas: [{ cell: 'B3', formula: '=SUM(B2:B2)' }],
    truncated: false,
  });
  const req = only(fake, 'GET', path);
  assert.deepEqual(query(req), { $select: 'address,values,formulas' });
  assert.equal(req.headers.authorization, `Bearer ${credentials.access_token}`);
  assert.equal(req.headers['workbook-session-id'], undefined, 'one read needs no session');
});

test('read_worksheet without a range reads the used range, cut to its first rows when too large', async (t) => {
  const fake = await fakeExcel(t);
  fake.route(`GET ${WB}/worksheets/Big/usedRange(valuesOnly=true)`, {
    body: { address: 'Big!A1:J5000', rowCount: 5000, columnCount: 10 },
  });
  const rows = MAX_CELLS / 10;
  const firstRows = `${WB}/worksheets/Big/range(address='A1:J${rows}')`;
  fake.route(`GET ${firstRows}`, { body: range('Big', `A1:J${rows}`, [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10]]) });
  const client = await connect(excel, { credentials });

  const result = await client.callTool({
    name: 'read_worksheet',
    arguments: { file_id: FILE, worksheet_name: 'Big' },
  });

  assert.equal((result.structuredContent as { truncated: boolean }).truncated, true);
  assert.deepEqual(query(fake.requests[0] ?? assert.fail()), { $select: 'address,rowCount,columnCount' });
  only(fake, 'GET', firstRows);
});

test('update_cells writes values; a single cell grows to fit them; a mismatched range is refused', async (t) => {
  const fake = await fakeExcel(t);
  const path = `${WB}/worksheets/Sheet1/range(address='B2:C3')`;
  fake.route(`PATCH ${path}`, (req) => ({
    body: range('Sheet1', 'B2:C3', (req.body as { values: unknown[][] }).values),
  }));
  const client = await connect(excel, { credentials });
  const values = [
    ['Name', 'Qty'],
    ['Pens', 4],
  ];

  const grown = await client.callTool({ name: 'update_cells', arguments: { ...at, range: 'B2', values } });
  const exact = await client.callTool({ name: 'update_cells', arguments: { ...at, range: 'B2:C3', values } });
  const wrong = await client.callTool({ name: 'update_cells', arguments: { ...at, range: 'B2:D3', values } });
  const ragged = await client.callTool({
    name: 'update_cells',
    arguments: { ...at, range: 'B2', values: [['a'], ['b', 'c']] },
  });

  assert.deepEqual(grown.structuredContent, {
    worksheet: 'Sheet1',
    address: 'Sheet1!B2:C3',
    row_count: 2,
    column_count: 2,
    values,
  });
  assert.equal(exact.isError, undefined);
  assert.equal(
    text(wrong),
    'values has 2 row(s) of 2 cell(s) but range B2:D3 is 2 × 3; give a range of that size or its top-left cell',
  );
  assert.equal(text(ragged), 'values rows must all have the same length');
  assert.deepEqual(
    fake.requests.map((r) => [r.method, r.body]),
    [
      ['PATCH', { values }],
      ['PATCH', { values }],
    ],
  );
});

test('add_formula writes one cell’s formula and returns the computed value', async (t) => {
  const fake = await fakeExcel(t);
  const path = `${WB}/worksheets/Sheet1/range(address='C2')`;
  fake.route(`PATCH ${path}`, { body: range('Sheet1', 'C2', [[10]], [['=SUM(A2:B2)']]) });
  const client = await connect(excel, { credentials });

  const result = await client.callTool({
    name: 'add_formula',
    arguments: { ...at, cell: 'c2', formula: 'SUM(A2:B2)' },
  });
  const notACell = await client.callTool({
    name: 'add_formula',
    arguments: { ...at, cell: 'C2:C3', formula: '=1' },
  });

  assert.deepEqual(result.structuredContent, {
    worksheet: 'Sheet1',
    address: 'Sheet1!C2',
    formula: '=SUM(A2:B2)',
    value: 10,
  });
  assert.deepEqual(only(fake, 'PATCH', path).body, { formulas: [['=SUM(A2:B2)']] });
  assert.equal(text(notACell), 'cell must be a single cell such as C2; got "C2:C3"');
});
