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
