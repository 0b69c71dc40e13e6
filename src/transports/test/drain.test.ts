import assert from 'node:assert/strict';
import { test } from 'node:test';
import { connectOver } from '../../testing/clients.js';
import { startFake } from '../../testing/fake-service.js';
import { INITIALIZE, MCP_HEADERS, startHostProcess } from '../../testing/host-process.js';
import { text } from '../../testing/mcp.js';

/**
 * SIGTERM drains a host: the tool call in flight finishes and its answer reaches the client, new work
 * is refused (nginx then sends it to another host), and the host exits 0.
 */
test('a host told to stop finishes the call in flight, refuses new work, and exits 0', async (t) => {
  const hn = await startFake();
  t.after(() => hn.close());
  hn.route('GET /v0/item/8863.json', async () => {
    await new Promise((r) => setTimeout(r, 1_000));
    return {
      body: { id: 8863, type: 'story', by: 'dhouston', title: 'My YC app: Dropbox', time: 1175714200 },
    };
  });
  const host = await startHostProcess({ GUMCP_HACKERNEWS_API_URL: `${hn.url}/v0` });
  const client = await connectOver('streamable-2025', {
    hostUrl: host.url,
    serverId: 'hackernews',
    sessionKey: 'u',
  });

  const call = client.callTool({ name: 'get_story_details', arguments: { id: 8863 } });
  while (hn.requests.length === 0) await new Promise((r) => setTimeout(r, 20));
  const exited = host.stop();
  await new Promise((r) => setTimeout(r, 100));
  const refused = await fetch(`${host.url}/hackernews/v`, {
    method: 'POST',
    headers: MCP_HEADERS,
    body: JSON.stringify(INITIALIZE),
  }).then(
    (response) => response.status,
    () => 'connection refused',
  );

  const result = await call;
  assert.equal(result.isError, undefined, text(result));
  assert.match(text(result), /My YC app: Dropbox/);
  assert.ok(refused === 503 || refused === 'connection refused', `new work during the drain: ${refused}`);
  assert.equal(await exited, 0);
  await client.close().catch(() => undefined);
});
