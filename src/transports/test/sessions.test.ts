import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { connectOver } from '../../testing/clients.js';
import {
  type HostProcess,
  metricValue,
  postInitialize,
  startHostProcess,
} from '../../testing/host-process.js';
import { text } from '../../testing/mcp.js';

const SERVER = 'simple-tools-server';

const initialize = (hostUrl: string, user: string) => postInitialize(`${hostUrl}/${SERVER}/${user}`);

describe('users and sessions', () => {
  let host: HostProcess;
  before(async () => {
    host = await startHostProcess();
  });
  after(async () => {
    await host.stop();
  });

  test('two users of one server see only their own data', async () => {
    const alice = await connectOver('streamable-2025', {
      hostUrl: host.url,
      serverId: SERVER,
      sessionKey: 'alice',
    });
    const bob = await connectOver('sse', { hostUrl: host.url, serverId: SERVER, sessionKey: 'bob' });
    await alice.callTool({ name: 'store-data', arguments: { key: 'secret', value: 'alice-only' } });
    await bob.callTool({ name: 'store-data', arguments: { key: 'note', value: 'bob-only' } });
    assert.equal(text(await alice.callTool({ name: 'list-data', arguments: {} })), 'secret: alice-only');
    assert.equal(text(await bob.callTool({ name: 'list-data', arguments: {} })), 'note: bob-only');
    const miss = await bob.callTool({ name: 'retrieve-data', arguments: { key: 'secret' } });
    assert.equal(miss.isError, true);
    await Promise.all([alice.close(), bob.close()]);
  });

  test('reconnecting with the same session key keeps the state, over any transport', async () => {
    const first = await connectOver('sse', { hostUrl: host.url, serverId: SERVER, sessionKey: 'carol' });
    await first.callTool({ name: 'store-data', arguments: { key: 'k', value: 'kept' } });
    await first.close();
    const again = await connectOver('streamable-2026', {
      hostUrl: host.url,
      serverId: SERVER,
      sessionKey: 'carol',
    });
    assert.equal(text(await again.callTool({ name: 'retrieve-data', arguments: { key: 'k' } })), 'kept');
    await again.close();
  });

  test('two live connections of one user do not break each other', async () => {
    const a = await connectOver('streamable-2025', {
      hostUrl: host.url,
      serverId: SERVER,
      sessionKey: 'dave',
    });
    const b = await connectOver('streamable-2025', {
      hostUrl: host.url,
      serverId: SERVER,
      sessionKey: 'dave',
    });
    await a.callTool({ name: 'store-data', arguments: { key: 'from', value: 'a' } });
    await b.close();
    assert.equal(text(await a.callTool({ name: 'retrieve-data', arguments: { key: 'from' } })), 'a');
    await a.close();
  });

  test('a session id of another user is refused', async () => {
    const response = await initialize(host.url, 'erin');
    const id = response.headers.get('mcp-session-id');
    assert.ok(id);
    const stolen = await fetch(`${host.url}/${SERVER}/mallory`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json, text/event-stream',
        'mcp-session-id': id,
      },
      body: JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'tools/list' }),
    });
    assert.equal(stolen.status, 404);
  });

  test('metrics count connections through connect, disconnect and reconnect', async () => {
    const labels = { server: SERVER };
    const active0 = await metricValue(host.metricsUrl, 'gumcp_active_connections', labels);
    const total0 = await metricValue(host.metricsUrl, 'gumcp_connection_total', labels);
    const sse = await connectOver('sse', { hostUrl: host.url, serverId: SERVER, sessionKey: 'metrics' });
    const http = await connectOver('streamable-2025', {
      hostUrl: host.url,
      serverId: SERVER,
      sessionKey: 'metrics',
    });
    assert.equal(await metricValue(host.metricsUrl, 'gumcp_active_connections', labels), active0 + 2);
    assert.equal(await metricValue(host.metricsUrl, 'gumcp_connection_total', labels), total0 + 2);
    await sse.close();
    // A Streamable HTTP session ends with DELETE (terminateSession), as a well-behaved client does.
    const transport = http.transport as { terminateSession?: () => Promise<void> } | undefined;
    await transport?.terminateSession?.();
    await http.close();
    await sleep(100);
    assert.equal(await metricValue(host.metricsUrl, 'gumcp_active_connections', labels), active0);
    const again = await connectOver('sse', { hostUrl: host.url, serverId: SERVER, sessionKey: 'metrics' });
    assert.equal(await metricValue(host.metricsUrl, 'gumcp_active_connections', labels), active0 + 1);
    assert.equal(await metricValue(host.metricsUrl, 'gumcp_connection_total', labels), total0 + 3);
    await again.callTool({ name: 'list-data', arguments: {} });
    assert.ok(
      (await metricValue(host.metricsUrl, 'gumcp_tool_calls_total', {
        server: SERVER,
        tool: 'list-data',
        outcome: 'ok',
      })) >= 1,
    );
    await again.close();
  });
});

describe('session limits', () => {
  test('idle sessions are evicted and the cap refuses new sessions with a clear error', async () => {
    const host = await startHostProcess({ GUMCP_SESSION_IDLE_SECONDS: '2', GUMCP_MAX_SESSIONS: '2' });
    try {
      const first = await initialize(host.url, 'u1');
      const second = await initialize(host.url, 'u2');
      assert.equal(first.status, 200);
      assert.equal(second.status, 200);
      const third = await initialize(host.url, 'u3');
      assert.equal(third.status, 503);
      const body = (await third.json()) as { error: { message: string } };
      assert.match(body.error.message, /Session limit reached: this host holds at most 2 sessions/);

      // After the idle time the sweep closes both sessions (polling metrics touches no session).
      const deadline = Date.now() + 10_000;
      while (Date.now() < deadline) {
        if ((await metricValue(host.metricsUrl, 'gumcp_active_connections', { server: SERVER })) === 0) break;
        await sleep(200);
      }
      const probe = await fetch(`${host.url}/${SERVER}/u1`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/json, text/event-stream',
          'mcp-session-id': first.headers.get('mcp-session-id') ?? '',
        },
        body: JSON.stringify({ jsonrpc: '2.0', id: 3, method: 'ping' }),
      });
      assert.equal(probe.status, 404);
      assert.equal((await initialize(host.url, 'u4')).status, 200);
      assert.ok((await metricValue(host.metricsUrl, 'gumcp_sessions_evicted_total', {})) >= 2);
    } finally {
      await host.stop();
    }
  });
});
