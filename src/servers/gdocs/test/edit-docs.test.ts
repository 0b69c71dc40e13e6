import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FakeService } from '../../../testing/fake-service.js';
import { connect, text } from '../../../testing/mcp.js';
import { GOOGLE_ERRORS, only } from '../../gmail/test/google-fake.js';
import gdocs from '../index.js';
import { DOCS, fakeDocs } from './fake-docs.js';

const credentials = { access_token: 'ya29.edit' };
const batchUpdates = (fake: FakeService, id: string) =>
  fake.requests.filter((r) => r.method === 'POST' && r.path === `${DOCS}/${id}:batchUpdate`);

test('create_doc creates the document, then writes the content at the body’s end, on that revision', async (t) => {
  const fake = await fakeDocs(t);
  const client = await connect(gdocs, { credentials });

  const result = await client.callTool({
    name: 'create_doc',
    arguments: { title: 'Plan', content: 'Goals\r\nShip it' },
  });

  assert.equal(result.isError, undefined, text(result));
  const create = only(fake, 'POST', DOCS);
  assert.equal(create.headers.authorization, 'Bearer ya29.edit');
  assert.deepEqual(create.body, { title: 'Plan' });
  const [update, ...others] = batchUpdates(fake, 'doc-new');
  assert.equal(others.length, 0);
  assert.equal(update?.headers.authorization, 'Bearer ya29.edit');
  assert.deepEqual(update?.body, {
    requests: [{ insertText: { location: { index: 1 }, text: 'Goals\nShip it' } }],
    writeControl: { requiredRevisionId: 'ALm37BX-rev-1' },
  });
  assert.equal(fake.docs.get('doc-new')?.text, 'Goals\nShip it\n');
  assert.deepEqual(result.structuredContent, {
    success: true,
    message: 'Created Google Doc "Plan"',
    doc_id: 'doc-new',
    title: 'Plan',
    uri: 'gdocs://document/doc-new',
    url: 'https://docs.google.com/document/d/doc-new/edit',
  });
  assert.deepEqual(JSON.parse(text(result)), result.structuredContent, 'the text is the same data');
});

test('create_doc with empty content makes a blank document and writes nothing', async (t) => {
  const fake = await fakeDocs(t);
  const client = await connect(gdocs, { credentials });

  const result = await client.callTool({ name: 'create_doc', arguments: { title: 'Blank', content: '' } });

  assert.equal(result.isError, undefined, text(result));
  assert.deepEqual(
    fake.requests.map((r) => `${r.method} ${r.path}`),
    [`POST ${DOCS}`],
  );
});

test('create_doc says which document it made when the content could not be written', async (t) => {
  const fake = await fakeDocs(t);
  fake.once(`POST ${DOCS}/doc-new:batchUpdate`, { status: 403, body: GOOGLE_ERRORS.insufficientScope });
  const client = await connect(gdocs, { credentials });

  const result = await client.callTool({ name: 'create_doc', arguments: { title: 'Plan', content: 'x' } });

  assert.equal(result.isError, true);
  assert.equal(
    text(result),
    'Created document doc-new ("Plan") but could not write its content: Permission denied: the stored token ' +
      'lacks the scope "https://www.googleapis.com/auth/documents". Re-authenticate to grant it.',
  );
});

test('append_to_doc reads the document and inserts a new paragraph just before the final newline', async (t) => {
  const fake = await fakeDocs(t, {
    docs: [{ id: 'd1', title: 'Log', text: 'Monday\nTuesday\n', revision: 7 }],
  });
  const client = await connect(gdocs, { credentials });

  const result = await client.callTool({
    name: 'append_to_doc',
    arguments: { doc_id: 'd1', content: 'Wednesday' },
  });

  assert.equal(result.isError, undefined, text(result));
  const read = only(fake, 'GET', `${DOCS}/d1`);
  assert.equal(read.headers.authorization, 'Bearer ya29.edit');
  assert.equal(read.query.get('includeTabsContent'), null, 'edits go to the first tab’s body');
  // The body ends at 16 (a section break, then 15 characters): text goes in at 15, in the last paragraph.
  assert.deepEqual(only(fake, 'POST', `${DOCS}/d1:batchUpdate`).body, {
    requests: [{ insertText: { location: { index: 15 }, text: '\nWednesday' } }],
    writeControl: { requiredRevisionId: 'ALm37BX-rev-7' },
  });
  assert.equal(fake.docs.get('d1')?.text, 'Monday\nTuesday\nWednesday\n');
  assert.deepEqual(result.structuredContent, {
    success: true,
    message: 'Appended content to the Google Doc',
    doc_id: 'd1',
    title: 'Log',
    uri: 'gdocs://document/d1',
    url: 'https://docs.google.com/document/d/d1/edit',
  });
  assert.deepEqual(JSON.parse(text(result)), result.structuredContent, 'the text is the same data');
});

test('append_to_doc writes into an empty last paragraph instead of adding a blank line', async (t) => {
  const fake = await fakeDocs(t, { docs: [{ id: 'empty', title: 'New', text: '\n' }] });
  const client = await connect(gdocs, { credentials });

  await client.callTool({ name: 'append_to_doc', arguments: { doc_id: 'empty', content: 'First' } });

  assert.deepEqual(only(fake, 'POST', `${DOCS}/empty:batchUpdate`).body, {
    requests: [{ insertText: { location: { index: 1 }, text: 'First' } }],
    writeControl: { requiredRevisionId: 'ALm37BX-rev-1' },
  });
  assert.equal(fake.docs.get('empty')?.text, 'First\n');
});

test('update_doc deletes all but the final newline, then writes the new text, in one batch', async (t) => {
  const fake = await fakeDocs(t, {
    docs: [{ id: 'd1', title: 'Draft', text: 'old one\nold two\n', revision: 3 }],
  });
  const client = await connect(gdocs, { credentials });

  const result = await client.callTool({
    name: 'update_doc',
    arguments: { doc_id: 'd1', content: 'new text' },
  });

  assert.equal(result.isError, undefined, text(result));
  assert.deepEqual(only(fake, 'POST', `${DOCS}/d1:batchUpdate`).body, {
    requests: [
      { deleteContentRange: { range: { startIndex: 1, endIndex: 16 } } },
      { insertText: { location: { index: 1 }, text: 'new text' } },
    ],
    writeControl: { requiredRevisionId: 'ALm37BX-rev-3' },
  });
  assert.equal(fake.docs.get('d1')?.text, 'new text\n');
  assert.equal(
    (result.structuredContent as { message: string }).message,
    'Replaced the content of the Google Doc',
  );
  assert.deepEqual(JSON.parse(text(result)), result.structuredContent, 'the text is the same data');
});

test('update_doc of an empty document only inserts; clearing an empty document sends nothing', async (t) => {
  const fake = await fakeDocs(t, {
    docs: [
      { id: 'e1', title: 'A', text: '\n' },
      { id: 'e2', title: 'B', text: '\n' },
    ],
  });
  const client = await connect(gdocs, { credentials });

  await client.callTool({ name: 'update_doc', arguments: { doc_id: 'e1', content: 'hello' } });
  const cleared = await client.callTool({ name: 'update_doc', arguments: { doc_id: 'e2', content: '' } });

  assert.deepEqual((only(fake, 'POST', `${DOCS}/e1:batchUpdate`).body as { requests: unknown }).requests, [
    { insertText: { location: { index: 1 }, text: 'hello' } },
  ]);
  assert.equal(cleared.isError, undefined, text(cleared));
  assert.equal(batchUpdates(fake, 'e2').length, 0);
});

test('a batchUpdate that failed with 5xx is retried on the same revision, so it cannot apply twice', async (t) => {
  const fake = await fakeDocs(t, { docs: [{ id: 'd1', title: 'Log', text: 'a\n' }] });
  fake.once(`POST ${DOCS}/d1:batchUpdate`, { status: 503, body: GOOGLE_ERRORS.backendError });
  const client = await connect(gdocs, { credentials });

  const result = await client.callTool({ name: 'append_to_doc', arguments: { doc_id: 'd1', content: 'b' } });

  assert.equal(result.isError, undefined, text(result));
  const attempts = batchUpdates(fake, 'd1').map((r) => r.body);
  assert.equal(attempts.length, 2);
  assert.deepEqual(attempts[0], attempts[1]);
  assert.equal(fake.docs.get('d1')?.text, 'a\nb\n');
});

test('an edit computed from a revision someone has since changed is refused by Docs, and said so', async (t) => {
  const fake = await fakeDocs(t, { docs: [{ id: 'd1', title: 'Log', text: 'a\n' }] });
  // A collaborator writes between our read and our write.
  fake.route(`GET ${DOCS}/d1`, () => {
    const doc = fake.docs.get('d1');
    const answer = {
      body: { documentId: 'd1', title: 'Log', revisionId: 'ALm37BX-rev-1', body: { content: [] } },
    };
    if (doc) doc.revision = 2;
    return answer;
  });
  const client = await connect(gdocs, { credentials });

  const result = await client.callTool({ name: 'append_to_doc', arguments: { doc_id: 'd1', content: 'b' } });

  assert.equal(result.isError, true);
  assert.match(text(result), /^Google Docs rejected the request \(HTTP 400\): /);
  assert.equal(fake.docs.get('d1')?.text, 'a\n', 'nothing was written');
});

test('append_to_doc refuses empty content, and an unknown document is named', async (t) => {
  const fake = await fakeDocs(t);
  const client = await connect(gdocs, { credentials });

  const empty = await client.callTool({ name: 'append_to_doc', arguments: { doc_id: 'd1', content: '' } });
  const unknown = await client.callTool({ name: 'update_doc', arguments: { doc_id: 'gone', content: 'x' } });

  assert.match(text(empty), /^Invalid arguments for tool append_to_doc: content: /);
  assert.equal(text(unknown), 'Document not found: gone');
  assert.equal(fake.requests.length, 1);
});
