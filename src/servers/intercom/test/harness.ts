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
import { createIntercomServer } from '../index.js';
import { ADMIN } from './fake-intercom.js';

export { type CallResult, data, failure };

export const TOKEN = 'fake-intercom-access-token-for-tests';

/** The stored credentials after a sign-in: the token and what discovery learned. */
export const CREDENTIALS = { access_token: TOKEN, token_type: 'Bearer', region: 'us', admin_id: ADMIN };

/** The time the rate-limit wait reads (tests compare waits with it). */
export const NOW = Date.UTC(2026, 4, 1, 12, 0, 0);

export interface Harness extends ToolClient {
  fake: FakeService;
  /** Waits the upstream client asked for, in ms; none is really waited. */
  sleeps: number[];
}

/** Retries in no time, a fixed clock, and (unless `hosts` says otherwise) every region at the fake. */
export function fastTuning(sleeps: number[], extra: ClientTuning = {}): ClientTuning {
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
 * A fake Intercom API on 127.0.0.1 (GUMCP_INTERCOM_API_URL points every region at it) and an MCP client
 * connected to the Intercom server. Both are closed when the test ends.
 */
export async function setup(
  t: TestContext,
  credentials: ConnectOptions['credentials'] = CREDENTIALS,
  tuning: ClientTuning = {},
): Promise<Harness> {
  const fake = await fakeFor(t, 'intercom');
  const sleeps: number[] = [];
  const { client, call } = await toolClient(t, createIntercomServer(fastTuning(sleeps, tuning)), {
    credentials,
  });
  return { fake, client, sleeps, call };
}

/** Every request carried the token and the pinned API version. */
export function assertHeaders(requests: readonly RecordedRequest[], token = TOKEN): void {
  assert.ok(requests.length > 0, 'requests were made');
  for (const req of requests) {
    assert.equal(req.headers.authorization, `Bearer ${token}`);
    assert.equal(req.headers['intercom-version'], '2.16');
  }
}

/** The one request the fake received, checked for its headers. */
export function onlyRequest(fake: FakeService): RecordedRequest {
  assert.equal(fake.requests.length, 1, `expected one request, got ${describe(fake.requests)}`);
  assertHeaders(fake.requests);
  return fake.requests[0] as RecordedRequest;
}

export const describe = (requests: readonly RecordedRequest[]) =>
  requests.map((r) => `${r.method} ${r.path}?${r.query}`).join(', ') || 'none';
