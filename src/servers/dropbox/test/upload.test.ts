import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { test } from 'node:test';
import type { RecordedRequest } from '../../../testing/fake-service.js';
import { contentHash, headerJson } from '../api.js';
import { file, uploadWriteFailed } from './fake-dropbox.js';
import { apiArg, data, failure, setup, TOKEN } from './harness.js';

const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest();
/** Dropbox's content hash of data under 4 MiB: the SHA-256 of its one block's SHA-256. */
const smallHash = (data: Uint8Array) => sha256(sha256(data)).toString('hex');

function assertContentRequest(req: RecordedRequest | undefined, path: string, bytes: Uint8Array): void {
  assert.ok(req, `no request for ${path}`);
  assert.equal(req.method, 'POST');
  assert.equal(req.path, path);
  assert.equal(req.headers.authorization, `Bearer ${TOKEN}`);
  assert.equal(req.headers['content-type'], 'application/octet-stream');
  assert.deepEqual(new Uint8Array(req.bytes), new Uint8Array(bytes));
}

test('upload_file sends the bytes to content.dropboxapi.com/2/files/upload, the arguments in Dropbox-API-Arg', async (t) => {
  const { api, content, call } = await setup(t);
  content.route('POST /2/files/upload', { body: file('/Reports/q1.txt', { size: 11 }) });
  const result = data(
    await call('upload_file', {
      dropbox_path: '/Reports',
      file_path: '/tmp/q1.txt',
      file_name: 'q1.txt',
      content: 'hello world',
    }),
  );
  const bytes = Buffer.from('hello world');
  assertContentRequest(content.requests[0], '/2/files/upload', bytes);
  assert.deepEqual(apiArg(content.requests[0]), {
    path: '/Reports/q1.txt',
    mode: 'add',
    autorename: false,
    mute: false,
    strict_conflict: false,
    content_hash: smallHash(bytes),
  });
  assert.equal(api.requests.length, 0, 'nothing goes to the RPC host');
  assert.equal(result.path, '/Reports/q1.txt');
  assert.equal(result.size, 11);
});

test('a name with accents and an emoji reaches Dropbox-API-Arg as ASCII \\u escapes', async (t) => {
  const { content, call } = await setup(t);
  content.route('POST /2/files/upload', { body: file('/Café ☕/Crème brûlée 😀.txt') });
  data(
    await call('upload_file', {
      dropbox_path: '/Café ☕',
      file_path: 'x',
      file_name: 'Crème brûlée 😀.txt',
      content: 'ok',
      mode: 'overwrite',
    }),
  );
  const header = content.requests[0]?.headers['dropbox-api-arg'] as string;
  assert.ok(
    header.includes('"/Caf\\u00e9 \\u2615/Cr\\u00e8me br\\u00fbl\\u00e9e \\ud83d\\ude00.txt"'),
    header,
  );
  const arg = apiArg(content.requests[0]);
  assert.equal(arg.path, '/Café ☕/Crème brûlée 😀.txt');
  assert.equal(arg.mode, 'overwrite');
});

test('headerJson escapes everything from U+007F up and leaves ASCII alone', () => {
  assert.equal(headerJson({ p: 'a/b c"\u007f' }), '{"p":"a/b c\\"\\u007f"}');
  assert.equal(headerJson({ p: '日本' }), '{"p":"\\u65e5\\u672c"}');
});

test('contentHash hashes 4 MiB blocks, then the concatenation of their hashes', () => {
  const block = 4 * 1024 * 1024;
  const data = new Uint8Array(block + 3).fill(7);
  const expected = sha256(
    Buffer.concat([sha256(data.subarray(0, block)), sha256(data.subarray(block))]),
  ).toString('hex');
  assert.equal(contentHash(data), expected);
  // The empty file's hash, as Dropbox's own examples give it.
  assert.equal(
    contentHash(new Uint8Array(0)),
    'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  );
});

test('content_base64 uploads binary bytes exactly', async (t) => {
  const { content, call } = await setup(t);
  content.route('POST /2/files/upload', { body: file('/logo.png') });
  const bytes = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0, 255, 10, 13]);
  data(
    await call('upload_file', {
      file_path: 'logo.png',
      file_name: 'logo.png',
      content_base64: Buffer.from(bytes).toString('base64'),
    }),
  );
  assertContentRequest(content.requests[0], '/2/files/upload', bytes);
  assert.equal(apiArg(content.requests[0]).path, '/logo.png');
});

test('without content the tool says so, and never reads file_path from the disk', async (t) => {
  const { content, call } = await setup(t);
  assert.match(
    failure(await call('upload_file', { file_path: '/etc/passwd', file_name: 'passwd' })),
    /^upload_file needs the file’s bytes in content \(text\) or content_base64/,
  );
  assert.match(
    failure(await call('upload_file', { file_path: 'x', file_name: 'x', content_base64: '%%%' })),
    /not valid base64/,
  );
  assert.equal(content.requests.length, 0);
});

test('a file over the threshold goes up in an upload session: start, append_v2 at each offset, finish', async (t) => {
  const { content, call } = await setup(t, undefined, { uploadThreshold: 10, chunkSize: 4 });
  content.route('POST /2/files/upload_session/start', { body: { session_id: 'pid_upload_session:S1' } });
  content.route('POST /2/files/upload_session/append_v2', { body: null });
  content.route('POST /2/files/upload_session/finish', { body: file('/big.bin', { size: 11 }) });
  const bytes = Buffer.from('abcdefghijk');
  const progress: { progress: number; total?: number }[] = [];
  const result = data(
    await call(
      'upload_file',
      { file_path: 'big.bin', file_name: 'big.bin', content: 'abcdefghijk', mode: 'overwrite' },
      { onprogress: (p) => progress.push({ progress: p.progress, total: p.total }) },
    ),
  );
  const [start, append1, append2, finish] = content.requests;
  assertContentRequest(start, '/2/files/upload_session/start', bytes.subarray(0, 4));
  assert.deepEqual(apiArg(start), { close: false, content_hash: smallHash(bytes.subarray(0, 4)) });
  assertContentRequest(append1, '/2/files/upload_session/append_v2', bytes.subarray(4, 8));
  assert.deepEqual(apiArg(append1), {
    cursor: { session_id: 'pid_upload_session:S1', offset: 4 },
    close: false,
    content_hash: smallHash(bytes.subarray(4, 8)),
  });
  assertContentRequest(append2, '/2/files/upload_session/append_v2', bytes.subarray(8));
  assert.deepEqual(apiArg(append2), {
    cursor: { session_id: 'pid_upload_session:S1', offset: 8 },
    close: true,
    content_hash: smallHash(bytes.subarray(8)),
  });
  assertContentRequest(finish, '/2/files/upload_session/finish', new Uint8Array(0));
  assert.deepEqual(apiArg(finish), {
    cursor: { session_id: 'pid_upload_session:S1', offset: 11 },
    commit: { path: '/big.bin', mode: 'overwrite', autorename: false, mute: false, strict_conflict: false },
  });
  assert.equal(content.requests.length, 4);
  assert.equal(result.size, 11);
  assert.deepEqual(progress, [
    { progress: 4, total: 11 },
    { progress: 8, total: 11 },
    { progress: 11, total: 11 },
  ]);
});

test('an append retried after it had arrived carries on from the offset Dropbox names', async (t) => {
  const { content, call } = await setup(t, undefined, { uploadThreshold: 10, chunkSize: 4 });
  content.route('POST /2/files/upload_session/start', { body: { session_id: 'S2' } });
  // The first append reached Dropbox but its answer was lost (a 503); the retry is told the data is there.
  content.once(
    'POST /2/files/upload_session/append_v2',
    { status: 503, body: 'upstream timeout' },
    {
      status: 409,
      body: {
        error_summary: 'incorrect_offset/..',
        error: { '.tag': 'incorrect_offset', correct_offset: 8 },
      },
    },
  );
  content.route('POST /2/files/upload_session/append_v2', { body: null });
  content.route('POST /2/files/upload_session/finish', { body: file('/big.bin', { size: 11 }) });
  data(await call('upload_file', { file_path: 'x', file_name: 'big.bin', content: 'abcdefghijk' }));
  const offsets = content.requests
    .filter((r) => r.path.endsWith('append_v2'))
    .map((r) => (apiArg(r).cursor as { offset: number }).offset);
  assert.deepEqual(offsets, [4, 4, 8]);
  assert.deepEqual((apiArg(content.requests.at(-1)).cursor as { offset: number }).offset, 11);
});

test('a single upload is retried after a 5xx (identical bytes are a no-op in Dropbox), then succeeds', async (t) => {
  const { content, call } = await setup(t);
  content.once('POST /2/files/upload', { status: 500, body: 'Internal Server Error' });
  content.route('POST /2/files/upload', { body: file('/a.txt') });
  data(await call('upload_file', { file_path: 'a.txt', file_name: 'a.txt', content: 'a' }));
  assert.equal(content.requests.length, 2);
  assert.deepEqual(apiArg(content.requests[0]), apiArg(content.requests[1]));
});

test('a session finish is not retried after a 5xx: it may have committed', async (t) => {
  const { content, call } = await setup(t, undefined, { uploadThreshold: 2, chunkSize: 4 });
  content.route('POST /2/files/upload_session/start', { body: { session_id: 'S3' } });
  content.route('POST /2/files/upload_session/finish', { status: 503, body: 'unavailable' });
  const message = failure(await call('upload_file', { file_path: 'x', file_name: 'c.txt', content: 'abc' }));
  assert.equal(
    message,
    'Dropbox failed (HTTP 503); the request may have gone through, so check before trying again',
  );
  assert.equal(content.requests.filter((r) => r.path.endsWith('/finish')).length, 1);
});

test('an upload conflict in add mode names the path', async (t) => {
  const { content, call } = await setup(t);
  content.route('POST /2/files/upload', { status: 409, body: uploadWriteFailed('conflict', 'file') });
  assert.equal(
    failure(
      await call('upload_file', {
        dropbox_path: '/Docs',
        file_path: 'x',
        file_name: 'a.txt',
        content: 'new',
      }),
    ),
    'There is already a file at /Docs/a.txt',
  );
});

test('a full Dropbox says so, naming the path', async (t) => {
  const { content, call } = await setup(t);
  content.route('POST /2/files/upload', { status: 409, body: uploadWriteFailed('insufficient_space') });
  assert.equal(
    failure(await call('upload_file', { file_path: 'x', file_name: 'a.txt', content: 'new' })),
    'The Dropbox account is out of space, so /a.txt was not written',
  );
});
