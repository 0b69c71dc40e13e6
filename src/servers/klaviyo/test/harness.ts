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
import { type ClientTuning, REVISION } from '../api.js';
import { createKlaviyoServer } from '../index.js';
import { JSONAPI } from './fake-klaviyo.js';

export { type CallResult, data, failure };

export const TOKEN = 'eyJhbGciOiJSUzI1NiJ9.klaviyo-test-access-token';

/** Credentials as `gumcp auth klaviyo` stores them. */
export const CREDENTIALS = {
  access_token: TOKEN,
  refresh_token: 'klaviyo-test-refresh-token',
  expires_at: Math.floor(Date.now() / 1000) + 3600,
  scope: 'lists:read lists:write profiles:write profiles:read campaigns:write campaigns:read metrics:read',
};

export const API = '/api';

/** Retries and backoff in milliseconds and a sleep that does not wait (recorded), so error tests finish at once. */
export function fast(sleeps: number[] = []): ClientTuning {
  return {
    retries: 2,
    backoffMs: 1,
    timeoutMs: 2000,
    maxRetryAfterMs: 60_000,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
  };
}

export interface Harness extends ToolClient {
  fake: FakeService;
  sleeps: number[];
}

/** A fake Klaviyo API on 127.0.0.1 (GUMCP_KLAVIYO_API_URL) and an MCP client on the server. */
export async function setup(
  t: TestContext,
  credentials: ConnectOptions['credentials'] = CREDENTIALS,
): Promise<Harness> {
  const fake = await fakeFor(t, 'klaviyo', API);
  const sleeps: number[] = [];
  const { client, call } = await toolClient(t, createKlaviyoServer(fast(sleeps)), { credentials });
  return { fake, client, sleeps, call };
}

export const route = (method: string, path: string) => `${method} ${API}/${path}`;

/** A JSON:API answer of the fake. */
export const answer = (body: unknown, status = 200) => ({ status, headers: JSONAPI, body });

/** Klaviyo's headers on a request: the token, the pinned revision, JSON:API both ways. */
export function assertHeaders(req: RecordedRequest, token = TOKEN): void {
  assert.equal(req.headers.authorization, `Bearer ${token}`);
  assert.equal(req.headers.revision, REVISION);
  assert.equal(req.headers.accept, 'application/vnd.api+json');
  if (req.rawBody) assert.equal(req.headers['content-type'], 'application/vnd.api+json');
  else assert.equal(req.headers['content-type'], undefined);
}

/** The one request the fake got for `method path`, with Klaviyo's headers. */
export function only(fake: FakeService, method: string, path: string): RecordedRequest {
  const all = fake.requests.map((r) => `${r.method} ${r.path}`);
  const matching = fake.requests.filter((r) => r.method === method && r.path === `${API}/${path}`);
  assert.equal(matching.length, 1, `expected one ${method} ${API}/${path}, got: ${all.join(', ') || 'none'}`);
  const [req] = matching;
  assert.ok(req);
  assertHeaders(req);
  return req;
}
