import assert from 'node:assert/strict';
import { test } from 'node:test';
import { connect, text } from '../../../testing/mcp.js';
import teams from '../index.js';
import { CHAT, chatMessage, startTeamsFake, V1, workToken } from './fake-teams.js';

test('a token refreshed mid-session is used from the next request on', async (t) => {
  const fake = await startTeamsFake(t);
  fake.route(`GET ${V1}/chats/${CHAT}/messages`, { body: { value: [chatMessage({ id: '1' })] } });
  // Each call reads the credentials twice (account check, then the request): the refresh lands between calls.
  let calls = 0;
  const client = await connect(teams, {
    credentials: async () => ({ access_token: workToken(calls++ < 2 ? 'before' : 'after') }),
  });

  const first = await client.callTool({ name: 'get_chat_messages', arguments: { chat_id: CHAT } });
  const second = await client.callTool({ name: 'get_chat_messages', arguments: { chat_id: CHAT } });

  assert.equal(first.isError, undefined, text(first));
  assert.equal(second.isError, undefined, text(second));
  assert.deepEqual(
    fake.requests.map((r) => r.headers.authorization?.split('.').at(-1)),
    ['before', 'after'],
  );
});
