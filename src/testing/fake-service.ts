import assert from 'node:assert/strict';
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TestContext } from 'node:test';
import { apiUrlVariable } from '../upstream/client.js';

/** A request as it reached the fake: what tests assert on. */
export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  /** Parsed JSON or form body when the content type says so, else the raw text (or undefined). */
  body: unknown;
  rawBody: string;
  /** The body exactly as it arrived, for uploads of files. */
  bytes: Buffer;
}

export interface FakeReply {
  status?: number;
  headers?: Record<string, string>;
  /** Objects are sent as JSON; strings and bytes (a file) as they are. */
  body?: unknown;
}

export type FakeRoute = (req: RecordedRequest) => FakeReply | Promise<FakeReply>;

export interface FakeService {
  /** Base URL on loopback, e.g. http://127.0.0.1:43211 */
  readonly url: string;
  readonly requests: RecordedRequest[];
  /** Answers `METHOD /path` (exact path) or, with a function, any request it returns a reply for. */
  route(methodAndPath: string, handler: FakeRoute | FakeReply): void;
  /** Queues one-off replies for a route, used before its regular handler (e.g. a 429 then success). */
  once(methodAndPath: string, ...replies: FakeReply[]): void;
  close(): Promise<void>;
}

function parseBody(req: IncomingMessage, raw: string): unknown {
  if (!raw) return undefined;
  const type = req.headers['content-type'] ?? '';
  if (type.includes('json')) return JSON.parse(raw);
  if (type.includes('x-www-form-urlencoded')) return Object.fromEntries(new URLSearchParams(raw));
  return raw;
}

/**
 * A stand-in for a provider's API on 127.0.0.1. Routes are keyed by "METHOD /path"; a path may end
 * in `*` to match a prefix. Unrouted requests get 404 with a JSON error, so a wrong path fails a test.
 */
export async function startFake(): Promise<FakeService> {
  const routes = new Map<string, FakeRoute>();
  const queued = new Map<string, FakeReply[]>();
  const requests: RecordedRequest[] = [];

  const find = (method: string, path: string): string | undefined => {
    const exact = `${method} ${path}`;
    if (queued.get(exact)?.length || routes.has(exact)) return exact;
    let best: string | undefined;
    for (const key of [...queued.keys(), ...routes.keys()]) {
      if (!key.endsWith('*')) continue;
      const [m, prefix] = [key.slice(0, key.indexOf(' ')), key.slice(key.indexOf(' ') + 1, -1)];
      if (m === method && path.startsWith(prefix) && (!best || key.length > best.length)) best = key;
    }
    return best;
  };

  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const bytes = Buffer.concat(chunks);
    const rawBody = bytes.toString();
    const url = new URL(req.url ?? '/', 'http://fake');
    const recorded: RecordedRequest = {
      method: req.method ?? 'GET',
      path: decodeURIComponent(url.pathname),
      query: url.searchParams,
      headers: req.headers,
      body: parseBody(req, rawBody),
      rawBody,
      bytes,
    };
    requests.push(recorded);
    const key = find(recorded.method, recorded.path);
    const next = key ? queued.get(key)?.shift() : undefined;
    const reply: FakeReply = next ??
      (key && routes.get(key) ? await routes.get(key)?.(recorded) : undefined) ?? {
        status: 404,
        body: { error: 'not_found', message: `fake has no route for ${recorded.method} ${recorded.path}` },
      };
    const binary = reply.body instanceof Uint8Array;
    const text = typeof reply.body === 'string';
    const body = binary || text ? (reply.body as string | Uint8Array) : JSON.stringify(reply.body ?? null);
    res.writeHead(reply.status ?? 200, {
      'content-type': binary ? 'application/octet-stream' : text ? 'text/plain' : 'application/json',
      ...reply.headers,
    });
    res.end(body);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    route(methodAndPath, handler) {
      routes.set(methodAndPath, typeof handler === 'function' ? handler : () => handler);
    },
    once(methodAndPath, ...replies) {
      queued.set(methodAndPath, [...(queued.get(methodAndPath) ?? []), ...replies]);
    },
    async close() {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}

/**
 * Starts a fake on 127.0.0.1 and points `serverId` at it through GUMCP_<ID>_API_URL for the rest of
 * the test, keeping the real path prefix (e.g. `/gmail/v1`) so recorded paths read like the
 * provider's. Tests in one file run one after another, so the variable is theirs. Closed after the test.
 */
export async function fakeFor(t: TestContext, serverId: string, basePath = ''): Promise<FakeService> {
  const fake = await startFake();
  const name = apiUrlVariable(serverId);
  process.env[name] = `${fake.url}${basePath}`;
  t.after(async () => {
    delete process.env[name];
    await fake.close();
  });
  return fake;
}

/** The one request the fake got for `method path`, failing the test when there is not exactly one. */
export function only(fake: FakeService, method: string, path: string): RecordedRequest {
  const matching = fake.requests.filter((r) => r.method === method && r.path === path);
  assert.equal(matching.length, 1, `expected one ${method} ${path}, got ${matching.length}`);
  return matching[0] as RecordedRequest;
}

/** The query of a request as a plain object; repeated keys become arrays. */
export function query(req: RecordedRequest): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(req.query.keys())) {
    const values = req.query.getAll(key);
    out[key] = values.length > 1 ? values : (values[0] as string);
  }
  return out;
}
