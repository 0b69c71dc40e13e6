// Reference: the MCP SDK's own minimal server, one `echo` tool, with no gumcp code. It serves the
// same three shapes as the host, wired the way the SDK documents them: createMcpHandler for
// 2026-07-28 stateless, a WebStandardStreamableHTTPServerTransport per 2025 session, and the
// legacy SSEServerTransport. Node adapter: @hono/node-server's getRequestListener (the
// @modelcontextprotocol/node package is not installed here).
// Usage: node bench/reference-sdk.mjs [port]  — prints `listening http://127.0.0.1:PORT` on stdout.
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { getRequestListener } from '@hono/node-server';
import {
  createMcpHandler,
  isLegacyRequest,
  McpServer,
  WebStandardStreamableHTTPServerTransport,
} from '@modelcontextprotocol/server';
import { SSEServerTransport } from '@modelcontextprotocol/server-legacy/sse';
import { z } from 'zod';

function echoServer() {
  const server = new McpServer({ name: 'reference-sdk', version: '1.0.0' });
  server.registerTool(
    'echo',
    { description: 'Echo the text back', inputSchema: z.object({ text: z.string() }) },
    async ({ text }) => ({ content: [{ type: 'text', text }] }),
  );
  return server;
}

const modern = createMcpHandler(() => echoServer(), { legacy: 'reject' });
const streamable = new Map();
const sse = new Map();

async function openSession(request, body) {
  const transport = new WebStandardStreamableHTTPServerTransport({
    sessionIdGenerator: () => randomUUID(),
    onsessioninitialized: (id) => streamable.set(id, transport),
  });
  transport.onclose = () => streamable.delete(transport.sessionId);
  await echoServer().connect(transport);
  return transport.handleRequest(request, { parsedBody: body });
}

const webListener = getRequestListener(async (request) => {
  const sessionId = request.headers.get('mcp-session-id');
  if (sessionId) {
    const transport = streamable.get(sessionId);
    return transport ? transport.handleRequest(request) : new Response(null, { status: 404 });
  }
  const body = await request.json();
  if (await isLegacyRequest(request, body)) {
    if (body.method === 'initialize') return openSession(request, body);
    return new Response(null, { status: 400 });
  }
  return modern.fetch(request, { parsedBody: body });
});

const server = http.createServer(async (req, res) => {
  const url = new URL(req.url, 'http://127.0.0.1');
  if (url.pathname === '/health_check') return void res.writeHead(200).end('{"status":"ok"}');
  if (req.method === 'GET' && !req.headers['mcp-session-id']) {
    const transport = new SSEServerTransport(`${url.pathname}/messages/`, res);
    sse.set(transport.sessionId, transport);
    transport.onclose = () => sse.delete(transport.sessionId);
    await echoServer().connect(transport);
    return;
  }
  if (req.method === 'POST' && url.pathname.includes('/messages')) {
    const transport = sse.get(url.searchParams.get('sessionId'));
    if (!transport) return void res.writeHead(404).end();
    await transport.handlePostMessage(req, res);
    return;
  }
  await webListener(req, res);
});

server.listen(Number(process.argv[2] ?? 0), '127.0.0.1', () => {
  process.stdout.write(`listening http://127.0.0.1:${server.address().port}\n`);
});
process.on('SIGTERM', () => process.exit(0));
