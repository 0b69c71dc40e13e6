import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FakeMessage } from './fake-slack.js';
import { callOk, queryOf, readCall, setup } from './harness.js';

interface Messages {
  channel: string;
  messages: { ts: string; text?: string; user?: string; user_name?: string; reply_count?: number }[];
  has_more: boolean;
}

test('read_messages returns the top-level messages oldest first, with their authors named', async (t) => {
  const { slack, client } = await setup(t);
  const result = await callOk<Messages>(client, 'read_messages', { channel: 'C01GENERAL' });

  assert.deepEqual(queryOf(readCall(slack, 'conversations.history')), { channel: 'C01GENERAL', limit: '20' });
  assert.equal(result.channel, 'C01GENERAL');
  assert.equal(result.has_more, false);
  assert.deepEqual(
    result.messages.map((m) => [m.ts, m.text, m.user_name]),
    [
      ['1700000000.000100', 'Lunch?', 'Alice Archer'],
      ['1700000100.000000', 'Release notes are out', 'Bob Baker'],
      ['1700000200.000000', 'Deploy finished', undefined],
      ['1700000300.000000', 'Posted by the app', 'guMCP'],
    ],
  );
  assert.equal(result.messages[0]?.reply_count, 2);
  // One users.info per distinct author, each a GET with the token.
  const looked = slack.calls('users.info').map((c) => c.query.get('user'));
  assert.deepEqual(looked.sort(), ['U01ALICE', 'U02BOB', 'U0BOT']);
  for (const call of slack.calls('users.info')) assert.equal(call.authorization, 'Bearer fake-test-token');
});

test('read_messages follows next_cursor across pages up to the limit and says more are left', async (t) => {
  const { slack, client } = await setup(t);
  const random = slack.workspace.channels.find((c) => c.id === 'C02RANDOM');
  assert.ok(random);
  random.messages = Array.from(
    { length: 250 },
    (_, i): FakeMessage => ({
      type: 'message',
      ts: `${1_700_100_000 + i}.000000`,
      user: 'U01ALICE',
      text: `m${i}`,
    }),
  );

  const result = await callOk<Messages>(client, 'read_messages', { channel: 'C02RANDOM', limit: 230 });

  const pages = slack.calls('conversations.history').map(queryOf);
  assert.equal(pages.length, 2);
  assert.deepEqual(pages[0], { channel: 'C02RANDOM', limit: '200' });
  assert.equal(pages[1]?.limit, '30', 'the second page asks only for what is missing');
  assert.equal(
    pages[1]?.cursor,
    Buffer.from('offset:200').toString('base64'),
    "the cursor is Slack's next_cursor",
  );
  assert.equal(result.messages.length, 230);
  assert.equal(result.messages[0]?.text, 'm20', 'the newest 230 of 250, oldest first');
  assert.equal(result.messages.at(-1)?.text, 'm249');
  assert.equal(result.has_more, true);
  assert.equal(slack.calls('users.info').length, 1, 'one lookup per distinct author, not per message');
});

test('read_messages resolves a #name and passes the time range as oldest/latest, inclusive', async (t) => {
  const { slack, client } = await setup(t);
  const result = await callOk<Messages>(client, 'read_messages', {
    channel: '#general',
    start_timestamp: '1700000100.000000',
    end_timestamp: '1700000200.000000',
  });

  assert.deepEqual(queryOf(readCall(slack, 'conversations.list')), {
    types: 'public_channel,private_channel',
    limit: '200',
  });
  assert.deepEqual(queryOf(readCall(slack, 'conversations.history')), {
    channel: 'C01GENERAL',
    oldest: '1700000100.000000',
    latest: '1700000200.000000',
    inclusive: 'true',
    limit: '20',
  });
  assert.equal(result.channel, 'C01GENERAL');
  assert.deepEqual(
    result.messages.map((m) => m.text),
    ['Release notes are out', 'Deploy finished'],
  );
});

test('a bare lowercase channel name is resolved like a #name', async (t) => {
  const { slack, client } = await setup(t);
  const result = await callOk<Messages>(client, 'read_messages', { channel: 'random' });
  assert.equal(slack.calls('conversations.list').length, 1);
  assert.equal(readCall(slack, 'conversations.history').query.get('channel'), 'C02RANDOM');
  assert.equal(result.channel, 'C02RANDOM');
});

test('get_message_thread returns the parent then the replies, with names', async (t) => {
  const { slack, client } = await setup(t);
  const result = await callOk<Messages & { thread_ts: string }>(client, 'get_message_thread', {
    channel: 'C01GENERAL',
    thread_ts: '1700000000.000100',
    limit: 10,
  });

  assert.deepEqual(queryOf(readCall(slack, 'conversations.replies')), {
    channel: 'C01GENERAL',
    ts: '1700000000.000100',
    limit: '10',
  });
  assert.equal(result.thread_ts, '1700000000.000100');
  assert.deepEqual(
    result.messages.map((m) => [m.text, m.user_name]),
    [
      ['Lunch?', 'Alice Archer'],
      ['Yes', 'Bob Baker'],
      ['Me too', 'Carol Chen'],
    ],
  );
  assert.equal(result.has_more, false);
});

test('list_pinned_items lists the pinned messages of a channel', async (t) => {
  const { slack, client } = await setup(t);
  const result = await callOk<{ channel: string; items: Record<string, unknown>[] }>(
    client,
    'list_pinned_items',
    {
      channel: 'C01GENERAL',
    },
  );

  assert.deepEqual(queryOf(readCall(slack, 'pins.list')), { channel: 'C01GENERAL' });
  assert.deepEqual(result, {
    channel: 'C01GENERAL',
    items: [
      {
        type: 'message',
        created: 1_700_000_500,
        created_by: 'U01ALICE',
        channel: 'C01GENERAL',
        message: { type: 'message', ts: '1700000100.000000', user: 'U02BOB', text: 'Release notes are out' },
      },
    ],
  });
});

test('list_users_in_channel describes members up to the limit and says more are left', async (t) => {
  const { slack, client } = await setup(t);
  const result = await callOk<{ channel: string; users: Record<string, unknown>[]; has_more: boolean }>(
    client,
    'list_users_in_channel',
    { channel: 'C01GENERAL', limit: 2 },
  );

  assert.deepEqual(queryOf(readCall(slack, 'conversations.members')), { channel: 'C01GENERAL', limit: '2' });
  assert.deepEqual(
    slack.calls('users.info').map((c) => c.query.get('user')),
    ['U01ALICE', 'U02BOB'],
  );
  assert.equal(result.has_more, true);
  assert.deepEqual(result.users[0], {
    id: 'U01ALICE',
    name: 'alice',
    real_name: 'Alice Archer',
    display_name: 'alice',
    email: 'alice@example.com',
    is_admin: true,
    is_owner: true,
    is_bot: false,
    deleted: false,
    updated: 1_690_000_000,
  });
  assert.equal(result.users[1]?.id, 'U02BOB');
});

test('get_user_presence looks a user up by email and reports the presence', async (t) => {
  const { slack, client } = await setup(t);
  const result = await callOk(client, 'get_user_presence', { user: 'bob@example.com' });

  assert.deepEqual(queryOf(readCall(slack, 'users.lookupByEmail')), { email: 'bob@example.com' });
  assert.deepEqual(queryOf(readCall(slack, 'users.getPresence')), { user: 'U02BOB' });
  assert.deepEqual(result, { user: 'U02BOB', presence: 'away' });
});

test("get_user_presence finds a user by name and gives the token's own user in detail", async (t) => {
  const { slack, client } = await setup(t);
  const carol = await callOk(client, 'get_user_presence', { user: 'Carol Chen' });
  assert.deepEqual(carol, { user: 'U03CAROL', presence: 'active' });
  assert.deepEqual(queryOf(readCall(slack, 'users.list')), { limit: '200' });

  const own = await callOk(client, 'get_user_presence', { user: 'U0BOT' });
  assert.equal(slack.calls('users.list').length, 1, 'an ID is used as is');
  assert.deepEqual(own, {
    user: 'U0BOT',
    presence: 'active',
    online: true,
    auto_away: false,
    manual_away: false,
    connection_count: 1,
    last_activity: 1_700_001_000,
  });
});
