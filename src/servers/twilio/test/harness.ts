import assert from 'node:assert/strict';
import type { TestContext } from 'node:test';
import type { Client } from '@modelcontextprotocol/client';
import { type FakeService, fakeFor, type RecordedRequest } from '../../../testing/fake-service.js';
import { type CallResult, type ConnectOptions, data, failure, toolClient } from '../../../testing/mcp.js';
import type { ClientTuning } from '../api.js';
import { createTwilioServer } from '../index.js';
import { ACCOUNT_SID, KEY_SECRET, KEY_SID } from './fake-twilio.js';

export { type CallResult, data, failure };

export const CREDENTIALS = { account_sid: ACCOUNT_SID, api_key_sid: KEY_SID, api_key_secret: KEY_SECRET };
export const BASIC = `Basic ${Buffer.from(`${KEY_SID}:${KEY_SECRET}`).toString('base64')}`;

/** One fake per Twilio host, at the path each host's API lives under. */
export interface Fakes {
  api: FakeService;
  verify: FakeService;
  lookups: FakeService;
  conversations: FakeService;
  video: FakeService;
}

export interface Harness extends Fakes {
  client: Client;
  /** The waits between attempts (ms): the client's sleep is recorded, not slept. */
  sleeps: number[];
  call(name: string, args?: Record<string, unknown>): Promise<CallResult>;
  /** Every request any host received. */
  requests(): RecordedRequest[];
}

/** Fakes of Twilio's five hosts on 127.0.0.1 and an MCP client on a server with fast retries. */
export async function setup(
  t: TestContext,
  credentials: ConnectOptions['credentials'] = CREDENTIALS,
  tuning: ClientTuning = {},
): Promise<Harness> {
  const fakes: Fakes = {
    api: await fakeFor(t, 'twilio', '/2010-04-01'),
    verify: await fakeFor(t, 'twilio-verify', '/v2'),
    lookups: await fakeFor(t, 'twilio-lookups', '/v2'),
    conversations: await fakeFor(t, 'twilio-conversations', '/v1'),
    video: await fakeFor(t, 'twilio-video', '/v1'),
  };
  const sleeps: number[] = [];
  const server = createTwilioServer({
    retries: 2,
    backoffMs: 1,
    timeoutMs: 2000,
    maxRetryAfterMs: 100,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    ...tuning,
  });
  return {
    ...fakes,
    ...(await toolClient(t, server, { credentials })),
    sleeps,
    requests: () => Object.values(fakes).flatMap((f: FakeService) => f.requests),
  };
}

/** The one request a fake received, checked to carry the API key by HTTP Basic. */
export function onlyRequest(fake: FakeService, auth = BASIC): RecordedRequest {
  assert.equal(fake.requests.length, 1, `expected one request, got ${fake.requests.length}`);
  const req = fake.requests[0] as RecordedRequest;
  assert.equal(req.headers.authorization, auth);
  return req;
}

/** A form body as name → values (Twilio repeats a name for each value of a list). */
export function formOf(req: RecordedRequest): Record<string, string | string[]> {
  assert.equal(req.headers['content-type'], 'application/x-www-form-urlencoded');
  const params = new URLSearchParams(req.rawBody);
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key);
    out[key] = values.length > 1 ? values : (values[0] as string);
  }
  return out;
}
