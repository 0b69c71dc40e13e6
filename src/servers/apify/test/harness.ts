import assert from 'node:assert/strict';
import type { TestContext } from 'node:test';
import { type FakeService, fakeFor, type RecordedRequest } from '../../../testing/fake-service.js';
import {
  type CallResult,
  type ConnectOptions,
  data,
  type ToolClient,
  toolClient,
  failure as toolFailure,
} from '../../../testing/mcp.js';
import type { ApifyTuning } from '../api.js';
import { createApifyServer } from '../index.js';
import { BASE, TOKEN } from './fake-apify.js';

export { type CallResult, data };

export interface Harness extends ToolClient {
  fake: FakeService;
  /** Every wait asked for, retries' and polls' alike, in order: nothing really sleeps. */
  sleeps: number[];
}

/**
 * Fast retries and a virtual clock: a sleep returns at once (or rejects when the call was cancelled,
 * as the real one does) and moves the clock the waits are measured on.
 */
export function tuning(sleeps: number[]): ApifyTuning {
  let now = 1_000_000;
  const sleep = async (ms: number, signal?: AbortSignal) => {
    sleeps.push(ms);
    if (signal?.aborted) throw signal.reason;
    now += ms;
  };
  return {
    retries: 2,
    backoffMs: 1,
    timeoutMs: 2000,
    maxRetryAfterMs: 5000,
    sleep,
    jobs: { initialDelayMs: 1000, maxDelayMs: 1000, sleep, now: () => now },
  };
}

/** A fake Apify on 127.0.0.1 (GUMCP_APIFY_API_URL points at its /v2) and a client connected to the server. */
export async function setup(
  t: TestContext,
  credentials: ConnectOptions['credentials'] = { token: TOKEN },
): Promise<Harness> {
  const fake = await fakeFor(t, 'apify', BASE);
  const sleeps: number[] = [];
  const { client, call } = await toolClient(t, createApifyServer(tuning(sleeps)), { credentials });
  return {
    fake,
    client,
    sleeps,
    call,
  };
}

/** The message of a failed tool result, checked not to carry the token. */
export const failure = (result: CallResult): string => toolFailure(result, [TOKEN]);

/** Asserts a request's method, path, bearer token, query and (when given) JSON body. */
export function assertRequest(
  req: RecordedRequest | undefined,
  expected: { method: string; path: string; query?: Record<string, string>; body?: unknown },
  token = TOKEN,
): void {
  assert.ok(req, `no request for ${expected.method} ${expected.path}`);
  assert.equal(`${req.method} ${req.path}`, `${expected.method} ${expected.path}`);
  assert.equal(req.headers.authorization, `Bearer ${token}`);
  assert.equal(req.query.get('token'), null, 'the token is in no URL');
  assert.deepEqual(Object.fromEntries(req.query), expected.query ?? {});
  if (expected.body === undefined) assert.equal(req.rawBody, '');
  else {
    assert.match(String(req.headers['content-type']), /^application\/json/);
    assert.deepEqual(req.body, expected.body);
  }
}
