import assert from 'node:assert/strict';
import type { TestContext } from 'node:test';
import { type FakeService, fakeFor, type RecordedRequest } from '../../../testing/fake-service.js';
import { type CallResult, type ConnectOptions, data, failure, toolClient } from '../../../testing/mcp.js';
import type { ClientTuning } from '../api.js';
import { createPatreonServer } from '../index.js';
import { BASE } from './fake-patreon.js';

export { type CallResult, data, failure };

export const TOKEN = 'patreon-access-token-secret-part';

export interface Harness {
  fake: FakeService;
  waits: number[];
  call(name: string, args?: Record<string, unknown>): Promise<CallResult>;
}

/** A fake Patreon API v2 on 127.0.0.1 (GUMCP_PATREON_API_URL) and an MCP client whose retries wait no time. */
export async function setup(
  t: TestContext,
  credentials: ConnectOptions['credentials'] = {
    access_token: TOKEN,
    refresh_token: 'rt',
    token_type: 'Bearer',
  },
  tuning: ClientTuning = {},
): Promise<Harness> {
  const fake = await fakeFor(t, 'patreon', BASE);
  const waits: number[] = [];
  const server = createPatreonServer({
    retries: 2,
    backoffMs: 1,
    timeoutMs: 2000,
    sleep: async (ms) => {
      waits.push(ms);
    },
    ...tuning,
  });
  const { call } = await toolClient(t, server, { credentials });
  return { fake, waits, call };
}

export function assertAuth(req: RecordedRequest, token = TOKEN): void {
  assert.equal(req.headers.authorization, `Bearer ${token}`);
}

/** The path under the API root, as Patreon's documentation names it. */
export const path = (p: string) => `${BASE}/${p}`;
