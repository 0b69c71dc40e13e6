import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import type { IncomingMessage, Server as NodeServer, ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { type HttpBindings, serve } from '@hono/node-server';

type FetchCallback = Parameters<typeof serve>[0]['fetch'];

import { RESPONSE_ALREADY_SENT } from '@hono/node-server/utils/response';
import {
  createMcpHandler,
  hostHeaderValidationResponse,
  isInitializeRequest,
  isJsonContentType,
  isLegacyRequest,
  LATEST_PROTOCOL_VERSION,
  localhostAllowedHostnames,
  localhostAllowedOrigins,
  type McpHttpHandler,
  originValidationResponse,
  SUPPORTED_PROTOCOL_VERSIONS,
  WebStandardStreamableHTTPServerTransport,
} from '@modelcontextprotocol/server';
import { SSEServerTransport } from '@modelcontextprotocol/server-legacy/sse';
import { type Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { createServerInstance } from '../../core/instance.js';
import type { Runtime } from '../../runtime.js';
import { logProcessWarnings } from '../../util/log.js';
import { connectRoutes } from './connect.js';
import { JSONRPC, jsonRpcError } from './errors.js';
import { MemoryEventStore, StoreEventStore } from './event-store.js';
import { HostMetrics } from './metrics.js';
import { MemoryReclaimer } from './reclaim.js';
import { SessionTable } from './sessions.js';
import { tenantResolver } from './tenants.js';

type Env = { Bindings: HttpBindings; Variables: { serverId: string; userId: string; apiKey?: string } };

export interface Host {
  /** The address the MCP endpoint listens on, e.g. http://127.0.0.1:8000 */
  readonly url: string;
  readonly metricsUrl: string;
  readonly sessions: SessionTable;
  readonly metrics: HostMetrics;
  /** Stops accepting, closes every session, waits for in-flight requests (bounded), closes. */
  close(): Promise<void>;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);
/** The longest a draining host waits for tool calls in flight before it closes their sessions. */
const DRAIN_MS = 10_000;
/** How soon a client should reconnect to a stream the host closed (SSE `retry`, SEP-1699 polling). */
const RETRY_INTERVAL_MS = 1000;
const PROTOCOL_VERSION_META = 'io.modelcontextprotocol/protocolVersion';

/**
 * Reads a request body straight from Node's stream, at most `max` bytes (undefined when larger).
 * Reading it through the web `Request` instead makes @hono/node-server build a full undici Request,
 * a ReadableStream and an AbortSignal per call: that was the largest single cost of a tools/call.
 */
export function readBody(incoming: IncomingMessage, max: number): Promise<Buffer | undefined> {
  if (Number(incoming.headers['content-length']) > max) return Promise.resolve(undefined);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const done = (value: Buffer | undefined) => {
      incoming.off('data', onData).off('end', onEnd).off('error', reject).off('close', onClose);
      resolve(value);
    };
    // A client that goes away mid-body: nothing will answer, but the handler must not wait forever.
    const onClose = () => reject(new Error('request closed before its body ended'));
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      // The rest is drained by Node when the 413 has been written; nothing more is buffered.
      if (size > max) done(undefined);
      else chunks.push(chunk);
    };
    const onEnd = () => done(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, size));
    incoming.on('data', onData).once('end', onEnd).once('error', reject).once('close', onClose);
  });
}

/**
 * Whether a body carries the 2026-07-28 per-request envelope claim (`_meta` protocol version) on a
 * message other than initialize. Such a message is never legacy (the modern handler serves or
 * rejects it), so the SDK's full classification need not run twice: the handler runs it anyway.
 */
export function claimsModernEnvelope(body: unknown): boolean {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return false;
  const message = body as {
    method?: unknown;
    params?: { _meta?: unknown };
    result?: unknown;
    error?: unknown;
  };
  if (typeof message.method !== 'string' || message.method === 'initialize') return false;
  if ('result' in message || 'error' in message) return false;
  const meta =
    typeof message.params === 'object' && message.params !== null ? message.params._meta : undefined;
  return typeof meta === 'object' && meta !== null && !Array.isArray(meta) && PROTOCOL_VERSION_META in meta;
}

/** The version an initialize request settles on: the client's when supported, else the latest. */
function negotiatedVersion(initialize: unknown): string {
  const asked = (initialize as { params?: { protocolVersion?: unknown } }).params?.protocolVersion;
  return typeof asked === 'string' && SUPPORTED_PROTOCOL_VERSIONS.includes(asked)
    ? asked
    : LATEST_PROTOCOL_VERSION;
}

/**
 * A session speaks the version it negotiated. A request of that session whose MCP-Protocol-Version
 * header names another supported version is read as the session's, so that what the session agreed
 * to (resumable streams with priming events, from 2025-11-25) does not change under it mid-session.
 */
function inSessionVersion(request: Request, negotiated: string | undefined): Request {
  const header = request.headers.get('mcp-protocol-version');
  if (!negotiated || !header || header === negotiated || !SUPPORTED_PROTOCOL_VERSIONS.includes(header)) {
    return request;
  }
  const headers = new Headers(request.headers);
  headers.set('mcp-protocol-version', negotiated);
  return new Request(request, { headers });
}

/** Host names the Host header may carry: loopback, the bound address, and configured names. */
function allowedHosts(bind: string, configured: string[]): string[] | undefined {
  const wildcard = bind === '0.0.0.0' || bind === '::';
  if (wildcard && configured.length === 0) return undefined;
  const bound = bind.includes(':') ? `[${bind}]` : bind;
  return [...new Set([...localhostAllowedHostnames(), ...(wildcard ? [] : [bound]), ...configured])];
}

export function createApp(runtime: Runtime, metrics: HostMetrics, sessions: SessionTable) {
  const { config, registry, log } = runtime;
  const hosts = allowedHosts(config.host, config.allowedHosts);
  const origins = [...localhostAllowedOrigins(), ...config.allowedOrigins];
  if (!hosts) log.warn('bound to all interfaces without GUMCP_ALLOWED_HOSTS: Host header validation is off');
  if (!LOOPBACK.has(config.host)) log.warn({ host: config.host }, 'listening on a non-loopback address');
  if (!LOOPBACK.has(config.host) && config.apiKeys !== 'required') {
    log.warn(
      'API keys are not required (GUMCP_API_KEYS=%s): until a key exists, anyone who can reach this host acts as any user. Create keys with `gumcp keys create --user <id>` or set GUMCP_API_KEYS=required.',
      config.apiKeys,
    );
  }
  const tenant = tenantResolver(runtime);
  /**
   * A user's requests per minute, counted across every host (Redis or PostgreSQL when configured) in
   * windows aligned to the clock, so that all hosts agree when one ends. One user's flood gets 429s;
   * everyone else's requests are not slowed by it.
   */
  const rateLimited = async (userId: string): Promise<Response | undefined> => {
    const limit = config.userRequestsPerMinute;
    if (limit <= 0) return undefined;
    const now = Date.now();
    const window = Math.floor(now / 60_000);
    const count = await runtime.increment('rate:user-requests', `${userId}\u0000${window}`, 60);
    if (count <= limit) return undefined;
    const retryAfter = Math.max(1, Math.ceil(((window + 1) * 60_000 - now) / 1000));
    return jsonRpcError(
      429,
      JSONRPC.serverError,
      `Rate limited: at most ${limit} requests a minute for this user; try again in ${retryAfter} s`,
      { 'retry-after': String(retryAfter) },
    );
  };
  // Where a session's stream events wait for a client that reconnects (Last-Event-ID).
  const eventStore = runtime.cache ? new StoreEventStore(runtime.cache) : new MemoryEventStore();
  const tooLarge = `Request body larger than ${config.maxBodyBytes} bytes`;

  // One modern (2026-07-28, stateless) handler per server; 2025-era traffic is routed to sessions.
  const modern = new Map<string, McpHttpHandler>();
  const modernHandler = async (serverId: string) => {
    let handler = modern.get(serverId);
    if (!handler) {
      const compiled = await registry.load(serverId);
      handler = createMcpHandler(
        ({ authInfo }) =>
          createServerInstance(
            compiled,
            runtime.session(
              serverId,
              String(authInfo?.extra?.userId),
              authInfo?.extra?.apiKey as string | undefined,
            ),
            metrics.hooks,
          ),
        {
          legacy: 'reject',
          maxRequestBodySize: config.maxBodyBytes,
          onerror: (e) => log.debug({ err: e.message }),
        },
      );
      modern.set(serverId, handler);
    }
    return handler;
  };

  const sessionLimit = () => {
    metrics.sessionsRejected.inc();
    return jsonRpcError(
      503,
      JSONRPC.serverError,
      `Session limit reached: this host holds at most ${sessions.max} sessions; try again later`,
      { 'retry-after': '5' },
    );
  };

  const app = new Hono<Env>();
  let closing = false;

  app.onError((error, c) => {
    log.error({ err: error, method: c.req.method }, 'request failed');
    return jsonRpcError(500, -32603, 'Internal error');
  });
  app.notFound(() => Response.json({ error: 'Not found' }, { status: 404 }));

  // While draining, new work is refused so that reconnecting clients go to another host.
  app.use('*', async (_c, next) => {
    if (closing) return jsonRpcError(503, JSONRPC.serverError, 'Shutting down', { connection: 'close' });
    await next();
  });

  // DNS-rebinding protection: a browser page on another origin must not reach a local host.
  // Validating a Host header parses a URL; values already accepted are remembered (bounded, as
  // any port is accepted) so that a keep-alive client does not pay for it on every call.
  const acceptedHosts = new Set<string>();
  app.use('*', async (c, next) => {
    const host = c.req.header('host');
    if (hosts && !(host !== undefined && acceptedHosts.has(host))) {
      const rejected = hostHeaderValidationResponse(c.req.raw, hosts);
      if (rejected) return rejected;
      if (host !== undefined && acceptedHosts.size < 1024) acceptedHosts.add(host);
    }
    const rejected = originValidationResponse(c.req.raw, origins);
    if (rejected) return rejected;
    await next();
  });

  const health = (c: Context<Env>) => c.json({ status: 'ok', servers: registry.ids() });
  app.get('/', health);
  app.get('/health_check', health);

  // MCP routes read their bodies through readBody (bounded); the connect routes get Hono's limit.
  app.use(
    '/connect/*',
    bodyLimit({
      maxSize: config.maxBodyBytes,
      onError: () => jsonRpcError(413, JSONRPC.invalidRequest, tooLarge),
    }),
  );
  app.route(
    '/',
    connectRoutes({
      registry,
      // A sign-in may come back to another host than the one it started on: states live where all see them.
      store: runtime.cache ?? runtime.store,
      sources: runtime.credentials,
      publicUrl:
        config.publicUrl ??
        `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${config.port}`,
      log,
      authenticate: async (request) => {
        const url = new URL(request.url);
        // With a key alone, the key says who the user is; without keys, `local` is the default user.
        const user = url.searchParams.get('user_id') ?? '';
        const key = url.searchParams.get('key') ?? '';
        const who = await tenant(request, `${user}:${key}`, 'local');
        return who instanceof Response ? who : { userId: who.userId };
      },
    }),
  );
  // Every MCP route: the server must exist, and the request is resolved to its tenant.
  const resolve = async (c: Context<Env>, next: () => Promise<void>) => {
    const serverId = c.req.param('server') ?? '';
    if (!registry.has(serverId)) {
      return c.json({ error: `Unknown server "${serverId}"`, servers: registry.ids() }, 404);
    }
    const who = await tenant(c.req.raw, c.req.param('key'));
    if (who instanceof Response) return who;
    const limited = await rateLimited(who.userId);
    if (limited) return limited;
    c.set('serverId', serverId);
    c.set('userId', who.userId);
    if (who.apiKey) c.set('apiKey', who.apiKey);
    await next();
  };
  app.use('/:server/:key', resolve);
  app.use('/:server/:key/messages', resolve);
  app.use('/:server/:key/messages/', resolve);

  /** Reads a JSON body, answering 415, 413 or a JSON-RPC parse error when it is not one. */
  const readJson = async (c: Context<Env>): Promise<{ body: unknown } | Response> => {
    if (!isJsonContentType(c.req.header('content-type'))) {
      return jsonRpcError(415, JSONRPC.invalidRequest, 'Content-Type must be application/json');
    }
    try {
      const bytes = await readBody(c.env.incoming, config.maxBodyBytes);
      if (!bytes) {
        return jsonRpcError(413, JSONRPC.invalidRequest, tooLarge);
      }
      return { body: JSON.parse(bytes.toString('utf8')) };
    } catch {
      return jsonRpcError(400, JSONRPC.parseError, 'Parse error: the body is not valid JSON');
    }
  };

  // Legacy HTTP+SSE (guMCP's layout): GET opens the stream, its endpoint event points here.
  const postSseMessage = async (c: Context<Env>) => {
    const id = c.req.query('sessionId') ?? c.req.query('session_id') ?? '';
    const session = sessions.get(id);
    if (
      session?.kind !== 'sse' ||
      session.serverId !== c.get('serverId') ||
      session.userId !== c.get('userId')
    ) {
      return jsonRpcError(404, JSONRPC.sessionNotFound, 'Session not found: open a new SSE stream');
    }
    const read = await readJson(c);
    if (read instanceof Response) return read;
    try {
      await sseTransports.get(id)?.handleMessage(read.body);
    } catch {
      return jsonRpcError(400, JSONRPC.invalidRequest, 'Invalid JSON-RPC message');
    }
    return c.text('Accepted', 202);
  };
  app.post('/:server/:key/messages', postSseMessage);
  app.post('/:server/:key/messages/', postSseMessage);

  const sseTransports = new Map<string, SSEServerTransport>();
  const openSse = async (c: Context<Env>) => {
    if (!sessions.hasRoom()) return sessionLimit();
    const serverId = c.get('serverId');
    const userId = c.get('userId');
    const compiled = await registry.load(serverId);
    const endpoint = `/${serverId}/${encodeURIComponent(c.req.param('key') ?? '')}/messages/`;
    const transport = new SSEServerTransport(endpoint, c.env.outgoing);
    const server = createServerInstance(
      compiled,
      runtime.session(serverId, userId, c.get('apiKey')),
      metrics.hooks,
    );
    const id = transport.sessionId;
    transport.onclose = () => {
      sseTransports.delete(id);
      sessions.remove(id);
    };
    sseTransports.set(id, transport);
    sessions.add({ id, kind: 'sse', serverId, userId, lastSeen: Date.now(), close: () => server.close() });
    await server.connect(transport);
    return RESPONSE_ALREADY_SENT;
  };

  // Streamable HTTP, 2025-11-25 session form: initialize creates a session, Mcp-Session-Id names it.
  const openStreamable = async (c: Context<Env>, body: unknown) => {
    if (!sessions.hasRoom()) return sessionLimit();
    const serverId = c.get('serverId');
    const userId = c.get('userId');
    const compiled = await registry.load(serverId);
    const server = createServerInstance(
      compiled,
      runtime.session(serverId, userId, c.get('apiKey')),
      metrics.hooks,
    );
    const transport: WebStandardStreamableHTTPServerTransport = new WebStandardStreamableHTTPServerTransport({
      sessionIdGenerator: () => randomUUID(),
      maxRequestBodySize: config.maxBodyBytes,
      eventStore,
      retryInterval: RETRY_INTERVAL_MS,
      onsessioninitialized: (id) => {
        sessions.add({
          id,
          kind: 'streamable',
          serverId,
          userId,
          lastSeen: Date.now(),
          close: () => server.close(),
        });
        streamable.set(id, transport);
        versions.set(id, negotiatedVersion(body));
      },
    });
    transport.onclose = () => {
      const id = transport.sessionId;
      if (id === undefined) return;
      streamable.delete(id);
      versions.delete(id);
      sessions.remove(id);
    };
    await server.connect(transport);
    return transport.handleRequest(c.req.raw, { parsedBody: body });
  };
  const streamable = new Map<string, WebStandardStreamableHTTPServerTransport>();
  /** The protocol version each session negotiated at initialize. */
  const versions = new Map<string, string>();

  app.all('/:server/:key', async (c) => {
    const method = c.req.method;
    const sessionId = c.req.header('mcp-session-id');
    if (sessionId) {
      const session = sessions.get(sessionId);
      const transport = streamable.get(sessionId);
      if (
        !session ||
        !transport ||
        session.serverId !== c.get('serverId') ||
        session.userId !== c.get('userId')
      ) {
        return jsonRpcError(404, JSONRPC.sessionNotFound, 'Session not found: initialize a new session');
      }
      const request = inSessionVersion(c.req.raw, versions.get(sessionId));
      if (method !== 'POST') return transport.handleRequest(request);
      const read = await readJson(c);
      return read instanceof Response ? read : transport.handleRequest(request, { parsedBody: read.body });
    }
    if (method === 'GET') {
      if (c.req.header('accept')?.includes('text/event-stream')) return openSse(c);
      return c.json({ error: 'GET opens an SSE stream: send Accept: text/event-stream' }, 406);
    }
    if (method !== 'POST') {
      return jsonRpcError(
        method === 'DELETE' ? 400 : 405,
        JSONRPC.invalidRequest,
        `${method} needs an Mcp-Session-Id header`,
        {
          allow: 'GET, POST, DELETE',
        },
      );
    }
    const read = await readJson(c);
    if (read instanceof Response) return read;
    if (!claimsModernEnvelope(read.body) && (await isLegacyRequest(c.req.raw, read.body))) {
      if (isInitializeRequest(read.body)) return openStreamable(c, read.body);
      return jsonRpcError(400, JSONRPC.invalidRequest, 'Bad Request: Mcp-Session-Id header is required');
    }
    const handler = await modernHandler(c.get('serverId'));
    return handler.fetch(c.req.raw, {
      parsedBody: read.body,
      authInfo: {
        token: '',
        clientId: c.get('userId'),
        scopes: [],
        extra: { userId: c.get('userId'), apiKey: c.get('apiKey') },
      },
    });
  });

  /**
   * Drains: new requests get 503 (nginx sends them to another host), tool calls in flight finish
   * (at most DRAIN_MS), then every session and stream is closed, so that clients reconnect elsewhere.
   */
  const close = async () => {
    closing = true;
    const deadline = Date.now() + DRAIN_MS;
    while (metrics.inFlight > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    await sessions.closeAll();
    await Promise.allSettled([...modern.values()].map((h) => h.close()));
  };
  return { app, close };
}

async function listen(fetch: FetchCallback, host: string, port: number) {
  const server = serve({ fetch, hostname: host, port }) as NodeServer & { httpAllowHalfOpen: boolean };
  // A client may send its whole request and then close its sending side (HTTP/1.1 allows it). By
  // default Node then aborts the request and ends the socket, so any handler that awaits (a lazy
  // server load, the store) answers into a closed socket. Half-open keeps the socket writable until
  // the answer is sent, then ends it.
  server.httpAllowHalfOpen = true;
  // But a client that leaves a stream it is reading (an SSE stream, which never ends by itself) also
  // sends just a FIN: a response already under way when the FIN comes is given up, as Node would.
  const inFlight = new WeakMap<Socket, ServerResponse>();
  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    inFlight.set(request.socket, response);
  });
  server.on('connection', (socket: Socket) => {
    socket.once('end', () => {
      const response = inFlight.get(socket);
      if (response?.headersSent && !response.writableEnded) response.destroy();
    });
  });
  await once(server, 'listening');
  const address = server.address() as AddressInfo;
  const shown = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return { server, url: `http://${shown}:${address.port}` };
}

/** Starts the MCP host and its metrics endpoint, as `gumcp serve` does. */
export async function startHost(runtime: Runtime): Promise<Host> {
  const { config, log } = runtime;
  const restoreWarnings = logProcessWarnings(log);
  const metrics = new HostMetrics();
  const reclaimer = new MemoryReclaimer({
    onReclaimed: (closed, heapBytes) =>
      log.info({ closed, heapMiB: Math.round(heapBytes / 2 ** 20) }, 'returned memory after sessions closed'),
  });
  const sessions = new SessionTable(config.maxSessions, config.sessionIdleSeconds * 1000, metrics, reclaimer);
  const { app, close: closeApp } = createApp(runtime, metrics, sessions);
  const main = await listen(app.fetch, config.host, config.port);
  runtime.useConnectLinks(config.publicUrl ?? main.url);

  const metricsApp = new Hono();
  metricsApp.get('/metrics', async () => {
    return new Response(await metrics.registry.metrics(), {
      headers: { 'content-type': metrics.registry.contentType },
    });
  });
  const side = await listen(metricsApp.fetch, config.host, config.metricsPort);
  log.info(
    { url: main.url, metrics: `${side.url}/metrics`, servers: runtime.registry.ids().length },
    'gumcp host listening',
  );

  return {
    url: main.url,
    metricsUrl: `${side.url}/metrics`,
    sessions,
    metrics,
    async close() {
      // In-flight requests finish; idle keep-alive connections are closed as they become idle.
      const stopped = (server: NodeServer) => new Promise<void>((resolve) => server.close(() => resolve()));
      const drained = Promise.all([stopped(main.server), stopped(side.server)]);
      await closeApp();
      const sweep = setInterval(() => {
        main.server.closeIdleConnections();
        side.server.closeIdleConnections();
      }, 50);
      sweep.unref();
      const timeout = setTimeout(() => {
        main.server.closeAllConnections();
        side.server.closeAllConnections();
      }, 10_000);
      await drained;
      clearInterval(sweep);
      clearTimeout(timeout);
      restoreWarnings();
    },
  };
}
