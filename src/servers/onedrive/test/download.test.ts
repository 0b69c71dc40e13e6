import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type TestContext, test } from 'node:test';
import { GRAPH_ERRORS } from '../../../providers/microsoft/test/graph-fake.js';
import { connect, text } from '../../../testing/mcp.js';
import { LOCAL_FILES_VARIABLE } from '../../../util/local-files.js';
import onedrive from '../index.js';
import { MAX_CONTENT_BYTES } from '../tools.js';
import { DRIVE, driveItem, folderItem, otherHost, startOneDriveFake } from './fake-onedrive.js';

const credentials = { access_token: 'eyJ0.onedrive-download' };

async function localDir(t: TestContext): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'gumcp-onedrive-'));
  process.env[LOCAL_FILES_VARIABLE] = dir;
  t.after(async () => {
    delete process.env[LOCAL_FILES_VARIABLE];
    await rm(dir, { recursive: true, force: true });
  });
  return dir;
}

/** Graph's answer to /content: 302 to a pre-authenticated URL on another host, which serves the bytes. */
async function serveFile(
  t: TestContext,
  path: string,
  item: Record<string, unknown>,
  body: string,
  type: string,
) {
  const fake = await startOneDriveFake(t);
  const host = await otherHost(t);
  fake.route(`GET ${DRIVE}/root:${path}`, { body: item });
  fake.route(`GET ${DRIVE}/root:${path}:/content`, {
    status: 302,
    headers: {
      location: `${host.url}/personal/me/_layouts/15/download.aspx?UniqueId=abc&tempauth=v1.signed`,
    },
    body: '',
  });
  host.route('GET /personal/me/_layouts/15/download.aspx', { headers: { 'content-type': type }, body });
  return { fake, host };
}

test('download_file follows the 302 to the pre-authenticated URL without the token and returns a text file as a text resource', async (t) => {
  const { fake, host } = await serveFile(
    t,
    '/Notes/todo.md',
    driveItem('todo.md', '/Notes', { size: 11, file: { mimeType: 'text/markdown' } }),
    '# Todo\n- 🥚',
    'text/markdown',
  );
  const client = await connect(onedrive, { credentials });

  const result = await client.callTool({
    name: 'download_file',
    arguments: { onedrive_path: '/Notes/todo.md', local_destination_path: '/tmp/todo.md' },
  });

  assert.equal(result.isError, undefined, text(result));
  assert.deepEqual(
    fake.requests.map((r) => [r.path, r.headers.authorization]),
    [
      [`${DRIVE}/root:/Notes/todo.md`, 'Bearer eyJ0.onedrive-download'],
      [`${DRIVE}/root:/Notes/todo.md:/content`, 'Bearer eyJ0.onedrive-download'],
    ],
  );
  assert.equal(host.requests.length, 1);
  assert.equal(host.requests[0]?.headers.authorization, undefined, 'the download URL gets no token');
  assert.equal(host.requests[0]?.query.get('tempauth'), 'v1.signed');
  const data = {
    name: 'todo.md',
    path: '/Notes/todo.md',
    size: Buffer.byteLength('# Todo\n- 🥚'),
    mimeType: 'text/markdown',
    encoding: 'text',
    note: `Not saved to /tmp/todo.md: this gumcp server does not write local files (${LOCAL_FILES_VARIABLE} is not set); the file is returned instead.`,
  };
  // The data, the same as JSON text, then the file itself as a resource block: no content in the JSON.
  assert.deepEqual(result.structuredContent, data);
  assert.deepEqual(result.content, [
    { type: 'text', text: JSON.stringify(data) },
    {
      type: 'resource',
      resource: { uri: 'onedrive:///Notes/todo.md', mimeType: 'text/markdown', text: '# Todo\n- 🥚' },
    },
  ]);
});

test('a binary file comes back as a base64 blob with its MIME type', async (t) => {
  const png = '\u0089PNG\r\n\u001a\n';
  await serveFile(
    t,
    '/pic.png',
    driveItem('pic.png', '/', { size: 8, file: { mimeType: 'image/png' } }),
    png,
    'image/png',
  );
  const client = await connect(onedrive, { credentials });

  const result = await client.callTool({
    name: 'download_file',
    arguments: { onedrive_path: 'pic.png', local_destination_path: 'pic.png' },
  });

  const data = result.structuredContent as { mimeType: string; encoding: string; size: number };
  assert.deepEqual(
    [data.mimeType, data.encoding, data.size],
    ['image/png', 'base64', Buffer.byteLength(png)],
  );
  assert.deepEqual((result.content as unknown[])[1], {
    type: 'resource',
    resource: {
      uri: 'onedrive:///pic.png',
      mimeType: 'image/png',
      blob: Buffer.from(png).toString('base64'),
    },
  });
});

test('with GUMCP_LOCAL_FILES_DIR set the file is saved there too, into a folder under its own name', async (t) => {
  const dir = await localDir(t);
  await serveFile(t, '/Notes/todo.txt', driveItem('todo.txt', '/Notes', { size: 4 }), 'milk', 'text/plain');
  const client = await connect(onedrive, { credentials });

  const toFile = await client.callTool({
    name: 'download_file',
    arguments: { onedrive_path: '/Notes/todo.txt', local_destination_path: 'copy.txt' },
  });
  const toFolder = await client.callTool({
    name: 'download_file',
    arguments: { onedrive_path: '/Notes/todo.txt', local_destination_path: dir },
  });

  assert.equal(toFile.isError, undefined, text(toFile));
  const saved = (toFile.structuredContent as { savedTo: string; note?: string }).savedTo;
  assert.equal(saved, join(dir, 'copy.txt'));
  assert.equal(await readFile(saved, 'utf8'), 'milk');
  assert.equal((toFile.structuredContent as { note?: string }).note, undefined);
  assert.equal((toFolder.structuredContent as { savedTo: string }).savedTo, join(dir, 'todo.txt'));
});

test('a local destination outside GUMCP_LOCAL_FILES_DIR, or through a link out of it, is refused', async (t) => {
  const dir = await localDir(t);
  await symlink(tmpdir(), join(dir, 'out'));
  await serveFile(t, '/a.txt', driveItem('a.txt', '/', { size: 1 }), 'a', 'text/plain');
  const client = await connect(onedrive, { credentials });
  const call = (local: string) =>
    client.callTool({
      name: 'download_file',
      arguments: { onedrive_path: 'a.txt', local_destination_path: local },
    });

  const up = await call('../a.txt');
  const linked = await call('out/a.txt');
  const noFolder = await call('missing/a.txt');

  assert.equal(text(up), `local_destination_path: ../a.txt is outside ${LOCAL_FILES_VARIABLE}`);
  assert.equal(text(linked), `local_destination_path: out/a.txt is outside ${LOCAL_FILES_VARIABLE}`);
  assert.equal(text(noFolder), 'local_destination_path: the folder of missing/a.txt does not exist');
});

test('a folder, or a file over the size bound, is refused before any content is downloaded', async (t) => {
  const fake = await startOneDriveFake(t);
  fake.route(`GET ${DRIVE}/root:/Docs`, { body: folderItem('Docs', '/') });
  fake.route(`GET ${DRIVE}/root:/movie.mp4`, {
    body: driveItem('movie.mp4', '/', { size: MAX_CONTENT_BYTES + 1, file: { mimeType: 'video/mp4' } }),
  });
  const client = await connect(onedrive, { credentials });
  const call = (path: string) =>
    client.callTool({
      name: 'download_file',
      arguments: { onedrive_path: path, local_destination_path: 'x' },
    });

  const folder = await call('/Docs');
  const large = await call('/movie.mp4');

  assert.equal(text(folder), 'onedrive_path: /Docs is a folder, not a file');
  assert.equal(
    text(large),
    `onedrive_path: /movie.mp4 is ${MAX_CONTENT_BYTES + 1} bytes, more than the 1 MB this tool returns; share it with get_file_sharing_link instead`,
  );
  assert.ok(fake.requests.every((r) => !r.path.endsWith(':/content')));
});

test('a file that grew past the bound since its metadata was read is cut off, not loaded whole', async (t) => {
  await serveFile(
    t,
    '/log.txt',
    driveItem('log.txt', '/', { size: 10 }),
    'x'.repeat(MAX_CONTENT_BYTES + 10),
    'text/plain',
  );
  const client = await connect(onedrive, { credentials });

  const result = await client.callTool({
    name: 'download_file',
    arguments: { onedrive_path: '/log.txt', local_destination_path: 'x' },
  });

  assert.equal(text(result), 'The file from OneDrive is larger than 1 MB');
});

test('a missing file is named', async (t) => {
  const fake = await startOneDriveFake(t);
  fake.route(`GET ${DRIVE}/root:/gone.txt`, { status: 404, body: GRAPH_ERRORS.notFound });
  const client = await connect(onedrive, { credentials });

  const result = await client.callTool({
    name: 'download_file',
    arguments: { onedrive_path: '/gone.txt', local_destination_path: 'x' },
  });

  assert.equal(text(result), 'Item not found: /gone.txt');
});
