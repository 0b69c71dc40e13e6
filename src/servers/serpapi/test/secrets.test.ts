import assert from 'node:assert/strict';
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { test } from 'node:test';
import { pino } from 'pino';
import type { ToolContext } from '../../../core/context.js';
import { fakeFor } from '../../../testing/fake-service.js';
import { apiUrlVariable } from '../../../upstream/client.js';
import { SerpApi } from '../api.js';
import { coffeePage, errorReply, KEY, outOfSearches } from './fake-serpapi.js';
import { failure, setup } from './harness.js';

/** A tool context whose log lines (debug and up) are kept, to look for the key in them. */
function loggingContext(): { ctx: ToolContext; lines: string[] } {
  const lines: string[] = [];
  const log = pino({ level: 'debug' }, { write: (line: string) => lines.push(line) });
  const ctx = {
    log,
    signal: new AbortController().signal,
    credentials: async () => ({ api_key: KEY }),
    progress: async () => undefined,
  } as Pick<ToolContext, 'log' | 'signal' | 'credentials' | 'progress'> as ToolContext;
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

test('requests are logged by path and status only: the key, a query parameter, is in no log line', async (t) => {
  const fake = await fakeFor(t, 'serpapi');
  fake.route('GET /search', { body: coffeePage() });
  fake.route('GET /searches/61afb3ace7d08a685b3bcbb1.json', outOfSearches);
  const { ctx, lines } = loggingContext();
  const api = new SerpApi(ctx, { backoffMs: 1 });

  await api.search({ engine: 'google', q: 'coffee' }, { what: 'the search' });
  await assert.rejects(api.archive('61afb3ace7d08a685b3bcbb1'), (e: Error) => {
    assert.match(e.message, /run out of searches/);
    assert.ok(!e.message.includes(KEY));
    return true;
  });

  assert.equal(lines.length, 2);
  assert.match(lines[0] ?? '', /"method":"GET","path":"\/search","status":200/);
  assert.match(lines[1] ?? '', /"path":"\/searches\/61afb3ace7d08a685b3bcbb1.json","status":429/);
  for (const line of lines) assert.ok(!line.includes(KEY), line);
  // The key did reach SerpApi, as the api_key parameter it requires.
  for (const req of fake.requests) assert.equal(req.query.get('api_key'), KEY);
});

test('an unreachable host is logged by path only, and the error names no URL', async (t) => {
  const name = apiUrlVariable('serpapi');
  process.env[name] = `http://127.0.0.1:${await closedPort()}`;
  t.after(() => {
    delete process.env[name];
  });
  const { ctx, lines } = loggingContext();
  const api = new SerpApi(ctx, { backoffMs: 1, retries: 1 });
  await assert.rejects(api.search({ q: 'coffee' }, { what: 'the search' }), {
    message: 'Could not reach SerpApi; check the network and try again',
  });
  assert.equal(lines.length, 2, 'the attempt and its retry');
  for (const line of lines) {
    assert.match(line, /"path":"\/search"/);
    assert.ok(!line.includes(KEY), line);
  }
});

test('an error that echoes the key, or a URL with it, reaches the user cleaned of both', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(
    'GET /search',
    errorReply(400, `Invalid request https://serpapi.com/search.json?q=coffee&api_key=${KEY} (key ${KEY})`),
  );
  assert.equal(
    failure(await call({ q: 'coffee' })),
    'SerpApi rejected the search for "coffee" (HTTP 400): Invalid request ' +
      'https://serpapi.com/search.json?q=coffee&api_key=[redacted] (key [redacted])',
  );
  fake.route('GET /search', { status: 500, body: `boom api_key=${KEY}` });
  assert.equal(
    failure(await call({ q: 'coffee' })),
    'SerpApi failed (HTTP 500): boom api_key=[redacted]; try again later',
  );
});
