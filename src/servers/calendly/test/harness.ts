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
import { createCalendlyServer } from '../index.js';
import { me } from './fake-calendly.js';

export { type CallResult, data, failure };

export const TOKEN = 'fake-calendly-oauth-token';

export interface Harness extends ToolClient {
  fake: FakeService;
  /** The waits the client took between attempts, in ms (recorded, not slept). */
  waits: number[];
}

/**
 * A fake Calendly on 127.0.0.1 (GUMCP_CALENDLY_API_URL), answering GET /users/me, and an MCP client
 * on a server whose retries wait no real time.
 */
export async function setup(
  t: TestContext,
  credentials: ConnectOptions['credentials'] = { access_token: TOKEN, token_type: 'Bearer' },
  tuning: ClientTuning = {},
): Promise<Harness> {
  const fake = await fakeFor(t, 'calendly');
  fake.route('GET /users/me', { body: me });
  const waits: number[] = [];
  const server = createCalendlyServer({
    retries: 2,
    backoffMs: 1,
    timeoutMs: 2000,
    sleep: async (ms) => {
      waits.push(ms);
    },
    ...tuning,
  });
  const { client, call } = await toolClient(t, server, { credentials });
  return { fake, client, waits, call };
}

export function assertAuth(req: RecordedRequest, token = TOKEN): void {
  assert.equal(req.headers.authorization, `Bearer ${token}`);
}

/** The requests other than the session's one GET /users/me. */
export function calls(fake: FakeService): RecordedRequest[] {
  return fake.requests.filter((r) => r.path !== '/users/me');
}
