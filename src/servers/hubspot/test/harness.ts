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
import { VirtualClock } from '../../../testing/virtual-clock.js';
import { createHubSpotServer, type HubSpotTuning } from '../index.js';
import { HUB_ID } from './fake-hubspot.js';

export { type CallResult, data, failure };

export const TOKEN = 'fake-hubspot-oauth-token';

/** Retries in milliseconds so error paths finish at once (production: the client's defaults). */
export const FAST: HubSpotTuning = { retries: 2, backoffMs: 1, timeoutMs: 2000, maxRetryAfterMs: 100 };

export interface Harness extends ToolClient {
  fake: FakeService;
  clock: VirtualClock;
}

/**
 * A fake HubSpot on 127.0.0.1 (GUMCP_HUBSPOT_API_URL) and an MCP client connected to a server with
 * fast retries and a virtual clock behind its search throttle and retry waits. Closed after the test.
 */
export async function setup(
  t: TestContext,
  credentials: ConnectOptions['credentials'] = { access_token: TOKEN, refresh_token: 'rt', hub_id: HUB_ID },
  tuning: HubSpotTuning = {},
): Promise<Harness> {
  const fake = await fakeFor(t, 'hubspot');
  const clock = new VirtualClock();
  const { client, call } = await toolClient(
    t,
    createHubSpotServer({ ...FAST, clock, sleep: clock.sleep, ...tuning }),
    {
      credentials,
    },
  );
  return { fake, client, clock, call };
}

/** Checks HubSpot's bearer header on a request. */
export function assertAuth(req: RecordedRequest, token = TOKEN): void {
  assert.equal(req.headers.authorization, `Bearer ${token}`);
}

/** The one request the fake received, with its auth header checked. */
export function onlyRequest(fake: FakeService, token = TOKEN): RecordedRequest {
  assert.equal(fake.requests.length, 1, `expected one request, got ${describe(fake.requests)}`);
  const req = fake.requests[0] as RecordedRequest;
  assertAuth(req, token);
  return req;
}

export const describe = (requests: readonly RecordedRequest[]) =>
  requests.map((r) => `${r.method} ${r.path}?${r.query}`).join(', ') || 'none';
