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
import type { CanvaTuning } from '../api.js';
import { createCanvaServer } from '../index.js';

export { type CallResult, data, failure };

export const TOKEN = 'fake-canva-access-token-for-tests';

export interface Harness extends ToolClient {
  fake: FakeService;
  /** Every wait asked for, retries' and polls' alike, in order: nothing really sleeps. */
  sleeps: number[];
}

/**
 * A fake Canva on 127.0.0.1 (GUMCP_CANVA_API_URL points at its /rest/v1) and an MCP client connected
 * to the Canva server, with fast retries and a virtual sleep for retries and job polls.
 */
export async function setup(
  t: TestContext,
  credentials: ConnectOptions['credentials'] = { access_token: TOKEN, refresh_token: 'rt' },
  tuning: CanvaTuning = {},
): Promise<Harness> {
  const fake = await fakeFor(t, 'canva', '/rest/v1');
  const sleeps: number[] = [];
  const sleep = async (ms: number) => {
    sleeps.push(ms);
  };
  const server = createCanvaServer({
    retries: 2,
    backoffMs: 1,
    timeoutMs: 2000,
    maxRetryAfterMs: 5000,
    sleep,
    ...tuning,
    poll: { initialDelayMs: 10, maxDelayMs: 40, deadlineMs: 60_000, sleep, ...tuning.poll },
  });
  const { client, call } = await toolClient(t, server, { credentials });
  return {
    fake,
    client,
    sleeps,
    call,
  };
}

/** Asserts a request's method, path, bearer token and (when given) JSON body and query. */
export function assertRequest(
  req: RecordedRequest | undefined,
  expected: { method: string; path: string; body?: unknown; query?: Record<string, string> },
  token = TOKEN,
): void {
  assert.ok(req, `no request for ${expected.method} ${expected.path}`);
  assert.equal(`${req.method} ${req.path}`, `${expected.method} ${expected.path}`);
  assert.equal(req.headers.authorization, `Bearer ${token}`);
  assert.deepEqual(Object.fromEntries(req.query), expected.query ?? {});
  if (expected.body === undefined) assert.equal(req.rawBody, '');
  else {
    assert.match(String(req.headers['content-type']), /^application\/json/);
    assert.deepEqual(req.body, expected.body);
  }
}
