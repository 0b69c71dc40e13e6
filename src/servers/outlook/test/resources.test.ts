import assert from 'node:assert/strict';
import { test } from 'node:test';
import { GRAPH_ERRORS } from '../../../providers/microsoft/test/graph-fake.js';
import { query } from '../../../testing/fake-service.js';
import { connect } from '../../../testing/mcp.js';
import outlook from '../index.js';
import { FOLDER_PAGE_SIZE, RECENT_MESSAGES } from '../resources.js';
import { FOLDER_ID, fakeOutlook, ME, mailFolder, message } from './fake-outlook.js';

const credentials = { access_token: 'eyJ0.outlook-res' };

test('resources/list walks the mail folders a page at a time, the cursor being Graph’s nextLink', async (t) => {
  const fake = await fakeOutlook(t, {
    folders: [
      mailFolder({ id: 'AAMkInbox', displayName: 'Inbox', totalItemCount: 12, unreadItemCount: 3 }),
      mailFolder({ id: 'AAMkSent', displayName: 'Sent Items' }),
      mailFolder({ id: FOLDER_ID, displayName: 'Receipts' }),
    ],
    pageSize: 2,
  });
  const client = await connect(outlook, { credentials });

  const first = await client.request({ method: 'resources/list', params: {} });
  const second = await client.listResources({ cursor: first.nextCursor as string });

  assert.deepEqual(first.resources, [
    {
      uri: 'outlook://folder/AAMkInbox',
      name: 'Inbox',
      description: '12 messages, 3 unread',
      mimeType: 'application/json',
    },
    {
      uri: 'outlook://folder/AAMkSent',
      name: 'Sent Items',
      description: '2 messages, 1 unread',
      mimeType: 'application/json',
    },
  ]);
  assert.deepEqual(
    second.resources.map((r) => r.uri),
    [`outlook://folder/${encodeURIComponent(FOLDER_ID)}`],
  );
  assert.equal(second.nextCursor, undefined);
  assert.deepEqual(
    fake.requests.map((r) => [r.path, query(r), r.headers.authorization]),
    [
      [`${ME}/mailFolders`, { $top: String(FOLDER_PAGE_SIZE) }, 'Bearer eyJ0.outlook-res'],
      [`${ME}/mailFolders`, { $top: String(FOLDER_PAGE_SIZE), $skip: '2' }, 'Bearer eyJ0.outlook-res'],
    ],
  );
});

test('a cursor leading to another host is refused, and the token goes nowhere', async (t) => {
  const fake = await fakeOutlook(t);
  const client = await connect(outlook, { credentials });
  // The host wraps each template's cursor; a forged one holds a link of the attacker's choosing.
  const forged = Buffer.from(
    JSON.stringify({ t: 0, c: 'https://evil.example/v1.0/me/mailFolders' }),
  ).toString('base64url');

  await assert.rejects(client.listResources({ cursor: forged }), /next-page link to another host/);
  assert.equal(fake.requests.length, 0);
});

test('resources/read of a folder gives its counts and its most recent messages', async (t) => {
  const fake = await fakeOutlook(t, {
    folders: [mailFolder({ id: 'inbox', displayName: 'Inbox', totalItemCount: 40, unreadItemCount: 2 })],
    messages: Array.from({ length: RECENT_MESSAGES + 1 }, (_, i) => message({ id: `m${i}` })),
    pageSize: RECENT_MESSAGES,
  });
  const client = await connect(outlook, { credentials });

  const result = await client.readResource({ uri: 'outlook://folder/inbox' });

  const content = result.contents[0] as { mimeType: string; text: string };
  assert.equal(content.mimeType, 'application/json');
  const data = JSON.parse(content.text) as { folder: object; recent: { id: string }[]; more: boolean };
  assert.deepEqual(data.folder, { id: 'inbox', name: 'Inbox', total: 40, unread: 2, child_folders: 0 });
  assert.equal(data.recent.length, RECENT_MESSAGES);
  assert.equal(data.more, true);
  const list = fake.requests.find((r) => r.path === `${ME}/mailFolders/inbox/messages`);
  assert.equal(list?.query.get('$top'), String(RECENT_MESSAGES));
  assert.equal(list?.query.get('$orderby'), 'receivedDateTime desc');
});

test('resources/read of an unknown folder names it', async (t) => {
  const fake = await fakeOutlook(t);
  fake.route(`GET ${ME}/mailFolders/gone`, { status: 404, body: GRAPH_ERRORS.notFound });
  const client = await connect(outlook, { credentials });

  await assert.rejects(client.readResource({ uri: 'outlook://folder/gone' }), /Mail folder not found: gone/);
});
