import assert from 'node:assert/strict';
import type { TestContext } from 'node:test';
import type { Client } from '@modelcontextprotocol/client';
import { type FakeService, fakeFor, type RecordedRequest } from '../../../testing/fake-service.js';
import { type ConnectOptions, data, failure, toolClient } from '../../../testing/mcp.js';
import type { ClientTuning } from '../api.js';
import { createAttioServer } from '../index.js';

export { data, failure };

export const TOKEN = 'fake-attio-oauth-token';

/** Retries in milliseconds (production: the client's defaults). */
export const FAST: ClientTuning = { retries: 2, backoffMs: 1, timeoutMs: 2000, maxRetryAfterMs: 1000 };

export interface Harness {
  fake: FakeService;
  client: Client;
  call(name: string, args?: Record<string, unknown>): ReturnType<Client['callTool']>;
}

/** A fake Attio (GUMCP_ATTIO_API_URL, under /v2) and an MCP client on a server with fast retries. */
export async function setup(
  t: TestContext,
  credentials: ConnectOptions['credentials'] = { access_token: TOKEN, token_type: 'Bearer' },
  tuning: ClientTuning = FAST,
): Promise<Harness> {
  const fake = await fakeFor(t, 'attio', '/v2');
  const { client, call } = await toolClient(t, createAttioServer(tuning), { credentials });
  return { fake, client, call };
}

export function assertAuth(req: RecordedRequest, token = TOKEN): void {
  assert.equal(req.headers.authorization, `Bearer ${token}`);
}

export function onlyRequest(fake: FakeService, token = TOKEN): RecordedRequest {
  assert.equal(fake.requests.length, 1, `expected one request, got ${fake.requests.length}`);
  const req = fake.requests[0] as RecordedRequest;
  assertAuth(req, token);
  return req;
}
