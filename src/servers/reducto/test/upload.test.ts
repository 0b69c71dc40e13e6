import assert from 'node:assert/strict';
import { mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type TestContext, test } from 'node:test';
import { type RecordedRequest, startFake } from '../../../testing/fake-service.js';
import { LOCAL_FILES_VARIABLE } from '../../../util/local-files.js';
import { FILE_ID, KEY } from './fake-reducto.js';
import { data, failure, setup } from './harness.js';

/** A folder local file paths may use, for this test only. */
async function localDir(t: TestContext): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'gumcp-reducto-'));
  process.env[LOCAL_FILES_VARIABLE] = dir;
  t.after(async () => {
    delete process.env[LOCAL_FILES_VARIABLE];
    await rm(dir, { recursive: true, force: true });
  });
  return dir;
}

/** The parts of a multipart body: their headers and bytes. */
function multipart(req: RecordedRequest): { headers: string; bytes: Buffer }[] {
  const boundary = /boundary=(.+)$/.exec(String(req.headers['content-type']))?.[1];
  assert.ok(boundary, 'a multipart body');
  const parts: { headers: string; bytes: Buffer }[] = [];
  const delimiter = Buffer.from(`--${boundary}`);
  let at = req.bytes.indexOf(delimiter);
  while (at !== -1) {
    const next = req.bytes.indexOf(delimiter, at + delimiter.length);
    if (next === -1) break;
    const part = req.bytes.subarray(at + delimiter.length + 2, next - 2);
    const split = part.indexOf('\r\n\r\n');
    parts.push({ headers: part.subarray(0, split).toString(), bytes: part.subarray(split + 4) });
    at = next;
  }
  return parts;
}

const pdf = Buffer.concat([
  Buffer.from('%PDF-1.7\n'),
  Buffer.from([0, 1, 2, 250, 251, 252]),
  Buffer.from('\n%%EOF\n'),
]);

test('upload_document sends a local file under GUMCP_LOCAL_FILES_DIR in one multipart POST /upload', async (t) => {
  const dir = await localDir(t);
  await writeFile(join(dir, 'q3.pdf'), pdf);
  const { fake, call } = await setup(t);
  fake.route('POST /upload', { body: { file_id: FILE_ID, presigned_url: null } });

  const result = data(await call('upload_document', { file_path: 'q3.pdf', extension: 'pdf' }));

  const req = fake.requests[0] as RecordedRequest;
  assert.equal(`${req.method} ${req.path}`, 'POST /upload');
  assert.equal(req.headers.authorization, `Bearer ${KEY}`);
  assert.deepEqual(Object.fromEntries(req.query), { extension: 'pdf' });
  const [part, ...rest] = multipart(req);
  assert.equal(rest.length, 0);
  assert.match(part?.headers ?? '', /Content-Disposition: form-data; name="file"; filename="q3.pdf"/);
  assert.deepEqual(part?.bytes, pdf);
  assert.deepEqual(result, {
    file_id: FILE_ID,
    name: 'q3.pdf',
    size_bytes: pdf.length,
    method: 'multipart',
    source: 'local_file',
  });
});

test('upload_document takes the bytes in content_base64 instead, naming the file after file_path', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('POST /upload', { body: { file_id: FILE_ID } });
  const result = data(
    await call('upload_document', {
      file_path: 'C:\\Users\\ada\\invoice.pdf',
      content_base64: pdf.toString('base64'),
    }),
  );
  const req = fake.requests[0] as RecordedRequest;
  assert.deepEqual(Object.fromEntries(req.query), {});
  const [part] = multipart(req);
  assert.match(part?.headers ?? '', /filename="invoice.pdf"/);
  assert.deepEqual(part?.bytes, pdf);
  assert.equal(result.source, 'content_base64');
  assert.equal(result.name, 'invoice.pdf');
  assert.equal(
    failure(await call('upload_document', { file_path: 'x.pdf', content_base64: 'not base64!' })),
    'content_base64: not base64',
  );
});

test('a file over the direct limit gets a presigned URL and goes to storage without the API key', async (t) => {
  const dir = await localDir(t);
  const big = Buffer.alloc(4096, 0x61);
  await writeFile(join(dir, 'scan.tiff'), big);
  const storage = await startFake();
  t.after(() => storage.close());
  const presigned = `${storage.url}/uploads/50c07046?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Signature=f00d`;
  storage.route('PUT /uploads/50c07046', { status: 200, body: '' });
  const { fake, call } = await setup(t, undefined, { directUploadMaxBytes: 1024 });
  fake.route('POST /upload', { body: { file_id: FILE_ID, presigned_url: presigned } });

  const result = data(await call('upload_document', { file_path: 'scan.tiff' }));

  const slot = fake.requests[0] as RecordedRequest;
  assert.equal(slot.headers.authorization, `Bearer ${KEY}`);
  assert.equal(slot.rawBody, '', 'no file is attached to the request for a presigned URL');
  assert.deepEqual(Object.fromEntries(slot.query), { extension: 'tiff' });
  const put = storage.requests[0] as RecordedRequest;
  assert.equal(put.method, 'PUT');
  assert.equal(put.query.get('X-Amz-Signature'), 'f00d');
  assert.equal(put.headers.authorization, undefined);
  assert.deepEqual(put.bytes, big);
  assert.equal(result.method, 'presigned');
  assert.equal(result.file_id, FILE_ID);
});

test('storage refusing the upload says the presigned URL may have expired', async (t) => {
  const storage = await startFake();
  t.after(() => storage.close());
  storage.route('PUT /uploads/late', { status: 403, body: '<Error><Code>AccessDenied</Code></Error>' });
  const { fake, call } = await setup(t, undefined, { directUploadMaxBytes: 4 });
  fake.route('POST /upload', { body: { file_id: FILE_ID, presigned_url: `${storage.url}/uploads/late` } });
  assert.equal(
    failure(await call('upload_document', { file_path: 'a.pdf', content_base64: pdf.toString('base64') })),
    "Reducto's storage refused the upload (HTTP 403); the presigned URL may have expired: upload again",
  );
});

test('paths outside GUMCP_LOCAL_FILES_DIR, links out of it, and oversized files are refused before any upload', async (t) => {
  const dir = await localDir(t);
  const outside = await mkdtemp(join(tmpdir(), 'gumcp-reducto-outside-'));
  t.after(() => rm(outside, { recursive: true, force: true }));
  await writeFile(join(outside, 'secret.pdf'), pdf);
  await symlink(join(outside, 'secret.pdf'), join(dir, 'link.pdf'));
  await writeFile(join(dir, 'large.pdf'), Buffer.alloc(2048));
  const { fake, call } = await setup(t, undefined, { uploadMaxBytes: 1024 });

  assert.equal(
    failure(await call('upload_document', { file_path: '../secret.pdf' })),
    `file_path: ../secret.pdf is outside ${LOCAL_FILES_VARIABLE}`,
  );
  assert.equal(
    failure(await call('upload_document', { file_path: 'link.pdf' })),
    `file_path: link.pdf is outside ${LOCAL_FILES_VARIABLE}`,
  );
  assert.equal(
    failure(await call('upload_document', { file_path: 'none.pdf' })),
    'file_path: no file at none.pdf',
  );
  assert.match(
    failure(await call('upload_document', { file_path: 'large.pdf' })),
    /^file_path: the file is 2 KB; this server uploads at most 1 KB \(give Reducto a URL/,
  );
  assert.equal(fake.requests.length, 0);
});

test('without GUMCP_LOCAL_FILES_DIR no local file is read, and content_base64 still works', async (t) => {
  delete process.env[LOCAL_FILES_VARIABLE];
  const { fake, call } = await setup(t);
  fake.route('POST /upload', { body: { file_id: FILE_ID } });
  assert.equal(
    failure(await call('upload_document', { file_path: '/etc/passwd' })),
    `file_path: this gumcp server does not read or write local files (${LOCAL_FILES_VARIABLE} is not set where it runs)`,
  );
  assert.equal(fake.requests.length, 0);
  data(
    await call('upload_document', {
      file_path: 'notes.txt',
      content_base64: Buffer.from('hi').toString('base64'),
    }),
  );
  assert.equal(fake.requests.length, 1);
});
