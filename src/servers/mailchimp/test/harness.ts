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
import { createMailchimpServer } from '../index.js';

export { type CallResult, data, failure };

/** An OAuth token as Mailchimp issues them (32 hex characters; it never expires). */
export const TOKEN = 'fake-mailchimp-oauth-token';
/** Credentials as `gumcp auth mailchimp` stores them (guMCP stored the same fields). */
export const CREDENTIALS = { access_token: TOKEN, token_type: 'bearer', dc: 'us6' };
/** An API key of the us6 data centre. */
export const API_KEY = 'fakemailchimpkeyfortests-us6';
/** Where the data centre us6's API is on the fake: GUMCP_MAILCHIMP_API_URL keeps `{dc}` in the path. */
export const API = '/us6/3.0';

/** Retries and backoff in milliseconds and a sleep that does not wait, so error tests finish at once. */
export const FAST: ClientTuning = {
  retries: 2,
  backoffMs: 1,
  timeoutMs: 2000,
  maxRetryAfterMs: 100,
  sleep: async () => undefined,
};

export interface Harness extends ToolClient {
  fake: FakeService;
}

/** A fake Mailchimp on 127.0.0.1 (every data centre under /{dc}/3.0) and an MCP client on the server. */
export async function setup(
  t: TestContext,
  credentials: ConnectOptions['credentials'] = CREDENTIALS,
  tuning: ClientTuning = FAST,
): Promise<Harness> {
  const fake = await fakeFor(t, 'mailchimp', '/{dc}/3.0');
  const { client, call } = await toolClient(t, createMailchimpServer(tuning), { credentials });
  return { fake, client, call };
}

export const route = (method: string, path: string, base = API) => `${method} ${base}/${path}`;

/** The one request the fake got for `method path` under the data centre's API, with the token. */
export function only(fake: FakeService, method: string, path: string, base = API): RecordedRequest {
  const all = fake.requests.map((r) => `${r.method} ${r.path}`);
  const matching = fake.requests.filter((r) => r.method === method && r.path === `${base}/${path}`);
  assert.equal(
    matching.length,
    1,
    `expected one ${method} ${base}/${path}, got: ${all.join(', ') || 'none'}`,
  );
  const [req] = matching;
  assert.ok(req);
  assert.equal(req.headers.authorization, `Bearer ${TOKEN}`);
  return req;
}
