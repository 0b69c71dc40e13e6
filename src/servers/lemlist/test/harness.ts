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
import type { ClientTuning } from '../api.js';
import { createLemlistServer } from '../index.js';

export { type CallResult, data, failure };

export const KEY = 'fake-lemlist-key-for-tests';

export const fast = (clock: VirtualClock): ClientTuning => ({
  retries: 2,
  backoffMs: 1,
  timeoutMs: 2000,
  clock,
});

export interface Harness extends ToolClient {
  fake: FakeService;
  clock: VirtualClock;
}

/** A fake lemlist API on 127.0.0.1 (GUMCP_LEMLIST_API_URL) and an MCP client on a server with a virtual clock. */
export async function setup(
  t: TestContext,
  credentials: ConnectOptions['credentials'] = {
    client_key: KEY,
    public_host: 'https://api.lemlist.com/api',
  },
  tuning: ClientTuning = {},
): Promise<Harness> {
  const fake = await fakeFor(t, 'lemlist', '/api');
  const clock = new VirtualClock();
  const { client, call } = await toolClient(t, createLemlistServer({ ...fast(clock), ...tuning }), {
    credentials,
  });
  return { fake, clock, client, call };
}

/** HTTP Basic with an empty user name and the key as password. */
export const basic = (key = KEY) => `Basic ${Buffer.from(`:${key}`).toString('base64')}`;

export function assertAuth(req: RecordedRequest, key = KEY): void {
  assert.equal(req.headers.authorization, basic(key));
}

/** The one request the fake got, with the key in Basic auth. */
export function onlyRequest(fake: FakeService, key = KEY): RecordedRequest {
  assert.equal(fake.requests.length, 1, `expected one request, got ${fake.requests.length}`);
  const req = fake.requests[0] as RecordedRequest;
  assertAuth(req, key);
  return req;
}
