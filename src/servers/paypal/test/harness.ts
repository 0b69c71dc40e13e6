import assert from 'node:assert/strict';
import type { TestContext } from 'node:test';
import type { Client } from '@modelcontextprotocol/client';
import type { RecordedRequest } from '../../../testing/fake-service.js';
import { type CallResult, type ConnectOptions, data, failure, toolClient } from '../../../testing/mcp.js';
import { createPayPalServer, type PayPalTuning } from '../index.js';
import { CLIENT_ID, CLIENT_SECRET, type PayPalFake, startPayPal } from './fake-paypal.js';

export { type CallResult, data, failure };

export const CREDENTIALS = { client_id: CLIENT_ID, client_secret: CLIENT_SECRET };

/** A clock the token cache reads; tests move it forward. */
export class Clock {
  time = 1_714_557_600_000;
  now = () => this.time;
}

export interface Harness extends PayPalFake {
  client: Client;
  clock: Clock;
  /** The waits between attempts (ms): recorded, not slept. */
  sleeps: number[];
  call(name: string, args?: Record<string, unknown>): Promise<CallResult>;
}

/** A fake PayPal (sandbox host) on 127.0.0.1 and an MCP client on a server with fast retries and a clock. */
export async function setup(
  t: TestContext,
  credentials: ConnectOptions['credentials'] = CREDENTIALS,
  tuning: PayPalTuning = {},
): Promise<Harness> {
  const paypal = await startPayPal(t);
  const clock = new Clock();
  const sleeps: number[] = [];
  const server = createPayPalServer({
    retries: 2,
    backoffMs: 1,
    timeoutMs: 2000,
    maxRetryAfterMs: 100,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    now: clock.now,
    ...tuning,
  });
  const { client, call } = await toolClient(t, server, { credentials });
  return {
    ...paypal,
    client,
    clock,
    sleeps,
    call,
  };
}

/** The API requests (not the token requests) the fake received. */
export const apiRequests = (h: PayPalFake): RecordedRequest[] =>
  h.fake.requests.filter((r) => r.path !== '/v1/oauth2/token');

/** The one API request, with the Bearer token checked. */
export function onlyRequest(h: PayPalFake): RecordedRequest {
  const requests = apiRequests(h);
  assert.equal(
    requests.length,
    1,
    `expected one request, got ${requests.map((r) => `${r.method} ${r.path}`).join(', ')}`,
  );
  const req = requests[0] as RecordedRequest;
  assert.equal(req.headers.authorization, `Bearer ${h.tokens.at(-1)}`);
  return req;
}

/** The PayPal-Request-Id of a create, checked to be there. */
export function requestIdOf(req: RecordedRequest): string {
  const id = req.headers['paypal-request-id'];
  assert.ok(
    typeof id === 'string' && id.length >= 20,
    `${req.method} ${req.path} carries a PayPal-Request-Id`,
  );
  return id;
}
