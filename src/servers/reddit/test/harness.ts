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
import type { ClientTuning } from '../api.js';
import { createRedditServer } from '../index.js';

export { type CallResult, data, failure };

export const TOKEN = 'reddit-access-token-3f9a1c';
export const DEFAULT_AGENT = 'server:gumcp-reddit:v1.0.0 (gumcp MCP server for Reddit)';
/** The time rate-limit messages are dated with. */
export const NOW = Date.UTC(2026, 0, 15, 12, 0, 0);

export interface Harness extends ToolClient {
  fake: FakeService;
  /** The waits the upstream client asked for, in ms; none really happens. */
  sleeps: number[];
}

/**
 * A fake oauth.reddit.com on 127.0.0.1 (GUMCP_REDDIT_API_URL) and an MCP client on a server with one
 * quick retry, a fixed clock and sleeps that only record their length.
 */
export async function setup(
  t: TestContext,
  credentials: ConnectOptions['credentials'] = {
    access_token: TOKEN,
    refresh_token: 'reddit-refresh',
    token_type: 'bearer',
  },
  tuning: ClientTuning = {},
): Promise<Harness> {
  const fake = await fakeFor(t, 'reddit');
  const sleeps: number[] = [];
  const server = createRedditServer({
    retries: 1,
    backoffMs: 1,
    timeoutMs: 2000,
    now: () => NOW,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    ...tuning,
  });
  const { client, call } = await toolClient(t, server, { credentials });
  return { fake, client, sleeps, call };
}

/** Every call carries the bearer token and the User-Agent Reddit requires. */
export function assertHeaders(req: RecordedRequest, token = TOKEN, agent = DEFAULT_AGENT): void {
  assert.equal(req.headers.authorization, `Bearer ${token}`);
  assert.equal(req.headers['user-agent'], agent);
}

/** The one request of a call, with its headers checked. */
export function onlyRequest(fake: FakeService): RecordedRequest {
  assert.equal(fake.requests.length, 1, `expected one request, got ${fake.requests.length}`);
  const req = fake.requests[0] as RecordedRequest;
  assertHeaders(req);
  return req;
}

/** A form body sent with api_type=json, as Reddit's writes take it. */
export function assertForm(req: RecordedRequest, fields: Record<string, string>): void {
  assert.equal(req.method, 'POST');
  assert.equal(req.headers['content-type'], 'application/x-www-form-urlencoded');
  assert.deepEqual(req.body, { api_type: 'json', ...fields });
}
