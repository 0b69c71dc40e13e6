import assert from 'node:assert/strict';
import type { TestContext } from 'node:test';
import { type FakeService, fakeFor, query, type RecordedRequest } from '../../../testing/fake-service.js';
import {
  type CallResult,
  type ConnectOptions,
  data,
  type ToolClient,
  toolClient,
  failure as toolFailure,
} from '../../../testing/mcp.js';
import { type AhrefsOptions, createAhrefsServer } from '../index.js';
import { BASE } from './fake-ahrefs.js';

export { type CallResult, data };

export const KEY = 'fake-ahrefs-key-for-tests';

/** Small retries, and a sleep that records each wait and returns at once. */
export function fast(sleeps: number[], extra: AhrefsOptions = {}): AhrefsOptions {
  return {
    retries: 2,
    backoffMs: 1,
    timeoutMs: 2000,
    rateLimitWaitMs: 7,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    ...extra,
  };
}

export interface Harness extends ToolClient {
  fake: FakeService;
  sleeps: number[];
}

/** A fake Ahrefs API on 127.0.0.1 (GUMCP_AHREFS_API_URL) and an MCP client on a quick server. */
export async function setup(
  t: TestContext,
  credentials: ConnectOptions['credentials'] = { api_key: KEY },
  options: AhrefsOptions = {},
): Promise<Harness> {
  const fake = await fakeFor(t, 'ahrefs', BASE);
  const sleeps: number[] = [];
  const { client, call } = await toolClient(t, createAhrefsServer(fast(sleeps, options)), { credentials });
  return { fake, client, sleeps, call };
}

/** The one request the fake got: a GET to `/v3/<path>` with the key as a Bearer token and in no URL. */
export function onlyRequest(fake: FakeService, path: string, key = KEY): RecordedRequest {
  assert.equal(fake.requests.length, 1, `expected one request, got ${describe(fake.requests)}`);
  const [req] = fake.requests as [RecordedRequest];
  assert.equal(req.method, 'GET');
  assert.equal(req.path, `${BASE}/${path}`);
  assert.equal(req.headers.authorization, `Bearer ${key}`);
  assert.ok(!req.query.toString().includes(key), 'the key is in no URL');
  assert.equal(req.body, undefined, 'a report sends no body');
  return req;
}

/** The query the fake received, as an object. */
export const sent = (req: RecordedRequest) => query(req);

/** The message of a failed tool result, checked not to carry the key. */
export const failure = (result: CallResult): string => toolFailure(result, [KEY]);

export const describe = (requests: readonly RecordedRequest[]) =>
  requests.map((r) => `${r.method} ${r.path}?${r.query}`).join(', ') || 'none';
