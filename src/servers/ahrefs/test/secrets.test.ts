import assert from 'node:assert/strict';
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { test } from 'node:test';
import { pino } from 'pino';
import type { ToolContext } from '../../../core/context.js';
import { fakeFor } from '../../../testing/fake-service.js';
import { apiUrlVariable } from '../../../upstream/client.js';
import { AhrefsApi, minuteWindow } from '../api.js';
import { BASE, error, single, unitsUsedUp } from './fake-ahrefs.js';
import { failure, KEY, setup } from './harness.js';

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

test('requests are logged by path and status only, and the key is in no URL and no log line', async (t) => {
  const fake = await fakeFor(t, 'ahrefs', BASE);
  fake.route(
    'GET /v3/site-explorer/domain-rating',
    single('domain_rating', { domain_rating: 1, ahrefs_rank: 2 }),
  );
  fake.route('GET /v3/site-explorer/metrics', unitsUsedUp);
  fake.route('GET /v3/subscription-info/limits-and-usage', error(500, 'down'));
  const { ctx, lines } = loggingContext();
  const api = new AhrefsApi(ctx, { backoffMs: 1, retries: 0 }, minuteWindow());

  await api.get('site-explorer/domain-rating', { target: 'ahrefs.com', date: '2025-03-01' }, { what: 'x' });
  await assert.rejects(api.get('site-explorer/metrics', { target: 'ahrefs.com' }, { what: 'y' }), /used up/);

  assert.equal(lines.length, 3);
  assert.match(lines[0] ?? '', /"method":"GET","path":"\/v3\/site-explorer\/domain-rating","status":200/);
  assert.match(lines[1] ?? '', /"path":"\/v3\/site-explorer\/metrics","status":403/);
  for (const line of lines) {
    assert.ok(!line.includes(KEY), line);
    assert.ok(!line.includes('target='), 'no query string is logged');
  }
  for (const req of fake.requests) {
    assert.ok(!req.path.includes(KEY) && !req.query.toString().includes(KEY), req.path);
    assert.equal(req.headers.authorization, `Bearer ${KEY}`);
  }
});

test('an unreachable host is logged by path only, and the error names no URL', async (t) => {
  const name = apiUrlVariable('ahrefs');
  process.env[name] = `http://127.0.0.1:${await closedPort()}/v3`;
  t.after(() => {
    delete process.env[name];
  });
  const { ctx, lines } = loggingContext();
  const api = new AhrefsApi(ctx, { backoffMs: 1, retries: 1 }, minuteWindow());

  await assert.rejects(api.get('site-explorer/domain-rating', { target: 'ahrefs.com' }, { what: 'x' }), {
    message: 'Could not reach Ahrefs; check the network and try again',
  });
  assert.equal(lines.length, 2, 'the attempt and its retry');
  for (const line of lines) {
    assert.match(line, /"path":"\/v3\/site-explorer\/domain-rating"/);
    assert.ok(!line.includes(KEY), line);
  }
});

test('an error that echoes the key, as a Bearer token or in a URL, reaches the user cleaned of it', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(
    'GET /v3/site-explorer/organic-keywords',
    error(
      400,
      `Bad select for key ${KEY} (Authorization: Bearer ${KEY}; https://x.example/?token=${KEY}&a=1)`,
    ),
  );

  assert.equal(
    failure(
      await call('organic_keywords', {
        target: 'ahrefs.com',
        country: 'us',
        date: '2025-03-01',
        select: 'keyword',
      }),
    ),
    'Invalid argument select: Ahrefs rejected the request for the organic keywords of ahrefs.com (HTTP 400): ' +
      'Bad select for key [redacted] (Authorization: Bearer [redacted]; https://x.example/?token=[redacted]&a=1)',
  );
});

test('an HTML error page is not passed on', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /v3/site-explorer/domain-rating', {
    status: 502,
    body: '<html><body>Bad gateway</body></html>',
  });

  assert.equal(
    failure(await call('domain_rating', { target: 'ahrefs.com', date: '2025-03-01' })),
    'Ahrefs failed (HTTP 502); try again later',
  );
});
