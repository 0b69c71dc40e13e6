import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type TestContext, test } from 'node:test';
import { FRAGMENT_UNIT, uploadTuning } from '../../../providers/microsoft/drive.js';
import { graphError } from '../../../providers/microsoft/test/graph-fake.js';
import type { FakeService, RecordedRequest } from '../../../testing/fake-service.js';
import { only } from '../../../testing/fake-service.js';
import { connect, text } from '../../../testing/mcp.js';
import { LOCAL_FILES_VARIABLE } from '../../../util/local-files.js';
import onedrive from '../index.js';
import { DRIVE, driveItem, otherHost, startOneDriveFake } from './fake-onedrive.js';

const credentials = { access_token: 'eyJ0.onedrive-upload' };
/** Small fragments, so a file just over the simple-upload limit crosses many of them quickly. */
uploadTuning.chunkBytes = FRAGMENT_UNIT * 3;

/** ASCII bytes, so what the fake records as text is the file itself. */
const pattern = (size: number) => Buffer.from(Array.from({ length: size }, (_, i) => 97 + (i % 26)));

/** A folder under the temp dir that local file paths may use, for this test only. */
async function localDir(t: TestContext): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'gumcp-onedrive-'));
  process.env[LOCAL_FILES_VARIABLE] = dir;
  t.after(async () => {
    delete process.env[LOCAL_FILES_VARIABLE];
    await rm(dir, { recursive: true, force: true });
  });
  return dir;
}

/**
 * An upload session at `host`: fragments must come in order; each is answered 202 with the next
 * expected range, the last with the driveItem (201), as Graph documents.
 */
function uploadSession(host: FakeService, total: number, name: string, received = 0): RecordedRequest[] {
  const fragments: RecordedRequest[] = [];
  host.route('PUT /up/fe6987415ace7X4e1eF866337', (req) => {
    fragments.push(req);
    const [, from, to, size] = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(String(req.headers['content-range'])) ?? [];
    if (Number(from) !== received || Number(size) !== total) {
      return { status: 416, body: graphError('invalidRange', 'Optimistic concurrency failure') };
    }
    received = Number(to) + 1;
    return received < total
      ? {
          status: 202,
          body: { expirationDateTime: '2025-06-02T09:21:55.523Z', nextExpectedRanges: [`${received}-`] },
        }
      : { status: 201, body: driveItem(name, '/Videos', { size: total, file: { mimeType: 'video/mp4' } }) };
  });
  host.route('DELETE /up/fe6987415ace7X4e1eF866337', { status: 204, body: '' });
  return fragments;
}

test('a small text file goes up in one PUT of its content, with the token', async (t) => {
  const fake = await startOneDriveFake(t);
  fake.route(`PUT ${DRIVE}/root:/Notes/todo.txt:/content`, (req) => ({
    status: 201,
    body: driveItem('todo.txt', '/Notes', { size: req.rawBody.length }),
  }));
  const client = await connect(onedrive, { credentials });

  const result = await client.callTool({
    name: 'upload_file',
    arguments: { local_file_path: 'todo.txt', destination_path: '/Notes/todo.txt', content: 'milk\neggs' },
  });

  assert.equal(result.isError, undefined, text(result));
  const put = only(fake, 'PUT', `${DRIVE}/root:/Notes/todo.txt:/content`);
  assert.equal(put.headers.authorization, 'Bearer eyJ0.onedrive-upload');
  assert.equal(put.headers['content-type'], 'application/octet-stream');
  assert.equal(put.rawBody, 'milk\neggs');
  const data = result.structuredContent as Record<string, unknown>;
  assert.deepEqual(
    [data.name, data.path, data.size, data.method, data.fragments, data.source],
    ['todo.txt', '/Notes/todo.txt', 9, 'simple', 1, 'content'],
  );
});

test('base64 content is decoded before it is sent', async (t) => {
  const fake = await startOneDriveFake(t);
  fake.route(`PUT ${DRIVE}/root:/hi.txt:/content`, { status: 201, body: driveItem('hi.txt', '/') });
  const client = await connect(onedrive, { credentials });

  await client.callTool({
    name: 'upload_file',
    arguments: {
      local_file_path: 'hi.txt',
      destination_path: 'hi.txt',
      content_base64: Buffer.from('héllo').toString('base64'),
    },
  });
  const both = await client.callTool({
    name: 'upload_file',
    arguments: { local_file_path: 'x', destination_path: 'x', content: 'a', content_base64: 'YQ==' },
  });

  assert.equal(only(fake, 'PUT', `${DRIVE}/root:/hi.txt:/content`).rawBody, 'héllo');
  assert.equal(text(both), 'content, content_base64: give one of them, not both');
});

test('a file over 4 MB goes through an upload session, in 320 KiB multiples, each range declared, never with the token', async (t) => {
  const dir = await localDir(t);
  const total = uploadTuning.simpleMaxBytes + 1000;
  const file = pattern(total);
  await writeFile(join(dir, 'clip.mp4'), file);
  const fake = await startOneDriveFake(t);
  const host = await otherHost(t);
  fake.route(`POST ${DRIVE}/root:/Videos/clip.mp4:/createUploadSession`, {
    body: {
      uploadUrl: `${host.url}/up/fe6987415ace7X4e1eF866337`,
      expirationDateTime: '2025-06-02T09:21:55.523Z',
      nextExpectedRanges: ['0-'],
    },
  });
  const fragments = uploadSession(host, total, 'clip.mp4');
  const client = await connect(onedrive, { credentials });
  const progress: number[] = [];

  const result = await client.callTool(
    { name: 'upload_file', arguments: { local_file_path: 'clip.mp4', destination_path: '/Videos/clip.mp4' } },
    { onprogress: (p) => progress.push(p.progress) },
  );

  assert.equal(result.isError, undefined, text(result));
  const created = only(fake, 'POST', `${DRIVE}/root:/Videos/clip.mp4:/createUploadSession`);
  assert.equal(created.headers.authorization, 'Bearer eyJ0.onedrive-upload');
  assert.deepEqual(created.body, { item: { '@microsoft.graph.conflictBehavior': 'replace' } });
  const size = uploadTuning.chunkBytes;
  const expected = Array.from({ length: Math.ceil(total / size) }, (_, i) => {
    const end = Math.min((i + 1) * size, total) - 1;
    return `bytes ${i * size}-${end}/${total}`;
  });
  assert.equal(expected.length, 5);
  assert.deepEqual(
    fragments.map((f) => f.headers['content-range']),
    expected,
  );
  for (const f of fragments) {
    assert.equal(f.headers.authorization, undefined, 'the pre-authenticated URL gets no token');
    assert.equal(Number(f.headers['content-length']), f.rawBody.length);
  }
  for (const f of fragments.slice(0, -1)) assert.equal(f.rawBody.length % FRAGMENT_UNIT, 0);
  assert.equal(fragments.map((f) => f.rawBody).join(''), file.toString('latin1'));
  assert.deepEqual(
    progress,
    expected.map((r) => Number(r.split(/[-/]/)[1]) + 1),
  );
  const data = result.structuredContent as Record<string, unknown>;
  assert.deepEqual(
    [data.name, data.size, data.method, data.fragments, data.source],
    ['clip.mp4', total, 'session', 5, 'local_file'],
  );
});

test('a fragment OneDrive already has (416) is skipped where the session says to go on', async (t) => {
  const total = uploadTuning.simpleMaxBytes + 10;
  const fake = await startOneDriveFake(t);
  const host = await otherHost(t);
  fake.route(`POST ${DRIVE}/root:/big.bin:/createUploadSession`, {
    body: {
      uploadUrl: `${host.url}/up/fe6987415ace7X4e1eF866337`,
      expirationDateTime: '2025-06-02T09:21:55.523Z',
    },
  });
  // The first answers are queued before the session's own handler, which takes over at the third fragment.
  const fragments = uploadSession(host, total, 'big.bin', 2 * uploadTuning.chunkBytes);
  // The second fragment is refused as already received; the session then asks for the third.
  host.once('PUT /up/fe6987415ace7X4e1eF866337', {
    status: 202,
    body: { nextExpectedRanges: [`${uploadTuning.chunkBytes}-`] },
  });
  host.once('PUT /up/fe6987415ace7X4e1eF866337', {
    status: 416,
    body: graphError('invalidRange', 'Range already received'),
  });
  host.route('GET /up/fe6987415ace7X4e1eF866337', {
    body: {
      expirationDateTime: '2025-06-02T09:21:55.523Z',
      nextExpectedRanges: [`${2 * uploadTuning.chunkBytes}-`],
    },
  });
  const client = await connect(onedrive, { credentials });

  const result = await client.callTool({
    name: 'upload_file',
    arguments: {
      local_file_path: 'x',
      destination_path: 'big.bin',
      content: pattern(total).toString('latin1'),
    },
  });

  assert.equal(result.isError, undefined, text(result));
  const ranges = host.requests.map((r) => `${r.method} ${r.headers['content-range'] ?? ''}`.trim());
  assert.deepEqual(ranges.slice(0, 3), [
    `PUT bytes 0-${uploadTuning.chunkBytes - 1}/${total}`,
    `PUT bytes ${uploadTuning.chunkBytes}-${2 * uploadTuning.chunkBytes - 1}/${total}`,
    'GET',
  ]);
  assert.ok(host.requests.every((r) => r.headers.authorization === undefined));
  assert.equal(
    fragments[0]?.headers['content-range'],
    `bytes ${2 * uploadTuning.chunkBytes}-${3 * uploadTuning.chunkBytes - 1}/${total}`,
  );
});

test('an upload session that fails is cancelled at OneDrive, and the error says to upload again', async (t) => {
  const total = uploadTuning.simpleMaxBytes + 10;
  const fake = await startOneDriveFake(t);
  const host = await otherHost(t);
  fake.route(`POST ${DRIVE}/root:/big.bin:/createUploadSession`, {
    body: {
      uploadUrl: `${host.url}/up/fe6987415ace7X4e1eF866337`,
      expirationDateTime: '2025-06-02T09:21:55.523Z',
    },
  });
  uploadSession(host, total, 'big.bin');
  host.once('PUT /up/fe6987415ace7X4e1eF866337', {
    status: 202,
    body: { nextExpectedRanges: [`${uploadTuning.chunkBytes}-`] },
  });
  host.once('PUT /up/fe6987415ace7X4e1eF866337', {
    status: 404,
    body: graphError('itemNotFound', 'The upload session was not found'),
  });
  const client = await connect(onedrive, { credentials });

  const result = await client.callTool({
    name: 'upload_file',
    arguments: {
      local_file_path: 'x',
      destination_path: 'big.bin',
      content: pattern(total).toString('latin1'),
    },
  });

  assert.equal(
    text(result),
    'The upload session expired or was cancelled at OneDrive; upload the file again',
  );
  const last = host.requests.at(-1);
  assert.equal(last?.method, 'DELETE');
  assert.equal(last?.headers.authorization, undefined);
});

test('a local file is read only under GUMCP_LOCAL_FILES_DIR, and never outside it', async (t) => {
  const fake = await startOneDriveFake(t);
  fake.route(`PUT ${DRIVE}/root:/a.txt:/content`, { status: 201, body: driveItem('a.txt', '/') });
  const client = await connect(onedrive, { credentials });
  const call = (local: string) =>
    client.callTool({
      name: 'upload_file',
      arguments: { local_file_path: local, destination_path: 'a.txt' },
    });

  const unset = await call('/etc/hostname');
  const dir = await localDir(t);
  await mkdir(join(dir, 'docs'));
  await writeFile(join(dir, 'docs', 'a.txt'), 'local text');
  await symlink('/etc/hostname', join(dir, 'docs', 'escape.txt'));
  const inside = await call('docs/a.txt');
  const absolute = await call(join(dir, 'docs', 'a.txt'));
  const dotdot = await call('../../etc/hostname');
  const linked = await call('docs/escape.txt');
  const missing = await call('docs/none.txt');
  const folder = await call('docs');

  assert.equal(
    text(unset),
    `local_file_path: this gumcp server does not read or write local files (${LOCAL_FILES_VARIABLE} is not set where it runs)`,
  );
  assert.equal(inside.isError, undefined, text(inside));
  assert.equal(absolute.isError, undefined, text(absolute));
  assert.equal(text(dotdot), `local_file_path: ../../etc/hostname is outside ${LOCAL_FILES_VARIABLE}`);
  assert.equal(text(linked), `local_file_path: docs/escape.txt is outside ${LOCAL_FILES_VARIABLE}`);
  assert.equal(text(missing), 'local_file_path: no file at docs/none.txt');
  assert.equal(text(folder), 'local_file_path: docs is not a file');
  assert.deepEqual(
    fake.requests.map((r) => r.rawBody),
    ['local text', 'local text'],
  );
});
