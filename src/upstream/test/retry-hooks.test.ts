import assert from 'node:assert/strict';
import { test } from 'node:test';
import { startFake } from '../../testing/fake-service.js';
import { UpstreamClient } from '../client.js';

/** The hooks a provider's own rate-limit rules plug into: its retry delay, a client-side throttle, a clock. */

test('a 429 without Retry-After waits what the provider’s own headers say, on the injected clock', async (t) => {
  const fake = await startFake();
  t.after(() => fake.close());
  const reset = Math.floor(Date.now() / 1000) + 7;
  fake.once('GET /tasks', {
    status: 429,
    headers: { 'x-ratelimit-reset': String(reset) },
    body: { err: 'Rate limit' },
  });
  fake.route('GET /tasks', { body: { tasks: [] } });
  const waits: number[] = [];
  const attempts: string[] = [];
  const client = new UpstreamClient({
    service: 'Tasks',
    serverId: 'tasks',
    baseUrl: fake.url,
    retryDelay: (_status, headers) => Number(headers.get('x-ratelimit-reset')) * 1000 - Date.now(),
    beforeAttempt: async (path) => void attempts.push(path),
    sleep: async (ms) => void waits.push(ms),
  });

  assert.deepEqual(await client.get('tasks'), { tasks: [] });
  assert.equal(waits.length, 1);
  assert.ok((waits[0] ?? 0) > 5_000 && (waits[0] ?? 0) <= 7_000, `waited ${waits[0]} ms`);
  assert.deepEqual(attempts, ['/tasks', '/tasks'], 'the throttle runs before every attempt');
});

test('a provider delay longer than the limit fails at once instead of waiting', async (t) => {
  const fake = await startFake();
  t.after(() => fake.close());
  fake.route('GET /tasks', { status: 429, body: {} });
  const client = new UpstreamClient({
    service: 'Tasks',
    serverId: 'tasks',
    baseUrl: fake.url,
    maxRetryAfterMs: 1_000,
    retryDelay: () => 30_000,
    sleep: async () => assert.fail('no wait'),
  });

  await assert.rejects(client.get('tasks'), { message: 'Rate limited by Tasks; try again in 30 s' });
  assert.equal(fake.requests.length, 1);
});

test('retryable false vetoes a retry the client would make, whatever Retry-After says', async (t) => {
  const fake = await startFake();
  t.after(() => fake.close());
  fake.route('GET /search', {
    status: 429,
    headers: { 'retry-after': '0' },
    body: { error: 'quota', message: 'Monthly quota used up' },
  });
  fake.route('GET /items', { status: 503, body: {} });
  const asked: [number, unknown][] = [];
  const client = new UpstreamClient({
    service: 'Tasks',
    serverId: 'tasks',
    baseUrl: fake.url,
    retryable: (status, _headers, body) => {
      asked.push([status, body]);
      return (body as { error?: string } | undefined)?.error === 'quota' || status === 503
        ? false
        : undefined;
    },
    sleep: async () => assert.fail('no wait'),
  });

  await assert.rejects(client.get('search'), {
    message: 'Rate limited by Tasks; try again in a few seconds',
  });
  await assert.rejects(client.get('items'), { message: 'Tasks failed (HTTP 503); try again later' });
  assert.equal(fake.requests.length, 2, 'each sent once');
  assert.deepEqual(asked, [
    [429, { error: 'quota', message: 'Monthly quota used up' }],
    [503, {}],
  ]);
});

test('retryable undefined leaves the client’s own rule: a 429 is retried, a 4xx is not', async (t) => {
  const fake = await startFake();
  t.after(() => fake.close());
  fake.once('GET /tasks', { status: 429, headers: { 'retry-after': '0' }, body: {} });
  fake.route('GET /tasks', { body: { tasks: [] } });
  fake.route('GET /denied', { status: 403, body: {} });
  const waits: number[] = [];
  const client = new UpstreamClient({
    service: 'Tasks',
    serverId: 'tasks',
    baseUrl: fake.url,
    retryable: () => undefined,
    sleep: async (ms) => void waits.push(ms),
  });

  assert.deepEqual(await client.get('tasks'), { tasks: [] });
  await assert.rejects(client.get('denied'), { message: 'Permission denied by Tasks' });
  assert.equal(fake.requests.length, 3);
  assert.deepEqual(waits, [0]);
});

test('retryable true retries an answer the client would not (a 403 rate limit), writes too, within the retries', async (t) => {
  const fake = await startFake();
  t.after(() => fake.close());
  const rateLimited = { status: 403, body: { errors: [{ id: 'too_many_requests' }] } };
  fake.once('POST /leads', rateLimited, rateLimited);
  fake.route('POST /leads', { status: 201, body: { id: 1 } });
  fake.route('GET /always', rateLimited);
  const waits: number[] = [];
  const client = new UpstreamClient({
    service: 'Tasks',
    serverId: 'tasks',
    baseUrl: fake.url,
    retries: 2,
    retryable: (status, _headers, body) =>
      status === 403 && JSON.stringify(body).includes('too_many_requests') ? true : undefined,
    retryDelay: (status) => (status === 403 ? 1000 : undefined),
    sleep: async (ms) => void waits.push(ms),
  });

  assert.deepEqual(await client.post('leads', { email: 'a@b.co' }), { id: 1 });
  assert.equal(fake.requests.length, 3, 'a POST retried twice: the service did nothing with it');
  assert.deepEqual(waits, [1000, 1000], 'the provider’s delay');

  await assert.rejects(client.get('always'), { message: 'Permission denied by Tasks' });
  assert.equal(fake.requests.length, 6, 'the first try and two retries, then the error');
});

test('a wait between attempts stopped by the caller reads as a cancelled request', async (t) => {
  const fake = await startFake();
  t.after(() => fake.close());
  fake.route('GET /tasks', { status: 429, headers: { 'retry-after': '30' }, body: {} });
  const controller = new AbortController();
  const client = new UpstreamClient({
    service: 'Tasks',
    serverId: 'tasks',
    baseUrl: fake.url,
    sleep: async (_ms, signal) => {
      controller.abort();
      if (signal?.aborted) throw signal.reason;
    },
  });

  await assert.rejects(client.get('tasks', {}, controller.signal), {
    message: 'Request to Tasks was cancelled',
  });
  assert.equal(fake.requests.length, 1);
});
