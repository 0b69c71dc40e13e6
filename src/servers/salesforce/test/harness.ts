import assert from 'node:assert/strict';
import type { TestContext } from 'node:test';
import { type FakeService, type RecordedRequest, startFake } from '../../../testing/fake-service.js';
import {
  type CallResult,
  type ConnectOptions,
  data,
  failure,
  type ToolClient,
  toolClient,
} from '../../../testing/mcp.js';
import type { ClientTuning } from '../api.js';
import { createSalesforceServer } from '../index.js';
import { DATA, ORG_ID, USER_ID } from './fake-salesforce.js';

export { type CallResult, data, failure };

export const TOKEN = '00D5e000000AbCd!AQ4AQFake.secret-salesforce-session-token';

/** Retries in milliseconds so error paths finish at once (production: the client's defaults). */
export const FAST: ClientTuning = { retries: 2, backoffMs: 1, timeoutMs: 2000, maxRetryAfterMs: 100 };

/** Credentials as `gumcp auth salesforce` stores them, the instance being the fake. */
export const credentialsFor = (instance: string, token = TOKEN) => ({
  access_token: token,
  refresh_token: '5Aep861fake.refresh',
  instance_url: instance,
  id: `https://login.salesforce.com/id/${ORG_ID}/${USER_ID}`,
  issued_at: '1700000000000',
  token_type: 'Bearer',
});

export interface Harness extends ToolClient {
  fake: FakeService;
}

/**
 * A fake Salesforce org on 127.0.0.1 and an MCP client whose stored `instance_url` is the fake's
 * address (as after a sign-in), with fast retries. Closed after the test.
 */
export async function setup(
  t: TestContext,
  credentials?: (instance: string) => ConnectOptions['credentials'],
  tuning: ClientTuning = {},
): Promise<Harness> {
  const fake = await startFake();
  t.after(() => fake.close());
  const { client, call } = await toolClient(t, createSalesforceServer({ ...FAST, ...tuning }), {
    credentials: credentials ? credentials(fake.url) : credentialsFor(fake.url),
  });
  return { fake, client, call };
}

export const describe = (requests: readonly RecordedRequest[]) =>
  requests.map((r) => `${r.method} ${r.path}?${r.query}`).join(', ') || 'none';

/** The one request the fake got for `method path` (under /services/data/v66.0 unless absolute), with the bearer token checked. */
export function only(fake: FakeService, method: string, path: string, token = TOKEN): RecordedRequest {
  const full = path.startsWith('/') ? path : `${DATA}/${path}`;
  const matching = fake.requests.filter((r) => r.method === method && r.path === full);
  assert.equal(matching.length, 1, `expected one ${method} ${full}, got: ${describe(fake.requests)}`);
  const req = matching[0] as RecordedRequest;
  assert.equal(req.headers.authorization, `Bearer ${token}`);
  return req;
}

export const route = (method: string, path: string) => `${method} ${DATA}/${path}`;
