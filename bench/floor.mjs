// The SDK's own floor, measured in this process with no HTTP and no sockets: what one stateless
// tools/call costs in CPU inside the SDK's handler, and what one 2025 session keeps on the heap at
// each step of its life. Together with the HTTP figures they say which part of a cost is gumcp's
// to cut and which comes with the SDK as it is. Run by bench/run.mjs as
// `node --expose-gc bench/floor.mjs <dist>`; prints one JSON line.
import { randomUUID } from 'node:crypto';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createMcpHandler,
  McpServer,
  Server,
  WebStandardStreamableHTTPServerTransport,
} from '@modelcontextprotocol/server';
import { z } from 'zod';

const dist = resolve(process.argv[2] ?? 'dist');
const load = (path) => import(pathToFileURL(join(dist, path)).href);
const { createServerInstance } = await load('core/instance.js');
const { createRuntime } = await load('runtime.js');
const { loadConfig } = await load('config.js');

if (typeof globalThis.gc !== 'function') throw new Error('run with node --expose-gc');
const QUICK = process.env.BENCH_QUICK === '1';
const CALLS = QUICK ? 2_000 : 20_000;
const SESSIONS = QUICK ? 200 : 2_000;
const IN_FLIGHT = 32;

const runtime = await createRuntime(loadConfig({ GUMCP_STORE: 'memory:', GUMCP_LOG_LEVEL: 'warn' }));
const compiled = await runtime.registry.load('simple-tools-server');
const session = runtime.session('simple-tools-server', 'bench');
const gumcpServer = () => createServerInstance(compiled, session);
function sdkEchoServer() {
  const server = new McpServer({ name: 'reference-sdk', version: '1.0.0' });
  server.registerTool('echo', { inputSchema: z.object({ text: z.string() }) }, async ({ text }) => ({
    content: [{ type: 'text', text }],
  }));
  return server;
}

// The request the bench's load generator sends for 2026-07-28 (see protocols.mjs).
const META = {
  'io.modelcontextprotocol/protocolVersion': '2026-07-28',
  'io.modelcontextprotocol/clientInfo': { name: 'gumcp-bench', version: '1' },
  'io.modelcontextprotocol/clientCapabilities': {},
};
const call = (id, name, args) => ({
  jsonrpc: '2.0',
  id,
  method: 'tools/call',
  params: { name, arguments: args, _meta: META },
});
const headers = (name) => ({
  'content-type': 'application/json',
  accept: 'application/json, text/event-stream',
  'mcp-protocol-version': '2026-07-28',
  'mcp-method': 'tools/call',
  'mcp-name': name,
});

/**
 * CPU µs per call of `once`, `CALLS` times after a warm-up, with 32 calls in flight as the HTTP
 * runs have (one after another would pay more per call for the same work).
 */
async function cpuPerCall(once) {
  const run = async (count) => {
    let next = 0;
    const worker = async () => {
      while (next < count) await once(next++);
    };
    await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
  };
  await run(CALLS / 10);
  gc();
  const before = process.cpuUsage();
  await run(CALLS);
  const used = process.cpuUsage(before);
  return (used.user + used.system) / CALLS;
}

async function stateless(handler, name, args) {
  return cpuPerCall(async (i) => {
    const body = call(i, name, args(i));
    const request = new Request('http://127.0.0.1/bench', {
      method: 'POST',
      headers: headers(name),
      body: JSON.stringify(body),
    });
    const response = await handler.fetch(request, { parsedBody: body });
    const text = await response.text();
    if (!text.includes('"result"')) throw new Error(`tools/call failed: ${text}`);
  });
}

const cpu = {
  // What building the web Request and reading a Response costs by itself, with no MCP at all.
  webObjectsUs: await cpuPerCall(async (i) => {
    const body = call(i, 'echo', { text: 'v' });
    const request = new Request('http://127.0.0.1/bench', {
      method: 'POST',
      headers: headers('echo'),
      body: JSON.stringify(body),
    });
    request.headers.get('mcp-method');
    await new Response(JSON.stringify({ jsonrpc: '2.0', id: i, result: {} })).text();
  }),
  sdkHandlerUs: await stateless(createMcpHandler(sdkEchoServer, { legacy: 'reject' }), 'echo', () => ({
    text: 'v',
  })),
  gumcpServerInSdkHandlerUs: await stateless(
    createMcpHandler(gumcpServer, { legacy: 'reject' }),
    'store-data',
    (i) => ({ key: `k${i % 100}`, value: 'v' }),
  ),
};

/** Live heap per session after `step` has run for each of `SESSIONS` sessions kept alive. */
async function heapPerSession(step) {
  const kept = [];
  gc();
  gc();
  const before = process.memoryUsage().heapUsed;
  for (let i = 0; i < SESSIONS; i++) kept.push(await step());
  gc();
  gc();
  const after = process.memoryUsage().heapUsed;
  await Promise.all(kept.flat().map((k) => k?.close?.()));
  return (after - before) / SESSIONS / 1024;
}

const INIT = {
  jsonrpc: '2.0',
  id: 1,
  method: 'initialize',
  params: { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 'b', version: '1' } },
};
const SESSION_HEADERS = {
  'content-type': 'application/json',
  accept: 'application/json, text/event-stream',
};
const post = (extra) =>
  new Request('http://127.0.0.1/bench', {
    method: 'POST',
    headers: { ...SESSION_HEADERS, ...extra },
    body: '{}',
  });

async function connected() {
  const server = gumcpServer();
  const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: () => randomUUID() });
  await server.connect(transport);
  return { server, transport };
}
async function initialized() {
  const { server, transport } = await connected();
  await (await transport.handleRequest(post({}), { parsedBody: INIT })).text();
  const ids = { 'mcp-session-id': transport.sessionId, 'mcp-protocol-version': '2025-11-25' };
  await transport.handleRequest(post(ids), {
    parsedBody: { jsonrpc: '2.0', method: 'notifications/initialized' },
  });
  return { server, transport, ids };
}

const heapKiB = {
  sdkServer: await heapPerSession(
    () => new Server({ name: 'x', version: '1' }, { capabilities: { tools: {} } }),
  ),
  gumcpServer: await heapPerSession(gumcpServer),
  connectedToTransport: await heapPerSession(async () => Object.values(await connected())),
  initialized: await heapPerSession(async () => {
    const { server, transport } = await initialized();
    return [server, transport];
  }),
  // The held GET stream, read as the HTTP adapter reads it.
  withEventStream: await heapPerSession(async () => {
    const { server, transport, ids } = await initialized();
    const get = await transport.handleRequest(
      new Request('http://127.0.0.1/bench', {
        method: 'GET',
        headers: { ...ids, accept: 'text/event-stream' },
      }),
    );
    const reader = get.body.getReader();
    reader.read().catch(() => undefined);
    return [server, transport, reader];
  }),
};

await runtime.close();
process.stdout.write(`${JSON.stringify({ calls: CALLS, sessions: SESSIONS, cpu, heapKiB })}\n`);
