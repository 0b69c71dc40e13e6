import assert from 'node:assert/strict';
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { test } from 'node:test';
import { pino } from 'pino';
import type { ToolContext } from '../../../core/context.js';
import { fakeFor } from '../../../testing/fake-service.js';
import { apiUrlVariable } from '../../../upstream/client.js';
import { HunterApi } from '../api.js';
import { account, BASE, errors, quotaUsedUp } from './fake-hunter.js';
import { failure, KEY, setup } from './harness.js';

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

test('requests are logged by path and status only, and the key is in no URL and no log line', async (t) => {
  const fake = await fakeFor(t, 'hunter_io', BASE);
  fake.route('GET /v2/email-count', { body: { data: { total: 1 } } });
  fake.route('GET /v2/domain-search', quotaUsedUp);
  fake.route('GET /v2/account', { body: account });
  const { ctx, lines } = loggingContext();
  const api = new HunterApi(ctx, { backoffMs: 1 });

  await api.emailCount('stripe.com');
  await assert.rejects(api.domainSearch({ domain: 'stripe.com' }, {}), /monthly allowance is used up/);

  assert.equal(lines.length, 3);
  assert.match(lines[0] ?? '', /"method":"GET","path":"\/v2\/email-count","status":200/);
  assert.match(lines[1] ?? '', /"path":"\/v2\/domain-search","status":429/);
  for (const line of lines) assert.ok(!line.includes(KEY), line);
  for (const req of fake.requests) {
    assert.ok(!req.path.includes(KEY) && !req.query.toString().includes(KEY), req.path);
    assert.equal(req.headers['x-api-key'], KEY);
  }
});

test('an unreachable host is logged by path only, and the error names no URL', async (t) => {
  const name = apiUrlVariable('hunter_io');
  process.env[name] = `http://127.0.0.1:${await closedPort()}/v2`;
  t.after(() => {
    delete process.env[name];
  });
  const { ctx, lines } = loggingContext();
  const api = new HunterApi(ctx, { backoffMs: 1, retries: 1 });

  await assert.rejects(api.emailCount('stripe.com'), {
    message: 'Could not reach Hunter; check the network and try again',
  });
  assert.equal(lines.length, 2, 'the attempt and its retry');
  for (const line of lines) {
    assert.match(line, /"path":"\/v2\/email-count"/);
    assert.ok(!line.includes(KEY), line);
  }
});

test('an error that echoes the key, or a URL with it, reaches the user cleaned of both', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(
    'GET /v2/email-verifier',
    errors(
      400,
      'wrong_params',
      `Bad request https://api.hunter.io/v2/email-verifier?email=x&api_key=${KEY} (key ${KEY})`,
    ),
  );

  assert.equal(
    failure(await call('email_verifier', { email: 'x@example.com' })),
    'Invalid argument email: Hunter rejected the request for the verification of x@example.com (HTTP 400): ' +
      'Bad request ' +
      'https://api.hunter.io/v2/email-verifier?email=x&api_key=[redacted] (key [redacted])',
  );
});
