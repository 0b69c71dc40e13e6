import assert from 'node:assert/strict';
import { test } from 'node:test';
import { connect } from '../../../testing/mcp.js';
import type { GmailLabel } from '../api.js';
import gmail from '../index.js';
import { LABEL_MESSAGES, LABEL_PAGE_SIZE } from '../resources.js';
import { BASE, type FixtureMail, fakeGmail } from './fake-gmail.js';
import { only, query } from './google-fake.js';

const credentials = { access_token: 'ya29.res' };

/** More labels than one page holds, named so their sorted order is known. */
const labels: GmailLabel[] = [
  { id: 'INBOX', name: 'INBOX', type: 'system', messagesTotal: 12, messagesUnread: 3 },
  ...Array.from({ length: LABEL_PAGE_SIZE + 1 }, (_, i) => ({
    id: `Label_${i + 1}`,
    name: `Topic ${String(i + 1).padStart(3, '0')}`,
    type: 'user' as const,
  })),
];

test('resources/list pages through every label, 50 to a page, with gmail://label URIs', async (t) => {
  const fake = await fakeGmail(t, { labels });
  const client = await connect(gmail, { credentials });

  // One page at a time: listResources() without a cursor would walk them all.
  const first = await client.request({ method: 'resources/list', params: {} });
  assert.equal(first.resources.length, LABEL_PAGE_SIZE);
  assert.deepEqual(first.resources[0], {
    uri: 'gmail://label/INBOX',
    name: 'INBOX',
    description: 'System label INBOX',
    mimeType: 'application/json',
  });
  assert.equal(first.resources[1]?.uri, 'gmail://label/Label_1');
  assert.ok(first.nextCursor, 'a second page is announced');

  const second = await client.listResources({ cursor: first.nextCursor });
  assert.deepEqual(
    second.resources.map((r) => [r.uri, r.name]),
    [
      [`gmail://label/Label_${LABEL_PAGE_SIZE}`, `Topic 0${LABEL_PAGE_SIZE}`],
      [`gmail://label/Label_${LABEL_PAGE_SIZE + 1}`, `Topic 0${LABEL_PAGE_SIZE + 1}`],
    ],
  );
  assert.equal(second.nextCursor, undefined);
  assert.equal(
    (await client.listResources()).resources.length,
    labels.length,
    'a client walking pages gets all',
  );

  const lists = fake.requests.filter((r) => r.path === `${BASE}/labels`);
  assert.equal(lists.length, 4, 'each page reads labels.list');
  for (const r of lists) {
    assert.equal(r.headers.authorization, 'Bearer ya29.res');
    assert.deepEqual(query(r), {});
  }
});

test('the label template is advertised', async (t) => {
  await fakeGmail(t);
  const client = await connect(gmail, { credentials });

  const { resourceTemplates } = await client.listResourceTemplates();

  assert.deepEqual(
    resourceTemplates.map((r) => r.uriTemplate),
    ['gmail://label/{label_id}'],
  );
});

test('resources/read of a label gives its counts and latest messages', async (t) => {
  const inbox: FixtureMail[] = Array.from({ length: LABEL_MESSAGES + 2 }, (_, i) => ({
    id: `m${i}`,
    threadId: `t${i}`,
    labelIds: i === 0 ? ['INBOX', 'UNREAD'] : ['INBOX'],
    from: `sender${i}@example.com`,
    subject: `Subject ${i}`,
    date: 'Wed, 15 May 2025 08:00:00 +0000',
    text: `Body ${i}`,
  }));
  const fake = await fakeGmail(t, { labels, messages: inbox });
  const client = await connect(gmail, { credentials });

  const result = await client.readResource({ uri: 'gmail://label/INBOX' });

  const content = result.contents[0] as { uri: string; mimeType: string; text: string };
  assert.equal(content.uri, 'gmail://label/INBOX');
  assert.equal(content.mimeType, 'application/json');
  const data = JSON.parse(content.text) as { label: object; messages: Record<string, unknown>[] };
  assert.deepEqual(data.label, {
    id: 'INBOX',
    name: 'INBOX',
    type: 'system',
    messagesTotal: 12,
    messagesUnread: 3,
  });
  assert.equal(data.messages.length, LABEL_MESSAGES);
  assert.deepEqual(data.messages[0], {
    id: 'm0',
    threadId: 't0',
    subject: 'Subject 0',
    from: 'sender0@example.com',
    date: 'Wed, 15 May 2025 08:00:00 +0000',
    snippet: 'Body 0',
    unread: true,
  });

  only(fake, 'GET', `${BASE}/labels/INBOX`);
  assert.deepEqual(query(only(fake, 'GET', `${BASE}/messages`)), {
    labelIds: 'INBOX',
    maxResults: String(LABEL_MESSAGES),
  });
  assert.deepEqual(query(only(fake, 'GET', `${BASE}/messages/m0`)), {
    format: 'metadata',
    metadataHeaders: ['Subject', 'From', 'Date'],
  });
});

test('resources/read of an unknown label is an error naming it', async (t) => {
  await fakeGmail(t, { labels });
  const client = await connect(gmail, { credentials });

  await assert.rejects(client.readResource({ uri: 'gmail://label/Label_999' }), /Label not found: Label_999/);
});
