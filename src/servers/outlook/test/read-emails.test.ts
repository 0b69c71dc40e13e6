import assert from 'node:assert/strict';
import { test } from 'node:test';
import { GRAPH_ERRORS } from '../../../providers/microsoft/test/graph-fake.js';
import { query } from '../../../testing/fake-service.js';
import { connect, text } from '../../../testing/mcp.js';
import outlook from '../index.js';
import { MAX_BODY_CHARS } from '../tools.js';
import { FOLDER_ID, fakeOutlook, ME, mailFolder, message } from './fake-outlook.js';

const credentials = { access_token: 'eyJ0.outlook-read' };
const SELECT =
  'id,subject,from,toRecipients,ccRecipients,receivedDateTime,bodyPreview,isRead,hasAttachments,webLink';

test('read_emails reads the inbox newest first with the fields it shows, and summarizes each email', async (t) => {
  const fake = await fakeOutlook(t, {
    messages: [
      message({
        id: 'm1',
        subject: 'Quarterly report',
        ccRecipients: [{ emailAddress: { name: 'bob@contoso.com', address: 'bob@contoso.com' } }],
        hasAttachments: true,
      }),
    ],
  });
  const client = await connect(outlook, { credentials });

  const result = await client.callTool({ name: 'read_emails', arguments: {} });

  assert.equal(result.isError, undefined, text(result));
  assert.equal(fake.requests.length, 1, 'a well-known folder needs no lookup');
  const [req] = fake.requests;
  assert.equal(req?.path, `${ME}/mailFolders/inbox/messages`);
  assert.equal(req?.headers.authorization, 'Bearer eyJ0.outlook-read');
  assert.equal(req?.headers.prefer, undefined);
  assert.deepEqual(req && query(req), { $select: SELECT, $top: '10', $orderby: 'receivedDateTime desc' });
  assert.deepEqual(result.structuredContent, {
    folder: 'inbox',
    count: 1,
    more: false,
    emails: [
      {
        id: 'm1',
        subject: 'Quarterly report',
        from: 'Ada Lovelace <ada@contoso.com>',
        to: ['Me <me@contoso.com>'],
        cc: ['bob@contoso.com'],
        received: '2025-06-01T09:30:00Z',
        preview: 'Preview of m1',
        is_read: false,
        has_attachments: true,
        web_link: 'https://outlook.office365.com/owa/?ItemID=m1&exvsurl=1&viewmodel=ReadMessageItem',
      },
    ],
  });
});

test('read_emails follows @odata.nextLink as given until it has count emails, and says there are more', async (t) => {
  const fake = await fakeOutlook(t, {
    messages: ['a', 'b', 'c', 'd', 'e'].map((id) => message({ id })),
    pageSize: 2,
  });
  const client = await connect(outlook, { credentials });

  const result = await client.callTool({ name: 'read_emails', arguments: { count: 3 } });

  const data = result.structuredContent as { count: number; more: boolean; emails: { id: string }[] };
  assert.deepEqual(
    data.emails.map((e) => e.id),
    ['a', 'b', 'c'],
  );
  assert.equal(data.more, true);
  assert.deepEqual(
    fake.requests.map((r) => [r.query.get('$top'), r.query.get('$skip'), r.headers.authorization]),
    [
      ['3', null, 'Bearer eyJ0.outlook-read'],
      ['3', '2', 'Bearer eyJ0.outlook-read'],
    ],
  );
});

test('a filter keeps newest-first order by leading with receivedDateTime, as Graph requires', async (t) => {
  const fake = await fakeOutlook(t);
  const client = await connect(outlook, { credentials });

  await client.callTool({ name: 'read_emails', arguments: { filter: 'isRead eq false', count: 5 } });

  assert.deepEqual(fake.requests[0] && query(fake.requests[0]), {
    $select: SELECT,
    $top: '5',
    $filter: 'receivedDateTime ge 1900-01-01T00:00:00Z and (isRead eq false)',
    $orderby: 'receivedDateTime desc',
  });
});

test('a search is sent quoted, without $orderby (Graph refuses the two together)', async (t) => {
  const fake = await fakeOutlook(t);
  const client = await connect(outlook, { credentials });

  await client.callTool({ name: 'read_emails', arguments: { search: 'subject:"Q3 plan" from:ada' } });

  assert.deepEqual(fake.requests[0] && query(fake.requests[0]), {
    $select: SELECT,
    $top: '10',
    $search: '"subject:\\"Q3 plan\\" from:ada"',
  });
});

test('include_body asks Graph for text bodies and trims a long one', async (t) => {
  const long = 'x'.repeat(MAX_BODY_CHARS + 5);
  const fake = await fakeOutlook(t, {
    messages: [
      message({ id: 'short', body: { contentType: 'text', content: 'Hello\r\nAda' } }),
      message({ id: 'long', body: { contentType: 'text', content: long } }),
    ],
  });
  const client = await connect(outlook, { credentials });

  const result = await client.callTool({ name: 'read_emails', arguments: { include_body: true } });

  const [req] = fake.requests;
  assert.equal(req?.headers.prefer, 'outlook.body-content-type="text"');
  assert.equal(req?.query.get('$select'), `${SELECT},body`);
  const emails = (result.structuredContent as { emails: { body?: string; body_truncated?: boolean }[] })
    .emails;
  assert.deepEqual(emails[0] && [emails[0].body, emails[0].body_truncated], ['Hello\r\nAda', false]);
  assert.deepEqual(emails[1] && [emails[1].body?.length, emails[1].body_truncated], [MAX_BODY_CHARS, true]);
});

test('a folder named by its display name is found among the mail folders, in any case', async (t) => {
  const fake = await fakeOutlook(t, {
    folders: [
      mailFolder({ id: 'AAMkF1', displayName: 'Inbox' }),
      mailFolder({ id: FOLDER_ID, displayName: 'Receipts' }),
    ],
    pageSize: 1,
  });
  fake.route(`GET ${ME}/mailFolders/${FOLDER_ID}/messages`, { body: { value: [message({ id: 'r1' })] } });
  const client = await connect(outlook, { credentials });

  const result = await client.callTool({ name: 'read_emails', arguments: { folder: 'receipts' } });

  assert.equal(result.isError, undefined, text(result));
  assert.deepEqual(
    fake.requests.map((r) => `${r.path} ${r.query.get('$skip') ?? ''}`.trim()),
    [`${ME}/mailFolders`, `${ME}/mailFolders 1`, `${ME}/mailFolders/${FOLDER_ID}/messages`],
  );
  assert.equal((result.structuredContent as { folder: string }).folder, 'receipts');
});

test('an unknown folder is named in the error, whether no folder has its name or Graph has no such id', async (t) => {
  const fake = await fakeOutlook(t, { folders: [mailFolder({ id: 'AAMkF1', displayName: 'Inbox' })] });
  fake.route(`GET ${ME}/mailFolders/${FOLDER_ID}/messages`, { status: 404, body: GRAPH_ERRORS.notFound });
  const client = await connect(outlook, { credentials });

  const byName = await client.callTool({ name: 'read_emails', arguments: { folder: 'Nope' } });
  const byId = await client.callTool({ name: 'read_emails', arguments: { folder: FOLDER_ID } });

  assert.equal(byName.isError, true);
  assert.equal(text(byName), 'Mail folder not found: Nope');
  assert.equal(text(byId), `Mail folder not found: ${FOLDER_ID}`);
  assert.deepEqual(
    fake.requests.map((r) => r.path),
    [`${ME}/mailFolders`, `${ME}/mailFolders/${FOLDER_ID}/messages`],
  );
});

test('a wrong count is refused before Graph is called, naming the argument', async (t) => {
  const fake = await fakeOutlook(t);
  const client = await connect(outlook, { credentials });

  const result = await client.callTool({ name: 'read_emails', arguments: { count: 0 } });

  assert.equal(result.isError, true);
  assert.match(text(result), /^Invalid arguments for tool read_emails: count: /);
  assert.equal(fake.requests.length, 0);
});
