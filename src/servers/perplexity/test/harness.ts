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
import type { PerplexityTuning } from '../api.js';
import { createPerplexityServer } from '../index.js';
import { KEY } from './fake-perplexity.js';

export { type CallResult, data };

export interface Harness extends ToolClient {
  fake: FakeService;
  /** Every wait a retry asked for, in order: nothing really sleeps. */
  sleeps: number[];
}

/** A fast, virtual-clock tuning: retries wait for nothing, and record what they would have waited. */
export function tuning(sleeps: number[]): PerplexityTuning {
  return {
    retries: 2,
    backoffMs: 1,
    timeoutMs: 2000,
    maxRetryAfterMs: 5000,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
  };
}

/** A fake Perplexity on 127.0.0.1 (GUMCP_PERPLEXITY_API_URL points at it) and a client connected to the server. */
export async function setup(
  t: TestContext,
  credentials: ConnectOptions['credentials'] = { api_key: KEY },
  extra: PerplexityTuning = {},
): Promise<Harness> {
  const fake = await fakeFor(t, 'perplexity');
  const sleeps: number[] = [];
  const { client, call } = await toolClient(t, createPerplexityServer({ ...tuning(sleeps), ...extra }), {
    credentials,
  });
  return {
    fake,
    client,
    sleeps,
    call,
  };
}

/** The message of a failed tool result, checked not to carry the key. */
export const failure = (result: CallResult): string => toolFailure(result, [KEY]);

/** The request reached POST /chat/completions with the key as a bearer token and a JSON body. */
export function assertCompletion(req: RecordedRequest | undefined, body: unknown, key = KEY): void {
  assert.ok(req, 'no request');
  assert.equal(`${req.method} ${req.path}`, 'POST /chat/completions');
  assert.equal(req.headers.authorization, `Bearer ${key}`);
  assert.match(String(req.headers['content-type']), /^application\/json/);
  assert.equal(req.query.size, 0, 'nothing in the query string');
  assert.deepEqual(req.body, body);
}
