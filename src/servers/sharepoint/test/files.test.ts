import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FRAGMENT_UNIT, uploadTuning } from '../../../providers/microsoft/drive.js';
import { only, query, startFake } from '../../../testing/fake-service.js';
import { connect, text } from '../../../testing/mcp.js';
import sharepoint from '../index.js';
import { driveItem, fakeSharePoint, V1 } from './fake-sharepoint.js';

const credentials = { access_token: 'eyJ0eXAi.files-secret' };
const ITEMS = `${V1}/me/drive/items`;

test('download_file follows Graph’s redirect to the download host without the token, and returns a text file as a text resource', async (t) => {
  const fake = await fakeSharePoint(t);
  const storage = await startFake();
  t.after(() => storage.close());
  storage.route('GET /download/F1', { headers: { 'content-type': 'text/plain' }, body: 'hello world' });
  fake.route(`GET ${ITEMS}/F1`, { body: driveItem('F1', 'notes.txt') });
  fake.route(`GET ${ITEMS}/F1/content`, {
    status: 302,
    headers: { location: `${storage.url}/download/F1?tempauth=abc` },
    body: '',
  });
  const client = await connect(sharepoint, { credentials });

  const result = await client.callTool({
    name: 'download_file',
    arguments: { item_id: 'F1', download_path: '/tmp/notes.txt' },
  });

  const data = {
    item_id: 'F1',
    name: 'notes.txt',
    content_type: 'text/plain',
    size: 11,
    encoding: 'utf8',
    note: 'Not saved to /tmp/notes.txt: the file is in this answer instead.',
  };
  // The data, the same as JSON text, then the file itself as a resource block: no content in the JSON.
  assert.deepEqual(result.structuredContent, data);
  assert.deepEqual(result.content, [
    { type: 'text', text: JSON.stringify(data) },
    {
      type: 'resource',
      resource: { uri: 'sharepoint://file/F1', mimeType: 'text/plain', text: 'hello world' },
    },
  ]);
  assert.equal(
    only(fake, 'GET', `${ITEMS}/F1/content`).headers.authorization,
    `Bearer ${credentials.access_token}`,
  );
  const fetched = only(storage, 'GET', '/download/F1');
  assert.equal(fetched.headers.authorization, undefined, 'the pre-authenticated URL gets no token');
  assert.deepEqual(query(fetched), { tempauth: 'abc' });
});

test('download_file returns a binary file as a base64 blob, and refuses a folder', async (t) => {
  const fake = await fakeSharePoint(t);
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0xff]);
  fake.route(`GET ${ITEMS}/IMG`, { body: driveItem('IMG', 'logo.png', { file: { mimeType: 'image/png' } }) });
  fake.route(`GET ${ITEMS}/IMG/content`, {
    headers: { 'content-type': 'image/png' },
    body: png.toString('latin1'),
  });
  fake.route(`GET ${ITEMS}/DIR`, {
    body: driveItem('DIR', 'Reports', { file: undefined, folder: { childCount: 2 } }),
  });
  const client = await connect(sharepoint, { credentials });

  const image = await client.callTool({ name: 'download_file', arguments: { item_id: 'IMG' } });
  const folder = await client.callTool({ name: 'download_file', arguments: { item_id: 'DIR' } });

  const out = image.structuredContent as { encoding: string; content_type: string };
  assert.deepEqual([out.encoding, out.content_type], ['base64', 'image/png']);
  const block = (image.content as { resource?: { uri: string; mimeType: string; blob: string } }[])[1];
  assert.deepEqual([block?.resource?.uri, block?.resource?.mimeType], ['sharepoint://file/IMG', 'image/png']);
  // The fake sends its string body as UTF-8: those are the bytes that must come back.
  assert.deepEqual(
    Buffer.from(block?.resource?.blob ?? '', 'base64'),
    Buffer.from(png.toString('latin1'), 'utf8'),
  );
  assert.equal(text(folder), 'DIR is a folder, not a file');
});

test('upload_file PUTs the content to the destination path with the conflict behaviour', async (t) => {
  const fake = await fakeSharePoint(t);
  const target = `${V1}/me/drive/root:/Documents/Q3 report.txt:/content`;
  fake.route(`PUT ${target}`, { status: 201, body: driveItem('NEW', 'Q3 report.txt') });
  const client = await connect(sharepoint, { credentials });

  const result = await client.callTool({
    name: 'upload_file',
    arguments: {
      file_path: 'C:/Users/me/report.txt',
      destination_path: 'Documents/Q3 report.txt',
      content: 'Revenue up',
      content_type: 'text/plain',
    },
  });

  assert.equal(result.isError, undefined, text(result));
  assert.equal((result.structuredContent as { id: string }).id, 'NEW');
  const req = only(fake, 'PUT', target);
  assert.equal(req.rawBody, 'Revenue up');
  assert.equal(req.headers['content-type'], 'text/plain');
  assert.deepEqual(query(req), { '@microsoft.graph.conflictBehavior': 'replace' });
});

test('upload_file into a parent folder takes file_path’s name and decodes base64', async (t) => {
  const fake = await fakeSharePoint(t);
  const target = `${ITEMS}/PARENT:/data.bin:/content`;
  fake.route(`PUT ${target}`, { status: 201, body: driveItem('BIN', 'data.bin') });
  const client = await connect(sharepoint, { credentials });

  const result = await client.callTool({
    name: 'upload_file',
    arguments: {
      file_path: '/home/me/data.bin',
      parent_folder_id: 'PARENT',
      content_base64: Buffer.from('abc').toString('base64'),
      conflict_behavior: 'rename',
    },
  });

  assert.equal(result.isError, undefined, text(result));
  const req = only(fake, 'PUT', target);
  assert.equal(req.rawBody, 'abc');
  assert.equal(req.headers['content-type'], 'application/octet-stream');
  assert.deepEqual(query(req), { '@microsoft.graph.conflictBehavior': 'rename' });
});

test('upload_file sends a file over the simple-upload size through an upload session, without the token', async (t) => {
  // The 4 MB threshold and 10 MiB fragments made small: three fragments of 320 KiB or less.
  const saved = { ...uploadTuning };
  Object.assign(uploadTuning, { simpleMaxBytes: 1000, chunkBytes: FRAGMENT_UNIT });
  t.after(() => {
    Object.assign(uploadTuning, saved);
  });
  const fake = await fakeSharePoint(t);
  const storage = await startFake();
  t.after(() => storage.close());
  const total = 2 * FRAGMENT_UNIT + 10;
  const content = 'x'.repeat(total);
  fake.route(`POST ${ITEMS}/PARENT:/big.txt:/createUploadSession`, {
    body: { uploadUrl: `${storage.url}/up/session-1`, expirationDateTime: '2025-06-02T09:21:55.523Z' },
  });
  let received = 0;
  storage.route('PUT /up/session-1', (req) => {
    received += req.bytes.length;
    return received < total
      ? { status: 202, body: { nextExpectedRanges: [`${received}-`] } }
      : { status: 201, body: driveItem('BIG', 'big.txt', { size: total }) };
  });
  const client = await connect(sharepoint, { credentials });

  const result = await client.callTool({
    name: 'upload_file',
    arguments: { file_path: 'big.txt', parent_folder_id: 'PARENT', content, conflict_behavior: 'rename' },
  });

  assert.equal(result.isError, undefined, text(result));
  assert.deepEqual(
    [(result.structuredContent as { id: string }).id, (result.structuredContent as { size: number }).size],
    ['BIG', total],
  );
  const session = only(fake, 'POST', `${ITEMS}/PARENT:/big.txt:/createUploadSession`);
  assert.equal(session.headers.authorization, `Bearer ${credentials.access_token}`);
  assert.deepEqual(session.body, { item: { '@microsoft.graph.conflictBehavior': 'rename' } });
  assert.deepEqual(
    storage.requests.map((r) => [r.headers['content-range'], r.headers.authorization]),
    [
      [`bytes 0-${FRAGMENT_UNIT - 1}/${total}`, undefined],
      [`bytes ${FRAGMENT_UNIT}-${2 * FRAGMENT_UNIT - 1}/${total}`, undefined],
      [`bytes ${2 * FRAGMENT_UNIT}-${total - 1}/${total}`, undefined],
    ],
  );
  assert.equal(storage.requests.map((r) => r.rawBody).join(''), content);
});

test('upload_file without content says why it does not read file_path, and sends nothing', async (t) => {
  const fake = await fakeSharePoint(t);
  const client = await connect(sharepoint, { credentials });

  const result = await client.callTool({ name: 'upload_file', arguments: { file_path: '/etc/passwd' } });

  assert.match(
    text(result),
    /^upload_file needs the file’s bytes in content \(text\) or content_base64\. It does not read file_path/,
  );
  const climbing = await client.callTool({
    name: 'upload_file',
    arguments: { file_path: 'x', destination_path: '../x.txt', content: 'x' },
  });
  assert.equal(
    text(climbing),
    'destination_path: "../x.txt" may not contain . or .. segments; give the path from the drive\'s root',
  );
  assert.equal(fake.requests.length, 0);
});

test('create_folder posts a folder facet and the conflict behaviour under the parent (or the root)', async (t) => {
  const fake = await fakeSharePoint(t);
  fake.route(`POST ${ITEMS}/PARENT/children`, {
    status: 201,
    body: driveItem('DIR2', 'Plans', { file: undefined, folder: { childCount: 0 } }),
  });
  fake.route(`POST ${V1}/me/drive/root/children`, {
    status: 201,
    body: driveItem('DIR3', 'Top', { file: undefined, folder: { childCount: 0 } }),
  });
  const client = await connect(sharepoint, { credentials });

  const nested = await client.callTool({
    name: 'create_folder',
    arguments: { folder_name: 'Plans', parent_folder_id: 'PARENT', conflict_behavior: 'fail' },
  });
  const top = await client.callTool({ name: 'create_folder', arguments: { folder_name: 'Top' } });

  assert.deepEqual(
    [(nested.structuredContent as { folder: boolean }).folder, (top.structuredContent as { id: string }).id],
    [true, 'DIR3'],
  );
  assert.deepEqual(
    fake.requests.map((r) => [r.path, r.body]),
    [
      [
        `${ITEMS}/PARENT/children`,
        { name: 'Plans', folder: {}, '@microsoft.graph.conflictBehavior': 'fail' },
      ],
      [
        `${V1}/me/drive/root/children`,
        { name: 'Top', folder: {}, '@microsoft.graph.conflictBehavior': 'rename' },
      ],
    ],
  );
});
