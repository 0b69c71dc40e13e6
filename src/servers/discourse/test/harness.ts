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
import { createDiscourseServer } from '../index.js';

export { type CallResult, data, failure };

export const KEY = 'fake-discourse-api-key';
export const SITE = 'https://forum.example.com/';

/** Credentials as `gumcp auth discourse` stores them: guMCP's field names. */
export const CREDENTIALS = {
  'metadata[Discourse URL]': 'https://forum.example.com',
  'metadata[Username]': 'jane',
  value: KEY,
};

/** Retries and backoff in milliseconds, so error tests finish at once (production: client defaults). */
export const FAST: ClientTuning = { retries: 2, backoffMs: 1, timeoutMs: 2000, maxRetryAfterMs: 100 };

export interface Harness extends ToolClient {
  fake: FakeService;
}

/**
 * A fake Discourse on 127.0.0.1 (GUMCP_DISCOURSE_API_URL points at it, in place of the user's forum)
 * and an MCP client on the server. Links in results still use the user's forum address.
 */
export async function setup(
  t: TestContext,
  credentials: ConnectOptions['credentials'] = CREDENTIALS,
  tuning: ClientTuning = FAST,
): Promise<Harness> {
  const fake = await fakeFor(t, 'discourse');
  const { client, call } = await toolClient(t, createDiscourseServer(tuning), { credentials });
  return { fake, client, call };
}

/** Discourse's headers: the key and the user it acts as, and JSON. */
export function assertAuth(req: RecordedRequest, key = KEY, username = 'jane'): void {
  assert.equal(req.headers['api-key'], key);
  assert.equal(req.headers['api-username'], username);
  assert.equal(req.headers.accept, 'application/json');
  assert.equal(req.headers.authorization, undefined);
}

export function onlyRequest(fake: FakeService): RecordedRequest {
  const all = fake.requests.map((r) => `${r.method} ${r.path}`);
  assert.equal(fake.requests.length, 1, `expected one request, got: ${all.join(', ') || 'none'}`);
  const [req] = fake.requests as [RecordedRequest];
  assertAuth(req);
  return req;
}
