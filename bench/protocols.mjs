// The three ways a client reaches an MCP server over HTTP, reduced to what the benchmark needs:
// connect once, then call a tool many times; or open a session and hold its event stream.
import { messagesOf, openStream, request } from './load.mjs';

const MODERN = '2026-07-28';
const SESSIONS = '2025-11-25';
const CLIENT_INFO = { name: 'gumcp-bench', version: '1.0.0' };
const ACCEPT = 'application/json, text/event-stream';

/** A tools/call answer counts as correct when it carries a result that is not a tool error. */
const isGoodResult = (message) => message?.result !== undefined && message.result.isError !== true;

const jsonHeaders = (extra = {}) => ({ 'content-type': 'application/json', accept: ACCEPT, ...extra });

const initialize = (id) => ({
  jsonrpc: '2.0',
  id,
  method: 'initialize',
  params: { protocolVersion: SESSIONS, capabilities: {}, clientInfo: CLIENT_INFO },
});
const INITIALIZED = JSON.stringify({ jsonrpc: '2.0', method: 'notifications/initialized' });

/**
 * 2026-07-28 stateless: each request is self-contained. The envelope is the one the SDK client
 * sends when pinned to 2026-07-28 (captured from a real Client): the MCP-Protocol-Version,
 * Mcp-Method and Mcp-Name headers, and protocolVersion, clientInfo, clientCapabilities in _meta.
 */
const modern = {
  name: 'streamable-2026',
  hasSessions: false,
  async connect(endpoint, tool, agent) {
    return {
      async call(i) {
        const body = JSON.stringify({
          jsonrpc: '2.0',
          id: i,
          method: 'tools/call',
          params: {
            name: tool.name,
            arguments: tool.args(i),
            _meta: {
              'io.modelcontextprotocol/protocolVersion': MODERN,
              'io.modelcontextprotocol/clientInfo': CLIENT_INFO,
              'io.modelcontextprotocol/clientCapabilities': {},
            },
          },
        });
        const headers = jsonHeaders({
          'mcp-protocol-version': MODERN,
          'mcp-method': 'tools/call',
          'mcp-name': tool.name,
        });
        const res = await request(endpoint, { headers, body, agent });
        return res.status === 200 && isGoodResult(messagesOf(res)[0]);
      },
      async close() {},
    };
  },
};

/** 2025-11-25 sessions: initialize gives an Mcp-Session-Id that every later request carries. */
async function openStreamableSession(endpoint, agent) {
  const init = await request(endpoint, {
    headers: jsonHeaders(),
    body: JSON.stringify(initialize(0)),
    agent,
  });
  const sessionId = init.headers['mcp-session-id'];
  if (init.status !== 200 || !sessionId) throw new Error(`initialize answered ${init.status}: ${init.body}`);
  const headers = jsonHeaders({ 'mcp-session-id': sessionId, 'mcp-protocol-version': SESSIONS });
  const ack = await request(endpoint, { headers, body: INITIALIZED, agent });
  if (ack.status !== 202) throw new Error(`notifications/initialized answered ${ack.status}`);
  return { sessionId, headers };
}

const sessions = {
  name: 'streamable-2025',
  hasSessions: true,
  async connect(endpoint, tool, agent) {
    const { headers } = await openStreamableSession(endpoint, agent);
    return {
      async call(i) {
        const body = JSON.stringify({
          jsonrpc: '2.0',
          id: i + 1,
          method: 'tools/call',
          params: { name: tool.name, arguments: tool.args(i) },
        });
        const res = await request(endpoint, { headers, body, agent });
        return res.status === 200 && isGoodResult(messagesOf(res).find((m) => m.id === i + 1));
      },
      async close() {
        await request(endpoint, { method: 'DELETE', headers, agent });
      },
    };
  },
  /** A session holding its GET event stream open, as a listening client does. */
  async open(endpoint, agent) {
    const { headers } = await openStreamableSession(endpoint, agent);
    const stream = await openStream(endpoint, { headers: { ...headers, accept: 'text/event-stream' } });
    return {
      async close() {
        await request(endpoint, { method: 'DELETE', headers, agent });
        stream.close();
      },
    };
  },
};

/**
 * Legacy HTTP+SSE: GET opens the stream, whose `endpoint` event names the URL to POST to;
 * every answer comes back on the stream and is matched to its request by id.
 */
async function openSseSession(endpoint, agent) {
  const pending = new Map();
  let resolveEndpoint;
  const posted = new Promise((resolve) => {
    resolveEndpoint = resolve;
  });
  const stream = await openStream(endpoint, {
    headers: { accept: 'text/event-stream' },
    onEvent({ event, data }) {
      if (event === 'endpoint') resolveEndpoint(new URL(data, endpoint).href);
      else if (event === 'message') {
        const message = JSON.parse(data);
        pending.get(message.id)?.(message);
        pending.delete(message.id);
      }
    },
    onEnd() {
      for (const settle of pending.values()) settle(undefined);
      pending.clear();
    },
  });
  const postUrl = await posted;
  const send = async (message) => {
    const answer = new Promise((resolve) => pending.set(message.id, resolve));
    const res = await request(postUrl, { headers: jsonHeaders(), body: JSON.stringify(message), agent });
    if (res.status !== 202) {
      pending.delete(message.id);
      throw new Error(`SSE POST answered ${res.status}: ${res.body}`);
    }
    return answer;
  };
  const init = await send(initialize(0));
  if (!init?.result) throw new Error(`SSE initialize failed: ${JSON.stringify(init)}`);
  const ack = await request(postUrl, { headers: jsonHeaders(), body: INITIALIZED, agent });
  if (ack.status !== 202) throw new Error(`SSE notifications/initialized answered ${ack.status}`);
  return { send, close: async () => stream.close() };
}

const sse = {
  name: 'sse',
  hasSessions: true,
  async connect(endpoint, tool, agent) {
    const session = await openSseSession(endpoint, agent);
    return {
      async call(i) {
        const answer = await session.send({
          jsonrpc: '2.0',
          id: i + 1,
          method: 'tools/call',
          params: { name: tool.name, arguments: tool.args(i) },
        });
        return isGoodResult(answer);
      },
      async close() {
        session.close();
      },
    };
  },
  open: openSseSession,
};

export const PROTOCOLS = [modern, sessions, sse];
