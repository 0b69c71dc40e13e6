import assert from 'node:assert/strict';
import { test } from 'node:test';
import { startFake } from '../../testing/fake-service.js';
import { UpstreamClient } from '../client.js';

/** Files over the upstream client: downloads that redirect, bounded reads, uploads of bytes and forms. */

async function setup(t: { after: (fn: () => Promise<void>) => void }) {
  const api = await startFake();
  const files = await startFake();
  t.after(async () => {
    await api.close();
    await files.close();
  });
  const client = new UpstreamClient({
    service: 'Drive',
    serverId: 'drive',
    baseUrl: `${api.url}/v1.0`,
    auth: () => ({ authorization: 'Bearer user-token' }),
  });
  return { api, files, client };
}

test('a download that redirects to another origin is fetched there without the user’s token', async (t) => {
  const { api, files, client } = await setup(t);
  api.route('GET /v1.0/items/1/content', {
    status: 302,
    headers: { location: `${files.url}/blob/abc?sig=pre-signed` },
    body: '',
  });
  files.route('GET /blob/abc', { headers: { 'content-type': 'application/pdf' }, body: '%PDF-1.7 hello' });

  const file = await client.download('items/1/content', 1024);

  assert.equal(file.bytes.toString(), '%PDF-1.7 hello');
  assert.equal(file.contentType, 'application/pdf');
  assert.equal(api.requests[0]?.headers.authorization, 'Bearer user-token');
  assert.equal(files.requests[0]?.headers.authorization, undefined, 'the token stays with the API');
  assert.equal(files.requests[0]?.query.get('sig'), 'pre-signed');
});

test('a download on the same origin keeps the token; one larger than the bound is refused', async (t) => {
  const { api, client } = await setup(t);
  api.route('GET /v1.0/small', { body: 'tiny' });
  api.route('GET /v1.0/big', { body: 'x'.repeat(5000) });

  assert.equal((await client.download('small', 1024)).bytes.toString(), 'tiny');
  await assert.rejects(client.download('big', 1024), { message: 'The file from Drive is larger than 1 KB' });
  assert.ok(api.requests.every((r) => r.headers.authorization === 'Bearer user-token'));
});

test('bytes are uploaded as they are; an anonymous request to an upload URL carries no token', async (t) => {
  const { api, files, client } = await setup(t);
  api.route('PUT /v1.0/items/root:/a.bin:/content', { status: 201, body: { id: 'F1' } });
  files.route('PUT /upload/session-1', { status: 202, headers: { 'next-expected-ranges': '4-' }, body: {} });

  const created = await client.request<{ id: string }>('items/root:/a.bin:/content', {
    method: 'PUT',
    body: new Uint8Array([0, 1, 2, 255]),
  });
  const chunk = await client.exchange(`${files.url}/upload/session-1`, {
    method: 'PUT',
    body: new Uint8Array([9, 9]),
    headers: { 'content-range': 'bytes 0-1/4' },
    anonymous: true,
  });

  assert.deepEqual(created, { id: 'F1' });
  assert.equal(api.requests[0]?.headers['content-type'], 'application/octet-stream');
  assert.equal(api.requests[0]?.headers['content-length'], '4');
  assert.equal(chunk.status, 202);
  assert.equal(chunk.headers.get('next-expected-ranges'), '4-');
  assert.equal(files.requests[0]?.headers.authorization, undefined);
  assert.equal(files.requests[0]?.headers['content-range'], 'bytes 0-1/4');
});

test('a FormData body goes out as multipart with its boundary', async (t) => {
  const { api, client } = await setup(t);
  api.route('POST /v1.0/attachments', { body: [{ id: 'A1' }] });
  const form = new FormData();
  form.append('file', new Blob(['hello'], { type: 'text/plain' }), 'hello.txt');

  await client.request('attachments', { method: 'POST', body: form });

  const sent = api.requests[0];
  assert.match(String(sent?.headers['content-type']), /^multipart\/form-data; boundary=/);
  assert.match(sent?.rawBody ?? '', /filename="hello.txt"/);
  assert.match(sent?.rawBody ?? '', /hello/);
});
