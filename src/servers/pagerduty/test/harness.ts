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
import { ACCEPT, type ClientTuning } from '../api.js';
import { createPagerDutyServer } from '../index.js';

export { type CallResult, data, failure };

export const TOKEN = 'pdus+_fake-pagerduty-oauth-token';
export const API_KEY = 'fake-pagerduty-api-key';
export const EMAIL = 'earline@example.com';

export interface Harness extends ToolClient {
  fake: FakeService;
  /** The waits the client took between attempts, in ms (recorded, not slept). */
  waits: number[];
}

/** A fake PagerDuty on 127.0.0.1 (GUMCP_PAGERDUTY_API_URL) and an MCP client whose retries wait no time. */
export async function setup(
  t: TestContext,
  credentials: ConnectOptions['credentials'] = { access_token: TOKEN, token_type: 'Bearer' },
  tuning: ClientTuning = {},
): Promise<Harness> {
  const fake = await fakeFor(t, 'pagerduty');
  const waits: number[] = [];
  const server = createPagerDutyServer({
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

/** The headers every PagerDuty request carries: the token and the versioned media type. */
export function assertHeaders(req: RecordedRequest, authorization = `Bearer ${TOKEN}`): void {
  assert.equal(req.headers.authorization, authorization);
  assert.equal(req.headers.accept, ACCEPT);
  assert.equal(req.headers['content-type'], 'application/json');
}
