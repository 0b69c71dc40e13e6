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
import { createJiraServer } from '../index.js';
import { ACME, API } from './fake-jira.js';

export { type CallResult, data, failure };

export const TOKEN = 'eyJraWQiOiJhdXRoLmF0bGFzc2lhbi5jb20tQUNDRVNTIiwiYWxnIjoiUlMyNTYifQ.jira-test-token';

/** Credentials as `gumcp auth jira` stores them: tokens and the sites discovery found. */
export const CREDENTIALS = {
  access_token: TOKEN,
  refresh_token: 'eyJraWQiOiJhdXRoLmF0bGFzc2lhbi5jb20tUkVGUkVTSCJ9.refresh',
  expires_at: Math.floor(Date.now() / 1000) + 3600,
  scope: 'read:jira-work write:jira-work read:jira-user offline_access manage:jira-project',
  sites: [ACME],
};

/** Retries and backoff in milliseconds, so error tests finish at once (production: client defaults). */
export const FAST: ClientTuning = { retries: 2, backoffMs: 1, timeoutMs: 2000, maxRetryAfterMs: 100 };

export interface Harness extends ToolClient {
  fake: FakeService;
}

/** A fake Atlassian gateway on 127.0.0.1 and an MCP client on the Jira server pointed at it. */
export async function setup(
  t: TestContext,
  credentials: ConnectOptions['credentials'] = CREDENTIALS,
): Promise<Harness> {
  const fake = await fakeFor(t, 'jira');
  const { client, call } = await toolClient(t, createJiraServer(FAST), { credentials });
  return { fake, client, call };
}

export function assertHeaders(req: RecordedRequest, token = TOKEN): void {
  assert.equal(req.headers.authorization, `Bearer ${token}`);
  assert.equal(req.headers.accept, 'application/json');
}

/** The one request the fake got, for `method path` under the site's REST API, with Jira's headers. */
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
  assertHeaders(req);
  return req;
}

export const route = (method: string, path: string, base = API) => `${method} ${base}/${path}`;

export const SITE = { id: ACME.id, name: ACME.name, url: ACME.url };
