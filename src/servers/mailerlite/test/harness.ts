import assert from 'node:assert/strict';
import type { TestContext } from 'node:test';
import { type FakeService, fakeFor, type RecordedRequest } from '../../../testing/fake-service.js';
import {
  type CallResult,
  type ConnectOptions,
  data,
  failure,
  type ToolClient,
  toolClient,
} from '../../../testing/mcp.js';
import { API_VERSION, type ClientTuning } from '../api.js';
import { createMailerLiteServer } from '../index.js';

export { type CallResult, data, failure };

export const KEY = 'eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.mailerlite-test-key';

export const fast = (sleeps: number[] = []): ClientTuning => ({
  retries: 2,
  backoffMs: 1,
  timeoutMs: 2000,
  maxRetryAfterMs: 5000,
  sleep: async (ms) => {
    sleeps.push(ms);
  },
});

export interface Harness extends ToolClient {
  fake: FakeService;
  /** Waits between attempts, recorded rather than slept. */
  sleeps: number[];
}

/** A fake MailerLite API on 127.0.0.1 (GUMCP_MAILERLITE_API_URL) and an MCP client on a server with fast retries. */
export async function setup(
  t: TestContext,
  credentials: ConnectOptions['credentials'] = { client_key: KEY },
): Promise<Harness> {
  const fake = await fakeFor(t, 'mailerlite', '/api');
  const sleeps: number[] = [];
  const { client, call } = await toolClient(t, createMailerLiteServer(fast(sleeps)), { credentials });
  return { fake, client, sleeps, call };
}

/** The key, the JSON headers MailerLite asks for on every request, and the pinned API version. */
export function assertAuth(req: RecordedRequest, key = KEY): void {
  assert.equal(req.headers.authorization, `Bearer ${key}`);
  assert.equal(req.headers.accept, 'application/json');
  assert.equal(req.headers['content-type'], 'application/json');
  assert.equal(req.headers['x-version'], API_VERSION);
}
