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
import type { DocusignTuning } from '../accounts.js';
import { createDocusignServer } from '../index.js';
import { ACCOUNT, base } from './fake-docusign.js';

export { type CallResult, data, failure };

export const TOKEN = 'fake-docusign-access-token';

/** The time rate-limit resets are read against. */
export const NOW = Date.UTC(2026, 10, 30, 13, 20, 0);

/** Credentials as `gumcp auth docusign` stores them: the tokens and what discovery learned, at `baseUri`. */
export function credentialsAt(baseUri: string, extra: Record<string, unknown> = {}) {
  return {
    access_token: TOKEN,
    refresh_token: 'ds-refresh-9a8b7c6d',
    token_type: 'Bearer',
    expires_at: Math.floor(NOW / 1000) + 28_800,
    account_id: ACCOUNT,
    account_name: 'Acme Legal',
    base_uri: baseUri,
    accounts: [{ account_id: ACCOUNT, account_name: 'Acme Legal', base_uri: baseUri, is_default: true }],
    auth_server: baseUri,
    ...extra,
  };
}

export interface Harness extends ToolClient {
  fake: FakeService;
  /** Waits the client asked for, in ms; none is really waited. */
  sleeps: number[];
}

/** Retries in no time and a fixed clock. */
export function fastTuning(sleeps: number[], extra: DocusignTuning = {}): DocusignTuning {
  return {
    retries: 2,
    backoffMs: 1,
    timeoutMs: 2000,
    maxRetryAfterMs: 60_000,
    now: () => NOW,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    ...extra,
  };
}

/**
 * A fake DocuSign on 127.0.0.1, stored as the account's base URI (and sign-in host), and an MCP client
 * on the server. `credentials` builds the stored credentials from the fake's address.
 */
export async function setup(
  t: TestContext,
  credentials: (url: string) => ConnectOptions['credentials'] = (url) => credentialsAt(url),
  tuning: DocusignTuning = {},
): Promise<Harness> {
  const fake = await startFake();
  t.after(() => fake.close());
  const sleeps: number[] = [];
  const { client, call } = await toolClient(
    t,
    createDocusignServer(fastTuning(sleeps, { authHosts: [fake.url], ...tuning })),
    {
      credentials: credentials(fake.url),
    },
  );
  return { fake, client, sleeps, call };
}

/** `METHOD /restapi/v2.1/accounts/{account}/path` for fake routes. */
export const route = (method: string, path: string, account = ACCOUNT) =>
  `${method} ${base(account)}/${path}`;

export function assertAuth(req: RecordedRequest, token = TOKEN): void {
  assert.equal(req.headers.authorization, `Bearer ${token}`);
  assert.equal(req.headers.accept, 'application/json');
}

/** The one request the fake got, checked for the bearer token. */
export function onlyRequest(fake: FakeService): RecordedRequest {
  const all = fake.requests.map((r) => `${r.method} ${r.path}`);
  assert.equal(fake.requests.length, 1, `expected one request, got: ${all.join(', ') || 'none'}`);
  const [req] = fake.requests as [RecordedRequest];
  assertAuth(req);
  return req;
}
