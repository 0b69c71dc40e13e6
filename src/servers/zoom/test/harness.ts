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
import { createZoomServer } from '../index.js';

export { type CallResult, data, failure };

export const TOKEN = 'zoom-access-eyJzdiI6IjAwMDAwMSJ9-test';

export interface Harness extends ToolClient {
  fake: FakeService;
  /** Waits the upstream client asked for, in ms; none is really waited. */
  sleeps: number[];
}

/**
 * A fake Zoom API on 127.0.0.1 (GUMCP_ZOOM_API_URL points at its /v2) and an MCP client connected to
 * the Zoom server, with retries that wait for nothing. Both are closed when the test ends.
 */
export async function setup(
  t: TestContext,
  credentials: ConnectOptions['credentials'] = { access_token: TOKEN, refresh_token: 'zoom-refresh' },
): Promise<Harness> {
  const fake = await fakeFor(t, 'zoom', '/v2');
  const sleeps: number[] = [];
  const server = createZoomServer({
    retries: 2,
    backoffMs: 1,
    timeoutMs: 2000,
    maxRetryAfterMs: 60_000,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
  });
  const { client, call } = await toolClient(t, server, { credentials });
  return { fake, client, sleeps, call };
}

/** The one request the fake received, checked to carry the OAuth token. */
export function onlyRequest(fake: FakeService, token = TOKEN): RecordedRequest {
  assert.equal(fake.requests.length, 1, `expected one request, got ${describe(fake.requests)}`);
  const [req] = fake.requests as [RecordedRequest];
  assert.equal(req.headers.authorization, `Bearer ${token}`);
  return req;
}

export const describe = (requests: readonly RecordedRequest[]) =>
  requests.map((r) => `${r.method} ${r.path}?${r.query}`).join(', ') || 'none';
