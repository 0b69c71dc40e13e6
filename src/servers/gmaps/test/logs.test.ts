import assert from 'node:assert/strict';
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { test } from 'node:test';
import { pino } from 'pino';
import type { ToolContext } from '../../../core/context.js';
import { apiUrlVariable } from '../../../upstream/client.js';
import { MapsApi } from '../api.js';
import { DRIVING_ROUTE, fakeMaps, fakeRoutes, KEY } from './fake-maps.js';

/** A tool context whose log lines (debug and up) are kept, to look for the key in them. */
function loggingContext(): { ctx: ToolContext; lines: string[] } {
  const lines: string[] = [];
  const log = pino({ level: 'debug' }, { write: (line: string) => lines.push(line) });
  const ctx = {
    log,
    signal: new AbortController().signal,
    credentials: async () => ({ api_key: KEY }),
  } as Pick<ToolContext, 'log' | 'signal' | 'credentials'> as ToolContext;
  return { ctx, lines };
}

/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  server.close();
  await once(server, 'close');
  return port;
}

test('requests are logged by path and status only: the key (a query parameter) is in no log line', async (t) => {
  await fakeMaps(t, { geocode: {} });
  await fakeRoutes(t, { routes: DRIVING_ROUTE });
  const { ctx, lines } = loggingContext();
  const api = new MapsApi(ctx, { backoffMs: 1 });

  await api.legacy({ api: 'Geocoding API', path: 'geocode/json', query: { address: 'Paris' } });
  await api.routes('directions/v2:computeRoutes', { origin: {}, destination: {} }, 'routes.duration');

  assert.equal(lines.length, 2);
  assert.match(lines[0] ?? '', /"path":"\/maps\/api\/geocode\/json","status":200/);
  assert.match(lines[1] ?? '', /"path":"\/directions\/v2:computeRoutes","status":200/);
  for (const line of lines) assert.ok(!line.includes(KEY), line);
});

test('an unreachable host is logged by path only, and the error names no URL', async (t) => {
  const name = apiUrlVariable('gmaps');
  process.env[name] = `http://127.0.0.1:${await closedPort()}/maps/api`;
  t.after(() => {
    delete process.env[name];
  });
  const { ctx, lines } = loggingContext();
  const api = new MapsApi(ctx, { backoffMs: 1, retries: 1 });

  await assert.rejects(
    api.legacy({ api: 'Geocoding API', path: 'geocode/json', query: { address: 'Paris' } }),
    {
      message: 'Could not reach Google Maps; check the network and try again',
    },
  );
  assert.equal(lines.length, 2, 'the attempt and its retry');
  for (const line of lines) {
    assert.match(line, /"path":"\/maps\/api\/geocode\/json"/);
    assert.ok(!line.includes(KEY), line);
  }
});
