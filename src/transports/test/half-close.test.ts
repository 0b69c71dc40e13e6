import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { type HostProcess, INITIALIZE, startHostProcess } from '../../testing/host-process.js';

/**
 * A client may send its whole request and then close its sending side (a TCP FIN): HTTP/1.1 allows
 * it, and some clients and proxies do it. Every route must still answer, including those that await
 * before answering (a server module loaded on first use, the store, the connect flow).
 */

let host: HostProcess;
before(async () => {
  const empty = mkdtempSync(join(tmpdir(), 'gumcp-half-'));
  host = await startHostProcess({ GUMCP_OAUTH_CONFIG_DIR: empty, GUMCP_CREDENTIALS_DIR: empty });
});
after(() => host.stop());

/** Sends one raw request, half-closes, and reads until the host closes (or `until` is seen). */
function halfClosed(base: string, request: string, until?: string): Promise<string> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    let got = '';
    const socket = connect(Number(port), hostname, () => socket.end(request));
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`no complete answer within 10 s; got ${JSON.stringify(got.slice(0, 200))}`));
    }, 10_000);
    socket.on('data', (chunk) => {
      got += chunk;
      if (until && got.includes(until)) socket.destroy();
    });
    socket.on('close', () => {
      clearTimeout(timer);
      resolve(got);
    });
    socket.on('error', reject);
  });
}

function raw(method: string, path: string, headers: Record<string, string> = {}, body = ''): string {
  const lines = [`${method} ${path} HTTP/1.1`, `Host: ${new URL(host.url).host}`, 'Connection: close'];
  for (const [k, v] of Object.entries(headers)) lines.push(`${k}: ${v}`);
  if (body) lines.push(`Content-Length: ${Buffer.byteLength(body)}`);
  return `${lines.join('\r\n')}\r\n\r\n${body}`;
}

const json = { 'Content-Type': 'application/json', Accept: 'application/json, text/event-stream' };
const stateless = JSON.stringify({
  jsonrpc: '2.0',
  id: 1,
  method: 'tools/list',
  params: {
    _meta: {
      'io.modelcontextprotocol/protocolVersion': '2026-07-28',
      'io.modelcontextprotocol/clientInfo': { name: 'raw', version: '1' },
      'io.modelcontextprotocol/clientCapabilities': {},
    },
  },
});

const ROUTES: { name: string; request: () => string; status: number; body: RegExp; base?: () => string }[] = [
  { name: 'GET /', request: () => raw('GET', '/'), status: 200, body: /"status":"ok"/ },
  {
    name: 'GET /health_check',
    request: () => raw('GET', '/health_check'),
    status: 200,
    body: /"status":"ok"/,
  },
  {
    name: 'initialize of a server not loaded yet',
    request: () => raw('POST', '/github/alice', json, JSON.stringify(INITIALIZE)),
    status: 200,
    body: /"protocolVersion":"2025-11-25"/,
  },
  {
    name: 'a 2026 stateless request to a server not loaded yet',
    request: () =>
      raw(
        'POST',
        '/hackernews/alice',
        { ...json, 'MCP-Protocol-Version': '2026-07-28', 'Mcp-Method': 'tools/list' },
        stateless,
      ),
    status: 200,
    body: /get_top_stories/,
  },
  {
    name: 'a legacy SSE message to an unknown session',
    request: () => raw('POST', '/simple-tools-server/alice/messages/?sessionId=nope', json, '{}'),
    status: 404,
    body: /Session not found/,
  },
  {
    name: 'DELETE of an unknown session',
    request: () => raw('DELETE', '/simple-tools-server/alice', { 'Mcp-Session-Id': 'nope' }),
    status: 404,
    body: /Session not found/,
  },
  {
    name: 'an unknown server',
    request: () => raw('GET', '/nope/alice'),
    status: 404,
    body: /Unknown server/,
  },
  {
    name: 'connect without an OAuth client',
    request: () => raw('GET', '/connect/slack?user_id=alice'),
    status: 503,
    body: /no OAuth client is configured for slack/,
  },
  {
    name: 'a connect callback',
    request: () => raw('GET', '/connect/github/callback?state=s&code=c'),
    status: 503,
    body: /no OAuth client is configured for github/,
  },
  {
    name: 'connect of a server without sign-in',
    request: () => raw('GET', '/connect/hackernews?user_id=alice'),
    status: 400,
    body: /needs no sign-in/,
  },
  {
    name: 'the metrics endpoint',
    request: () => raw('GET', '/metrics'),
    status: 200,
    body: /gumcp_connection_total/,
    base: () => host.metricsUrl,
  },
];

for (const route of ROUTES) {
  test(`a half-closed request gets its whole answer: ${route.name}`, async () => {
    const answer = await halfClosed(route.base?.() ?? host.url, route.request());
    assert.match(answer, new RegExp(`^HTTP/1\\.1 ${route.status} `), answer.slice(0, 200));
    assert.match(answer, route.body);
  });
}

test('a half-closed SSE request still gets its stream and the endpoint event', async () => {
  const answer = await halfClosed(
    host.url,
    raw('GET', '/simple-tools-server/alice', { Accept: 'text/event-stream' }),
    'event: endpoint',
  );
  assert.match(answer, /^HTTP\/1\.1 200 /);
  assert.match(answer, /event: endpoint/);
});
