import assert from 'node:assert/strict';
import type { TestContext } from 'node:test';
import type { Client } from '@modelcontextprotocol/client';
import { type ConnectOptions, connect, text } from '../../../testing/mcp.js';
import type { SlackClientOptions } from '../api.js';
import { createSlackServer } from '../index.js';
import { ALL_SCOPES, type FakeSlack, type SlackCall, startFakeSlack } from './fake-slack.js';

export const TOKEN = 'fake-test-token';

/**
 * Tiny timings so retry paths take milliseconds: two retries, a 1 ms backoff, and any
 * Retry-After above one second fails at once instead of being waited for.
 */
export const FAST: SlackClientOptions = {
  retries: 2,
  backoffMs: 1,
  timeoutMs: 2_000,
  maxRetryAfterMs: 1_000,
};

export interface Setup {
  slack: FakeSlack;
  client: Client;
}

/**
 * Starts a fake Slack with a seeded workspace, points the server at it through
 * GUMCP_SLACK_API_URL (tests in a file run one after another, so the variable is theirs), and
 * connects an MCP client. Everything is closed when the test ends.
 */
export async function setup(
  t: TestContext,
  opts: { credentials?: ConnectOptions['credentials']; scopes?: readonly string[] } = {},
): Promise<Setup> {
  const slack = await startFakeSlack();
  slack.tokens.set(TOKEN, new Set(opts.scopes ?? ALL_SCOPES));
  process.env.GUMCP_SLACK_API_URL = slack.apiUrl;
  const client = await connect(createSlackServer(FAST), {
    credentials: opts.credentials ?? { access_token: TOKEN },
  });
  t.after(async () => {
    await client.close();
    await slack.close();
    delete process.env.GUMCP_SLACK_API_URL;
  });
  return { slack, client };
}

/** Calls a tool and returns its structured content, failing the test if the tool failed. */
export async function callOk<T = Record<string, unknown>>(
  client: Client,
  name: string,
  args: Record<string, unknown>,
): Promise<T> {
  const result = await client.callTool({ name, arguments: args });
  assert.equal(result.isError, undefined, `${name} failed: ${text(result)}`);
  assert.deepEqual(
    JSON.parse(text(result)),
    result.structuredContent,
    'the text mirrors the structured content',
  );
  return result.structuredContent as T;
}

/** Calls a tool that must fail and returns its error message. */
export async function callError(
  client: Client,
  name: string,
  args: Record<string, unknown>,
): Promise<string> {
  const result = await client.callTool({ name, arguments: args });
  assert.equal(result.isError, true, `${name} was expected to fail but returned ${text(result)}`);
  return text(result);
}

/** The one call made to a Web API method, checked to be a GET carrying the token. */
export function readCall(slack: FakeSlack, method: string, token = TOKEN): SlackCall {
  const calls = slack.calls(method);
  assert.equal(calls.length, 1, `expected one ${method} call, got ${calls.length}`);
  const [call] = calls as [SlackCall];
  assert.equal(call.httpMethod, 'GET');
  assert.equal(call.authorization, `Bearer ${token}`);
  assert.equal(call.body, undefined);
  return call;
}

/** The one call made to a Web API method, checked to be a JSON POST carrying the token; returns its body. */
export function writeCall(slack: FakeSlack, method: string, token = TOKEN): Record<string, unknown> {
  const calls = slack.calls(method);
  assert.equal(calls.length, 1, `expected one ${method} call, got ${calls.length}`);
  const [call] = calls as [SlackCall];
  assert.equal(call.httpMethod, 'POST');
  assert.equal(call.authorization, `Bearer ${token}`);
  assert.equal(call.contentType, 'application/json; charset=utf-8');
  assert.equal([...call.query].length, 0, 'nothing travels in the query string of a write');
  return call.body as Record<string, unknown>;
}

/** A GET call's query string as a plain object. */
export const queryOf = (call: SlackCall): Record<string, string> => Object.fromEntries(call.query);
