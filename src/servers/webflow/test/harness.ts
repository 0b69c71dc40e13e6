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
import { createWebflowServer } from '../index.js';

export { type CallResult, data, failure };

export const TOKEN = 'wf-oauth-test-token-1f9e2a';

/** Retries and backoff in milliseconds, so error tests finish at once (production: client defaults). */
export const FAST: ClientTuning = { retries: 2, backoffMs: 1, timeoutMs: 2000, maxRetryAfterMs: 100 };

export interface Harness extends ToolClient {
  fake: FakeService;
}

/**
 * A fake Webflow Data API on 127.0.0.1 (GUMCP_WEBFLOW_API_URL points at its /v2) and an MCP client
 * connected to the Webflow server. Both are closed when the test ends.
 */
export async function setup(
  t: TestContext,
  credentials: ConnectOptions['credentials'] = { access_token: TOKEN },
): Promise<Harness> {
  const fake = await fakeFor(t, 'webflow', '/v2');
  const { client, call } = await toolClient(t, createWebflowServer(FAST), { credentials });
  return { fake, client, call };
}

/** The one request the fake received, checked to carry the bearer token. */
export function onlyRequest(fake: FakeService, token = TOKEN): RecordedRequest {
  assert.equal(fake.requests.length, 1, `expected one request, got ${describe(fake.requests)}`);
  const [req] = fake.requests as [RecordedRequest];
  assert.equal(req.headers.authorization, `Bearer ${token}`);
  return req;
}

export const describe = (requests: readonly RecordedRequest[]) =>
  requests.map((r) => `${r.method} ${r.path}?${r.query}`).join(', ') || 'none';
