import assert from 'node:assert/strict';
import { test } from 'node:test';
import { connect, text } from '../../../testing/mcp.js';
import outlook from '../index.js';
import { fakeOutlook } from './fake-outlook.js';

test('a token refreshed mid-session is used from the next request on', async (t) => {
  const fake = await fakeOutlook(t);
  // The credential source hands out a new token from its second use on, as after a refresh
  // (Microsoft also replaces the refresh token then; the core refresh stores it).
  let uses = 0;
  const client = await connect(outlook, {
    credentials: async () => ({ access_token: uses++ === 0 ? 'eyJ0.before' : 'eyJ0.after' }),
  });

  const read = await client.callTool({ name: 'read_emails', arguments: {} });
  const sent = await client.callTool({
    name: 'send_email',
    arguments: { to: 'ada@contoso.com', subject: 'x', body: 'y' },
  });

  assert.equal(read.isError, undefined, text(read));
  assert.equal(sent.isError, undefined, text(sent));
  assert.deepEqual(
    fake.requests.map((r) => r.headers.authorization),
    ['Bearer eyJ0.before', 'Bearer eyJ0.after'],
  );
});
