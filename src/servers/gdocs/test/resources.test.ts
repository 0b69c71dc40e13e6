import assert from 'node:assert/strict';
import { test } from 'node:test';
import { connect } from '../../../testing/mcp.js';
import { only, query } from '../../gmail/test/google-fake.js';
import gdocs from '../index.js';
import { DOCUMENT_PAGE_SIZE } from '../resources.js';
import { DOCS, driveDoc, FILES, fakeDocs } from './fake-docs.js';

const credentials = { access_token: 'ya29.res' };

test('resources/list walks the user’s Google Docs with Drive’s page tokens, newest first', async (t) => {
  const fake = await fakeDocs(t, {
    files: [driveDoc('d1', 'Plan'), driveDoc('d2', 'Notes'), driveDoc('d3', 'Budget')],
    pageSize: 2,
  });
  const client = await connect(gdocs, { credentials });

  const first = await client.request({ method: 'resources/list', params: {} });
  const second = await client.listResources({ cursor: first.nextCursor });

  assert.deepEqual(first.resources, [
    { uri: 'gdocs://document/d1', name: 'Plan', mimeType: 'text/plain' },
    { uri: 'gdocs://document/d2', name: 'Notes', mimeType: 'text/plain' },
  ]);
  assert.deepEqual(
    second.resources.map((r) => r.uri),
    ['gdocs://document/d3'],
  );
  assert.equal(second.nextCursor, undefined);
  const lists = fake.requests.filter((r) => r.path === FILES);
  const common = {
    q: "mimeType = 'application/vnd.google-apps.document' and trashed = false",
    orderBy: 'modifiedTime desc',
    pageSize: String(DOCUMENT_PAGE_SIZE),
    fields: 'nextPageToken,files(id,name,modifiedTime,webViewLink)',
  };
  assert.deepEqual(lists.map(query), [common, { ...common, pageToken: 'page-2' }]);
  for (const r of lists) assert.equal(r.headers.authorization, 'Bearer ya29.res');
});

test('resources/read gives the document’s text as text/plain', async (t) => {
  const fake = await fakeDocs(t, { docs: [{ id: 'd1', title: 'Plan', text: 'Goals\nShip it\n' }] });
  const client = await connect(gdocs, { credentials });

  const result = await client.readResource({ uri: 'gdocs://document/d1' });

  assert.deepEqual(result.contents, [
    { uri: 'gdocs://document/d1', mimeType: 'text/plain', text: 'Goals\nShip it\n' },
  ]);
  assert.equal(only(fake, 'GET', `${DOCS}/d1`).headers.authorization, 'Bearer ya29.res');
});

test('resources/read of an unknown document names it', async (t) => {
  await fakeDocs(t);
  const client = await connect(gdocs, { credentials });

  await assert.rejects(
    client.readResource({ uri: 'gdocs://document/missing' }),
    /Document not found: missing/,
  );
});
