import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ALL_SCOPES } from './fake-slack.js';
import { callError, setup, TOKEN } from './harness.js';

const REAUTH =
  /^Not authenticated with slack: Slack rejected the stored token \((\w+)\)\. Re-authenticate with `gumcp auth slack`\.$/;

test('an unknown token (invalid_auth) asks the user to re-authenticate, without showing the token', async (t) => {
  const { slack, client } = await setup(t, { credentials: { access_token: 'fake-stale-token' } });
  const message = await callError(client, 'read_messages', { channel: 'C01GENERAL' });

  assert.match(message, REAUTH);
  assert.equal(REAUTH.exec(message)?.[1], 'invalid_auth');
  assert.doesNotMatch(message, /fake-stale-token/);
  assert.equal(slack.calls('conversations.history')[0]?.authorization, 'Bearer fake-stale-token');
});

test('token_revoked and account_inactive also ask to re-authenticate', async (t) => {
  const { slack, client } = await setup(t);
  for (const error of ['token_revoked', 'account_inactive']) {
    slack.service.once('GET /api/pins.list', { body: { ok: false, error } });
    const message = await callError(client, 'list_pinned_items', { channel: 'C01GENERAL' });
    assert.equal(REAUTH.exec(message)?.[1], error);
  }
});

test('missing_scope names the scope Slack says is needed', async (t) => {
  const scopes = ALL_SCOPES.filter((s) => s !== 'pins:read');
  const { slack, client } = await setup(t, { scopes });
  const message = await callError(client, 'list_pinned_items', { channel: 'C01GENERAL' });

  assert.equal(
    message,
    'Permission denied: the stored token lacks the scope "pins:read". Re-authenticate to grant it.',
  );
  assert.equal(slack.calls('pins.list').length, 1, 'not retried');
});

test('not-found errors name what was not found', async (t) => {
  const { client } = await setup(t);
  assert.equal(await callError(client, 'read_messages', { channel: 'C404' }), 'Channel not found: C404');
  assert.equal(
    await callError(client, 'send_message', { channel: '#no-such-channel', text: 'hi' }),
    'Channel not found: #no-such-channel',
  );
  assert.equal(
    await callError(client, 'pin_message', { channel: 'C01GENERAL', timestamp: '1600000000.000001' }),
    'Message not found: 1600000000.000001 in channel C01GENERAL',
  );
  assert.equal(
    await callError(client, 'get_message_thread', { channel: 'C01GENERAL', thread_ts: '1600000000.000001' }),
    'Thread not found: 1600000000.000001 in channel C01GENERAL',
  );
  assert.equal(
    await callError(client, 'get_user_presence', { user: 'nobody@example.com' }),
    'User not found: nobody@example.com',
  );
  assert.equal(await callError(client, 'get_user_presence', { user: 'U404' }), 'User not found: U404');
  assert.equal(await callError(client, 'get_user_presence', { user: 'zed' }), 'User not found: zed');
});

test('other Slack errors say which method refused and why', async (t) => {
  const { client } = await setup(t);
  assert.equal(
    await callError(client, 'send_message', { channel: 'C04OLD', text: 'anyone?' }),
    'Slack rejected chat.postMessage: is_archived (the channel is archived)',
  );
  assert.equal(
    await callError(client, 'create_channel', { name: 'general' }),
    'Slack rejected conversations.create: name_taken (a channel with this name already exists)',
  );
});

test('a 429 with Retry-After is retried, then succeeds', async (t) => {
  const { slack, client } = await setup(t);
  slack.service.once('GET /api/pins.list', {
    status: 429,
    headers: { 'retry-after': '0' },
    body: { ok: false, error: 'ratelimited' },
  });
  const result = await client.callTool({ name: 'list_pinned_items', arguments: { channel: 'C01GENERAL' } });

  assert.equal(result.isError, undefined);
  assert.equal((result.structuredContent as { items: unknown[] }).items.length, 1);
  const calls = slack.calls('pins.list');
  assert.equal(calls.length, 2);
  for (const call of calls) assert.equal(call.authorization, `Bearer ${TOKEN}`);
});

test('a Retry-After longer than the client will wait fails at once, saying when to try again', async (t) => {
  const { slack, client } = await setup(t);
  slack.service.once('GET /api/pins.list', {
    status: 429,
    headers: { 'retry-after': '120' },
    body: { ok: false, error: 'ratelimited' },
  });
  const message = await callError(client, 'list_pinned_items', { channel: 'C01GENERAL' });
  assert.equal(message, 'Rate limited by Slack; try again in 120 s');
  assert.equal(slack.calls('pins.list').length, 1);
});

test('5xx answers are retried, and when retries run out the message says Slack failed', async (t) => {
  const { slack, client } = await setup(t);
  const unavailable = { status: 503, body: 'upstream connect error' };
  slack.service.once('POST /api/pins.add', unavailable, unavailable, unavailable);
  const message = await callError(client, 'pin_message', {
    channel: 'C01GENERAL',
    timestamp: '1700000000.000100',
  });

  assert.equal(message, 'Slack failed (HTTP 503); try again later');
  const calls = slack.calls('pins.add');
  assert.equal(calls.length, 3, 'the first attempt and two retries');
  for (const call of calls)
    assert.deepEqual(call.body, { channel: 'C01GENERAL', timestamp: '1700000000.000100' });
});

test('a message is never posted twice: a 5xx on chat.postMessage is not retried', async (t) => {
  const { slack, client } = await setup(t);
  slack.service.once('POST /api/chat.postMessage', { status: 502, body: 'bad gateway' });
  const message = await callError(client, 'send_message', { channel: 'C01GENERAL', text: 'hello' });

  assert.equal(
    message,
    'Slack failed (HTTP 502); the request may have gone through, so check before trying again',
  );
  assert.equal(slack.calls('chat.postMessage').length, 1);
});

test('without stored credentials no request is made and the user is told to authenticate', async (t) => {
  const { slack, client } = await setup(t, { credentials: async () => undefined });
  assert.equal(
    await callError(client, 'read_messages', { channel: 'C01GENERAL' }),
    'Not authenticated with slack: no credentials are stored for this user. Re-authenticate with `gumcp auth slack`.',
  );
  assert.equal(slack.allCalls().length, 0);
});

test('credentials without an access token are an authentication error too', async (t) => {
  const { slack, client } = await setup(t, { credentials: { team_id: 'T01TEAM' } });
  assert.equal(
    await callError(client, 'archive_channel', { channel: 'C02RANDOM' }),
    'Not authenticated with slack: the stored credentials hold no access token. Re-authenticate with `gumcp auth slack`.',
  );
  assert.equal(slack.allCalls().length, 0);
});

test('malformed arguments are refused before any request', async (t) => {
  const { slack, client } = await setup(t);
  assert.match(
    await callError(client, 'pin_message', { channel: 'C01GENERAL', timestamp: 'yesterday' }),
    /timestamp: expected a Slack timestamp such as 1512085950\.000216/,
  );
  assert.match(await callError(client, 'read_messages', { channel: 'C01GENERAL', limit: 5000 }), /limit: /);
  assert.equal(slack.allCalls().length, 0);
});
