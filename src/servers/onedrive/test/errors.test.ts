import assert from 'node:assert/strict';
import { test } from 'node:test';
import { GRAPH_ERRORS, graphError } from '../../../providers/microsoft/test/graph-fake.js';
import { connect, text } from '../../../testing/mcp.js';
import onedrive from '../index.js';
import { DRIVE, driveItem, startOneDriveFake } from './fake-onedrive.js';

const credentials = { access_token: 'eyJ0.secret-onedrive-token' };
const children = `GET ${DRIVE}/root/children`;
const list = { name: 'list_files', arguments: {} };

test('401 asks the user to re-authenticate, without echoing the token', async (t) => {
  const fake = await startOneDriveFake(t);
  fake.route(children, { status: 401, body: GRAPH_ERRORS.expiredToken });
  const client = await connect(onedrive, { credentials });

  const result = await client.callTool(list);

  assert.equal(
    text(result),
    'Not authenticated with onedrive: OneDrive rejected the stored token. Re-authenticate with `gumcp auth onedrive`.',
  );
  assert.doesNotMatch(text(result), /secret-onedrive-token/);
});

test('403 names the scope the server needs', async (t) => {
  const fake = await startOneDriveFake(t);
  fake.route(`POST ${DRIVE}/root/children`, {
    status: 403,
    body: graphError('accessDenied', 'Access denied'),
  });
  const client = await connect(onedrive, { credentials });

  const result = await client.callTool({
    name: 'create_folder',
    arguments: { folder_path: '/', folder_name: 'x' },
  });

  assert.equal(
    text(result),
    'Permission denied by OneDrive: accessDenied: Access denied (request-id 7d3b2c1a-0000-4000-8000-000000000001). The account or the app may lack a permission this needs (the server asks for https://graph.microsoft.com/Files.ReadWrite.All); re-authenticate, or ask an administrator to grant it.',
  );
});

test('429 with Retry-After is retried, then succeeds; lasting throttling says when to try again', async (t) => {
  const fake = await startOneDriveFake(t);
  fake.once(children, { status: 429, headers: { 'retry-after': '0' }, body: GRAPH_ERRORS.throttled });
  fake.once(children, { body: { value: [driveItem('a.txt', '/')] } });
  fake.route(children, { status: 429, headers: { 'retry-after': '300' }, body: GRAPH_ERRORS.throttled });
  const client = await connect(onedrive, { credentials });

  const retried = await client.callTool(list);
  const throttled = await client.callTool(list);

  assert.equal((retried.structuredContent as { count: number }).count, 1);
  assert.equal(text(throttled), 'Rate limited by OneDrive; try again in 300 s');
  assert.equal(fake.requests.length, 3);
});

test('a 5xx on a read is retried, then reported; on a new folder it is not retried', async (t) => {
  const fake = await startOneDriveFake(t);
  fake.route(children, {
    status: 500,
    headers: { 'retry-after': '0' },
    body: graphError('generalException', 'boom'),
  });
  fake.route(`POST ${DRIVE}/root/children`, {
    status: 500,
    headers: { 'retry-after': '0' },
    body: graphError('generalException', 'boom'),
  });
  const client = await connect(onedrive, { credentials });

  const read = await client.callTool(list);
  const made = await client.callTool({
    name: 'create_folder',
    arguments: { folder_path: '/', folder_name: 'x' },
  });

  assert.equal(text(read), 'OneDrive failed (HTTP 500); try again later');
  assert.equal(
    text(made),
    'OneDrive failed (HTTP 500); the request may have gone through, so check before trying again',
  );
  assert.deepEqual(
    fake.requests.map((r) => r.method),
    ['GET', 'GET', 'GET', 'GET', 'POST'],
  );
});

test('a 409 from Graph carries its code and message', async (t) => {
  const fake = await startOneDriveFake(t);
  fake.route(`PUT ${DRIVE}/root:/a.txt:/content`, {
    status: 409,
    body: graphError('nameAlreadyExists', 'The specified item name already exists.'),
  });
  const client = await connect(onedrive, { credentials });

  const result = await client.callTool({
    name: 'upload_file',
    arguments: { local_file_path: 'a.txt', destination_path: 'a.txt', content: 'x' },
  });

  assert.equal(
    text(result),
    'OneDrive rejected the request (HTTP 409): nameAlreadyExists: The specified item name already exists. (request-id 7d3b2c1a-0000-4000-8000-000000000001)',
  );
});
