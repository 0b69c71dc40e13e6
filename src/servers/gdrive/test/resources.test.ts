import assert from 'node:assert/strict';
import { afterEach, beforeEach, test } from 'node:test';
import type { FakeService } from '../../../testing/fake-service.js';
import { connect } from '../../../testing/mcp.js';
import gdrive from '../index.js';
import { driveFile, FILES, fileList, routePagedFiles } from './fake-drive.js';
import { credentials, describe, errors, queryOf, startGoogleFake, TOKEN } from './google-fake.js';

let fake: FakeService;
beforeEach(async () => {
  fake = await startGoogleFake('gdrive');
});
afterEach(() => fake.close());

const GOOGLE = 'application/vnd.google-apps';

test('resources list every file as gdrive://<type>/<id>, passing Drive page tokens through MCP cursors', async () => {
  routePagedFiles(fake, [
    [
      driveFile('doc1', { name: 'Plan', mimeType: `${GOOGLE}.document` }),
      driveFile('dir1', { name: 'Team', mimeType: `${GOOGLE}.folder` }),
    ],
    [
      driveFile('txt1', { name: 'notes.txt' }),
      driveFile('sheet1', { name: 'Budget', mimeType: `${GOOGLE}.spreadsheet` }),
    ],
  ]);
  const client = await connect(gdrive, { credentials });

  // Without a cursor the SDK client walks every page the server hands out.
  const { resources, nextCursor } = await client.listResources();

  assert.deepEqual(resources, [
    { uri: 'gdrive://document/doc1', name: 'Plan', mimeType: `${GOOGLE}.document` },
    { uri: 'gdrive://folder/dir1', name: 'Team', mimeType: `${GOOGLE}.folder` },
    { uri: 'gdrive://file/txt1', name: 'notes.txt', mimeType: 'text/plain' },
    { uri: 'gdrive://spreadsheet/sheet1', name: 'Budget', mimeType: `${GOOGLE}.spreadsheet` },
  ]);
  assert.equal(nextCursor, undefined);
  assert.deepEqual(
    fake.requests.map((r) => queryOf(r)),
    [
      { q: 'trashed = false', pageSize: '50', fields: 'nextPageToken,files(id,name,mimeType)' },
      {
        q: 'trashed = false',
        pageSize: '50',
        pageToken: 'page-1',
        fields: 'nextPageToken,files(id,name,mimeType)',
      },
    ],
  );
  for (const req of fake.requests) assert.equal(req.headers.authorization, `Bearer ${TOKEN}`);
});

test('the resource template uses the gdrive:// scheme', async () => {
  const client = await connect(gdrive, { credentials });
  const { resourceTemplates } = await client.listResourceTemplates();
  assert.deepEqual(
    resourceTemplates.map((t) => t.uriTemplate),
    ['gdrive://{resource_type}/{file_id}'],
  );
});

test('reading a Google Doc exports it as Markdown', async () => {
  fake.route(`GET ${FILES}/doc1`, { body: driveFile('doc1', { mimeType: `${GOOGLE}.document` }) });
  fake.route(`GET ${FILES}/doc1/export`, {
    headers: { 'content-type': 'text/markdown' },
    body: '# Plan\n\nShip it.',
  });
  const client = await connect(gdrive, { credentials });

  const { contents } = await client.readResource({ uri: 'gdrive://document/doc1' });

  assert.deepEqual(contents, [
    { uri: 'gdrive://document/doc1', mimeType: 'text/markdown', text: '# Plan\n\nShip it.' },
  ]);
  assert.deepEqual(fake.requests.map(describe), [`GET ${FILES}/doc1`, `GET ${FILES}/doc1/export`]);
  assert.deepEqual(queryOf(fake.requests[1] ?? assert.fail()), { mimeType: 'text/markdown' });
});

test('reading a text file downloads its content as it is', async () => {
  fake.route(`GET ${FILES}/cfg`, (req) =>
    req.query.get('alt') === 'media'
      ? { headers: { 'content-type': 'application/json' }, body: '{"a":1}' }
      : { body: driveFile('cfg', { mimeType: 'application/json' }) },
  );
  const client = await connect(gdrive, { credentials });

  const { contents } = await client.readResource({ uri: 'gdrive://file/cfg' });

  assert.equal(contents[0]?.mimeType, 'application/json');
  assert.deepEqual(JSON.parse(String((contents[0] as { text: string }).text)), { a: 1 });
  assert.deepEqual(queryOf(fake.requests[1] ?? assert.fail()), { alt: 'media' });
});

test('reading a folder lists what is in it', async () => {
  fake.route(`GET ${FILES}/dir1`, {
    body: driveFile('dir1', { name: 'Team', mimeType: `${GOOGLE}.folder` }),
  });
  fake.route(`GET ${FILES}`, { body: fileList([driveFile('a'), driveFile('b')]) });
  const client = await connect(gdrive, { credentials });

  const { contents } = await client.readResource({ uri: 'gdrive://folder/dir1' });

  const listing = JSON.parse(String((contents[0] as { text: string }).text));
  assert.equal(listing.name, 'Team');
  assert.deepEqual(
    listing.files.map((f: { id: string }) => f.id),
    ['a', 'b'],
  );
  assert.equal(fake.requests[1]?.query.get('q'), "'dir1' in parents and trashed = false");
});

test('reading a binary file gives its metadata, not corrupted bytes', async () => {
  fake.route(`GET ${FILES}/img`, { body: driveFile('img', { name: 'photo.png', mimeType: 'image/png' }) });
  const client = await connect(gdrive, { credentials });

  const { contents } = await client.readResource({ uri: 'gdrive://file/img' });

  const data = JSON.parse(String((contents[0] as { text: string }).text));
  assert.equal(data.name, 'photo.png');
  assert.match(data.note, /Binary file/);
  assert.equal(fake.requests.length, 1, 'the content is not downloaded');
});

test('reading a file that does not exist names its id', async () => {
  fake.route(`GET ${FILES}/gone`, errors.driveNotFound('gone'));
  const client = await connect(gdrive, { credentials });

  await assert.rejects(client.readResource({ uri: 'gdrive://file/gone' }), /File not found: gone/);
});
