import assert from 'node:assert/strict';
import type { TestContext } from 'node:test';
import { type FakeService, fakeFor, type RecordedRequest } from '../../../testing/fake-service.js';
import {
  type CallResult,
  type ConnectOptions,
  data,
  type ToolClient,
  toolClient,
  failure as toolFailure,
} from '../../../testing/mcp.js';
import type { HunterTuning } from '../api.js';
import { createHunterServer } from '../index.js';
import { BASE } from './fake-hunter.js';

export { type CallResult, data };

export const KEY = 'fake-hunter-key-for-tests';

/** Small retries, and a sleep that records each wait and returns at once. */
export function fast(sleeps: number[], extra: HunterTuning = {}): HunterTuning {
  return {
    retries: 2,
    backoffMs: 1,
    timeoutMs: 2000,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    ...extra,
  };
}

export interface Harness extends ToolClient {
  fake: FakeService;
  sleeps: number[];
}

/** A fake Hunter API on 127.0.0.1 (GUMCP_HUNTER_IO_API_URL) and an MCP client on a quick server. */
export async function setup(
  t: TestContext,
  credentials: ConnectOptions['credentials'] = { api_key: KEY },
  tuning: HunterTuning = {},
): Promise<Harness> {
  const fake = await fakeFor(t, 'hunter_io', BASE);
  const sleeps: number[] = [];
  const { client, call } = await toolClient(t, createHunterServer(fast(sleeps, tuning)), { credentials });
  return { fake, client, sleeps, call };
}

/** The key went in the X-API-KEY header, and in no URL. */
export function assertAuth(req: RecordedRequest, key = KEY): void {
  assert.equal(req.headers['x-api-key'], key);
  assert.equal(req.query.get('api_key'), null);
}

/** The message of a failed tool result, checked not to carry the key. */
export const failure = (result: CallResult): string => toolFailure(result, [KEY]);
