import assert from 'node:assert/strict';
import type { TestContext } from 'node:test';
import type { Client } from '@modelcontextprotocol/client';
import { type FakeService, fakeFor, type RecordedRequest } from '../../../testing/fake-service.js';
import {
  type CallResult,
  type ConnectOptions,
  connect,
  text,
  failure as toolFailure,
} from '../../../testing/mcp.js';
import type { SerpApiTuning } from '../api.js';
import { createSerpApiServer } from '../index.js';
import { KEY } from './fake-serpapi.js';

export type { CallResult };

export type CallOptions = Parameters<Client['callTool']>[1];

export interface Harness {
  fake: FakeService;
  client: Client;
  /** Every wait asked for, retries' and polls' alike: nothing really sleeps. */
  sleeps: number[];
  call(args: Record<string, unknown>, options?: CallOptions): Promise<CallResult>;
}

/** Small retries, and a virtual clock that each (recorded) wait moves. */
export function fast(sleeps: number[], extra: SerpApiTuning = {}): SerpApiTuning {
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

/** A fake SerpApi on 127.0.0.1 (GUMCP_SERPAPI_API_URL) and an MCP client calling serpapi_search. */
export async function setup(
  t: TestContext,
  credentials: ConnectOptions['credentials'] = { api_key: KEY },
  tuning: SerpApiTuning = {},
): Promise<Harness> {
  const fake = await fakeFor(t, 'serpapi');
  const sleeps: number[] = [];
  const client = await connect(createSerpApiServer(fast(sleeps, tuning)), { credentials });
  t.after(() => client.close());
  return {
    fake,
    client,
    sleeps,
    call: (args, options) => client.callTool({ name: 'serpapi_search', arguments: args }, options),
  };
}

export function data(result: CallResult): Record<string, unknown> {
  assert.equal(result.isError, undefined, `tool failed: ${text(result)}`);
  assert.ok(result.structuredContent, 'no structured content');
  assert.deepEqual(JSON.parse(text(result)), result.structuredContent);
  assert.ok(!text(result).includes(KEY), 'the key is in the answer');
  return result.structuredContent as Record<string, unknown>;
}

/** The message of a failed tool result, checked not to carry the key. */
export const failure = (result: CallResult): string => toolFailure(result, [KEY]);

/** Asserts a request's method and path, and its query with the key as `api_key`. */
export function assertRequest(
  req: RecordedRequest | undefined,
  expected: { path: string; query: Record<string, string> },
  key = KEY,
): void {
  assert.ok(req, `no request for ${expected.path}`);
  assert.equal(`${req.method} ${req.path}`, `GET ${expected.path}`);
  assert.deepEqual(Object.fromEntries(req.query), { ...expected.query, api_key: key });
  assert.equal(req.headers.authorization, undefined);
}
