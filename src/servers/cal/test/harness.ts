import assert from 'node:assert/strict';
import type { TestContext } from 'node:test';
import { type FakeService, fakeFor, type RecordedRequest } from '../../../testing/fake-service.js';
import { type CallResult, type ConnectOptions, data, failure, toolClient } from '../../../testing/mcp.js';
import type { ClientTuning } from '../api.js';
import { createCalServer } from '../index.js';

export { type CallResult, data, failure };

export const KEY = 'cal_live_fakeCalKeyForTests';

/** Quick retries whose waits are recorded, not slept. */
export function tuning(waits: number[]): ClientTuning {
  return {
    retries: 2,
    backoffMs: 1,
    timeoutMs: 2000,
    sleep: async (ms) => {
      waits.push(ms);
    },
  };
}

export interface Harness {
  fake: FakeService;
  waits: number[];
  call(name: string, args?: Record<string, unknown>): Promise<CallResult>;
}

/** A fake Cal.com API v2 on 127.0.0.1 (GUMCP_CAL_API_URL) and an MCP client on the Cal.com server. */
export async function setup(
  t: TestContext,
  credentials: ConnectOptions['credentials'] = { api_key: KEY },
): Promise<Harness> {
  const fake = await fakeFor(t, 'cal', '/v2');
  const waits: number[] = [];
  const { call } = await toolClient(t, createCalServer(tuning(waits)), { credentials });
  return { fake, waits, call };
}

/** The key as a Bearer token, and the endpoint family's pinned version (none for /v2/me). */
export function assertHeaders(req: RecordedRequest, version: string | undefined, key = KEY): void {
  assert.equal(req.headers.authorization, `Bearer ${key}`);
  assert.equal(req.headers['cal-api-version'], version);
}
