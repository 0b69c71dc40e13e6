import assert from 'node:assert/strict';
import type { TestContext } from 'node:test';
import type { Client } from '@modelcontextprotocol/client';
import { type FakeService, type RecordedRequest, startFake } from '../../../testing/fake-service.js';
import { type ConnectOptions, connect, failure, text } from '../../../testing/mcp.js';
import type { ClientTuning } from '../api.js';
import { createGitHubServer } from '../index.js';

export { failure };

export const TOKEN = 'gho_fake_github_token_for_tests';

/** Retries and backoff in milliseconds, so error tests finish at once (production: client defaults). */
export const FAST: ClientTuning = { retries: 2, backoffMs: 1, timeoutMs: 2000, maxRetryAfterMs: 100 };

export interface Harness {
  fake: FakeService;
  client: Client;
  /** Calls a tool and returns its result. */
  call(name: string, args?: Record<string, unknown>): ReturnType<Client['callTool']>;
}

/**
 * A fake GitHub on 127.0.0.1 and an MCP client connected to the GitHub server, whose API URL points at
 * the fake (GUMCP_GITHUB_API_URL). Both are closed when the test ends.
 */
export async function setup(
  t: TestContext,
  credentials: ConnectOptions['credentials'] = { access_token: TOKEN },
) {
  const fake = await startFake();
  process.env.GUMCP_GITHUB_API_URL = fake.url;
  const client = await connect(createGitHubServer(FAST), { credentials });
  t.after(async () => {
    await client.close();
    await fake.close();
  });
  const harness: Harness = {
    fake,
    client,
    call: (name, args = {}) => client.callTool({ name, arguments: args }),
  };
  return harness;
}

/** The one request the fake received, checked for GitHub's headers with the given token. */
export function onlyRequest(fake: FakeService, token = TOKEN): RecordedRequest {
  assert.equal(fake.requests.length, 1, `expected one request, got ${describe(fake.requests)}`);
  const [req] = fake.requests;
  assert.ok(req);
  assertGitHubHeaders(req, token);
  return req;
}

export function assertGitHubHeaders(req: RecordedRequest, token = TOKEN): void {
  assert.equal(req.headers.authorization, `Bearer ${token}`);
  assert.equal(req.headers.accept, 'application/vnd.github+json');
  assert.equal(req.headers['x-github-api-version'], '2022-11-28');
}

export const query = (req: RecordedRequest) => Object.fromEntries(req.query);

export const describe = (requests: RecordedRequest[]) =>
  requests.map((r) => `${r.method} ${r.path}?${r.query}`).join(', ') || 'none';

/** The structured content of a successful tool result. */
export function data(result: Awaited<ReturnType<Client['callTool']>>): Record<string, unknown> {
  assert.equal(result.isError, undefined, `tool failed: ${text(result)}`);
  assert.ok(result.structuredContent, 'no structured content');
  return result.structuredContent as Record<string, unknown>;
}
