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
import type { FirecrawlTuning } from '../api.js';
import { createFirecrawlServer } from '../index.js';
import { BASE, KEY } from './fake-firecrawl.js';

export { type CallResult, data };

export interface Harness extends ToolClient {
  fake: FakeService;
  /** Every wait asked for, retries' and polls' alike, in order: nothing really sleeps. */
  sleeps: number[];
}

/**
 * Small retries, and a virtual clock: each wait is recorded and moves the clock the job waits are
 * measured with, so a wait of N seconds ends after N seconds of polls without real time passing.
 */
export function fast(sleeps: number[], extra: FirecrawlTuning = {}): FirecrawlTuning {
  let clock = 1_000_000;
  const sleep = async (ms: number) => {
    sleeps.push(ms);
    clock += ms;
  };
  return {
    retries: 2,
    backoffMs: 1,
    timeoutMs: 2000,
    maxRetryAfterMs: 5000,
    sleep,
    ...extra,
    poll: { initialDelayMs: 1000, maxDelayMs: 4000, sleep, now: () => clock, ...extra.poll },
  };
}

/** A fake Firecrawl on 127.0.0.1 (GUMCP_FIRECRAWL_API_URL points at its /v2) and an MCP client. */
export async function setup(
  t: TestContext,
  credentials: ConnectOptions['credentials'] = { api_key: KEY },
  tuning: FirecrawlTuning = {},
): Promise<Harness> {
  const fake = await fakeFor(t, 'firecrawl', BASE);
  const sleeps: number[] = [];
  const { client, call } = await toolClient(t, createFirecrawlServer(fast(sleeps, tuning)), { credentials });
  return {
    fake,
    client,
    sleeps,
    call,
  };
}

/** The message of a failed tool result, checked not to carry the key. */
export const failure = (result: CallResult): string => toolFailure(result, [KEY]);

/** Asserts a request's method, path, bearer key, query and (when given) JSON body. */
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
