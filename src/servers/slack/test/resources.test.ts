import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FakeChannel } from './fake-slack.js';
import { queryOf, readCall, setup } from './harness.js';

test('channels are listed as resources, one conversations.list page per resources/list page', async (t) => {
  const { slack, client } = await setup(t);
  // 3 active seeded channels + 117 more = 120 active: two pages of Slack's 100.
  for (let i = 0; i < 117; i++) {
    const base = slack.workspace.channels[1] as FakeChannel;
    slack.workspace.channels.push({ ...base, id: `C9${String(i).padStart(4, '0')}`, name: `team-${i}` });
  }

  // One resources/list page is one conversations.list page; its cursor leads to the next.
  const first = await client.request({ method: 'resources/list', params: {} });
  assert.equal(first.resources.length, 100);
  assert.ok(first.nextCursor, 'a cursor to the second page');
  assert.deepEqual(first.resources[0], {
    uri: 'slack://channel/C01GENERAL',
    name: '#general',
    description: 'Public Slack channel #general',
    mimeType: 'application/json',
  });
  assert.equal(first.resources[2]?.description, 'Private Slack channel #secret-plans');
  assert.equal(
    first.resources.some((r) => r.uri === 'slack://channel/C04OLD'),
    false,
    'archived channels are left out',
  );
  assert.deepEqual(queryOf(readCall(slack, 'conversations.list')), {
    types: 'public_channel,private_channel',
    exclude_archived: 'true',
    limit: '100',
  });

  const second = await client.request({ method: 'resources/list', params: { cursor: first.nextCursor } });
  assert.equal(second.resources.length, 20);
  assert.equal(second.nextCursor, undefined);
  assert.equal(second.resources.at(-1)?.name, '#team-116');
  const pages = slack.calls('conversations.list').map(queryOf);
  assert.equal(pages.length, 2);
  assert.equal(pages[1]?.cursor, Buffer.from('offset:100').toString('base64'), "Slack's own next_cursor");
});

test('a client listing every resource walks all the pages', async (t) => {
  const { slack, client } = await setup(t);
  for (let i = 0; i < 150; i++) {
    const base = slack.workspace.channels[1] as FakeChannel;
    slack.workspace.channels.push({ ...base, id: `C9${String(i).padStart(4, '0')}`, name: `team-${i}` });
  }
  const { resources } = await client.listResources();
  assert.equal(resources.length, 153);
  assert.equal(new Set(resources.map((r) => r.uri)).size, 153, 'no channel twice');
  assert.equal(slack.calls('conversations.list').length, 2);
});

test('the channel template is advertised', async (t) => {
  const { client } = await setup(t);
  const { resourceTemplates } = await client.listResourceTemplates();
  assert.deepEqual(
    resourceTemplates.map((r) => [r.uriTemplate, r.mimeType]),
    [['slack://channel/{channel_id}', 'application/json']],
  );
});

test('reading a channel resource gives its last 50 messages, oldest first, as JSON', async (t) => {
  const { slack, client } = await setup(t);
  const { contents } = await client.readResource({ uri: 'slack://channel/C01GENERAL' });

  assert.deepEqual(queryOf(readCall(slack, 'conversations.history')), { channel: 'C01GENERAL', limit: '50' });
  assert.equal(contents.length, 1);
  const [content] = contents as [{ uri: string; mimeType?: string; text: string }];
  assert.equal(content.uri, 'slack://channel/C01GENERAL');
  assert.equal(content.mimeType, 'application/json');
  const messages = JSON.parse(content.text) as { text: string; user_name?: string }[];
  assert.deepEqual(
    messages.map((m) => [m.text, m.user_name]),
    [
      ['Lunch?', 'Alice Archer'],
      ['Release notes are out', 'Bob Baker'],
      ['Deploy finished', undefined],
      ['Posted by the app', 'guMCP'],
    ],
  );
});

test('reading an unknown channel is an error naming the channel', async (t) => {
  const { client } = await setup(t);
  await assert.rejects(client.readResource({ uri: 'slack://channel/C404' }), /Channel not found: C404/);
});
