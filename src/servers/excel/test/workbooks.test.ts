import assert from 'node:assert/strict';
import { test } from 'node:test';
import JSZip from 'jszip';
import { graphPage } from '../../../providers/microsoft/test/graph-fake.js';
import { only, query } from '../../../testing/fake-service.js';
import { connect, text } from '../../../testing/mcp.js';
import { driveItem } from '../../sharepoint/test/fake-sharepoint.js';
import { BLANK_PARTS } from '../blank-workbook.js';
import excel from '../index.js';
import { FILE, fakeExcel, WB, worksheet } from './fake-excel.js';

const credentials = { access_token: 'eyJ0eXAi.workbooks-secret' };
const V1 = '/v1.0';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

test('create_workbook uploads an empty .xlsx package to the folder, renaming on a clash', async (t) => {
  const fake = await fakeExcel(t);
  const target = `${V1}/me/drive/root:/Reports/2025/Budget.xlsx:/content`;
  fake.route(`PUT ${target}`, {
    status: 201,
    body: driveItem('NEWBOOK', 'Budget.xlsx', { file: { mimeType: XLSX } }),
  });
  const client = await connect(excel, { credentials });

  const result = await client.callTool({
    name: 'create_workbook',
    arguments: { name: 'Budget', folder_path: '/Reports/2025/' },
  });

  assert.equal(result.isError, undefined, text(result));
  const out = result.structuredContent as { id: string; resource_uri: string };
  assert.deepEqual([out.id, out.resource_uri], ['NEWBOOK', 'excel://file/NEWBOOK']);
  const req = only(fake, 'PUT', target);
  assert.equal(req.headers['content-type'], XLSX);
  assert.deepEqual(query(req), { '@microsoft.graph.conflictBehavior': 'rename' });
});

test('the empty workbook is a zip package with the parts of a one-sheet spreadsheet', async () => {
  const { blankWorkbook } = await import('../blank-workbook.js');
  const zip = await JSZip.loadAsync(await blankWorkbook());

  assert.deepEqual(
    Object.keys(zip.files)
      .filter((n) => !zip.files[n]?.dir)
      .sort(),
    [...BLANK_PARTS].sort(),
  );
  const workbook = (await zip.file('xl/workbook.xml')?.async('string')) ?? '';
  assert.match(workbook, /<sheet name="Sheet1" sheetId="1" r:id="rId1"\/>/);
  const types = (await zip.file('[Content_Types].xml')?.async('string')) ?? '';
  assert.match(types, /PartName="\/xl\/worksheets\/sheet1.xml"/);
});

test('search_workbooks searches the drive, keeps .xlsx files and follows pages to the limit', async (t) => {
  const fake = await fakeExcel(t);
  const search = `${V1}/me/drive/root/search(q='budget')`;
  fake.route(`GET ${search}`, (req) =>
    req.query.get('$skiptoken') === 'p2'
      ? {
          body: graphPage(
            fake,
            [driveItem('B2', 'budget-2024.xlsx'), driveItem('B3', 'budget-2023.xlsx')],
            "me/drive/root/search(q='budget')?$top=200&$skiptoken=p3",
          ),
        }
      : {
          body: graphPage(
            fake,
            [
              driveItem('B1', 'Budget.xlsx'),
              driveItem('D1', 'budget.docx'),
              driveItem('F', 'budget', { file: undefined, folder: {} }),
            ],
            "me/drive/root/search(q='budget')?$top=200&$skiptoken=p2",
          ),
        },
  );
  const client = await connect(excel, { credentials });

  const result = await client.callTool({
    name: 'search_workbooks',
    arguments: { query: 'budget', limit: 2 },
  });

  const out = result.structuredContent as { count: number; more: boolean; workbooks: { id: string }[] };
  assert.deepEqual([out.workbooks.map((w) => w.id), out.more], [['B1', 'B2'], true]);
  assert.deepEqual(fake.requests.map(query), [{ $top: '200' }, { $top: '200', $skiptoken: 'p2' }]);
});

test('download_workbook gives Graph’s pre-authenticated link and the resource URI', async (t) => {
  const fake = await fakeExcel(t);
  fake.route(`GET ${V1}/me/drive/items/${FILE}`, {
    body: driveItem(FILE, 'Budget.xlsx', { file: { mimeType: XLSX }, size: 8123 }),
  });
  const client = await connect(excel, { credentials });

  const result = await client.callTool({ name: 'download_workbook', arguments: { file_id: FILE } });

  assert.deepEqual(result.structuredContent, {
    file_id: FILE,
    name: 'Budget.xlsx',
    url: `https://public.example/download/${FILE}?tempauth=xyz`,
    web_url: 'https://contoso-my.sharepoint.com/personal/megan/Documents/Budget.xlsx',
    size: 8123,
    mime_type: XLSX,
    resource_uri: `excel://file/${FILE}`,
  });
});

test('list_worksheets and add_worksheet', async (t) => {
  const fake = await fakeExcel(t);
  fake.route(`GET ${WB}/worksheets`, { body: { value: [worksheet('Sheet1', 0), worksheet('Data', 1)] } });
  fake.route(`POST ${WB}/worksheets/add`, { body: worksheet('Q3', 2) });
  const client = await connect(excel, { credentials });

  const listed = await client.callTool({ name: 'list_worksheets', arguments: { file_id: FILE } });
  const added = await client.callTool({ name: 'add_worksheet', arguments: { file_id: FILE, name: 'Q3' } });

  assert.deepEqual(
    (listed.structuredContent as { worksheets: { name: string; position: number }[] }).worksheets.map((w) => [
      w.name,
      w.position,
    ]),
    [
      ['Sheet1', 0],
      ['Data', 1],
    ],
  );
  assert.equal((added.structuredContent as { name: string }).name, 'Q3');
  assert.deepEqual(only(fake, 'POST', `${WB}/worksheets/add`).body, { name: 'Q3' });
});

test('resources: workbooks are listed a page at a time, the cursor being Graph’s next-page link, and read with their sheets', async (t) => {
  const fake = await fakeExcel(t);
  const search = `${V1}/me/drive/root/search(q='.xlsx')`;
  const books = Array.from({ length: 50 }, (_, i) => driveItem(`X${i}`, `book${i}.xlsx`));
  fake.route(`GET ${search}`, (req) =>
    req.query.get('$skiptoken')
      ? { body: graphPage(fake, [driveItem('LAST', 'last.xlsx')]) }
      : { body: graphPage(fake, books, "me/drive/root/search(q='.xlsx')?$top=200&$skiptoken=next-1") },
  );
  fake.route(`GET ${V1}/me/drive/items/X0`, { body: driveItem('X0', 'book0.xlsx') });
  fake.route(`GET ${V1}/me/drive/items/X0/workbook/worksheets`, {
    body: { value: [worksheet('Sheet1', 0)] },
  });
  const client = await connect(excel, { credentials });

  const first = await client.request({ method: 'resources/list', params: {} });
  const second = await client.listResources({ cursor: first.nextCursor });
  const read = await client.readResource({ uri: 'excel://file/X0' });

  assert.equal(first.resources.length, 50);
  assert.deepEqual(first.resources[0], { uri: 'excel://file/X0', name: 'book0.xlsx', mimeType: XLSX });
  assert.ok(first.nextCursor);
  assert.deepEqual(fake.requests.filter((r) => r.path === search).map(query), [
    { $top: '200' },
    { $top: '200', $skiptoken: 'next-1' },
  ]);
  assert.deepEqual(
    second.resources.map((r) => r.uri),
    ['excel://file/LAST'],
  );
  const content = read.contents[0] as { mimeType: string; text: string };
  assert.equal(content.mimeType, 'application/json');
  assert.deepEqual(JSON.parse(content.text).worksheets, [
    { id: '{00000000-0001-0000-0000-000000000000}', name: 'Sheet1', position: 0, visibility: 'Visible' },
  ]);
});

test('resources: a page with more workbooks than a list page gives them all, so the cursor skips none', async (t) => {
  const fake = await fakeExcel(t);
  const search = `${V1}/me/drive/root/search(q='.xlsx')`;
  const books = Array.from({ length: 70 }, (_, i) => driveItem(`X${i}`, `book${i}.xlsx`));
  fake.route(`GET ${search}`, (req) =>
    req.query.get('$skiptoken')
      ? { body: graphPage(fake, [driveItem('LAST', 'last.xlsx')]) }
      : { body: graphPage(fake, books, "me/drive/root/search(q='.xlsx')?$top=200&$skiptoken=next-1") },
  );
  const client = await connect(excel, { credentials });

  const first = await client.request({ method: 'resources/list', params: {} });
  const second = await client.listResources({ cursor: first.nextCursor });

  assert.deepEqual(
    [...first.resources, ...second.resources].map((r) => r.uri),
    [...books.map((b) => `excel://file/${b.id}`), 'excel://file/LAST'],
  );
});

test('resources: a cursor leading to another host is refused, and the token goes nowhere', async (t) => {
  const fake = await fakeExcel(t);
  const client = await connect(excel, { credentials });
  // The host wraps each template's cursor; a forged one holds a link of the attacker's choosing.
  const forged = Buffer.from(
    JSON.stringify({ t: 0, c: "https://evil.example/v1.0/me/drive/root/search(q='.xlsx')" }),
  ).toString('base64url');

  await assert.rejects(client.listResources({ cursor: forged }), /next-page link to another host/);
  assert.equal(fake.requests.length, 0);
});
