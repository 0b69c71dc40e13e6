import assert from 'node:assert/strict';
import type { TestContext } from 'node:test';
import type { Client } from '@modelcontextprotocol/client';
import { type FakeService, fakeFor, type RecordedRequest } from '../../../testing/fake-service.js';
import { type ConnectOptions, data, failure, toolClient } from '../../../testing/mcp.js';
import { VirtualClock } from '../../../testing/virtual-clock.js';
import type { ClientTuning } from '../api.js';
import { createClickUpServer } from '../index.js';

export { data, failure };

export const TOKEN = 'fake-clickup-oauth-token';

export interface Harness {
  fake: FakeService;
  client: Client;
  clock: VirtualClock;
  call(name: string, args?: Record<string, unknown>): ReturnType<Client['callTool']>;
}

/** A fake ClickUp (GUMCP_CLICKUP_API_URL) and an MCP client on a server with fast retries and a virtual clock. */
export async function setup(
  t: TestContext,
  credentials: ConnectOptions['credentials'] = { access_token: TOKEN, token_type: 'Bearer' },
  tuning: ClientTuning = {},
): Promise<Harness> {
  const fake = await fakeFor(t, 'clickup', '/api/v2');
  const clock = new VirtualClock();
  const server = createClickUpServer({
    retries: 1,
    backoffMs: 1,
    timeoutMs: 2000,
    clock,
    ...tuning,
  });
  const { client, call } = await toolClient(t, server, { credentials });
  return { fake, client, clock, call };
}

/** ClickUp takes the token bare in Authorization, without "Bearer". */
export function assertAuth(req: RecordedRequest, token = TOKEN): void {
  assert.equal(req.headers.authorization, token);
}

export function onlyRequest(fake: FakeService, token = TOKEN): RecordedRequest {
  assert.equal(fake.requests.length, 1, `expected one request, got ${fake.requests.length}`);
  const req = fake.requests[0] as RecordedRequest;
  assertAuth(req, token);
  return req;
}
