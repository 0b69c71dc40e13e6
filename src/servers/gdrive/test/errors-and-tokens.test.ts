import assert from 'node:assert/strict';
import { afterEach, beforeEach, test } from 'node:test';
import type { FakeService } from '../../../testing/fake-service.js';
import { connect, text } from '../../../testing/mcp.js';
import gdrive from '../index.js';
import { driveFile, FILES, fileList } from './fake-drive.js';
import { callTool, credentials, describe, errors, startGoogleFake, TOKEN } from './google-fake.js';

let fake: FakeService;
beforeEach(async () => {
  fake = await startGoogleFake('gdrive');
});
afterEach(() => fake.close());

test('a 401 asks the user to re-authenticate, without retrying or showing the token', async () => {
  fake.route(`GET ${FILES}`, errors.unauthenticated());
  const client = await connect(gdrive, { credentials });

  const result = await callTool(client, 'search', { query: 'x' });

  assert.equal(result.isError, true);
  assert.equal(
    text(result),
    'Not authenticated with gdrive: Google Drive rejected the stored token. Re-authenticate with `gumcp auth gdrive`.',
  );
  assert.ok(!text(result).includes(TOKEN));
  assert.equal(fake.requests.length, 1);
});

test('a 403 for a missing scope names the scope the tool needs', async () => {
  fake.route(`DELETE ${FILES}/f1`, errors.insufficientScope('drive.googleapis.com'));
  fake.route(`GET ${FILES}/f1`, errors.insufficientScope('drive.googleapis.com'));
  const client = await connect(gdrive, { credentials });

  const write = await callTool(client, 'delete_file', { file_id: 'f1' });
  const read = await callTool(client, 'retrieve_file_or_folder_by_id', { id: 'f1' });

  assert.equal(write.isError, true);
  assert.equal(
    text(write),
    'Permission denied: the stored token lacks the scope "https://www.googleapis.com/auth/drive.file". Re-authenticate to grant it.',
  );
  assert.match(text(read), /lacks the scope "https:\/\/www.googleapis.com\/auth\/drive.readonly"/);
});

test('a 404 names the file id', async () => {
  fake.route(`PATCH ${FILES}/missing-7`, errors.driveNotFound('missing-7'));
  const client = await connect(gdrive, { credentials });

  const result = await callTool(client, 'update_file_folder_name', { file_id: 'missing-7', new_name: 'x' });

  assert.equal(result.isError, true);
  assert.equal(text(result), 'File not found: missing-7');
});

test('a 429 with Retry-After is retried after that delay, then succeeds', async () => {
  fake.once(`GET ${FILES}/f1`, errors.rateLimited(1));
  fake.route(`GET ${FILES}/f1`, { body: driveFile('f1') });
  const client = await connect(gdrive, { credentials });

  const started = performance.now();
  const result = await callTool(client, 'retrieve_file_or_folder_by_id', { id: 'f1' });

  assert.equal(result.isError, undefined, text(result));
  assert.equal(result.structuredContent?.id, 'f1');
  assert.ok(performance.now() - started >= 900, 'waited for the Retry-After second');
  assert.deepEqual(fake.requests.map(describe), [`GET ${FILES}/f1`, `GET ${FILES}/f1`]);
});

test('a 5xx that persists through every retry ends in a clear message', async () => {
  fake.route(`GET ${FILES}`, errors.unavailable());
  const client = await connect(gdrive, { credentials });

  const result = await callTool(client, 'search', { query: 'x' });

  assert.equal(result.isError, true);
  assert.equal(text(result), 'Google Drive failed (HTTP 503); try again later');
  assert.equal(fake.requests.length, 4, 'the first try and three retries');
});

test('a token refreshed mid-session is used from the next request on', async () => {
  let lookups = 0;
  // The credential source refreshes after the first lookup, as when the stored token expires.
  const refreshing = async () => ({ access_token: ++lookups === 1 ? TOKEN : 'ya29.refreshed-token' });
  fake.route(`GET ${FILES}/f1`, { body: { parents: ['old'] } });
  fake.route(`PATCH ${FILES}/f1`, { body: driveFile('f1', { parents: ['dest'] }) });
  fake.route(`GET ${FILES}`, { body: fileList([]) });
  const client = await connect(gdrive, { credentials: refreshing });

  await callTool(client, 'move_file', { file_id: 'f1', folder_id: 'dest' });
  await callTool(client, 'search', { query: 'x' });

  assert.deepEqual(
    fake.requests.map((r) => [describe(r), r.headers.authorization]),
    [
      [`GET ${FILES}/f1`, `Bearer ${TOKEN}`],
      [`PATCH ${FILES}/f1`, 'Bearer ya29.refreshed-token'],
      [`GET ${FILES}`, 'Bearer ya29.refreshed-token'],
    ],
  );
});

test('a session without stored credentials is told to authenticate, and nothing is sent', async () => {
  const client = await connect(gdrive, { credentials: async () => undefined });

  const result = await callTool(client, 'search', { query: 'x' });

  assert.equal(result.isError, true);
  assert.match(text(result), /^Not authenticated with gdrive: .*`gumcp auth gdrive`/);
  assert.equal(fake.requests.length, 0);
});
