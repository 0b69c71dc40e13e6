import assert from 'node:assert/strict';
import { test } from 'node:test';
import { file, folder, listResult } from './fake-dropbox.js';
import { assertRpc, data, setup } from './harness.js';

test('list_files lists the root ("" for Dropbox) with one list_folder request', async (t) => {
  const { api, call } = await setup(t);
  api.route('POST /2/files/list_folder', {
    body: listResult([folder('/Documents'), file('/notes.txt', { size: 42 })]),
  });
  const result = data(await call('list_files', { path: ' ' }));
  assertRpc(api.requests[0], '/2/files/list_folder', { path: '', recursive: false, limit: 500 });
  assert.equal(api.requests.length, 1);
  assert.deepEqual(result, {
    path: '/',
    count: 2,
    entries: [
      { type: 'folder', name: 'Documents', path: '/Documents', id: folder('/Documents').id },
      {
        type: 'file',
        name: 'notes.txt',
        path: '/notes.txt',
        id: file('/notes.txt').id,
        size: 42,
        server_modified: '2025-05-12T15:50:38Z',
        client_modified: '2025-05-12T15:50:38Z',
        rev: 'a1c10ce0dd78',
        content_hash: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
        is_downloadable: true,
      },
    ],
    has_more: false,
    cursor: null,
  });
});

test('a path without a leading slash, or with a trailing one, is sent as Dropbox writes it', async (t) => {
  const { api, call } = await setup(t);
  api.route('POST /2/files/list_folder', { body: listResult([]) });
  data(await call('list_files', { path: 'Documents/Été 2025/', recursive: true, limit: 10 }));
  assertRpc(api.requests[0], '/2/files/list_folder', {
    path: '/Documents/Été 2025',
    recursive: true,
    limit: 10,
  });
});

test('pages are followed with list_folder/continue until has_more is false', async (t) => {
  const { api, call } = await setup(t);
  api.route('POST /2/files/list_folder', { body: listResult([file('/a.txt')], true, 'cursor-1') });
  api.once('POST /2/files/list_folder/continue', { body: listResult([file('/b.txt')], true, 'cursor-2') });
  api.once('POST /2/files/list_folder/continue', { body: listResult([file('/c.txt')], false, 'cursor-3') });
  const result = data(await call('list_files', { path: '/' }));
  assert.deepEqual(
    (result.entries as { name: string }[]).map((e) => e.name),
    ['a.txt', 'b.txt', 'c.txt'],
  );
  assert.equal(result.has_more, false);
  assert.equal(result.cursor, null);
  assertRpc(api.requests[1], '/2/files/list_folder/continue', { cursor: 'cursor-1' });
  assertRpc(api.requests[2], '/2/files/list_folder/continue', { cursor: 'cursor-2' });
});

test('the listing stops at limit and hands back the cursor, which continues it', async (t) => {
  const { api, call } = await setup(t);
  api.route('POST /2/files/list_folder', {
    body: listResult([file('/a.txt'), file('/b.txt')], true, 'cursor-1'),
  });
  const first = data(await call('list_files', { path: '/', limit: 2 }));
  assert.equal(first.count, 2);
  assert.equal(first.has_more, true);
  assert.equal(first.cursor, 'cursor-1');
  assert.equal(api.requests.length, 1);

  api.route('POST /2/files/list_folder/continue', { body: listResult([file('/c.txt')], false, 'cursor-2') });
  const rest = data(await call('list_files', { path: '/', cursor: 'cursor-1' }));
  assertRpc(api.requests[1], '/2/files/list_folder/continue', { cursor: 'cursor-1' });
  assert.deepEqual(
    (rest.entries as { name: string }[]).map((e) => e.name),
    ['c.txt'],
  );
});
