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
import { createXServer } from '../index.js';
import { API } from './fake-x.js';

export { type CallResult, data, failure };

export const TOKEN = 'fake-x-access-token-for-tests';

/** Credentials as `gumcp auth x` stores them: X's token answer, scopes included. */
export const CREDENTIALS = {
  access_token: TOKEN,
  refresh_token: 'fake-x-refresh-token-for-tests',
  token_type: 'bearer',
  scope: 'tweet.read users.read follows.read tweet.write offline.access',
  expires_at: Math.floor(Date.now() / 1000) + 7200,
};

export interface Harness extends ToolClient {
  fake: FakeService;
  clock: VirtualClock;
}

/** A fake X API (GUMCP_X_API_URL points at its /2) and an MCP client on a server with a virtual clock. */
export async function setup(
  t: TestContext,
  credentials: ConnectOptions['credentials'] = CREDENTIALS,
  tuning: ClientTuning = {},
): Promise<Harness> {
  const fake = await fakeFor(t, 'x', API);
  const clock = new VirtualClock(1_750_000_000_000);
  const { client, call } = await toolClient(
    t,
    createXServer({ retries: 2, backoffMs: 1, timeoutMs: 2000, clock, ...tuning }),
    {
      credentials,
    },
  );
  return { fake, client, clock, call };
}

export const route = (method: string, path: string) => `${method} ${API}/${path}`;

export function assertAuth(req: RecordedRequest, token = TOKEN): void {
  assert.equal(req.headers.authorization, `Bearer ${token}`);
  assert.equal(req.headers.accept, 'application/json');
}

/** The requests the fake got, as `METHOD /path`, each checked to carry the token. */
export function sent(fake: FakeService): string[] {
  for (const req of fake.requests) assertAuth(req);
  return fake.requests.map((r) => `${r.method} ${r.path}`);
}
