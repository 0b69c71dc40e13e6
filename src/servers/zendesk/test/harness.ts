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
import { createZendeskServer } from '../index.js';
import { API } from './fake-zendesk.js';

export { type CallResult, data, failure };

export const TOKEN = 'fake-zendesk-oauth-token';

/** Credentials as `gumcp auth zendesk` stores them: the tokens and the subdomain the user named. */
export const CREDENTIALS = {
  access_token: TOKEN,
  refresh_token: 'fake-zendesk-refresh-token',
  token_type: 'bearer',
  scope: 'read write',
  expires_at: Math.floor(Date.now() / 1000) + 3600,
  subdomain: 'acme',
};

/** Retries and backoff in milliseconds, so error tests finish at once (production: client defaults). */
export const FAST: ClientTuning = { retries: 2, backoffMs: 1, timeoutMs: 2000, maxRetryAfterMs: 100 };

export interface Harness extends ToolClient {
  fake: FakeService;
}

/** A fake Zendesk (GUMCP_ZENDESK_API_URL points at its /api/v2) and an MCP client on the server. */
export async function setup(
  t: TestContext,
  credentials: ConnectOptions['credentials'] = CREDENTIALS,
  tuning: ClientTuning = FAST,
): Promise<Harness> {
  const fake = await fakeFor(t, 'zendesk', API);
  const { client, call } = await toolClient(t, createZendeskServer(tuning), { credentials });
  return { fake, client, call };
}

export const route = (method: string, path: string) => `${method} ${API}/${path}`;

/** The one request the fake got, checked to carry the bearer token and ask for JSON. */
export function onlyRequest(fake: FakeService, token = TOKEN): RecordedRequest {
  const all = fake.requests.map((r) => `${r.method} ${r.path}`);
  assert.equal(fake.requests.length, 1, `expected one request, got: ${all.join(', ') || 'none'}`);
  const [req] = fake.requests as [RecordedRequest];
  assertAuth(req, token);
  return req;
}

export function assertAuth(req: RecordedRequest, token = TOKEN): void {
  assert.equal(req.headers.authorization, `Bearer ${token}`);
  assert.equal(req.headers.accept, 'application/json');
}
