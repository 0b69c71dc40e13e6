import assert from 'node:assert/strict';
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { test } from 'node:test';
import { pino } from 'pino';
import type { ToolContext } from '../../../core/context.js';
import { fakeFor } from '../../../testing/fake-service.js';
import { apiUrlVariable } from '../../../upstream/client.js';
import { FirecrawlApi } from '../api.js';
import { BASE, creditUsage, failure as fail, KEY, outOfCredits } from './fake-firecrawl.js';
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

test('requests are logged by path and status only; the key travels in the Authorization header alone', async (t) => {
  const fake = await fakeFor(t, 'firecrawl', BASE);
  fake.route('GET /v2/team/credit-usage', { body: creditUsage });
  fake.route('POST /v2/map', outOfCredits);
  const { ctx, lines } = loggingContext();
  const api = new FirecrawlApi(ctx, { backoffMs: 1 });

  await api.creditUsage();
  await assert.rejects(api.map({ url: 'https://example.com' }, { what: 'the map' }), /no credits left/);

  assert.equal(lines.length, 2);
  assert.match(lines[0] ?? '', /"method":"GET","path":"\/v2\/team\/credit-usage","status":200/);
  assert.match(lines[1] ?? '', /"method":"POST","path":"\/v2\/map","status":402/);
  for (const line of lines) assert.ok(!line.includes(KEY), line);
  for (const req of fake.requests) {
    assert.ok(!req.path.includes(KEY) && !req.query.toString().includes(KEY) && !req.rawBody.includes(KEY));
    assert.equal(req.headers.authorization, `Bearer ${KEY}`);
  }
});

test('an unreachable host is logged by path only, and the error names no URL', async (t) => {
  const name = apiUrlVariable('firecrawl');
  process.env[name] = `http://127.0.0.1:${await closedPort()}/v2`;
  t.after(() => {
    delete process.env[name];
  });
  const { ctx, lines } = loggingContext();
  const api = new FirecrawlApi(ctx, { backoffMs: 1, retries: 1 });
  await assert.rejects(api.creditUsage(), {
    message: 'Could not reach Firecrawl; check the network and try again',
  });
  assert.equal(lines.length, 2, 'the attempt and its retry');
  for (const line of lines) {
    assert.match(line, /"path":"\/v2\/team\/credit-usage"/);
    assert.ok(!line.includes(KEY), line);
  }
});

test('an error that echoes the key, or any fc- key, reaches the user cleaned of it', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(
    'POST /v2/scrape',
    fail(400, `Bad Request for key ${KEY}`, {
      details: [{ path: ['headers'], message: 'Invalid header Authorization: Bearer fc-0123456789abcdef' }],
    }),
  );
  assert.equal(
    failure(await call('scrape_url', { url: 'https://example.com' })),
    'Invalid argument headers: Firecrawl rejected the request for the scrape of https://example.com (HTTP 400): ' +
      'Bad Request for key [redacted]; headers: Invalid header Authorization: Bearer [redacted]',
  );
});
