import assert from 'node:assert/strict';
import { test } from 'node:test';
import { connect, text } from '../../../testing/mcp.js';
import { GOOGLE_ERRORS } from '../../gmail/test/google-fake.js';
import gdocs from '../index.js';
import { DOCS, FILES, fakeDocs } from './fake-docs.js';

const credentials = { access_token: 'ya29.secret-docs-token' };
const readD1 = { name: 'read_doc', arguments: { doc_id: 'd1' } };
const docs = [{ id: 'd1', title: 'Notes', text: 'hello\n' }];

test('401 asks the user to re-authenticate, without echoing the token', async (t) => {
  const fake = await fakeDocs(t, { docs });
  fake.once(`GET ${DOCS}/d1`, { status: 401, body: GOOGLE_ERRORS.expiredToken });
  const client = await connect(gdocs, { credentials });

  const result = await client.callTool(readD1);

  assert.equal(result.isError, true);
  assert.equal(
    text(result),
    'Not authenticated with gdocs: Google Docs rejected the stored token. Re-authenticate with `gumcp auth gdocs`.',
  );
  assert.doesNotMatch(text(result), /secret-docs-token/);
});

test('403 insufficient scope names the scope of the API that refused: documents for Docs, drive.file for Drive', async (t) => {
  const fake = await fakeDocs(t, { docs });
  fake.once(`GET ${DOCS}/d1`, { status: 403, body: GOOGLE_ERRORS.insufficientScope });
  fake.once(`GET ${FILES}`, { status: 403, body: GOOGLE_ERRORS.insufficientScope });
  const client = await connect(gdocs, { credentials });

  const docsAnswer = await client.callTool(readD1);
  const driveAnswer = await client.callTool({ name: 'search_docs', arguments: { query: 'x' } });

  assert.match(text(docsAnswer), /lacks the scope "https:\/\/www\.googleapis\.com\/auth\/documents"/);
  assert.match(text(driveAnswer), /lacks the scope "https:\/\/www\.googleapis\.com\/auth\/drive\.file"/);
});

test('429 with Retry-After is retried, then succeeds', async (t) => {
  const fake = await fakeDocs(t, { docs });
  fake.once(`GET ${DOCS}/d1`, {
    status: 429,
    headers: { 'retry-after': '0' },
    body: GOOGLE_ERRORS.rateLimited,
  });
  const client = await connect(gdocs, { credentials });

  const result = await client.callTool(readD1);

  assert.equal(result.isError, undefined, text(result));
  assert.equal(fake.requests.length, 2);
});

test('a rate limit that outlasts the wait says when to try again', async (t) => {
  const fake = await fakeDocs(t, { docs });
  fake.route(`GET ${DOCS}/d1`, {
    status: 429,
    headers: { 'retry-after': '120' },
    body: GOOGLE_ERRORS.rateLimited,
  });
  const client = await connect(gdocs, { credentials });

  const result = await client.callTool(readD1);

  assert.equal(text(result), 'Rate limited by Google Docs; try again in 120 s');
  assert.equal(fake.requests.length, 1, 'a wait past the limit is not slept through');
});

test('5xx on a read is retried, then ends in a try-later message', async (t) => {
  const fake = await fakeDocs(t, { docs });
  fake.route(`GET ${DOCS}/d1`, { status: 500, body: GOOGLE_ERRORS.backendError });
  const client = await connect(gdocs, { credentials });

  const result = await client.callTool(readD1);

  assert.equal(text(result), 'Google Docs failed (HTTP 500); try again later');
  assert.equal(fake.requests.length, 4, 'first attempt and three retries');
});

test('5xx on documents.create is not repeated (it could make two documents), and says so', async (t) => {
  const fake = await fakeDocs(t);
  fake.route(`POST ${DOCS}`, { status: 503, body: GOOGLE_ERRORS.backendError });
  const client = await connect(gdocs, { credentials });

  const result = await client.callTool({ name: 'create_doc', arguments: { title: 'T', content: 'x' } });

  assert.equal(
    text(result),
    'Google Docs failed (HTTP 503); the request may have gone through, so check before trying again',
  );
  assert.equal(fake.requests.length, 1);
});

test('a token refreshed mid-session is used from the next request on', async (t) => {
  const fake = await fakeDocs(t, { docs });
  let uses = 0;
  const client = await connect(gdocs, {
    credentials: async () => ({ access_token: uses++ === 0 ? 'ya29.before' : 'ya29.after' }),
  });

  await client.callTool(readD1);
  await client.callTool({ name: 'append_to_doc', arguments: { doc_id: 'd1', content: 'more' } });

  assert.deepEqual(
    fake.requests.map((r) => [`${r.method} ${r.path}`, r.headers.authorization]),
    [
      [`GET ${DOCS}/d1`, 'Bearer ya29.before'],
      [`GET ${DOCS}/d1`, 'Bearer ya29.after'],
      [`POST ${DOCS}/d1:batchUpdate`, 'Bearer ya29.after'],
    ],
  );
});
