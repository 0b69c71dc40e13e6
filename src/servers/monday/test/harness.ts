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
import { type ClientTuning, MONDAY_API_VERSION } from '../api.js';
import { createMondayServer } from '../index.js';
import { calls, type GraphQLCall } from './fake-monday.js';

export { type CallResult, data, failure };

export const TOKEN = 'eyJhbGciOiJIUzI1NiJ9.monday-test-token.c2lnbmF0dXJl';

/** Retries, backoff and throttle waits in milliseconds, so error tests finish at once. */
export const FAST: ClientTuning = {
  retries: 2,
  backoffMs: 1,
  timeoutMs: 2000,
  maxRetryAfterMs: 100,
  throttleRetries: 2,
  maxThrottleWaitMs: 100,
};

export interface Harness extends ToolClient {
  fake: FakeService;
}

/** A fake monday.com API on 127.0.0.1 (at /v2, as the real one) and an MCP client on the server. */
export async function setup(
  t: TestContext,
  credentials: ConnectOptions['credentials'] = { access_token: TOKEN },
): Promise<Harness> {
  const fake = await fakeFor(t, 'monday', '/v2');
  const { client, call } = await toolClient(t, createMondayServer(FAST), { credentials });
  return { fake, client, call };
}

/** monday.com's headers: the bare token, the pinned API version, JSON. */
export function assertHeaders(req: RecordedRequest, token = TOKEN): void {
  assert.equal(req.method, 'POST');
  assert.equal(req.path, '/v2');
  assert.equal(req.headers.authorization, token);
  assert.equal(req.headers['api-version'], MONDAY_API_VERSION);
  assert.match(String(req.headers['content-type']), /^application\/json/);
}

/** The one GraphQL call the fake got, checked for monday.com's headers. */
export function onlyCall(fake: FakeService): GraphQLCall {
  const all = calls(fake);
  assert.equal(all.length, 1, `expected one call, got ${all.length}`);
  const [call] = all;
  assert.ok(call);
  assertHeaders(call.req);
  return call;
}

/** A GraphQL document with its whitespace collapsed, for comparing queries. */
export const squash = (query: string) => query.replace(/\s+/g, ' ').trim();
