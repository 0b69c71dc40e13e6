import assert from 'node:assert/strict';
import type { TestContext } from 'node:test';
import type { Client } from '@modelcontextprotocol/client';
import type { RecordedRequest } from '../../../testing/fake-service.js';
import { type CallResult, type ConnectOptions, data, failure, toolClient } from '../../../testing/mcp.js';
import { parseForm } from '../../../upstream/form.js';
import { type ClientTuning, STRIPE_VERSION } from '../api.js';
import { createStripeServer } from '../index.js';
import { type StripeFake, startStripe } from './fake-stripe.js';

export { type CallResult, data, failure };

/** A Connect sign-in's credentials, as the token endpoint's answer is stored. */
export const CONNECT_TOKEN = 'sk_test_51ConnectedAccountAccessToken0000';
export const CONNECT = {
  access_token: CONNECT_TOKEN,
  refresh_token: 'rt_fake',
  token_type: 'bearer',
  scope: 'read_write',
  stripe_user_id: 'acct_1Connected',
  stripe_publishable_key: 'pk_test_fake',
  livemode: false,
};
export const SECRET_KEY = 'sk_test_51OwnAccountSecretKey1111';

export interface Harness extends StripeFake {
  client: Client;
  /** The waits between attempts (ms): recorded, not slept. */
  sleeps: number[];
  call(name: string, args?: Record<string, unknown>): Promise<CallResult>;
}

/** The fake Stripe on 127.0.0.1 and an MCP client on a server with fast retries. */
export async function setup(
  t: TestContext,
  credentials: ConnectOptions['credentials'] = CONNECT,
  tuning: ClientTuning = {},
): Promise<Harness> {
  const stripe = await startStripe(t);
  const sleeps: number[] = [];
  const server = createStripeServer({
    retries: 2,
    backoffMs: 1,
    timeoutMs: 2000,
    maxRetryAfterMs: 100,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    ...tuning,
  });
  const { client, call } = await toolClient(t, server, { credentials });
  return { ...stripe, client, sleeps, call };
}

/** Checks the key and the pinned version on a request. */
export function assertHeaders(req: RecordedRequest, key = CONNECT_TOKEN): void {
  assert.equal(req.headers.authorization, `Bearer ${key}`);
  assert.equal(req.headers['stripe-version'], STRIPE_VERSION);
}

/** The one request the fake received, with its key and version checked. */
export function onlyRequest(h: StripeFake, key = CONNECT_TOKEN): RecordedRequest {
  assert.equal(h.fake.requests.length, 1, `expected one request, got ${describe(h.fake.requests)}`);
  const req = h.fake.requests[0] as RecordedRequest;
  assertHeaders(req, key);
  return req;
}

export const describe = (requests: readonly RecordedRequest[]) =>
  requests.map((r) => `${r.method} ${r.path}?${r.query}`).join(', ') || 'none';

/** A form body read back into the object it encodes. */
export function formOf(req: RecordedRequest): Record<string, unknown> {
  assert.equal(req.headers['content-type'], 'application/x-www-form-urlencoded');
  return parseForm(req.rawBody);
}

/** The Idempotency-Key of a POST, checked to be there. */
export function keyOf(req: RecordedRequest): string {
  const key = req.headers['idempotency-key'];
  assert.ok(
    typeof key === 'string' && key.length >= 20,
    `${req.method} ${req.path} carries an Idempotency-Key`,
  );
  return key;
}
