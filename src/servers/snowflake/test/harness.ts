import assert from 'node:assert/strict';
import type { TestContext } from 'node:test';
import { type FakeService, fakeFor } from '../../../testing/fake-service.js';
import {
  type CallResult,
  type ConnectOptions,
  data,
  type ToolClient,
  text,
  toolClient,
} from '../../../testing/mcp.js';
import { createSnowflakeServer } from '../index.js';
import type { SnowflakeTuning } from '../runner.js';
import { testKey } from './fake-sqlapi.js';

export { type CallResult, data };

export const ACCOUNT = 'myorg-myaccount';
export const USER = 'gumcp_bot';
export const PASSWORD = 'Pa55word-not-for-messages';
export const PAT = 'pat-token-0123456789abcdefSECRET';

/** Key-pair credentials (the SQL API path), as a user stores them. */
export const keyPair = (extra: Record<string, string> = {}) => ({
  account: ACCOUNT,
  username: USER,
  private_key: testKey().pem,
  ...extra,
});

/** guMCP's credentials: username, password, account (the driver path). */
export const password = (extra: Record<string, string> = {}) => ({
  username: USER,
  password: PASSWORD,
  account: ACCOUNT,
  ...extra,
});

export interface Harness extends ToolClient {
  fake: FakeService;
  sleeps: number[];
}

/** Small retries and waits; a sleep that records each wait and returns at once. */
export function fast(sleeps: number[], extra: SnowflakeTuning = {}): SnowflakeTuning {
  const sleep = async (ms: number) => {
    sleeps.push(ms);
  };
  return {
    retries: 2,
    backoffMs: 1,
    timeoutMs: 5_000,
    sleep,
    driverLoginRetries: 0,
    poll: { initialDelayMs: 10, maxDelayMs: 40, sleep },
    ...extra,
  };
}

/** A fake Snowflake on 127.0.0.1 (GUMCP_SNOWFLAKE_API_URL) and an MCP client on a quick server. */
export async function setup(
  t: TestContext,
  credentials: ConnectOptions['credentials'] = keyPair(),
  tuning: SnowflakeTuning = {},
): Promise<Harness> {
  const fake = await fakeFor(t, 'snowflake');
  const sleeps: number[] = [];
  const { client, call } = await toolClient(t, createSnowflakeServer(fast(sleeps, tuning)), { credentials });
  return { fake, client, sleeps, call };
}

const SECRETS = () => [PASSWORD, PAT, testKey().pem.split('\n')[1] ?? 'unused'];

export function failure(result: CallResult): string {
  assert.equal(result.isError, true, `expected an error, got ${text(result)}`);
  const message = text(result);
  for (const secret of SECRETS())
    assert.ok(!message.includes(secret), `a secret is in the message: ${message}`);
  assert.doesNotMatch(message, /eyJ[\w-]+\.[\w-]+\./, 'no JWT in the message');
  return message;
}
