import assert from 'node:assert/strict';
import { afterEach, beforeEach, test } from 'node:test';
import type { FakeService } from '../../../testing/fake-service.js';
import { connect } from '../../../testing/mcp.js';
import gdrive from '../index.js';
import { driveFile, FILES, fileList, ids, routePagedFiles } from './fake-drive.js';
import { callTool, credentials, onlyRequest, queryOf, startGoogleFake, TOKEN } from './google-fake.js';

let fake: FakeService;
beforeEach(async () => {
  fake = await startGoogleFake('gdrive');
});
afterEach(() => fake.close());

const FIELDS = 'nextPageToken,files(id,name,mimeType,parents,webViewLink,modifiedTime,size)';
const scopes = (name: string) =>
  (gdrive.tools as Record<string, { scopes?: readonly string[] }>)[name]?.scopes;
const names = (result: { structuredContent?: Record<string, unknown> }) =>
  ((result.structuredContent?.files ?? []) as { id: string }[]).map((f) => f.id);

test('search looks for the text in names and contents, escaping quotes, and returns the files', async () => {
  const report = driveFile('f1', { name: "Bob's report.txt" });
  fake.route(`GET ${FILES}`, { body: fileList([report]) });
  const client = await connect(gdrive, { credentials });

  const result = await callTool(client, 'search', { query: "Bob's report" });

  assert.equal(result.isError, undefined);
  assert.deepEqual(result.structuredContent, { files: [report], count: 1, has_more: false });
  const req = onlyRequest(fake);
  assert.equal(req.method, 'GET');
  assert.equal(req.path, FILES);
  assert.deepEqual(queryOf(req), { q: "fullText contains 'Bob\\'s report'", pageSize: '10', fields: FIELDS });
  assert.equal(req.rawBody, '');
});

test('search follows nextPageToken across pages until max_results files are in hand', async () => {
  routePagedFiles(fake, [ids('a', 3), ids('b', 3), ids('c', 3)]);
  const client = await connect(gdrive, { credentials });

  const result = await callTool(client, 'search', { query: 'plan', max_results: 5 });

  assert.deepEqual(names(result), ['a0', 'a1', 'a2', 'b0', 'b1']);
  assert.equal(result.structuredContent?.count, 5);
  assert.equal(result.structuredContent?.has_more, true);
  assert.deepEqual(
    fake.requests.map((r) => [r.query.get('pageToken'), r.query.get('pageSize')]),
    [
      [null, '5'],
      ['page-1', '2'],
    ],
    'the second page asks only for what is still missing, with the token Drive gave',
  );
  for (const req of fake.requests) assert.equal(req.headers.authorization, `Bearer ${TOKEN}`);
});

test('retrieve_files leaves out trashed files, passes order_by, and reads every page up to page_size', async () => {
  routePagedFiles(fake, [ids('a', 2), ids('b', 2)]);
  const client = await connect(gdrive, { credentials });

  const result = await callTool(client, 'retrieve_files', {
    query: "name contains 'plan' or name contains 'budget'",
    page_size: 50,
    order_by: 'modifiedTime desc',
  });

  assert.deepEqual(names(result), ['a0', 'a1', 'b0', 'b1']);
  assert.equal(result.structuredContent?.has_more, false);
  assert.equal(fake.requests.length, 2);
  assert.deepEqual(queryOf(fake.requests[0] ?? assert.fail()), {
    q: "(name contains 'plan' or name contains 'budget') and trashed = false",
    orderBy: 'modifiedTime desc',
    pageSize: '50',
    fields: FIELDS,
  });
  assert.equal(fake.requests[1]?.query.get('pageToken'), 'page-1');
});

test('retrieve_files keeps the query as given when trash is asked for or the query names it', async () => {
  fake.route(`GET ${FILES}`, { body: fileList([]) });
  const client = await connect(gdrive, { credentials });

  await callTool(client, 'retrieve_files', { query: "name = 'x'", include_trashed: true });
  await callTool(client, 'retrieve_files', { query: 'trashed = true' });

  assert.deepEqual(
    fake.requests.map((r) => r.query.get('q')),
    ["name = 'x'", 'trashed = true'],
  );
  assert.equal(fake.requests[0]?.query.get('pageSize'), '10', 'page_size defaults to 10');
});

test('retrieve_file_or_folder_by_id returns the metadata, with the common fields or the ones asked for', async () => {
  const folder = driveFile('folder-9', { name: 'Plans', mimeType: 'application/vnd.google-apps.folder' });
  delete folder.size;
  fake.route(`GET ${FILES}/folder-9`, { body: folder });
  const client = await connect(gdrive, { credentials });

  const byDefault = await callTool(client, 'retrieve_file_or_folder_by_id', { id: 'folder-9' });
  const chosen = await callTool(client, 'retrieve_file_or_folder_by_id', {
    id: 'folder-9',
    fields: 'name,owners',
  });

  assert.deepEqual(byDefault.structuredContent, folder);
  assert.deepEqual(chosen.structuredContent, folder);
  assert.deepEqual(
    fake.requests.map((r) => [r.method, r.path, queryOf(r)]),
    [
      ['GET', `${FILES}/folder-9`, { fields: 'id,name,mimeType,parents,webViewLink,modifiedTime,size' }],
      ['GET', `${FILES}/folder-9`, { fields: 'name,owners' }],
    ],
  );
});

test('the read tools are read-only and name the drive.readonly scope', async () => {
  const client = await connect(gdrive, { credentials });
  const { tools } = await client.listTools();
  for (const name of ['search', 'retrieve_files', 'retrieve_file_or_folder_by_id']) {
    assert.equal(tools.find((t) => t.name === name)?.annotations?.readOnlyHint, true, name);
    assert.deepEqual(scopes(name), ['https://www.googleapis.com/auth/drive.readonly'], name);
  }
  assert.deepEqual(tools.find((t) => t.name === 'retrieve_files')?.inputSchema.required, ['query']);
  assert.equal(fake.requests.length, 0);
});
