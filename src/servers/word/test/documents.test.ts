import assert from 'node:assert/strict';
import { test } from 'node:test';
import { graphPage } from '../../../providers/microsoft/test/graph-fake.js';
import { only, query } from '../../../testing/fake-service.js';
import { connect, text } from '../../../testing/mcp.js';
import { driveItem } from '../../sharepoint/test/fake-sharepoint.js';
import word from '../index.js';
import { docxToMarkdown, markdownToDocx } from '../markdown.js';
import { DOCX, fakeWord, V1 } from './fake-word.js';

const credentials = { access_token: 'eyJ0eXAi.word-secret' };
const doc = (id: string, name: string, extra: Record<string, unknown> = {}) =>
  driveItem(id, name, { file: { mimeType: DOCX }, size: 12000, ...extra });

test('read_document downloads through Graph’s redirect (no token at the storage host) and gives Markdown', async (t) => {
  const fake = await fakeWord(t);
  fake.graph.route(`GET ${V1}/me/drive/items/D1`, { body: doc('D1', 'Plan.docx') });
  fake.serveFile('D1', await markdownToDocx('# Plan\n\n- ship **it**'));
  const client = await connect(word, { credentials });

  const result = await client.callTool({ name: 'read_document', arguments: { file_id: 'D1' } });

  assert.deepEqual(result.structuredContent, {
    file_id: 'D1',
    name: 'Plan.docx',
    content: '# Plan\n\n- ship **it**',
    images: 0,
    size: 12000,
    last_modified: '2025-05-02T10:00:00Z',
  });
  assert.equal(
    only(fake.graph, 'GET', `${V1}/me/drive/items/D1/content`).headers.authorization,
    `Bearer ${credentials.access_token}`,
  );
  assert.equal(fake.downloads.length, 1);
  assert.equal(fake.downloads[0]?.headers.authorization, undefined);
});

test('read_document refuses what is not a .docx', async (t) => {
  const fake = await fakeWord(t);
  fake.graph.route(`GET ${V1}/me/drive/items/X`, { body: driveItem('X', 'notes.txt') });
  const client = await connect(word, { credentials });

  const result = await client.callTool({ name: 'read_document', arguments: { file_id: 'X' } });

  assert.equal(text(result), 'notes.txt is not a Word document (.docx)');
  assert.equal(fake.graph.requests.length, 1);
});

test('create_document uploads a .docx built from the Markdown into the folder', async (t) => {
  const fake = await fakeWord(t);
  const target = `${V1}/me/drive/root:/Notes/Minutes.docx:/content`;
  fake.graph.route(`PUT ${target}`, { status: 201, body: doc('NEW', 'Minutes.docx') });
  const client = await connect(word, { credentials });

  const result = await client.callTool({
    name: 'create_document',
    arguments: { name: 'Minutes', content: '# Minutes\n\n1. Budget\n2. Hiring', folder_path: 'Notes' },
  });

  assert.equal(result.isError, undefined, text(result));
  assert.equal((result.structuredContent as { resource_uri: string }).resource_uri, 'word://file/NEW');
  const put = fake.raw.find((r) => r.method === 'PUT') ?? assert.fail('no upload');
  assert.equal(put.path, target);
  assert.equal(put.headers['content-type'], DOCX);
  assert.equal((await docxToMarkdown(put.bytes)).markdown, '# Minutes\n\n1. Budget\n2. Hiring');
  assert.deepEqual(query(only(fake.graph, 'PUT', target)), { '@microsoft.graph.conflictBehavior': 'rename' });
});

test('write_document appends: reads the text, adds the new, and writes the whole document back', async (t) => {
  const fake = await fakeWord(t);
  fake.graph.route(`GET ${V1}/me/drive/items/D1`, { body: doc('D1', 'Plan.docx') });
  fake.serveFile('D1', await markdownToDocx('# Plan\n\nFirst part.'));
  fake.graph.route(`PUT ${V1}/me/drive/items/D1/content`, { body: doc('D1', 'Plan.docx', { size: 13000 }) });
  const client = await connect(word, { credentials });

  const result = await client.callTool({
    name: 'write_document',
    arguments: { file_id: 'D1', content: '## Next\n\n- more' },
  });

  assert.deepEqual(result.structuredContent, {
    file_id: 'D1',
    name: 'Plan.docx',
    mode: 'append',
    appended: true,
    size: 13000,
    content_preview: '## Next\n\n- more',
  });
  const put = fake.raw.find((r) => r.method === 'PUT') ?? assert.fail('no upload');
  assert.equal((await docxToMarkdown(put.bytes)).markdown, '# Plan\n\nFirst part.\n\n## Next\n\n- more');
  assert.deepEqual(query(only(fake.graph, 'PUT', `${V1}/me/drive/items/D1/content`)), {});
});

test('write_document replace writes only the new text, without downloading the old', async (t) => {
  const fake = await fakeWord(t);
  fake.graph.route(`GET ${V1}/me/drive/items/D1`, { body: doc('D1', 'Plan.docx') });
  fake.graph.route(`PUT ${V1}/me/drive/items/D1/content`, { body: doc('D1', 'Plan.docx') });
  const client = await connect(word, { credentials });

  const result = await client.callTool({
    name: 'write_document',
    arguments: { file_id: 'D1', content: 'Only this.', mode: 'replace' },
  });

  assert.equal((result.structuredContent as { appended: boolean }).appended, false);
  assert.equal(fake.downloads.length, 0);
  const put = fake.raw.find((r) => r.method === 'PUT') ?? assert.fail('no upload');
  assert.equal((await docxToMarkdown(put.bytes)).markdown, 'Only this.');
});

test('write_document will not append to a document with images, which rewriting would drop', async (t) => {
  const fake = await fakeWord(t);
  const { Document, ImageRun, Packer, Paragraph } = await import('docx');
  const png = Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
    'base64',
  );
  const withImage = await Packer.toBuffer(
    new Document({
      sections: [
        {
          children: [
            new Paragraph({
              children: [new ImageRun({ type: 'png', data: png, transformation: { width: 10, height: 10 } })],
            }),
          ],
        },
      ],
    }),
  );
  fake.graph.route(`GET ${V1}/me/drive/items/IMG`, { body: doc('IMG', 'Poster.docx') });
  fake.serveFile('IMG', withImage);
  const client = await connect(word, { credentials });

  const result = await client.callTool({
    name: 'write_document',
    arguments: { file_id: 'IMG', content: 'more' },
  });

  assert.equal(
    text(result),
    'Poster.docx holds 1 image(s), which rewriting it would drop; edit it in Word, or use mode replace to write only the new text',
  );
  assert.equal(fake.raw.filter((r) => r.method === 'PUT').length, 0);
});

test('list_documents and search_documents search the drive and keep .docx files', async (t) => {
  const fake = await fakeWord(t);
  fake.graph.route(`GET ${V1}/me/drive/root/search(q='.docx')`, {
    body: graphPage(fake, [doc('A', 'a.docx'), driveItem('B', 'b.xlsx'), doc('C', 'c.docx')]),
  });
  fake.graph.route(`GET ${V1}/me/drive/root/search(q='it''s')`, {
    body: graphPage(fake, [doc('Q', 'quote.docx')]),
  });
  const client = await connect(word, { credentials });

  const listed = await client.callTool({ name: 'list_documents', arguments: {} });
  const found = await client.callTool({ name: 'search_documents', arguments: { query: "it's" } });

  assert.deepEqual(
    (listed.structuredContent as { documents: { id: string }[] }).documents.map((d) => d.id),
    ['A', 'C'],
  );
  assert.deepEqual((found.structuredContent as { count: number }).count, 1);
});

test('download_document gives the pre-authenticated link; delete_document deletes a .docx only', async (t) => {
  const fake = await fakeWord(t);
  fake.graph.route(`GET ${V1}/me/drive/items/D1`, { body: doc('D1', 'Plan.docx') });
  fake.graph.route(`DELETE ${V1}/me/drive/items/D1`, { status: 204, body: '' });
  fake.graph.route(`GET ${V1}/me/drive/items/XL`, { body: driveItem('XL', 'budget.xlsx') });
  const client = await connect(word, { credentials });

  const link = await client.callTool({ name: 'download_document', arguments: { file_id: 'D1' } });
  const deleted = await client.callTool({ name: 'delete_document', arguments: { file_id: 'D1' } });
  const refused = await client.callTool({ name: 'delete_document', arguments: { file_id: 'XL' } });

  assert.equal(
    (link.structuredContent as { url: string }).url,
    'https://public.example/download/D1?tempauth=xyz',
  );
  assert.equal((link.structuredContent as { resource_uri: string }).resource_uri, 'word://file/D1');
  assert.deepEqual(deleted.structuredContent, {
    success: true,
    deleted: true,
    file_id: 'D1',
    name: 'Plan.docx',
  });
  assert.equal(text(refused), 'budget.xlsx is not a Word document (.docx)');
  assert.equal(fake.graph.requests.filter((r) => r.method === 'DELETE').length, 1);
});

test('resources: documents are listed following Graph’s next-page link, and read as Markdown', async (t) => {
  const fake = await fakeWord(t);
  fake.graph.route(`GET ${V1}/me/drive/root/search(q='.docx')`, (req) =>
    req.query.get('$skiptoken')
      ? { body: graphPage(fake, [doc('Z', 'z.docx')]) }
      : {
          body: graphPage(
            fake,
            [doc('D1', 'Plan.docx')],
            "me/drive/root/search(q='.docx')?$top=200&$skiptoken=w2",
          ),
        },
  );
  fake.graph.route(`GET ${V1}/me/drive/items/D1`, { body: doc('D1', 'Plan.docx') });
  fake.serveFile('D1', await markdownToDocx('Hello'));
  const client = await connect(word, { credentials });

  const first = await client.request({ method: 'resources/list', params: {} });
  const read = await client.readResource({ uri: 'word://file/D1' });

  // Fewer than a page of matches on the first page: the search goes on to the next.
  assert.deepEqual(
    first.resources.map((r) => r.uri),
    ['word://file/D1', 'word://file/Z'],
  );
  assert.deepEqual(read.contents, [{ uri: 'word://file/D1', mimeType: 'text/markdown', text: 'Hello' }]);
});
