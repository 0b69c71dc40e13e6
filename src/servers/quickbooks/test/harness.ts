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
import { createQuickBooksServer, type QuickBooksTuning } from '../index.js';
import { REALM } from './fake-quickbooks.js';

export { type CallResult, data, failure };

export const TOKEN = 'eyJlbmMiOiJBMTI4Q0JDLUhTMjU2IiwiYWxnIjoiZGlyIn0.fake-quickbooks-access-token';
export const TODAY = '2025-03-15';

export const CREDENTIALS = {
  access_token: TOKEN,
  refresh_token: 'AB11fake-refresh',
  realmId: REALM,
  expires_at: Math.floor(Date.now() / 1000) + 3600,
};

export const FAST: QuickBooksTuning = {
  retries: 2,
  backoffMs: 1,
  timeoutMs: 2000,
  maxRetryAfterMs: 100,
  today: () => TODAY,
};

export interface Harness extends ToolClient {
  fake: FakeService;
}

/** A fake Accounting API on 127.0.0.1 (GUMCP_QUICKBOOKS_API_URL) and an MCP client with fast retries and a fixed date. */
export async function setup(
  t: TestContext,
  credentials: ConnectOptions['credentials'] = CREDENTIALS,
): Promise<Harness> {
  const fake = await fakeFor(t, 'quickbooks', '/v3/company');
  const { client, call } = await toolClient(t, createQuickBooksServer(FAST), { credentials });
  return { fake, client, call };
}

/** Every request: the bearer token and minorversion=75. */
export function assertRequests(requests: readonly RecordedRequest[], token = TOKEN): void {
  assert.ok(requests.length > 0, 'no request');
  for (const r of requests) {
    assert.equal(r.headers.authorization, `Bearer ${token}`);
    assert.equal(r.query.get('minorversion'), '75');
  }
}

/** The query statements the fake received, in order. */
export const statements = (fake: FakeService): string[] =>
  fake.requests.filter((r) => r.path.endsWith('/query')).map((r) => r.query.get('query') ?? '');
