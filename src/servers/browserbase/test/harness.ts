import assert from 'node:assert/strict';
import type { TestContext } from 'node:test';
import type { Client } from '@modelcontextprotocol/client';
import { type FakeService, fakeFor, type RecordedRequest } from '../../../testing/fake-service.js';
import {
  type CallResult,
  type ConnectOptions,
  connect,
  data,
  failure as toolFailure,
} from '../../../testing/mcp.js';
import type { BrowserbaseTuning } from '../api.js';
import { createBrowserbaseServer } from '../index.js';
import { PROJECT_ID } from './fake-browserbase.js';

export { type CallResult, data };

export const KEY = 'bb_live_fake_key_for_tests';

export interface Harness {
  fake: FakeService;
  client: Client;
  sleeps: number[];
  call(args: Record<string, unknown>): Promise<CallResult>;
}

/** A fake Browserbase API on 127.0.0.1 (GUMCP_BROWSERBASE_API_URL) and an MCP client on a quick server. */
export async function setup(
  t: TestContext,
  credentials: ConnectOptions['credentials'] = { api_key: KEY, project_id: PROJECT_ID },
  tuning: BrowserbaseTuning = {},
): Promise<Harness> {
  const fake = await fakeFor(t, 'browserbase');
  const sleeps: number[] = [];
  const server = createBrowserbaseServer(
    {
      retries: 2,
      backoffMs: 1,
      timeoutMs: 5_000,
      sleep: async (ms) => {
        sleeps.push(ms);
      },
      ...tuning,
    },
    { connectTimeoutMs: 5_000 },
  );
  const client = await connect(server, { credentials });
  t.after(() => client.close());
  return {
    fake,
    client,
    sleeps,
    call: (args) => client.callTool({ name: 'load_webpage_tool', arguments: args }),
  };
}

/** The key went in the X-BB-API-Key header, and in no URL. */
export function assertAuth(req: RecordedRequest | undefined): void {
  assert.ok(req, 'the request was made');
  assert.equal(req.headers['x-bb-api-key'], KEY);
  assert.ok(!req.path.includes(KEY) && !req.query.toString().includes(KEY));
}

/** The message of a failed tool result, checked not to carry the key. */
export const failure = (result: CallResult): string => toolFailure(result, [KEY]);
