import assert from 'node:assert/strict';
import { test } from 'node:test';
import { headerJson } from '../api.js';
import { endpointError, file } from './fake-dropbox.js';
import { apiArg, type CallResult, failure, setup, TOKEN } from './harness.js';

/** The file as Dropbox answers files/download: the bytes as the body, the metadata in Dropbox-API-Result. */
const answer = (path: string, bytes: Uint8Array) => ({
  headers: { 'dropbox-api-result': headerJson(file(path, { size: bytes.length })) },
  body: bytes,
});

function blocks(result: CallResult): [Record<string, unknown>, Record<string, unknown>] {
  assert.equal(result.isError, undefined);
  const content = result.content as Record<string, unknown>[];
  assert.equal(content.length, 2);
  assert.equal(content[0]?.type, 'text');
  return [
    JSON.parse(content[0]?.text as string) as Record<string, unknown>,
    content[1] as Record<string, unknown>,
  ];
}

const args = { local_path: '/home/me/Downloads', file_name: 'copy' };

test('a text file comes back as a text resource with its MIME type, after a summary', async (t) => {
  const { api, content, call } = await setup(t);
  content.route('POST /2/files/download', answer('/Notes/Été.md', Buffer.from('# Titre\n\nÉté ☀️\n')));
  const [summary, block] = blocks(await call('download', { path: '/Notes/Été.md', ...args }));

  const [req] = content.requests;
  assert.equal(req?.method, 'POST');
  assert.equal(req?.path, '/2/files/download');
  assert.equal(req?.headers.authorization, `Bearer ${TOKEN}`);
  assert.deepEqual(apiArg(req), { path: '/Notes/Été.md' });
  assert.equal(req?.rawBody, '');
  assert.equal(api.requests.length, 0);

  assert.deepEqual(block, {
    type: 'resource',
    resource: {
      uri: 'dropbox:///Notes/%C3%89t%C3%A9.md',
      mimeType: 'text/markdown',
      text: '# Titre\n\nÉté ☀️\n',
    },
  });
  assert.equal(summary.name, 'Été.md');
  assert.equal(summary.mime_type, 'text/markdown');
  assert.equal(summary.encoding, 'text');
  assert.equal(summary.bytes, Buffer.byteLength('# Titre\n\nÉté ☀️\n'));
  assert.match(summary.note as string, /^Not saved to \/home\/me\/Downloads/);
});

test('a binary file comes back as a base64 blob', async (t) => {
  const { content, call } = await setup(t);
  const pdf = Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0xff, 0xfe]);
  content.route('POST /2/files/download', answer('/report.pdf', pdf));
  const [summary, block] = blocks(await call('download', { path: '/report.pdf', ...args }));
  assert.deepEqual(block, {
    type: 'resource',
    resource: { uri: 'dropbox:///report.pdf', mimeType: 'application/pdf', blob: pdf.toString('base64') },
  });
  assert.equal(summary.encoding, 'base64');
});

test('an image comes back as image content', async (t) => {
  const { content, call } = await setup(t);
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
  content.route('POST /2/files/download', answer('/pics/cat.PNG', png));
  const [, block] = blocks(await call('download', { path: '/pics/cat.PNG', ...args }));
  assert.deepEqual(block, { type: 'image', data: png.toString('base64'), mimeType: 'image/png' });
});

test('a file larger than max_bytes is refused, naming the path and the bound', async (t) => {
  const { content, call } = await setup(t);
  content.route('POST /2/files/download', answer('/big.txt', Buffer.alloc(64, 'a')));
  assert.equal(
    failure(await call('download', { path: '/big.txt', ...args, max_bytes: 10 })),
    '/big.txt is larger than max_bytes (10 bytes); ask for a larger max_bytes (at most 52428800)',
  );
});

test('a folder cannot be downloaded: the 409 not_file says so', async (t) => {
  const { content, call } = await setup(t);
  content.route('POST /2/files/download', { status: 409, body: endpointError('path', 'not_file') });
  assert.equal(
    failure(await call('download', { path: '/Documents', ...args })),
    '/Documents is a folder, not a file',
  );
});

test('a missing file names its path', async (t) => {
  const { content, call } = await setup(t);
  content.route('POST /2/files/download', { status: 409, body: endpointError('path', 'not_found') });
  assert.equal(
    failure(await call('download', { path: 'gone.txt', ...args })),
    'Dropbox path not found: /gone.txt',
  );
});
