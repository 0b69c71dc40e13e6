import assert from 'node:assert/strict';
import type { TestContext } from 'node:test';
import { type FakeService, fakeFor, type RecordedRequest } from '../../../testing/fake-service.js';
import { type CallResult, type ConnectOptions, data, failure, toolClient } from '../../../testing/mcp.js';
import { VirtualClock } from '../../../testing/virtual-clock.js';
import type { ClientTuning } from '../api.js';
import { createLoopsServer } from '../index.js';

export { type CallResult, data, failure };

export const KEY = 'fake-loops-key-for-tests';

export const fast = (clock: VirtualClock): ClientTuning => ({
  retries: 2,
  backoffMs: 1,
  timeoutMs: 2000,
  clock,
});

export interface Harness {
  fake: FakeService;
  clock: VirtualClock;
  call(name: string, args?: Record<string, unknown>): Promise<CallResult>;
}

/** A fake Loops API on 127.0.0.1 (GUMCP_LOOPS_API_URL) and an MCP client on a server with a virtual clock. */
export async function setup(
  t: TestContext,
  credentials: ConnectOptions['credentials'] = { key: KEY },
): Promise<Harness> {
  const fake = await fakeFor(t, 'loops', '/api/v1');
  const clock = new VirtualClock();
  const { call } = await toolClient(t, createLoopsServer(fast(clock)), { credentials });
  return { fake, clock, call };
}

export function assertAuth(req: RecordedRequest, key = KEY): void {
  assert.equal(req.headers.authorization, `Bearer ${key}`);
}
