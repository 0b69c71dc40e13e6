import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FakeSlack } from './fake-slack.js';
import { callError, callOk, queryOf, readCall, setup, writeCall } from './harness.js';

const channel = (slack: FakeSlack, id: string) => {
  const found = slack.workspace.channels.find((c) => c.id === id);
  assert.ok(found, `no channel ${id}`);
  return found;
};

test('add_user_to_channel invites a user found by email, and reports no change the second time', async (t) => {
  const { slack, client } = await setup(t);
  const result = await callOk(client, 'add_user_to_channel', {
    channel: 'C02RANDOM',
    user: 'bob@example.com',
  });

  assert.deepEqual(queryOf(readCall(slack, 'users.lookupByEmail')), { email: 'bob@example.com' });
  assert.deepEqual(writeCall(slack, 'conversations.invite'), { channel: 'C02RANDOM', users: 'U02BOB' });
  assert.deepEqual(result, { channel: 'C02RANDOM', user: 'U02BOB', changed: true });
  assert.deepEqual(channel(slack, 'C02RANDOM').members, ['U01ALICE', 'U0BOT', 'U02BOB']);

  const again = await callOk(client, 'add_user_to_channel', { channel: 'C02RANDOM', user: 'U02BOB' });
  assert.deepEqual(again, { channel: 'C02RANDOM', user: 'U02BOB', changed: false });
});

test('remove_from_channel removes a user, by the channel_id and user_id parameters', async (t) => {
  const { slack, client } = await setup(t);
  const result = await callOk(client, 'remove_from_channel', { channel_id: '#general', user_id: 'U03CAROL' });

  assert.deepEqual(writeCall(slack, 'conversations.kick'), { channel: 'C01GENERAL', user: 'U03CAROL' });
  assert.deepEqual(result, { channel: 'C01GENERAL', user: 'U03CAROL', changed: true });
  assert.equal(channel(slack, 'C01GENERAL').members.includes('U03CAROL'), false);

  const again = await callOk(client, 'remove_from_channel', {
    channel_id: 'C01GENERAL',
    user_id: 'U03CAROL',
  });
  assert.equal(again.changed, false, 'not_in_channel means there was nothing to do');
});

test('remove_from_channel requires both of its parameters', async (t) => {
  const { slack, client } = await setup(t);
  const message = await callError(client, 'remove_from_channel', { channel_id: 'C01GENERAL' });
  assert.match(message, /^Invalid arguments for tool remove_from_channel: user_id: /);
  assert.equal(slack.allCalls().length, 0);
});

test('create_channel creates a private channel and returns it', async (t) => {
  const { slack, client } = await setup(t);
  const result = await callOk<{ channel: Record<string, unknown> }>(client, 'create_channel', {
    name: 'launch-plans',
    is_private: true,
  });

  assert.deepEqual(writeCall(slack, 'conversations.create'), { name: 'launch-plans', is_private: true });
  assert.equal(result.channel.name, 'launch-plans');
  assert.equal(result.channel.is_private, true);
  assert.equal(result.channel.creator, 'U0BOT');
  assert.ok(slack.workspace.channels.some((c) => c.id === result.channel.id && c.name === 'launch-plans'));
});

test('create_channel sends team_id only when given, and refuses names Slack would refuse', async (t) => {
  const { slack, client } = await setup(t);
  await callOk(client, 'create_channel', { name: 'ops', team_id: 'T01TEAM' });
  assert.deepEqual(writeCall(slack, 'conversations.create'), {
    name: 'ops',
    is_private: false,
    team_id: 'T01TEAM',
  });

  const message = await callError(client, 'create_channel', { name: 'Launch Plans' });
  assert.match(message, /name: use 1-80 lowercase letters, numbers, hyphens or underscores/);
  assert.equal(slack.calls('conversations.create').length, 1, 'an invalid name never reaches Slack');
});

test('update_channel_topic sets the topic and returns the channel', async (t) => {
  const { slack, client } = await setup(t);
  const result = await callOk<{ channel: { id: string; topic: { value: string } } }>(
    client,
    'update_channel_topic',
    {
      channel: 'C02RANDOM',
      topic: 'Cats and coffee',
    },
  );

  assert.deepEqual(writeCall(slack, 'conversations.setTopic'), {
    channel: 'C02RANDOM',
    topic: 'Cats and coffee',
  });
  assert.equal(result.channel.id, 'C02RANDOM');
  assert.equal(result.channel.topic.value, 'Cats and coffee');
  assert.equal(channel(slack, 'C02RANDOM').topic.value, 'Cats and coffee');
});

test('update_channel_purpose sets the purpose and returns the channel', async (t) => {
  const { slack, client } = await setup(t);
  const result = await callOk<{ channel: { id: string; purpose: { value: string } } }>(
    client,
    'update_channel_purpose',
    { channel: '#random', purpose: 'Off-topic chat' },
  );

  assert.deepEqual(writeCall(slack, 'conversations.setPurpose'), {
    channel: 'C02RANDOM',
    purpose: 'Off-topic chat',
  });
  assert.equal(result.channel.purpose.value, 'Off-topic chat');
  assert.equal(channel(slack, 'C02RANDOM').purpose.value, 'Off-topic chat');
});

test('archive_channel archives, and reports no change when already archived', async (t) => {
  const { slack, client } = await setup(t);
  const result = await callOk(client, 'archive_channel', { channel: 'C02RANDOM' });

  assert.deepEqual(writeCall(slack, 'conversations.archive'), { channel: 'C02RANDOM' });
  assert.deepEqual(result, { channel: 'C02RANDOM', changed: true });
  assert.equal(channel(slack, 'C02RANDOM').is_archived, true);

  assert.deepEqual(await callOk(client, 'archive_channel', { channel: 'C02RANDOM' }), {
    channel: 'C02RANDOM',
    changed: false,
  });
});

test('unarchive_channel finds an archived channel by #name and unarchives it', async (t) => {
  const { slack, client } = await setup(t);
  const result = await callOk(client, 'unarchive_channel', { channel: '#old-project' });

  assert.equal(
    readCall(slack, 'conversations.list').query.get('exclude_archived'),
    null,
    'archived ones are searched',
  );
  assert.deepEqual(writeCall(slack, 'conversations.unarchive'), { channel: 'C04OLD' });
  assert.deepEqual(result, { channel: 'C04OLD', changed: true });
  assert.equal(channel(slack, 'C04OLD').is_archived, false);
});
