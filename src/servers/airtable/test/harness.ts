import assert from 'node:assert/strict';
import type { TestContext } from 'node:test';
import type { Client } from '@modelcontextprotocol/client';
import { type FakeService, fakeFor, type RecordedRequest } from '../../../testing/fake-service.js';
import { type ConnectOptions, data, failure, toolClient } from '../../../testing/mcp.js';
import { VirtualClock } from '../../../testing/virtual-clock.js';
import { type AirtableTuning, createAirtableServer } from '../index.js';

export { data, failure };

export const TOKEN = 'patOAuth.secret-airtable-token-0123456789';

/** Retries in milliseconds so error paths finish at once (production: the client's defaults). */
export const FAST: AirtableTuning = { retries: 2, backoffMs: 1, timeoutMs: 2000, maxRetryAfterMs: 100 };

export interface Harness {
  fake: FakeService;
  client: Client;
  clock: VirtualClock;
  call(name: string, args?: Record<string, unknown>): ReturnType<Client['callTool']>;
}

/**
 * A fake Airtable on 127.0.0.1 (GUMCP_AIRTABLE_API_URL) and an MCP client connected to a server with
 * fast retries and a virtual clock behind its throttle (5 requests per second per base, as Airtable's).
 */
export async function setup(
  t: TestContext,
  credentials: ConnectOptions['credentials'] = { access_token: TOKEN, refresh_token: 'rt' },
  tuning: AirtableTuning = {},
): Promise<Harness> {
  const fake = await fakeFor(t, 'airtable', '/v0');
  const clock = new VirtualClock();
  const { client, call } = await toolClient(t, createAirtableServer({ ...FAST, clock, ...tuning }), {
    credentials,
  });
  return { fake, client, clock, call };
}

/** Checks Airtable's bearer header on a request. */
export function assertAuth(req: RecordedRequest, token = TOKEN): void {
  assert.equal(req.headers.authorization, `Bearer ${token}`);
}

/** The one request the fake received, with its auth header checked. */
export function onlyRequest(fake: FakeService, token = TOKEN): RecordedRequest {
  assert.equal(fake.requests.length, 1, `expected one request, got ${fake.requests.length}`);
  const req = fake.requests[0] as RecordedRequest;
  assertAuth(req, token);
  return req;
}
