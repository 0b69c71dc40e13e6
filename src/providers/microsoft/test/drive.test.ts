import assert from 'node:assert/strict';
import { type TestContext, test } from 'node:test';
import { pino } from 'pino';
import { type FakeService, only, query, startFake } from '../../../testing/fake-service.js';
import { bytesSource } from '../../../util/local-files.js';
import { byId, byPath, Drive, drivePath, FRAGMENT_UNIT, uploadTuning, upTo } from '../drive.js';
import { graphApi } from '../graph.js';
import { GRAPH_ERRORS, GRAPH_PATH, graphError, graphPage, startGraphFake } from './graph-fake.js';

const ME = `${GRAPH_PATH}/me/drive`;
const UPLOAD = '/up/fe6987415ace7X4e1eF866337';

/** A Drive as the SharePoint server makes one, reporting progress into `progress`. */
function drive(progress: number[] = []): Drive {
  const ctx = {
    credentials: async () => ({ access_token: 'drive-token-secret' }),
    log: pino({ level: 'silent' }),
  };
  const client = graphApi(ctx, {
    serverId: 'sharepoint',
    service: 'SharePoint',
    scopes: ['Files.ReadWrite.All'],
    backoffMs: 1,
  });
  return new Drive(client, {
    signal: new AbortController().signal,
    progress: async (done) => {
      progress.push(done);
    },
  });
}

/** Small limits for the test, put back after it. */
function tune(t: TestContext, simpleMaxBytes: number, chunkBytes: number): void {
  const saved = { ...uploadTuning };
  Object.assign(uploadTuning, { simpleMaxBytes, chunkBytes });
  t.after(() => {
    Object.assign(uploadTuning, saved);
  });
}

/** Another origin on loopback, standing in for the upload host (*.up.1drv.com, *.sharepoint.com). */
async function uploadHost(t: TestContext): Promise<FakeService> {
  const host = await startFake();
  t.after(() => host.close());
  return host;
}

/** ASCII bytes, so what the fake records as text is the file itself. */
const pattern = (size: number) => Buffer.from(Array.from({ length: size }, (_, i) => 97 + (i % 26)));

const item = (id: string, name: string) => ({
  id,
  name,
  size: 10,
  file: { mimeType: 'text/plain' },
  parentReference: { path: '/drive/root:' },
});

test('items are addressed by id or by path, each segment encoded, from the root or from a folder', () => {
  assert.deepEqual(
    [byId('01A B').item, byId('01A B').at('content')],
    ['me/drive/items/01A%20B', 'me/drive/items/01A%20B/content'],
  );
  assert.deepEqual([byPath([]).item, byPath([]).at('children')], ['me/drive/root', 'me/drive/root/children']);
  const nested = byPath(['Q3 #1', '50% & more.txt']);
  assert.equal(nested.item, 'me/drive/root:/Q3%20%231/50%25%20%26%20more.txt');
  assert.equal(nested.at('content'), 'me/drive/root:/Q3%20%231/50%25%20%26%20more.txt:/content');
  assert.equal(
    byPath(['a.txt'], 'F1').at('createUploadSession'),
    'me/drive/items/F1:/a.txt:/createUploadSession',
  );
  assert.equal(byPath([], 'F1').at('children'), 'me/drive/items/F1/children');
  assert.deepEqual(drivePath('folder_path', '/Reports//2025/'), ['Reports', '2025']);
  assert.throws(() => drivePath('folder_path', 'a/../../b'), {
    message: `folder_path: "a/../../b" may not contain . or .. segments; give the path from the drive's root`,
  });
});

test('a small file is one PUT with its type and conflict behaviour; a rename is not repeated after a 5xx', async (t) => {
  const fake = await startGraphFake(t, 'sharepoint');
  fake.once(`PUT ${ME}/root:/a.txt:/content`, {
    status: 503,
    headers: { 'retry-after': '0' },
    body: GRAPH_ERRORS.unavailable,
  });
  fake.route(`PUT ${ME}/root:/a.txt:/content`, { status: 201, body: item('A', 'a.txt') });
  fake.once(`PUT ${ME}/root:/b.txt:/content`, {
    status: 503,
    headers: { 'retry-after': '0' },
    body: GRAPH_ERRORS.unavailable,
  });
  fake.route(`PUT ${ME}/root:/b.txt:/content`, { status: 201, body: item('B', 'b.txt') });

  const replaced = await drive().upload(byPath(['a.txt']), bytesSource(Buffer.from('hello')), {
    contentType: 'text/plain',
    conflict: 'replace',
  });
  await assert.rejects(
    drive().upload(byPath(['b.txt']), bytesSource(Buffer.from('hello')), { conflict: 'rename' }),
    /HTTP 503/,
  );

  assert.deepEqual(replaced, { item: item('A', 'a.txt'), method: 'simple', fragments: 1 });
  const puts = fake.requests.map((r) => [r.path, query(r), r.headers['content-type'], r.rawBody]);
  assert.deepEqual(puts, [
    [`${ME}/root:/a.txt:/content`, { '@microsoft.graph.conflictBehavior': 'replace' }, 'text/plain', 'hello'],
    [`${ME}/root:/a.txt:/content`, { '@microsoft.graph.conflictBehavior': 'replace' }, 'text/plain', 'hello'],
    [
      `${ME}/root:/b.txt:/content`,
      { '@microsoft.graph.conflictBehavior': 'rename' },
      'application/octet-stream',
      'hello',
    ],
  ]);
  assert.equal(fake.requests[0]?.headers.authorization, 'Bearer drive-token-secret');
});

test('a larger file goes through an upload session: 320 KiB-multiple fragments, each range declared, never with the token', async (t) => {
  tune(t, 1000, FRAGMENT_UNIT);
  const total = 2 * FRAGMENT_UNIT + 500;
  const file = pattern(total);
  const fake = await startGraphFake(t, 'sharepoint');
  const host = await uploadHost(t);
  fake.route(`POST ${ME}/items/F1:/big.bin:/createUploadSession`, {
    body: {
      uploadUrl: `${host.url}${UPLOAD}`,
      expirationDateTime: '2025-06-02T09:21:55.523Z',
      nextExpectedRanges: ['0-'],
    },
  });
  let received = 0;
  host.route(`PUT ${UPLOAD}`, (req) => {
    received += req.bytes.length;
    return received < total
      ? { status: 202, body: { nextExpectedRanges: [`${received}-`] } }
      : { status: 201, body: item('BIG', 'big.bin') };
  });
  const progress: number[] = [];

  const done = await drive(progress).upload(byPath(['big.bin'], 'F1'), bytesSource(file), {
    contentType: 'application/octet-stream',
    conflict: 'fail',
  });

  assert.deepEqual(done, { item: item('BIG', 'big.bin'), method: 'session', fragments: 3 });
  const created = only(fake, 'POST', `${ME}/items/F1:/big.bin:/createUploadSession`);
  assert.equal(created.headers.authorization, 'Bearer drive-token-secret');
  assert.deepEqual(created.body, { item: { '@microsoft.graph.conflictBehavior': 'fail' } });
  assert.deepEqual(
    host.requests.map((r) => [r.headers['content-range'], r.bytes.length, r.headers.authorization]),
    [
      [`bytes 0-${FRAGMENT_UNIT - 1}/${total}`, FRAGMENT_UNIT, undefined],
      [`bytes ${FRAGMENT_UNIT}-${2 * FRAGMENT_UNIT - 1}/${total}`, FRAGMENT_UNIT, undefined],
      [`bytes ${2 * FRAGMENT_UNIT}-${total - 1}/${total}`, 500, undefined],
    ],
  );
  assert.deepEqual(Buffer.concat(host.requests.map((r) => r.bytes)), file);
  assert.deepEqual(progress, [FRAGMENT_UNIT, 2 * FRAGMENT_UNIT, total]);
});

test('a range the session already has (416) is skipped to where it says to go on', async (t) => {
  tune(t, 1000, FRAGMENT_UNIT);
  const total = 3 * FRAGMENT_UNIT;
  const fake = await startGraphFake(t, 'sharepoint');
  const host = await uploadHost(t);
  fake.route(`POST ${ME}/root:/big.bin:/createUploadSession`, {
    body: { uploadUrl: `${host.url}${UPLOAD}` },
  });
  host.once(`PUT ${UPLOAD}`, { status: 416, body: graphError('invalidRange', 'Range already received') });
  host.route(`GET ${UPLOAD}`, { body: { nextExpectedRanges: [`${2 * FRAGMENT_UNIT}-`] } });
  host.route(`PUT ${UPLOAD}`, { status: 201, body: item('BIG', 'big.bin') });

  const done = await drive().upload(byPath(['big.bin']), bytesSource(pattern(total)));

  assert.equal(done.method, 'session');
  assert.deepEqual(
    host.requests.map((r) => `${r.method} ${r.headers['content-range'] ?? ''}`.trim()),
    [
      `PUT bytes 0-${FRAGMENT_UNIT - 1}/${total}`,
      'GET',
      `PUT bytes ${2 * FRAGMENT_UNIT}-${total - 1}/${total}`,
    ],
  );
  assert.deepEqual(only(fake, 'POST', `${ME}/root:/big.bin:/createUploadSession`).body, {
    item: { '@microsoft.graph.conflictBehavior': 'replace' },
  });
});

test('a session that fails is cancelled, without the token, and the error names the service', async (t) => {
  tune(t, 1000, FRAGMENT_UNIT);
  const fake = await startGraphFake(t, 'sharepoint');
  const host = await uploadHost(t);
  fake.route(`POST ${ME}/items/D1/createUploadSession`, { body: { uploadUrl: `${host.url}${UPLOAD}` } });
  host.route(`PUT ${UPLOAD}`, { status: 404, body: graphError('itemNotFound', 'Upload session not found') });
  host.route(`DELETE ${UPLOAD}`, { status: 204, body: '' });

  await assert.rejects(drive().upload(byId('D1'), bytesSource(pattern(2 * FRAGMENT_UNIT))), {
    message: 'The upload session expired or was cancelled at SharePoint; upload the file again',
  });
  assert.deepEqual(
    host.requests.map((r) => [r.method, r.headers.authorization]),
    [
      ['PUT', undefined],
      ['DELETE', undefined],
    ],
  );
});

test('fragments must be multiples of 320 KiB: another size is refused before anything is sent', async (t) => {
  tune(t, 1000, FRAGMENT_UNIT + 1);
  const fake = await startGraphFake(t, 'sharepoint');

  await assert.rejects(drive().upload(byPath(['x.bin']), bytesSource(pattern(5000))), /multiple of 327680/);
  assert.equal(fake.requests.length, 0);
});

test('a search keeps the files asked for, reads on to the limit, and can start at a next link', async (t) => {
  const fake = await startGraphFake(t, 'sharepoint');
  const search = `${ME}/root/search(q='it''s')`;
  fake.route(`GET ${search}`, (req) =>
    req.query.get('$skiptoken') === 'p2'
      ? { body: graphPage(fake, [item('B2', 'b.xlsx'), item('B3', 'c.xlsx')]) }
      : {
          body: graphPage(
            fake,
            [item('B1', 'a.xlsx'), item('D1', 'a.docx'), { id: 'F', name: 'x.xlsx', folder: {} }],
            "me/drive/root/search(q='it''s')?$top=200&$skiptoken=p2",
          ),
        },
  );

  const firstPage = await drive().searchFiles("it's", '.xlsx', { limit: 1 });
  const secondPage = await drive().searchFiles("it's", '.xlsx', { limit: 1, cursor: firstPage.next });
  const both = await drive().searchFiles("it's", '.xlsx', { limit: 2 });

  assert.deepEqual(
    [firstPage.items.map((i) => i.id), firstPage.next],
    [['B1'], `${fake.url}${search}?$top=200&$skiptoken=p2`],
  );
  assert.deepEqual([secondPage.items.map((i) => i.id), secondPage.next], [['B2', 'B3'], undefined]);
  assert.deepEqual(
    both.items.map((i) => i.id),
    ['B1', 'B2', 'B3'],
  );
  // A tool's answer: the first `limit`, and more, since a third was found.
  const answer = upTo(both, 2);
  assert.deepEqual([answer.items.map((i) => i.id), answer.more], [['B1', 'B2'], true]);
  assert.deepEqual(fake.requests.map(query), [
    { $top: '200' },
    { $top: '200', $skiptoken: 'p2' },
    { $top: '200' },
    { $top: '200', $skiptoken: 'p2' },
  ]);
});
