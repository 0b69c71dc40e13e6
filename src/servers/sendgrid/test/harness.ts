import assert from 'node:assert/strict';
import type { TestContext } from 'node:test';
import { type FakeService, fakeFor, type RecordedRequest } from '../../../testing/fake-service.js';
import { type CallResult, type ConnectOptions, data, failure, toolClient } from '../../../testing/mcp.js';
import type { ClientTuning } from '../api.js';
import { createSendGridServer } from '../index.js';

export { type CallResult, data, failure };

export const KEY = 'SG.fake-key-id.fake-sendgrid-key-for-tests';

export const fast = (sleeps: number[] = [], extra: ClientTuning = {}): ClientTuning => ({
  retries: 2,
  backoffMs: 1,
  timeoutMs: 2000,
  maxRetryAfterMs: 5000,
  sleep: async (ms) => {
    sleeps.push(ms);
  },
  ...extra,
});

export interface Harness {
  fake: FakeService;
  eu: FakeService;
  /** Waits between attempts, recorded rather than slept. */
  sleeps: number[];
  call(name: string, args?: Record<string, unknown>): Promise<CallResult>;
}

/** Fakes of SendGrid's global and EU hosts on 127.0.0.1, and an MCP client on a server with fast retries. */
export async function setup(
  t: TestContext,
  credentials: ConnectOptions['credentials'] = { api_key: KEY },
  tuning: ClientTuning = {},
): Promise<Harness> {
  const fake = await fakeFor(t, 'sendgrid', '/v3');
  const eu = await fakeFor(t, 'sendgrid-eu', '/v3');
  const sleeps: number[] = [];
  const { call } = await toolClient(t, createSendGridServer(fast(sleeps, tuning)), { credentials });
  return { fake, eu, sleeps, call };
}

export function assertAuth(req: RecordedRequest, key = KEY): void {
  assert.equal(req.headers.authorization, `Bearer ${key}`);
}
