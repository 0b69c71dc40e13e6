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
import type { ReductoTuning } from '../api.js';
import { createReductoServer } from '../index.js';
import { KEY } from './fake-reducto.js';

export { type CallResult, data, failure };

export interface Harness extends ToolClient {
  fake: FakeService;
  /** Every wait asked for, retries' and polls' alike, in order: nothing really sleeps. */
  sleeps: number[];
}

/** The tuning tests use: fast retries, and a virtual sleep for retries and job polls. */
export function testTuning(sleeps: number[], tuning: ReductoTuning = {}): ReductoTuning {
  const sleep = async (ms: number) => {
    sleeps.push(ms);
  };
  return {
    retries: 2,
    backoffMs: 1,
    timeoutMs: 2000,
    maxRetryAfterMs: 5000,
    sleep,
    ...tuning,
    poll: { initialDelayMs: 10, maxDelayMs: 40, deadlineMs: 60_000, sleep, ...tuning.poll },
  };
}

/**
 * A fake Reducto on 127.0.0.1 (GUMCP_REDUCTO_API_URL points at it; the API has no path prefix)
 * and an MCP client connected to the Reducto server.
 */
export async function setup(
  t: TestContext,
  credentials: ConnectOptions['credentials'] = { api_key: KEY },
  tuning: ReductoTuning = {},
): Promise<Harness> {
  const fake = await fakeFor(t, 'reducto');
  const sleeps: number[] = [];
  const { client, call } = await toolClient(t, createReductoServer(testTuning(sleeps, tuning)), {
    credentials,
  });
  return {
    fake,
    client,
    sleeps,
    call,
  };
}

/** Asserts a request's method, path, bearer key and (when given) JSON body and query. */
export function assertRequest(
  req: RecordedRequest | undefined,
  expected: { method: string; path: string; body?: unknown; query?: Record<string, string> },
  key = KEY,
): void {
  assert.ok(req, `no request for ${expected.method} ${expected.path}`);
  assert.equal(`${req.method} ${req.path}`, `${expected.method} ${expected.path}`);
  assert.equal(req.headers.authorization, `Bearer ${key}`);
  assert.deepEqual(Object.fromEntries(req.query), expected.query ?? {});
  if (expected.body === undefined) assert.equal(req.rawBody, '');
  else {
    assert.match(String(req.headers['content-type']), /^application\/json/);
    assert.deepEqual(req.body, expected.body);
  }
}
