import assert from 'node:assert/strict';
import { test } from 'node:test';
import { GRAPH_ERRORS } from '../../../providers/microsoft/test/graph-fake.js';
import { connect, text } from '../../../testing/mcp.js';
import word from '../index.js';
import { fakeWord, V1 } from './fake-word.js';

const credentials = { access_token: 'eyJ0eXAi.hidden-word-token' };
const ITEM = `${V1}/me/drive/items/D1`;
const download = { name: 'download_document', arguments: { file_id: 'D1' } };
const item = { id: 'D1', name: 'Plan.docx', file: { mimeType: 'application/octet-stream' } };

test('401 asks to re-authenticate, without the token', async (t) => {
  const fake = await fakeWord(t);
  fake.graph.route(`GET ${ITEM}`, { status: 401, body: GRAPH_ERRORS.expiredToken });
  const client = await connect(word, { credentials });

  const result = await client.callTool(download);

  assert.equal(
    text(result),
    'Not authenticated with word: Word rejected the stored token. Re-authenticate with `gumcp auth word`.',
  );
  assert.doesNotMatch(text(result), /hidden-word-token/);
});

test('403 names the permissions; 404 names the document', async (t) => {
  const fake = await fakeWord(t);
  fake.graph.once(`GET ${ITEM}`, { status: 403, body: GRAPH_ERRORS.accessDenied });
  fake.graph.route(`GET ${ITEM}`, { status: 404, body: GRAPH_ERRORS.notFound });
  const client = await connect(word, { credentials });

  assert.match(text(await client.callTool(download)), /^Permission denied by Word: .*Files\.ReadWrite/);
  assert.equal(
    text(await client.callTool({ name: 'read_document', arguments: { file_id: 'D1' } })),
    'Document not found: D1',
  );
});

test('429 is waited out and retried; a 5xx that persists says to try later', async (t) => {
  const fake = await fakeWord(t);
  fake.graph.once(`GET ${ITEM}`, {
    status: 429,
    headers: { 'retry-after': '0' },
    body: GRAPH_ERRORS.throttled,
  });
  fake.graph.once(`GET ${ITEM}`, { body: item });
  fake.graph.route(`GET ${ITEM}`, { status: 502, body: GRAPH_ERRORS.unavailable });
  const client = await connect(word, { credentials });

  const retried = await client.callTool(download);
  const failed = await client.callTool(download);

  assert.equal(retried.isError, undefined, text(retried));
  assert.equal(text(failed), 'Word failed (HTTP 502); try again later');
  assert.equal(fake.graph.requests.length, 2 + 4);
});

test('a 5xx on create_document is not repeated: with rename, a repeat could make a second file', async (t) => {
  const fake = await fakeWord(t);
  fake.graph.route(`PUT ${V1}/me/drive/root:/A.docx:/content`, {
    status: 500,
    body: GRAPH_ERRORS.unavailable,
  });
  const client = await connect(word, { credentials });

  const result = await client.callTool({ name: 'create_document', arguments: { name: 'A' } });

  assert.equal(
    text(result),
    'Word failed (HTTP 500); the request may have gone through, so check before trying again',
  );
  assert.equal(fake.graph.requests.length, 1);
});

test('a token changed mid-session is used from the next call on', async (t) => {
  const fake = await fakeWord(t);
  fake.graph.route(`GET ${ITEM}`, { body: item });
  let uses = 0;
  const client = await connect(word, {
    credentials: async () => ({ access_token: uses++ === 0 ? 'old' : 'new' }),
  });

  await client.callTool(download);
  await client.callTool(download);

  assert.deepEqual(
    fake.graph.requests.map((r) => r.headers.authorization),
    ['Bearer old', 'Bearer new'],
  );
});
