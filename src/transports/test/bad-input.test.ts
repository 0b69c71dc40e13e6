import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { request } from 'node:http';
import { after, before, describe, test } from 'node:test';
import { connectOver } from '../../testing/clients.js';
import {
  CLI,
  type HostProcess,
  INITIALIZE,
  MCP_HEADERS,
  startHostProcess,
} from '../../testing/host-process.js';
import { text } from '../../testing/mcp.js';

describe('bad input gets a clear error and the host keeps serving', () => {
  let host: HostProcess;
  before(async () => {
    host = await startHostProcess({ GUMCP_MAX_BODY_BYTES: '65536' });
  });
  after(async () => {
    await host.stop();
  });

  const post = (path: string, body: string, headers: Record<string, string> = MCP_HEADERS) =>
    fetch(`${host.url}${path}`, { method: 'POST', headers, body });

  test('an unknown server is a 404 that lists the servers', async () => {
    const response = await post('/no-such-server/alice', JSON.stringify(INITIALIZE));
    assert.equal(response.status, 404);
    const body = (await response.json()) as { error: string; servers: string[] };
    assert.equal(body.error, 'Unknown server "no-such-server"');
    assert.ok(body.servers.includes('simple-tools-server'));
  });

  test('malformed JSON is a JSON-RPC parse error', async () => {
    const response = await post('/simple-tools-server/alice', '{"jsonrpc": "2.0", "id": 1, "method": ');
    assert.equal(response.status, 400);
    const body = (await response.json()) as { error: { code: number; message: string } };
    assert.equal(body.error.code, -32700);
  });

  test('a body that is not JSON-RPC is an invalid request', async () => {
    const response = await post('/simple-tools-server/alice', JSON.stringify({ hello: 'world' }));
    assert.equal(response.status, 400);
    const body = (await response.json()) as { error: { code: number } };
    assert.ok([-32600, -32700].includes(body.error.code));
  });

  test('a wrong content type is 415', async () => {
    const response = await post('/simple-tools-server/alice', JSON.stringify(INITIALIZE), {
      'content-type': 'text/plain',
      accept: 'application/json, text/event-stream',
    });
    assert.equal(response.status, 415);
  });

  test('an oversized body is 413', async () => {
    const huge = JSON.stringify({
      ...INITIALIZE,
      params: { ...INITIALIZE.params, pad: 'x'.repeat(100_000) },
    });
    const response = await post('/simple-tools-server/alice', huge);
    assert.equal(response.status, 413);
  });

  test('a foreign Host header is refused (DNS rebinding)', async () => {
    // fetch() always sends the URL's host, so this request is written by hand.
    const { port } = new URL(host.url);
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port,
          path: '/simple-tools-server/alice',
          method: 'POST',
          headers: { ...MCP_HEADERS, host: 'evil.example' },
        },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      req.end(JSON.stringify(INITIALIZE));
    });
    assert.equal(status, 403);
  });

  test('a foreign Origin is refused', async () => {
    const response = await post('/simple-tools-server/alice', JSON.stringify(INITIALIZE), {
      ...MCP_HEADERS,
      origin: 'https://evil.example',
    });
    assert.equal(response.status, 403);
  });

  test('an unknown session id is 404 so the client re-initializes', async () => {
    const response = await post(
      '/simple-tools-server/alice',
      JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'ping' }),
      {
        ...MCP_HEADERS,
        'mcp-session-id': 'not-a-session',
      },
    );
    assert.equal(response.status, 404);
  });

  test('an unknown tool and wrong argument types are errors that say what is wrong', async () => {
    const client = await connectOver('streamable-2025', {
      hostUrl: host.url,
      serverId: 'simple-tools-server',
      sessionKey: 'alice',
    });
    await assert.rejects(
      client.callTool({ name: 'no-such-tool', arguments: {} }),
      /Unknown tool: no-such-tool/,
    );
    const wrong = await client.callTool({ name: 'store-data', arguments: { key: 1, value: ['x'] } });
    assert.equal(wrong.isError, true);
    assert.match(text(wrong), /key: .*expected string, received number/);
    assert.match(text(wrong), /value: .*expected string, received array/);
    // The host is still serving.
    const ok = await client.callTool({ name: 'store-data', arguments: { key: 'k', value: 'v' } });
    assert.equal(ok.isError, undefined);
    await client.close();
    assert.equal((await fetch(`${host.url}/health_check`)).status, 200);
  });

  test('no session key or API key appears in the logs', async () => {
    const apiKey = 'gumcp_test_key_that_must_not_leak_1234';
    const client = await connectOver('sse', {
      hostUrl: host.url,
      serverId: 'simple-tools-server',
      sessionKey: `frank:${apiKey}`,
    });
    await client.callTool({ name: 'list-data', arguments: {} });
    await client.close();
    await post(`/simple-tools-server/${encodeURIComponent(`frank:${apiKey}`)}`, '{broken');
    assert.ok(host.logs().length > 0);
    assert.equal(host.logs().includes(apiKey), false);
  });
});

describe('health and process behaviour', () => {
  test('GET / and /health_check answer status ok with the servers', async () => {
    const host = await startHostProcess();
    try {
      for (const path of ['/', '/health_check']) {
        const body = (await (await fetch(`${host.url}${path}`)).json()) as {
          status: string;
          servers: string[];
        };
        assert.equal(body.status, 'ok');
        assert.ok(body.servers.includes('simple-tools-server'));
        assert.ok(body.servers.includes('hackernews'));
      }
    } finally {
      await host.stop();
    }
  });

  test('SIGTERM with open sessions drains and exits 0', async () => {
    const host = await startHostProcess();
    const client = await connectOver('sse', {
      hostUrl: host.url,
      serverId: 'simple-tools-server',
      sessionKey: 'x',
    });
    await client.callTool({ name: 'list-data', arguments: {} });
    const started = Date.now();
    assert.equal(await host.stop(), 0);
    assert.ok(Date.now() - started < 10_000);
    // Stops the client's EventSource from retrying the closed host.
    await client.close();
  });

  test('gumcp run with an unknown server exits non-zero and lists the servers', () => {
    const result = spawnSync(process.execPath, [CLI, 'run', '--server', 'nope'], { encoding: 'utf8' });
    assert.notEqual(result.status, 0);
    assert.equal(result.stdout, '');
    assert.match(result.stderr, /Unknown server "nope". Available servers: .*simple-tools-server/);
  });

  test('gumcp list shows each server with its tool count and auth kind', () => {
    const result = spawnSync(process.execPath, [CLI, 'list'], { encoding: 'utf8' });
    assert.equal(result.status, 0);
    assert.match(result.stdout, /simple-tools-server\s+3 tools\s+none/);
  });

  test('gumcp registry writes the server list generated from the definitions', () => {
    const result = spawnSync(process.execPath, [CLI, 'registry'], { encoding: 'utf8' });
    assert.equal(result.status, 0);
    const { servers } = JSON.parse(result.stdout) as { servers: { id: string; tools: { name: string }[] }[] };
    const simple = servers.find((s) => s.id === 'simple-tools-server');
    assert.deepEqual(
      simple?.tools.map((t) => t.name),
      ['store-data', 'retrieve-data', 'list-data'],
    );
  });
});
