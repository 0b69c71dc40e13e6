import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  account,
  endpointError,
  expiredToken,
  invalidToken,
  listResult,
  missingScope,
  rateLimit,
} from './fake-dropbox.js';
import { data, failure, setup, TOKEN } from './harness.js';

const LIST = 'POST /2/files/list_folder';

test('401 expired_access_token asks to re-authenticate, without echoing the token', async (t) => {
  const { api, call } = await setup(t);
  api.route(LIST, { status: 401, body: expiredToken });
  const message = failure(await call('list_files', { path: '/' }));
  assert.equal(
    message,
    'Not authenticated with dropbox: Dropbox says the access token has expired. Re-authenticate with `gumcp auth dropbox`.',
  );
  assert.ok(!message.includes(TOKEN));
  assert.equal(api.requests.length, 1, 'an auth failure is not retried');
});

test('401 invalid_access_token (revoked) asks to re-authenticate too', async (t) => {
  const { api, call } = await setup(t);
  api.route('POST /2/users/get_current_account', { status: 401, body: invalidToken });
  assert.match(
    failure(await call('get_user_info')),
    /^Not authenticated with dropbox: Dropbox rejected the stored token/,
  );
});

test('401 missing_scope names the scope Dropbox requires', async (t) => {
  const { content, call } = await setup(t);
  content.route('POST /2/files/upload', { status: 401, body: missingScope('files.content.write') });
  assert.equal(
    failure(await call('upload_file', { file_path: 'x', file_name: 'a.txt', content: 'a' })),
    'Permission denied: the stored token lacks the scope "files.content.write". Re-authenticate to grant it.',
  );
});

test('409 names the path: not found, conflict, a move into itself', async (t) => {
  const { api, call } = await setup(t);
  api.route(LIST, { status: 409, body: endpointError('path', 'not_found') });
  api.route('POST /2/files/create_folder_v2', {
    status: 409,
    body: endpointError('path', 'conflict', 'folder'),
  });
  api.route('POST /2/files/move_v2', { status: 409, body: endpointError('to', 'conflict', 'file') });
  assert.equal(failure(await call('list_files', { path: '/Nope' })), 'Dropbox path not found: /Nope');
  assert.equal(
    failure(await call('create_folder', { folder_name: 'Reports', path: '/' })),
    'There is already a folder at /Reports',
  );
  assert.equal(
    failure(await call('move', { from_path: '/a.txt', to_path: '/B', file_name: 'a.txt' })),
    'There is already a file at /B/a.txt',
  );
  api.route('POST /2/files/move_v2', { status: 409, body: endpointError('from_lookup', 'not_found') });
  assert.equal(
    failure(await call('move', { from_path: '/a.txt', to_path: '/B', file_name: 'a.txt' })),
    'Dropbox path not found: /a.txt',
  );
  // A tag this server has no words for still names the path and the tags.
  api.route('POST /2/files/delete_v2', { status: 409, body: endpointError('path_lookup', 'some_new_tag') });
  assert.equal(
    failure(await call('delete', { path: '/x' })),
    'Dropbox could not delete /x (path_lookup/some_new_tag)',
  );
});

test('a 400 gives the first line of Dropbox’s plain-text answer', async (t) => {
  const { api, call } = await setup(t);
  api.route(LIST, {
    status: 400,
    body: 'Error in call to API function "files/list_folder": request body: path: \'x\' did not match pattern\nmore',
  });
  assert.equal(
    failure(await call('list_files', { path: '/x' })),
    'Dropbox rejected the list of /x (HTTP 400): Error in call to API function "files/list_folder": request body: path: \'x\' did not match pattern',
  );
});

test('403 says the account or team does not allow it', async (t) => {
  const { api, call } = await setup(t);
  api.route(LIST, {
    status: 403,
    body: { error_summary: 'team_access_denied/..', error: { '.tag': 'team_access_denied' } },
  });
  assert.equal(
    failure(await call('list_files', { path: '/T' })),
    'Dropbox denied access to /T (team_access_denied): the account or its team does not allow it',
  );
});

test('429 with Retry-After is waited out, then the call succeeds', async (t) => {
  const { api, call } = await setup(t);
  api.once(LIST, { status: 429, headers: { 'retry-after': '0' }, body: rateLimit(0) });
  api.route(LIST, { body: listResult([]) });
  data(await call('list_files', { path: '/' }));
  assert.equal(api.requests.length, 2);
});

test('429 without Retry-After waits for the body’s retry_after', async (t) => {
  const { api, call } = await setup(t);
  api.once('POST /2/files/create_folder_v2', {
    status: 429,
    body: rateLimit(0, 'too_many_write_operations'),
  });
  api.route('POST /2/files/create_folder_v2', {
    body: { metadata: { name: 'A', id: 'id:1', path_display: '/A' } },
  });
  data(await call('create_folder', { folder_name: 'A', path: '/' }));
  assert.equal(api.requests.length, 2, 'a 429 is retried even for a write: Dropbox did nothing');
});

test('a persisting 429 fails at once with when to try again', async (t) => {
  const { api, call } = await setup(t);
  api.route(LIST, { status: 429, headers: { 'retry-after': '300' }, body: rateLimit(300) });
  assert.match(
    failure(await call('list_files', { path: '/' })),
    /^Dropbox rate limit reached \(too many requests\); try again in 300 s \(after \d{4}-\d\d-\d\dT[\d:.]+Z\)$/,
  );
  assert.equal(api.requests.length, 1, 'a wait longer than the client accepts is not slept through');
});

test('5xx on a read is retried, then reported', async (t) => {
  const { api, call } = await setup(t);
  api.route('POST /2/users/get_current_account', { status: 503, body: 'Service Unavailable' });
  assert.equal(failure(await call('get_user_info')), 'Dropbox failed (HTTP 503); try again later');
  assert.equal(api.requests.length, 3);
  api.route('POST /2/users/get_current_account', { body: account() });
  data(await call('get_user_info'));
});

test('5xx on create_folder is not retried: the folder may exist', async (t) => {
  const { api, call } = await setup(t);
  api.route('POST /2/files/create_folder_v2', { status: 500, body: 'oops' });
  assert.equal(
    failure(await call('create_folder', { folder_name: 'A', path: '/' })),
    'Dropbox failed (HTTP 500); the request may have gone through, so check before trying again',
  );
  assert.equal(api.requests.length, 1);
});
