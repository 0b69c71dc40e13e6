import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type TestContext, test } from 'node:test';
import { only, startFake } from '../../../testing/fake-service.js';
import { connect, text } from '../../../testing/mcp.js';
import { LOCAL_FILES_VARIABLE } from '../../../util/local-files.js';
import { DOWNLOAD_MAX } from '../file-tools.js';
import sharepoint from '../index.js';
import { driveItem, fakeSharePoint, V1 } from './fake-sharepoint.js';

const credentials = { access_token: 'eyJ0eXAi.local-secret' };
const ITEMS = `${V1}/me/drive/items`;

/** A folder under the temp dir that local file paths may use, for this test only. */
async function localDir(t: TestContext): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'gumcp-sharepoint-'));
  process.env[LOCAL_FILES_VARIABLE] = dir;
  t.after(async () => {
    delete process.env[LOCAL_FILES_VARIABLE];
    await rm(dir, { recursive: true, force: true });
  });
  return dir;
}

/** Graph's /content answer: a 302 to a pre-authenticated URL on another host, serving `body`. */
async function serveFile(t: TestContext, id: string, name: string, body: string | Buffer) {
  const fake = await fakeSharePoint(t);
  const storage = await startFake();
  t.after(() => storage.close());
  fake.route(`GET ${ITEMS}/${id}`, { body: driveItem(id, name) });
  fake.route(`GET ${ITEMS}/${id}/content`, {
    status: 302,
    headers: { location: `${storage.url}/download/${id}?tempauth=abc` },
    body: '',
  });
  storage.route(`GET /download/${id}`, { headers: { 'content-type': 'text/plain' }, body });
  return { fake, storage };
}

test('with GUMCP_LOCAL_FILES_DIR set, upload_file reads file_path under it when no content is given', async (t) => {
  const dir = await localDir(t);
  await mkdir(join(dir, 'docs'));
  await writeFile(join(dir, 'docs', 'q3.txt'), 'from disk');
  const fake = await fakeSharePoint(t);
  fake.route(`PUT ${V1}/me/drive/root:/q3.txt:/content`, { status: 201, body: driveItem('Q3', 'q3.txt') });
  fake.route(`PUT ${V1}/me/drive/root:/given.txt:/content`, {
    status: 201,
    body: driveItem('G', 'given.txt'),
  });
  const client = await connect(sharepoint, { credentials });

  const relative = await client.callTool({ name: 'upload_file', arguments: { file_path: 'docs/q3.txt' } });
  const absolute = await client.callTool({
    name: 'upload_file',
    arguments: { file_path: join(dir, 'docs', 'q3.txt') },
  });
  const content = await client.callTool({
    name: 'upload_file',
    arguments: { file_path: '/nowhere/given.txt', content: 'given' },
  });

  assert.equal(relative.isError, undefined, text(relative));
  assert.equal(absolute.isError, undefined, text(absolute));
  assert.equal(content.isError, undefined, text(content));
  assert.deepEqual(
    fake.requests.map((r) => [r.path, r.rawBody]),
    [
      [`${V1}/me/drive/root:/q3.txt:/content`, 'from disk'],
      [`${V1}/me/drive/root:/q3.txt:/content`, 'from disk'],
      [`${V1}/me/drive/root:/given.txt:/content`, 'given'],
    ],
  );
});

test('upload_file never reads outside GUMCP_LOCAL_FILES_DIR, through .. or a symbolic link', async (t) => {
  const dir = await localDir(t);
  await symlink('/etc/hostname', join(dir, 'escape.txt'));
  const fake = await fakeSharePoint(t);
  const client = await connect(sharepoint, { credentials });
  const call = (file_path: string) => client.callTool({ name: 'upload_file', arguments: { file_path } });

  const up = await call('../../etc/hostname');
  const linked = await call('escape.txt');
  const missing = await call('none.txt');

  assert.equal(text(up), `file_path: ../../etc/hostname is outside ${LOCAL_FILES_VARIABLE}`);
  assert.equal(text(linked), `file_path: escape.txt is outside ${LOCAL_FILES_VARIABLE}`);
  assert.equal(text(missing), 'file_path: no file at none.txt');
  assert.equal(fake.requests.length, 0);
});

test('with GUMCP_LOCAL_FILES_DIR set, download_file saves to download_path under it, a folder getting the file’s name', async (t) => {
  const dir = await localDir(t);
  await serveFile(t, 'F1', 'notes.txt', 'hello world');
  const client = await connect(sharepoint, { credentials });

  const toFile = await client.callTool({
    name: 'download_file',
    arguments: { item_id: 'F1', download_path: 'copy.txt' },
  });
  const toFolder = await client.callTool({
    name: 'download_file',
    arguments: { item_id: 'F1', download_path: dir },
  });
  const outside = await client.callTool({
    name: 'download_file',
    arguments: { item_id: 'F1', download_path: '../notes.txt' },
  });

  assert.deepEqual(toFile.structuredContent, {
    item_id: 'F1',
    name: 'notes.txt',
    content_type: 'text/plain',
    size: 11,
    saved_to: join(dir, 'copy.txt'),
    encoding: 'utf8',
  });
  assert.deepEqual((toFile.content as unknown[])[1], {
    type: 'resource',
    resource: { uri: 'sharepoint://file/F1', mimeType: 'text/plain', text: 'hello world' },
  });
  assert.equal(await readFile(join(dir, 'copy.txt'), 'utf8'), 'hello world');
  assert.equal((toFolder.structuredContent as { saved_to: string }).saved_to, join(dir, 'notes.txt'));
  assert.equal(await readFile(join(dir, 'notes.txt'), 'utf8'), 'hello world');
  assert.equal(text(outside), `download_path: ../notes.txt is outside ${LOCAL_FILES_VARIABLE}`);
});

test('a file saved locally may be larger than the answer holds: it is saved, its content left out', async (t) => {
  const dir = await localDir(t);
  const big = 'x'.repeat(DOWNLOAD_MAX + 1);
  const { storage } = await serveFile(t, 'BIG', 'big.log', big);
  const client = await connect(sharepoint, { credentials });

  const result = await client.callTool({
    name: 'download_file',
    arguments: { item_id: 'BIG', download_path: 'big.log' },
  });

  assert.equal(result.isError, undefined, text(result));
  const out = result.structuredContent as { size: number; encoding: string; saved_to: string };
  assert.deepEqual([out.size, out.encoding, out.saved_to], [big.length, 'none', join(dir, 'big.log')]);
  assert.equal((result.content as unknown[]).length, 1, 'the data only, no resource block');
  assert.equal((await readFile(join(dir, 'big.log'))).length, big.length);
  assert.equal(only(storage, 'GET', '/download/BIG').headers.authorization, undefined);
});

test('without GUMCP_LOCAL_FILES_DIR a file over the answer’s bound is refused, and nothing is written', async (t) => {
  await serveFile(t, 'BIG', 'big.log', 'x'.repeat(DOWNLOAD_MAX + 1));
  const client = await connect(sharepoint, { credentials });

  const result = await client.callTool({
    name: 'download_file',
    arguments: { item_id: 'BIG', download_path: '/tmp/big.log' },
  });

  assert.equal(text(result), 'The file from SharePoint is larger than 2 MB');
});
