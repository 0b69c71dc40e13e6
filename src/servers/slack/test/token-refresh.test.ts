import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ALL_SCOPES, type FakeMessage } from './fake-slack.js';
import { callOk, setup } from './harness.js';

const OLD = 'fake-old-token';
const NEW = 'fake-refreshed-token';

test('after a token refresh the next request carries the new token', async (t) => {
  let current = OLD;
  const { slack, client } = await setup(t, { credentials: async () => ({ access_token: current }) });
  slack.tokens.set(OLD, new Set(ALL_SCOPES));
  slack.tokens.set(NEW, new Set(ALL_SCOPES));

  await callOk(client, 'list_pinned_items', { channel: 'C01GENERAL' });
  // The credential source refreshed the token (Slack token rotation) and the old one stopped working.
  current = NEW;
  slack.tokens.delete(OLD);
  await callOk(client, 'list_pinned_items', { channel: 'C01GENERAL' });

  assert.deepEqual(
    slack.calls('pins.list').map((c) => c.authorization),
    [`Bearer ${OLD}`, `Bearer ${NEW}`],
  );
});

test('a refresh in the middle of a paginated call is picked up by the next page', async (t) => {
  let asked = 0;
  const { slack, client } = await setup(t, {
    // The first request gets the old token; from the second on the source hands out the new one.
    credentials: async () => ({ access_token: ++asked === 1 ? OLD : NEW }),
  });
  slack.tokens.set(OLD, new Set(ALL_SCOPES));
  slack.tokens.set(NEW, new Set(ALL_SCOPES));
  const random = slack.workspace.channels.find((c) => c.id === 'C02RANDOM');
  assert.ok(random);
  random.messages = Array.from(
    { length: 300 },
    (_, i): FakeMessage => ({
      type: 'message',
      ts: `${1_700_200_000 + i}.000000`,
      bot_id: 'B1',
      text: `m${i}`,
    }),
  );

  const result = await callOk<{ messages: unknown[] }>(client, 'read_messages', {
    channel: 'C02RANDOM',
    limit: 300,
  });

  assert.equal(result.messages.length, 300);
  assert.deepEqual(
    slack.calls('conversations.history').map((c) => c.authorization),
    [`Bearer ${OLD}`, `Bearer ${NEW}`],
  );
});
