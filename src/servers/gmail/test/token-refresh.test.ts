import assert from 'node:assert/strict';
import { test } from 'node:test';
import { connect, text } from '../../../testing/mcp.js';
import gmail from '../index.js';
import { BASE, fakeGmail } from './fake-gmail.js';

test('a token refreshed mid-session is used from the next request on, even within one tool call', async (t) => {
  const fake = await fakeGmail(t, {
    messages: [
      { id: 'a', text: 'one' },
      { id: 'b', text: 'two' },
    ],
  });
  // The credential source refreshes the token after its first use, as it would on expiry.
  let reads = 0;
  const client = await connect(gmail, {
    credentials: async () => ({ access_token: reads++ === 0 ? 'ya29.old' : 'ya29.new' }),
  });

  const read = await client.callTool({ name: 'read_emails', arguments: { query: 'in:inbox' } });
  const star = await client.callTool({ name: 'star_email', arguments: { email_id: 'a' } });

  assert.equal(read.isError, undefined, text(read));
  assert.equal(star.isError, undefined, text(star));
  // The two message reads run concurrently, so requests are compared in sorted order.
  assert.deepEqual(fake.requests.map((r) => `${r.method} ${r.path} ${r.headers.authorization}`).sort(), [
    `GET ${BASE}/messages Bearer ya29.old`,
    `GET ${BASE}/messages/a Bearer ya29.new`,
    `GET ${BASE}/messages/b Bearer ya29.new`,
    `POST ${BASE}/messages/a/modify Bearer ya29.new`,
  ]);
  assert.equal(fake.requests[0]?.path, `${BASE}/messages`, 'the search came first, with the old token');
});
