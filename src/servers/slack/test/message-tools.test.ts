import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FakeSlack } from './fake-slack.js';
import { callError, callOk, queryOf, readCall, setup, writeCall } from './harness.js';

const general = (slack: FakeSlack) => {
  const channel = slack.workspace.channels.find((c) => c.id === 'C01GENERAL');
  assert.ok(channel);
  return channel;
};

test('send_message posts into a thread and returns the new message', async (t) => {
  const { slack, client } = await setup(t);
  const result = await callOk<{ channel: string; ts: string; message: Record<string, unknown> }>(
    client,
    'send_message',
    { channel: 'C01GENERAL', text: 'On my way', thread_ts: '1700000000.000100' },
  );

  assert.deepEqual(writeCall(slack, 'chat.postMessage'), {
    channel: 'C01GENERAL',
    text: 'On my way',
    thread_ts: '1700000000.000100',
  });
  assert.equal(result.channel, 'C01GENERAL');
  assert.deepEqual(result.message, {
    type: 'message',
    ts: result.ts,
    user: 'U0BOT',
    bot_id: 'B0GUMCP',
    text: 'On my way',
    thread_ts: '1700000000.000100',
  });
  assert.equal(general(slack).messages.at(-1)?.ts, result.ts, 'the fake stored the message');
});

test('send_message to @name opens a direct message with that user first', async (t) => {
  const { slack, client } = await setup(t);
  const result = await callOk<{ channel: string }>(client, 'send_message', {
    channel: '@bob',
    text: 'Hi Bob',
  });

  assert.deepEqual(queryOf(readCall(slack, 'users.list')), { limit: '200' });
  assert.deepEqual(writeCall(slack, 'conversations.open'), { users: 'U02BOB' });
  assert.deepEqual(writeCall(slack, 'chat.postMessage'), { channel: 'D0U02BOB', text: 'Hi Bob' });
  assert.equal(result.channel, 'D0U02BOB');
  assert.equal(
    slack.allCalls().some((c) => c.method === 'conversations.list'),
    false,
    'no channel lookup for a user',
  );
});

test('send_message to a #name posts to the channel it names', async (t) => {
  const { slack, client } = await setup(t);
  await callOk(client, 'send_message', { channel: '#secret-plans', text: 'psst' });
  assert.deepEqual(writeCall(slack, 'chat.postMessage'), { channel: 'G03SECRET', text: 'psst' });
});

test('create_canvas posts Block Kit blocks under a header made from the title', async (t) => {
  const { slack, client } = await setup(t);
  const section = { type: 'section', text: { type: 'mrkdwn', text: '*Q3* goals' } };
  const result = await callOk<{ channel: string; ts: string }>(client, 'create_canvas', {
    channel: 'C01GENERAL',
    title: 'Roadmap',
    blocks: [section],
  });

  assert.deepEqual(writeCall(slack, 'chat.postMessage'), {
    channel: 'C01GENERAL',
    text: 'Roadmap',
    blocks: [{ type: 'header', text: { type: 'plain_text', text: 'Roadmap' } }, section],
  });
  assert.equal(result.channel, 'C01GENERAL');
  assert.deepEqual(general(slack).messages.at(-1)?.blocks?.length, 2);
});

test('create_canvas keeps the blocks as they are when they have a header', async (t) => {
  const { slack, client } = await setup(t);
  const blocks = [{ type: 'header', text: { type: 'plain_text', text: 'Own header' } }, { type: 'divider' }];
  await callOk(client, 'create_canvas', { channel: 'C01GENERAL', title: 'Roadmap', blocks });
  assert.deepEqual(writeCall(slack, 'chat.postMessage').blocks, blocks);
});

test('react_to_message adds the emoji without colons, and reports no change the second time', async (t) => {
  const { slack, client } = await setup(t);
  const args = { channel: 'C01GENERAL', timestamp: '1700000100.000000', reaction: ':tada:' };
  const first = await callOk(client, 'react_to_message', args);

  assert.deepEqual(writeCall(slack, 'reactions.add'), {
    channel: 'C01GENERAL',
    timestamp: '1700000100.000000',
    name: 'tada',
  });
  assert.deepEqual(first, {
    channel: 'C01GENERAL',
    timestamp: '1700000100.000000',
    reaction: 'tada',
    changed: true,
  });
  assert.deepEqual(general(slack).messages[3]?.reactions, [{ name: 'tada', count: 1, users: ['U0BOT'] }]);

  const again = await callOk(client, 'react_to_message', args);
  assert.equal(again.changed, false, 'already_reacted is not an error');
});

test('delete_message deletes a message the app posted', async (t) => {
  const { slack, client } = await setup(t);
  const result = await callOk(client, 'delete_message', {
    channel: 'C01GENERAL',
    timestamp: '1700000300.000000',
  });

  assert.deepEqual(writeCall(slack, 'chat.delete'), { channel: 'C01GENERAL', ts: '1700000300.000000' });
  assert.deepEqual(result, { channel: 'C01GENERAL', ts: '1700000300.000000' });
  assert.equal(
    general(slack).messages.some((m) => m.ts === '1700000300.000000'),
    false,
  );
});

test("delete_message of someone else's message explains why Slack refused", async (t) => {
  const { client } = await setup(t);
  const message = await callError(client, 'delete_message', {
    channel: 'C01GENERAL',
    timestamp: '1700000100.000000',
  });
  assert.equal(
    message,
    'Slack rejected chat.delete: cant_delete_message (this token may only delete messages the app posted itself)',
  );
});

test('pin_message pins a message, and reports no change when it is already pinned', async (t) => {
  const { slack, client } = await setup(t);
  const result = await callOk(client, 'pin_message', {
    channel: 'C01GENERAL',
    timestamp: '1700000000.000100',
  });

  assert.deepEqual(writeCall(slack, 'pins.add'), { channel: 'C01GENERAL', timestamp: '1700000000.000100' });
  assert.deepEqual(result, { channel: 'C01GENERAL', timestamp: '1700000000.000100', changed: true });
  assert.deepEqual(general(slack).pins, ['1700000100.000000', '1700000000.000100']);

  const again = await callOk(client, 'pin_message', {
    channel: 'C01GENERAL',
    timestamp: '1700000000.000100',
  });
  assert.equal(again.changed, false);
});

test('unpin_message unpins a message, and reports no change when it is not pinned', async (t) => {
  const { slack, client } = await setup(t);
  const result = await callOk(client, 'unpin_message', {
    channel: 'C01GENERAL',
    timestamp: '1700000100.000000',
  });

  assert.deepEqual(writeCall(slack, 'pins.remove'), {
    channel: 'C01GENERAL',
    timestamp: '1700000100.000000',
  });
  assert.deepEqual(result, { channel: 'C01GENERAL', timestamp: '1700000100.000000', changed: true });
  assert.deepEqual(general(slack).pins, []);

  const again = await callOk(client, 'unpin_message', {
    channel: 'C01GENERAL',
    timestamp: '1700000100.000000',
  });
  assert.equal(again.changed, false);
});
