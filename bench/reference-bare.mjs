// Reference floor: a bare node:http server with no MCP code. It parses the JSON-RPC body (to echo
// the id, as any server must) and answers a fixed result, in the three shapes the bench drives:
// a plain POST, a 2025 session (Mcp-Session-Id, GET stream), and legacy SSE (answers on the stream).
// Usage: node bench/reference-bare.mjs [port]  — prints `listening http://127.0.0.1:PORT` on stdout.
import { randomUUID } from 'node:crypto';
import http from 'node:http';

const RESULT = { content: [{ type: 'text', text: 'ok' }] };
const INIT_RESULT = {
  protocolVersion: '2025-11-25',
  capabilities: { tools: {} },
  serverInfo: { name: 'reference-bare', version: '1.0.0' },
};
const sseStreams = new Map();
const sessions = new Set();

const answer = (message) =>
  JSON.stringify({
    jsonrpc: '2.0',
    id: message.id,
    result: message.method === 'initialize' ? INIT_RESULT : RESULT,
  });

function readBody(req) {
  return new Promise((resolve, reject) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk) => {
      body += chunk;
    });
    req.on('end', () => resolve(body));
    req.on('error', reject);
  });
}

function openEventStream(res) {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  res.flushHeaders();
}

const server = http.createServer(async (req, res) => {
  const url = new URL(req.url, 'http://127.0.0.1');
  const sessionId = req.headers['mcp-session-id'];
  if (url.pathname === '/health_check') return void res.writeHead(200).end('{"status":"ok"}');
  if (req.method === 'GET' && sessionId) {
    // A 2025 session's listening stream: held open until the client drops it.
    if (!sessions.has(sessionId)) return void res.writeHead(404).end();
    openEventStream(res);
    return;
  }
  if (req.method === 'GET') {
    // Legacy SSE: the endpoint event tells the client where to POST.
    const id = randomUUID();
    openEventStream(res);
    res.write(`event: endpoint\ndata: ${url.pathname}/messages/?sessionId=${id}\n\n`);
    sseStreams.set(id, res);
    res.on('close', () => sseStreams.delete(id));
    return;
  }
  if (req.method === 'DELETE') {
    sessions.delete(sessionId);
    return void res.writeHead(200).end();
  }
  const message = JSON.parse(await readBody(req));
  if (url.pathname.includes('/messages')) {
    const stream = sseStreams.get(url.searchParams.get('sessionId'));
    if (!stream) return void res.writeHead(404).end();
    res.writeHead(202).end('Accepted');
    if (message.id !== undefined) stream.write(`event: message\ndata: ${answer(message)}\n\n`);
    return;
  }
  if (message.id === undefined) return void res.writeHead(202).end();
  const headers = { 'content-type': 'application/json' };
  if (message.method === 'initialize') {
    const id = randomUUID();
    sessions.add(id);
    headers['mcp-session-id'] = id;
  }
  res.writeHead(200, headers).end(answer(message));
});

server.listen(Number(process.argv[2] ?? 0), '127.0.0.1', () => {
  process.stdout.write(`listening http://127.0.0.1:${server.address().port}\n`);
});
process.on('SIGTERM', () => process.exit(0));
