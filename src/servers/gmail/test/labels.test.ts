import assert from 'node:assert/strict';
import { test } from 'node:test';
import { connect, text } from '../../../testing/mcp.js';
import type { GmailLabel } from '../api.js';
import gmail from '../index.js';
import { BASE, type FixtureMail, fakeGmail } from './fake-gmail.js';
import { only } from './google-fake.js';

const credentials = { access_token: 'ya29.labels' };
const mail: FixtureMail = {
  id: 'm1',
  threadId: 't1',
  labelIds: ['INBOX', 'UNREAD'],
  subject: 's',
  text: 'x',
};
const labels: GmailLabel[] = [
  { id: 'INBOX', name: 'INBOX', type: 'system' },
  {
    id: 'Label_7',
    name: 'Projects',
    type: 'user',
    messageListVisibility: 'show',
    labelListVisibility: 'labelShow',
  },
];

/** Each one-message relabelling tool: the request Gmail gets and the labels that result. */
const cases = [
  {
    tool: 'archive_email',
    path: 'modify',
    body: { addLabelIds: [], removeLabelIds: ['INBOX'] },
    after: ['UNREAD'],
  },
  {
    tool: 'star_email',
    path: 'modify',
    body: { addLabelIds: ['STARRED'], removeLabelIds: [] },
    after: ['INBOX', 'UNREAD', 'STARRED'],
  },
  {
    tool: 'unstar_email',
    path: 'modify',
    body: { addLabelIds: [], removeLabelIds: ['STARRED'] },
    after: ['INBOX', 'UNREAD'],
  },
  { tool: 'trash_email', path: 'trash', body: undefined, after: ['UNREAD', 'TRASH'] },
] as const;

for (const c of cases) {
  test(`${c.tool} posts to messages/{id}/${c.path} and returns the message's labels`, async (t) => {
    const fake = await fakeGmail(t, { messages: [mail] });
    const client = await connect(gmail, { credentials });

    const result = await client.callTool({ name: c.tool, arguments: { email_id: 'm1' } });

    assert.equal(result.isError, undefined, text(result));
    assert.deepEqual(result.structuredContent, { id: 'm1', threadId: 't1', labelIds: c.after });
    const req = only(fake, 'POST', `${BASE}/messages/m1/${c.path}`);
    assert.deepEqual(req.body, c.body);
    assert.equal(req.headers.authorization, 'Bearer ya29.labels');
    assert.equal(fake.requests.length, 1);
  });
}

test('update_email adds and removes labels, looking names up once and passing ids through', async (t) => {
  const fake = await fakeGmail(t, { messages: [mail], labels });
  const client = await connect(gmail, { credentials });

  const result = await client.callTool({
    name: 'update_email',
    arguments: { email_id: 'm1', add_labels: ['projects', 'IMPORTANT'], remove_labels: ['UNREAD'] },
  });

  assert.equal(result.isError, undefined, text(result));
  assert.deepEqual(result.structuredContent, {
    id: 'm1',
    threadId: 't1',
    labelIds: ['INBOX', 'Label_7', 'IMPORTANT'],
  });
  only(fake, 'GET', `${BASE}/labels`);
  assert.deepEqual(only(fake, 'POST', `${BASE}/messages/m1/modify`).body, {
    addLabelIds: ['Label_7', 'IMPORTANT'],
    removeLabelIds: ['UNREAD'],
  });
});

test('update_email with ids only does not list labels', async (t) => {
  const fake = await fakeGmail(t, { messages: [mail], labels });
  const client = await connect(gmail, { credentials });

  await client.callTool({ name: 'update_email', arguments: { email_id: 'm1', remove_labels: ['UNREAD'] } });

  assert.deepEqual(
    fake.requests.map((r) => `${r.method} ${r.path}`),
    [`POST ${BASE}/messages/m1/modify`],
  );
});

test('update_email names an unknown label and changes nothing', async (t) => {
  const fake = await fakeGmail(t, { messages: [mail], labels });
  const client = await connect(gmail, { credentials });

  const result = await client.callTool({
    name: 'update_email',
    arguments: { email_id: 'm1', add_labels: ['Nope'] },
  });

  assert.equal(result.isError, true);
  assert.equal(text(result), 'Label not found: Nope');
  assert.equal(fake.requests.filter((r) => r.method === 'POST').length, 0);
});

test('update_email without any change is refused before calling Gmail', async (t) => {
  const fake = await fakeGmail(t, { messages: [mail] });
  const client = await connect(gmail, { credentials });

  const result = await client.callTool({ name: 'update_email', arguments: { email_id: 'm1' } });

  assert.equal(result.isError, true);
  assert.match(text(result), /Nothing to change/);
  assert.equal(fake.requests.length, 0);
});

test('create_label creates a visible label, pairing a lone background colour with a text colour', async (t) => {
  const fake = await fakeGmail(t);
  const client = await connect(gmail, { credentials });

  const result = await client.callTool({
    name: 'create_label',
    arguments: { name: 'Receipts/2025', background_color: '#4a86e8' },
  });

  const sent = {
    name: 'Receipts/2025',
    messageListVisibility: 'show',
    labelListVisibility: 'labelShow',
    color: { backgroundColor: '#4a86e8', textColor: '#000000' },
  };
  assert.equal(result.isError, undefined, text(result));
  assert.deepEqual(result.structuredContent, { id: 'Label_42', type: 'user', ...sent });
  const req = only(fake, 'POST', `${BASE}/labels`);
  assert.deepEqual(req.body, sent);
  assert.equal(req.headers.authorization, 'Bearer ya29.labels');
});

test('create_label without colours sends none, and rejects a colour that is not hex', async (t) => {
  const fake = await fakeGmail(t);
  const client = await connect(gmail, { credentials });

  await client.callTool({ name: 'create_label', arguments: { name: 'Plain' } });
  const bad = await client.callTool({ name: 'create_label', arguments: { name: 'Red', text_color: 'red' } });

  assert.deepEqual(only(fake, 'POST', `${BASE}/labels`).body, {
    name: 'Plain',
    messageListVisibility: 'show',
    labelListVisibility: 'labelShow',
  });
  assert.equal(bad.isError, true);
  assert.match(text(bad), /text_color: use a hex colour/);
});
