import assert from 'node:assert/strict';
import { test } from 'node:test';
import { account, file, folder, opsResult, searchResult } from './fake-dropbox.js';
import { assertRpc, data, failure, setup } from './harness.js';

test('create_folder creates folder_name inside path, without autorename by default', async (t) => {
  const { api, call } = await setup(t);
  const { '.tag': _tag, ...untagged } = folder('/Documents/Reports');
  api.route('POST /2/files/create_folder_v2', { body: opsResult(untagged) });
  const result = data(await call('create_folder', { folder_name: 'Reports', path: '/Documents' }));
  assertRpc(api.requests[0], '/2/files/create_folder_v2', { path: '/Documents/Reports', autorename: false });
  assert.deepEqual(result, { type: 'folder', name: 'Reports', path: '/Documents/Reports', id: untagged.id });
});

test('create_folder at the root, with autorename', async (t) => {
  const { api, call } = await setup(t);
  api.route('POST /2/files/create_folder_v2', { body: opsResult(folder('/Reports (1)')) });
  const result = data(await call('create_folder', { folder_name: 'Reports', path: '', autorename: true }));
  assertRpc(api.requests[0], '/2/files/create_folder_v2', { path: '/Reports', autorename: true });
  assert.equal(result.path, '/Reports (1)');
});

test('a folder_name with a slash is refused before any request', async (t) => {
  const { api, call } = await setup(t);
  assert.match(
    failure(await call('create_folder', { folder_name: 'a/b', path: '/' })),
    /^folder_name must be a single/,
  );
  assert.equal(api.requests.length, 0);
});

test('delete removes the path and answers with what was deleted', async (t) => {
  const { api, call } = await setup(t);
  api.route('POST /2/files/delete_v2', { body: opsResult(file('/old.txt')) });
  const result = data(await call('delete', { path: '/old.txt' }));
  assertRpc(api.requests[0], '/2/files/delete_v2', { path: '/old.txt' });
  assert.equal(result.deleted, true);
  assert.equal(result.path, '/old.txt');
  assert.equal(result.type, 'file');
});

test('delete refuses the root folder', async (t) => {
  const { api, call } = await setup(t);
  assert.equal(failure(await call('delete', { path: '/' })), 'path: the root folder cannot be deleted');
  assert.equal(api.requests.length, 0);
});

test('move sends from_path and to_path/file_name', async (t) => {
  const { api, call } = await setup(t);
  api.route('POST /2/files/move_v2', { body: opsResult(file('/Archive/2024 report.pdf')) });
  const result = data(
    await call('move', { from_path: '/report.pdf', to_path: '/Archive', file_name: '2024 report.pdf' }),
  );
  assertRpc(api.requests[0], '/2/files/move_v2', {
    from_path: '/report.pdf',
    to_path: '/Archive/2024 report.pdf',
    autorename: false,
    allow_ownership_transfer: false,
  });
  assert.equal(result.path, '/Archive/2024 report.pdf');
  assert.equal(result.from_path, '/report.pdf');
});

test('get_file_metadata reads a file by path or id', async (t) => {
  const { api, call } = await setup(t);
  api.route('POST /2/files/get_metadata', { body: file('/Documents/plan.docx', { size: 1024 }) });
  const result = data(await call('get_file_metadata', { path: 'id:a4ayc_80_OEAAAAAAAAAXw' }));
  assertRpc(api.requests[0], '/2/files/get_metadata', { path: 'id:a4ayc_80_OEAAAAAAAAAXw' });
  assert.equal(result.name, 'plan.docx');
  assert.equal(result.size, 1024);
  assert.equal(result.type, 'file');
});

test('get_file_metadata refuses the root, which Dropbox gives no metadata for', async (t) => {
  const { api, call } = await setup(t);
  assert.match(failure(await call('get_file_metadata', { path: '' })), /^path: Dropbox gives no metadata/);
  assert.equal(api.requests.length, 0);
});

test('get_user_info reads the current account (a route without arguments: no body)', async (t) => {
  const { api, call } = await setup(t);
  api.route('POST /2/users/get_current_account', { body: account() });
  const result = data(await call('get_user_info'));
  assertRpc(api.requests[0], '/2/users/get_current_account', undefined);
  assert.deepEqual(result, {
    account_id: 'dbid:AAH4f99T0taONIb-OurWxbNQ6ywGRopQngc',
    name: 'Franz Ferdinand (Personal)',
    email: 'franz@example.com',
    email_verified: true,
    country: 'US',
    locale: 'en',
    account_type: 'basic',
    team: null,
    disabled: false,
  });
});

test('search follows search/continue_v2 and drops matches Dropbox repeats across pages', async (t) => {
  const { api, call } = await setup(t);
  api.route('POST /2/files/search_v2', {
    body: searchResult([file('/a/report.pdf'), file('/b/report.pdf')], true, 'search-cursor-1'),
  });
  api.route('POST /2/files/search/continue_v2', {
    body: searchResult([file('/b/report.pdf'), folder('/report')], false),
  });
  const result = data(await call('search', { query: 'report', path: 'a' }));
  assertRpc(api.requests[0], '/2/files/search_v2', {
    query: 'report',
    options: { path: '/a', max_results: 100, file_status: 'active', filename_only: false },
  });
  assertRpc(api.requests[1], '/2/files/search/continue_v2', { cursor: 'search-cursor-1' });
  assert.equal(result.count, 3);
  assert.deepEqual(
    (result.matches as { path: string }[]).map((m) => m.path),
    ['/a/report.pdf', '/b/report.pdf', '/report'],
  );
  assert.equal(result.has_more, false);
});

test('search stops at max_results', async (t) => {
  const { api, call } = await setup(t);
  api.route('POST /2/files/search_v2', { body: searchResult([file('/a.txt'), file('/b.txt')], true, 'c1') });
  const result = data(await call('search', { query: 'txt', max_results: 2, filename_only: true }));
  assert.equal(api.requests.length, 1);
  assert.deepEqual(api.requests[0]?.body, {
    query: 'txt',
    options: { max_results: 2, file_status: 'active', filename_only: true },
  });
  assert.equal(result.count, 2);
  assert.equal(result.has_more, true);
});
