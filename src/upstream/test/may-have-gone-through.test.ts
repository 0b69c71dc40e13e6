import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ToolError } from '../../core/errors.js';
import { startFake } from '../../testing/fake-service.js';
import {
  MayHaveGoneThroughError,
  NoAnswerError,
  UpstreamClient,
  UpstreamError,
  type UpstreamOptions,
  unanswered,
} from '../client.js';

/** A client whose attempts are counted, with waits that cost nothing. */
function counted(
  baseUrl: string,
  extra: Partial<UpstreamOptions> = {},
): { client: UpstreamClient; attempts: string[] } {
  const attempts: string[] = [];
  const client = new UpstreamClient({
    service: 'Orders',
    serverId: 'orders',
    baseUrl,
    backoffMs: 1,
    beforeAttempt: async (path) => void attempts.push(path),
    sleep: async () => undefined,
    ...extra,
  });
  return { client, attempts };
}

/** A loopback URL where nothing listens any more: a request to it gets no answer at all. */
async function deadUrl(): Promise<string> {
  const fake = await startFake();
  await fake.close();
  return fake.url;
}

/** The error a call fails with. */
async function failureOf(call: Promise<unknown>): Promise<unknown> {
  return call.then(
    () => assert.fail('the call should have failed'),
    (error: unknown) => error,
  );
}

test('a write that got no answer is not sent again and says it may have gone through, typed', async () => {
  const { client, attempts } = counted(await deadUrl());
  const error = await failureOf(client.post('orders', { item: 'x' }));
  assert.ok(error instanceof MayHaveGoneThroughError);
  assert.ok(error instanceof UpstreamError && error instanceof ToolError);
  assert.equal(
    error.message,
    'Orders did not answer; the request may have gone through, so check before trying again',
  );
  assert.equal(error.happened, 'Orders did not answer');
  assert.equal(error.status, 0);
  assert.equal(error.answered, false);
  assert.equal(unanswered(error), true);
  assert.deepEqual(attempts, ['/orders'], 'sent once');
});

test('a write answered 5xx is not sent again and says it may have gone through, with the status', async (t) => {
  const fake = await startFake();
  t.after(() => fake.close());
  fake.route('POST /orders', { status: 502, body: 'Bad gateway' });
  const { client } = counted(fake.url);
  const error = await failureOf(client.post('orders', { item: 'x' }));
  assert.ok(error instanceof MayHaveGoneThroughError);
  assert.equal(
    error.message,
    'Orders failed (HTTP 502); the request may have gone through, so check before trying again',
  );
  assert.equal(error.happened, 'Orders failed (HTTP 502)');
  assert.equal(error.status, 502);
  assert.equal(error.answered, true);
  assert.equal(unanswered(error), false, 'an answer came');
  assert.equal(fake.requests.length, 1);
});

test('what is safe to repeat is retried, and then fails as a plain upstream error or as no answer', async (t) => {
  const fake = await startFake();
  t.after(() => fake.close());
  fake.route('GET /orders', { status: 503, body: {} });
  fake.route('PUT /orders/1', { status: 500, body: {} });
  const { client } = counted(fake.url, { retries: 1 });
  for (const call of [
    () => client.get('orders'),
    () => client.request('orders/1', { method: 'PUT', body: {} }),
  ]) {
    const error = await failureOf(call());
    assert.ok(error instanceof UpstreamError && !(error instanceof MayHaveGoneThroughError));
    assert.match(error.message, /^Orders failed \(HTTP 50\d\); try again later$/);
    assert.equal(unanswered(error), false);
  }
  assert.equal(fake.requests.length, 4, 'each sent twice');

  const { client: keyed, attempts } = counted(await deadUrl(), { retries: 1 });
  const lost = await failureOf(keyed.request('orders', { method: 'POST', body: {}, idempotent: true }));
  assert.ok(lost instanceof NoAnswerError && !(lost instanceof MayHaveGoneThroughError));
  assert.equal(lost.message, 'Could not reach Orders; check the network and try again');
  assert.equal(unanswered(lost), true);
  assert.equal(attempts.length, 2, 'a write with an idempotency key is retried');
});

test('a provider’s own mapping of a 5xx wins over the client’s', async (t) => {
  const fake = await startFake();
  t.after(() => fake.close());
  fake.route('POST /orders', { status: 500, body: {} });
  const { client } = counted(fake.url, {
    mapError: (status) => new UpstreamError(`mapped ${status}`, status),
  });
  const error = await failureOf(client.post('orders', {}));
  assert.ok(error instanceof UpstreamError && !(error instanceof MayHaveGoneThroughError));
  assert.equal(error.message, 'mapped 500');
});

test('a cancelled request is not taken for one that got no answer', async (t) => {
  const fake = await startFake();
  t.after(() => fake.close());
  let release = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  t.after(() => release());
  fake.route('POST /orders', async () => {
    await held;
    return { body: {} };
  });
  const { client } = counted(fake.url);
  const controller = new AbortController();
  const call = failureOf(client.post('orders', {}, controller.signal));
  while (fake.requests.length === 0) await new Promise((resolve) => setImmediate(resolve));
  controller.abort();
  const error = await call;
  assert.ok(error instanceof ToolError);
  assert.equal(error.message, 'Request to Orders was cancelled');
  assert.equal(error instanceof MayHaveGoneThroughError || error instanceof NoAnswerError, false);
  assert.equal(unanswered(error), false);
});
