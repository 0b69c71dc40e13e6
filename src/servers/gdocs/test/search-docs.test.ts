import assert from 'node:assert/strict';
import { test } from 'node:test';
import { connect, text } from '../../../testing/mcp.js';
import { only, query } from '../../gmail/test/google-fake.js';
import gdocs from '../index.js';
import { driveDoc, FILES, fakeDocs } from './fake-docs.js';

const credentials = { access_token: 'ya29.docs' };

test('search_docs asks Drive for Google Docs holding the words, outside the trash, and lists them', async (t) => {
  const fake = await fakeDocs(t, { files: [driveDoc('d1', 'Q3 plan'), driveDoc('d2', 'Q3 budget')] });
  const client = await connect(gdocs, { credentials });

  const result = await client.callTool({ name: 'search_docs', arguments: { query: "Q3 plan's" } });

  assert.equal(result.isError, undefined, text(result));
  const req = only(fake, 'GET', FILES);
  assert.equal(req.headers.authorization, 'Bearer ya29.docs');
  assert.deepEqual(query(req), {
    q: "mimeType = 'application/vnd.google-apps.document' and fullText contains 'Q3 plan\\'s' and trashed = false",
    pageSize: '10',
    fields: 'nextPageToken,files(id,name,modifiedTime,webViewLink)',
  });
  assert.deepEqual(result.structuredContent, {
    query: "Q3 plan's",
    count: 2,
    more: false,
    documents: [
      {
        doc_id: 'd1',
        title: 'Q3 plan',
        modified_time: '2025-05-14T09:42:01.195Z',
        uri: 'gdocs://document/d1',
        url: 'https://docs.google.com/document/d/d1/edit?usp=drivesdk',
      },
      {
        doc_id: 'd2',
        title: 'Q3 budget',
        modified_time: '2025-05-14T09:42:01.195Z',
        uri: 'gdocs://document/d2',
        url: 'https://docs.google.com/document/d/d2/edit?usp=drivesdk',
      },
    ],
  });
  assert.deepEqual(JSON.parse(text(result)), result.structuredContent);
});

test('search_docs follows nextPageToken up to max_results and says more documents match', async (t) => {
  const files = Array.from({ length: 5 }, (_, i) => driveDoc(`d${i}`));
  const fake = await fakeDocs(t, { files, pageSize: 2 });
  const client = await connect(gdocs, { credentials });

  const result = await client.callTool({ name: 'search_docs', arguments: { query: 'x', max_results: 3 } });

  const data = result.structuredContent as { count: number; more: boolean; documents: { doc_id: string }[] };
  assert.deepEqual(
    data.documents.map((d) => d.doc_id),
    ['d0', 'd1', 'd2'],
  );
  assert.equal(data.more, true);
  assert.deepEqual(
    fake.requests.map((r) => [query(r).pageSize, query(r).pageToken]),
    [
      ['3', undefined],
      ['1', 'page-2'],
    ],
  );
});

test('search_docs with no match says so with an empty list', async (t) => {
  await fakeDocs(t);
  const client = await connect(gdocs, { credentials });

  const result = await client.callTool({ name: 'search_docs', arguments: { query: 'nothing' } });

  assert.deepEqual(result.structuredContent, { query: 'nothing', count: 0, more: false, documents: [] });
});
