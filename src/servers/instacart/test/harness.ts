import assert from 'node:assert/strict';
import type { TestContext } from 'node:test';
import { type FakeService, fakeFor, type RecordedRequest } from '../../../testing/fake-service.js';
import { type CallResult, type ConnectOptions, data, failure, toolClient } from '../../../testing/mcp.js';
import type { ClientTuning } from '../api.js';
import { createInstacartServer } from '../index.js';

export { type CallResult, data, failure };

export const KEY = 'keys.fake-instacart-key';

export const fast = (sleeps: number[] = []): ClientTuning => ({
  retries: 2,
  backoffMs: 1,
  timeoutMs: 2000,
  maxRetryAfterMs: 5000,
  sleep: async (ms) => {
    sleeps.push(ms);
  },
});

export interface Harness {
  production: FakeService;
  development: FakeService;
  /** Waits between attempts, recorded rather than slept. */
  sleeps: number[];
  call(name: string, args?: Record<string, unknown>): Promise<CallResult>;
}

/** Fakes of both Instacart hosts on 127.0.0.1 and an MCP client on a server with fast retries. */
export async function setup(
  t: TestContext,
  credentials: ConnectOptions['credentials'] = { api_key: KEY, environment: 'production' },
): Promise<Harness> {
  const production = await fakeFor(t, 'instacart', '/idp/v1');
  const development = await fakeFor(t, 'instacart-dev', '/idp/v1');
  const sleeps: number[] = [];
  const { call } = await toolClient(t, createInstacartServer(fast(sleeps)), { credentials });
  return {
    production,
    development,
    sleeps,
    call,
  };
}

export function assertAuth(req: RecordedRequest, key = KEY): void {
  assert.equal(req.headers.authorization, `Bearer ${key}`);
  assert.equal(req.headers.accept, 'application/json');
}
