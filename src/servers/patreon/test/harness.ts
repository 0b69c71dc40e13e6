import assert from 'node:assert/strict';
import type { TestContext } from 'node:test';
import type { Client } from '@modelcontextprotocol/client';
import { type FakeService, fakeFor, type RecordedRequest } from '../../../testing/fake-service.js';
import { type ConnectOptions, connect, text } from '../../../testing/mcp.js';
import type { ClientTuning } from '../api.js';
import { createPatreonServer } from '../index.js';
import { BASE } from './fake-patreon.js';

export const TOKEN = 'patreon-access-token-secret-part';

export type CallResult = Awaited<ReturnType<Client['callTool']>>;

export interface Harness {
  fake: FakeService;
  waits: number[];
  call(name: string, args?: Record<string, unknown>): Promise<CallResult>;
}

/** A fake Patreon API v2 on 127.0.0.1 (GUMCP_PATREON_API_URL) and an MCP client whose retries wait no time. */
export async function setup(
  t: TestContext,
  credentials: ConnectOptions['credentials'] = {
    access_token: TOKEN,
    refresh_token: 'rt',
    token_type: 'Bearer',
  },
  tuning: ClientTuning = {},
): Promise<Harness> {
  const fake = await fakeFor(t, 'patreon', BASE);
  const waits: number[] = [];
  const server = createPatreonServer({
    retries: 2,
    backoffMs: 1,
    timeoutMs: 2000,
    sleep: async (ms) => {
      waits.push(ms);
    },
    ...tuning,
  });
  const client = await connect(server, { credentials });
  t.after(() => client.close());
  return { fake, waits, call: (name, args = {}) => client.callTool({ name, arguments: args }) };
}

export function assertAuth(req: RecordedRequest, token = TOKEN): void {
  assert.equal(req.headers.authorization, `Bearer ${token}`);
}

export function data(result: CallResult): Record<string, unknown> {
  assert.equal(result.isError, undefined, `tool failed: ${text(result)}`);
  assert.ok(result.structuredContent, 'no structured content');
  assert.deepEqual(JSON.parse(text(result)), result.structuredContent);
  return result.structuredContent as Record<string, unknown>;
}

export function failure(result: CallResult): string {
  assert.equal(result.isError, true, `expected an error, got ${text(result)}`);
  return text(result);
}

/** The path under the API root, as Patreon's documentation names it. */
export const path = (p: string) => `${BASE}/${p}`;
