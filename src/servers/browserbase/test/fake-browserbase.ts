import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TestContext } from 'node:test';
import type { FakeReply, FakeService } from '../../../testing/fake-service.js';

/**
 * Shapes from Browserbase's API reference (OpenAPI "Browserbase API v1": Sessions_create answers 201
 * with a Session plus `connectUrl`, Sessions_update answers 200 with the Session; errors are
 * `{ statusCode, error, message }`).
 */

export const SESSION_ID = 'f1b7c6a0-3c5e-4d27-9a8e-2f0c1d9e7b11';
export const PROJECT_ID = '4f3e2d1c-0b9a-8765-4321-fedcba987654';

export function session(status = 'RUNNING'): Record<string, unknown> {
  return {
    id: SESSION_ID,
    createdAt: '2025-06-01T10:00:00.000Z',
    updatedAt: '2025-06-01T10:00:00.000Z',
    projectId: PROJECT_ID,
    startedAt: '2025-06-01T10:00:00.000Z',
    expiresAt: '2025-06-01T10:05:00.000Z',
    status,
    proxyBytes: 0,
    keepAlive: false,
    region: 'us-west-2',
  };
}

/** The answer to `POST /v1/sessions`, handing out `connectUrl` as the browser's CDP address. */
export function created(connectUrl: string): FakeReply {
  return {
    status: 201,
    body: {
      ...session(),
      connectUrl,
      seleniumRemoteUrl: 'http://connect.invalid/webdriver',
      signingKey: 'signing-key-not-for-logs',
    },
  };
}

export function error(
  statusCode: number,
  name: string,
  message: string,
  headers?: Record<string, string>,
): FakeReply {
  return { status: statusCode, headers, body: { statusCode, error: name, message } };
}

/** Routes the two session calls: create hands out `connectUrl`, update releases. */
export function routeSessions(fake: FakeService, connectUrl: string): void {
  fake.route('POST /v1/sessions', created(connectUrl));
  fake.route(`POST /v1/sessions/${SESSION_ID}`, { body: session('COMPLETED') });
}

/** The requests that released the session. */
export const releases = (fake: FakeService) =>
  fake.requests.filter((r) => r.method === 'POST' && r.path === `/v1/sessions/${SESSION_ID}`);

/** Waits (bounded) until the fake saw a release: after a cancellation it arrives a moment later. */
export async function releaseArrives(fake: FakeService): Promise<void> {
  for (let i = 0; i < 200 && releases(fake).length === 0; i++) {
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

export const PAGE_HTML =
  '<!doctype html><html><head><title>Acme pricing</title><style>.x{color:red}</style></head>' +
  `<body><!-- ${'layout '.repeat(200)}--><h1>Plans</h1><p>Starter costs <b>10 €</b> a month.</p><p hidden>secret draft</p>` +
  '<script>document.body.insertAdjacentHTML("beforeend", "<p id=js>Rendered by script</p>")</script></body></html>';

/** A loopback port nothing listens on. */
export async function closedPort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  server.close();
  await once(server, 'close');
  return port;
}

/** A tiny web site on loopback for the browser to load. */
export async function startSite(t: TestContext): Promise<{ url: string; hits: string[] }> {
  const hits: string[] = [];
  const server: Server = createServer((req, res) => {
    hits.push(req.url ?? '/');
    if (req.url === '/redirect') {
      res.writeHead(302, { location: '/pricing' }).end();
    } else if (req.url === '/pricing') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE_HTML);
    } else if (req.url === '/slow') {
      // Never answers: the navigation times out (the socket is closed after the test).
    } else {
      res.writeHead(404, { 'content-type': 'text/html' }).end('<title>Not here</title><p>No such page</p>');
    }
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  t.after(async () => {
    server.closeAllConnections();
    server.close();
    await once(server, 'close');
  });
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, hits };
}
