import assert from 'node:assert/strict';
import type { TestContext } from 'node:test';
import { type FakeService, fakeFor, type RecordedRequest } from '../../../testing/fake-service.js';
import { type CallResult, type ConnectOptions, data, failure, toolClient } from '../../../testing/mcp.js';
import { VirtualClock } from '../../../testing/virtual-clock.js';
import type { ClientTuning } from '../api.js';
import { createApolloServer } from '../index.js';

export { type CallResult, data, failure };

export const KEY = 'fake-apollo-key-for-tests';

export interface Harness {
  fake: FakeService;
  clock: VirtualClock;
  call(name: string, args?: Record<string, unknown>): Promise<CallResult>;
}

/** A fake Apollo API on 127.0.0.1 (GUMCP_APOLLO_API_URL) and an MCP client on a server with a virtual clock. */
export async function setup(
  t: TestContext,
  credentials: ConnectOptions['credentials'] = { api_key: KEY },
  tuning: ClientTuning = {},
): Promise<Harness> {
  const fake = await fakeFor(t, 'apollo', '/api/v1');
  const clock = new VirtualClock();
  const { call } = await toolClient(
    t,
    createApolloServer({ retries: 2, backoffMs: 1, timeoutMs: 2000, clock, ...tuning }),
    {
      credentials,
    },
  );
  return { fake, clock, call };
}

/** The key travels in x-api-key, never in the query. */
export function assertAuth(req: RecordedRequest, key = KEY): void {
  assert.equal(req.headers['x-api-key'], key);
  assert.equal(req.headers.authorization, undefined);
  assert.ok(![...req.query.values()].includes(key), 'the key is not in the query');
}

export function onlyRequest(fake: FakeService): RecordedRequest {
  assert.equal(fake.requests.length, 1, `expected one request, got ${fake.requests.length}`);
  const req = fake.requests[0] as RecordedRequest;
  assertAuth(req);
  return req;
}
