import type { TestContext } from 'node:test';
import { type FakeService, fakeFor, startFake } from '../../../testing/fake-service.js';
import {
  type CallResult,
  type ConnectOptions,
  data,
  failure,
  type ToolClient,
  toolClient,
} from '../../../testing/mcp.js';
import { VirtualClock } from '../../../testing/virtual-clock.js';
import { createTypeformServer, type TypeformTuning } from '../index.js';

export { type CallResult, data, failure };

export const TOKEN = 'tfp_oauth-access-token-secret-part';

export interface Harness extends ToolClient {
  /** The US host (GUMCP_TYPEFORM_API_URL). */
  fake: FakeService;
  /** The EU host. */
  eu: FakeService;
  clock: VirtualClock;
}

/**
 * Fakes of Typeform's two hosts on 127.0.0.1 and an MCP client on a server whose throttle and retries
 * wait on a virtual clock.
 */
export async function setup(
  t: TestContext,
  credentials: ConnectOptions['credentials'] = {
    access_token: TOKEN,
    refresh_token: 'rt',
    token_type: 'bearer',
  },
  tuning: TypeformTuning = {},
): Promise<Harness> {
  const fake = await fakeFor(t, 'typeform');
  const eu = await startFake();
  t.after(() => eu.close());
  const clock = new VirtualClock();
  const server = createTypeformServer({
    retries: 2,
    backoffMs: 1,
    timeoutMs: 2000,
    clock,
    hosts: { eu: eu.url },
    ...tuning,
  });
  const { client, call } = await toolClient(t, server, { credentials });
  return { fake, eu, clock, client, call };
}
