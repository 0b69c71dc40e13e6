import assert from 'node:assert/strict';
import { test } from 'node:test';
import { connect, text } from '../../../testing/mcp.js';
import gmail from '../index.js';
import { BASE, type FixtureMail, fakeGmail } from './fake-gmail.js';
import { query } from './google-fake.js';

const credentials = { access_token: 'ya29.token-1' };

const mails: FixtureMail[] = [
  {
    id: 'm1',
    threadId: 't1',
    labelIds: ['INBOX', 'UNREAD'],
    from: 'Ada <ada@example.com>',
    to: 'me@example.com',
    subject: 'Invoice 42',
    date: 'Mon, 13 May 2025 10:00:00 +0000',
    text: 'Please find the invoice attached. Déjà vu.',
    html: '<p>Please find the invoice attached.</p>',
    attachments: [
      { filename: 'invoice.pdf', mimeType: 'application/pdf', attachmentId: 'att-1', content: '%PDF-1.4' },
    ],
  },
  { id: 'm2', from: 'bob@example.com', subject: 'HTML only', html: '<p>Hello<br>there &amp; you</p>' },
  { id: 'm3', from: 'carol@example.com', subject: 'Third', text: 'three' },
];

test('read_emails searches, follows pages up to max_results, and decodes each email', async (t) => {
  const fake = await fakeGmail(t, { messages: mails, pageSize: 2 });
  const client = await connect(gmail, { credentials });

  const result = await client.callTool({
    name: 'read_emails',
    arguments: { query: 'is:unread', max_results: 3 },
  });

  assert.equal(result.isError, undefined, text(result));
  const data = result.structuredContent as {
    count: number;
    more: boolean;
    emails: Record<string, unknown>[];
  };
  assert.equal(data.count, 3);
  assert.equal(data.more, false);
  assert.deepEqual(data.emails[0], {
    id: 'm1',
    threadId: 't1',
    labelIds: ['INBOX', 'UNREAD'],
    subject: 'Invoice 42',
    from: 'Ada <ada@example.com>',
    to: 'me@example.com',
    date: 'Mon, 13 May 2025 10:00:00 +0000',
    body: 'Please find the invoice attached. Déjà vu.',
    attachments: [
      { partId: '1', filename: 'invoice.pdf', mimeType: 'application/pdf', attachmentId: 'att-1', size: 8 },
    ],
    hasAttachments: true,
  });
  assert.equal(data.emails[1]?.body, 'Hello\nthere & you', 'HTML-only mail is read without tags');
  assert.deepEqual(JSON.parse(text(result)), data, 'the text block carries the same JSON');

  const lists = fake.requests.filter((r) => r.path === `${BASE}/messages`);
  assert.deepEqual(lists.map(query), [
    { q: 'is:unread', maxResults: '3' },
    { q: 'is:unread', maxResults: '1', pageToken: 'page-2' },
  ]);
  const gets = fake.requests.filter((r) => r.path.startsWith(`${BASE}/messages/`));
  assert.deepEqual(
    gets.map((r) => [r.method, r.path, query(r)]),
    ['m1', 'm2', 'm3'].map((id) => ['GET', `${BASE}/messages/${id}`, { format: 'full' }]),
  );
  for (const r of fake.requests) assert.equal(r.headers.authorization, 'Bearer ya29.token-1');
});

test('read_emails stops at max_results and says more emails match', async (t) => {
  const fake = await fakeGmail(t, { messages: mails, pageSize: 2 });
  const client = await connect(gmail, { credentials });

  const result = await client.callTool({
    name: 'read_emails',
    arguments: { query: 'in:inbox', max_results: 2 },
  });

  const data = result.structuredContent as { count: number; more: boolean; emails: { id: string }[] };
  assert.deepEqual(
    data.emails.map((e) => e.id),
    ['m1', 'm2'],
  );
  assert.equal(data.more, true);
  assert.equal(
    fake.requests.filter((r) => r.path === `${BASE}/messages`).length,
    1,
    'no page beyond the bound',
  );
});

test('read_emails with no match returns an empty list', async (t) => {
  const fake = await fakeGmail(t, { messages: [] });
  const client = await connect(gmail, { credentials });

  const result = await client.callTool({ name: 'read_emails', arguments: { query: 'from:nobody' } });

  assert.deepEqual(result.structuredContent, { count: 0, more: false, emails: [] });
  assert.deepEqual(query(fake.requests[0] ?? assert.fail('no request')), {
    q: 'from:nobody',
    maxResults: '10',
  });
  assert.equal(fake.requests.length, 1);
});

test('read_emails rejects a max_results beyond its bound before calling Gmail', async (t) => {
  const fake = await fakeGmail(t);
  const client = await connect(gmail, { credentials });

  const result = await client.callTool({ name: 'read_emails', arguments: { query: 'x', max_results: 1000 } });

  assert.equal(result.isError, true);
  assert.match(text(result), /max_results/);
  assert.equal(fake.requests.length, 0);
});
