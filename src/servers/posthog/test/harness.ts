import assert from 'node:assert/strict';
import type { TestContext } from 'node:test';
import { type FakeService, fakeFor, type RecordedRequest } from '../../../testing/fake-service.js';
import {
  type CallResult,
  type ConnectOptions,
  data,
  failure,
  type ToolClient,
  toolClient,
} from '../../../testing/mcp.js';
import { apiUrlVariable } from '../../../upstream/client.js';
import { type ClientTuning, INGEST_ID } from '../api.js';
import { createPostHogServer } from '../index.js';
import { KEY, ORG, PROJECT, PROJECT_TOKEN } from './fake-posthog.js';

export { type CallResult, data, failure };

/** Retries and waits in milliseconds, recorded rather than slept, so error tests finish at once. */
export const fast = (sleeps: number[] = []): ClientTuning => ({
  retries: 2,
  backoffMs: 1,
  timeoutMs: 2000,
  maxRetryAfterMs: 5000,
  sleep: async (ms) => {
    sleeps.push(ms);
  },
});

/** What `gumcp auth posthog` stores for a user who left host and project empty. */
export const CREDENTIALS = {
  api_key: KEY,
  project_id: PROJECT,
  project_name: 'Default project',
  project_api_token: PROJECT_TOKEN,
  organization_id: ORG,
};

export interface Harness extends ToolClient {
  fake: FakeService;
  sleeps: number[];
}

/**
 * One fake PostHog on 127.0.0.1 serving both hosts: the app host (GUMCP_POSTHOG_API_URL) and the
 * ingestion host (GUMCP_POSTHOG_INGEST_API_URL), told apart by path as PostHog's are. An MCP client
 * on a server with fast retries. Closed after the test.
 */
export async function setup(
  t: TestContext,
  credentials: ConnectOptions['credentials'] = CREDENTIALS,
): Promise<Harness> {
  const fake = await fakeFor(t, 'posthog');
  const ingest = apiUrlVariable(INGEST_ID);
  process.env[ingest] = fake.url;
  t.after(() => {
    delete process.env[ingest];
  });
  const sleeps: number[] = [];
  const { client, call } = await toolClient(t, createPostHogServer(fast(sleeps)), { credentials });
  return { fake, client, sleeps, call };
}

/** The personal API key as a Bearer token, and JSON. */
export function assertAuth(req: RecordedRequest, key = KEY): void {
  assert.equal(req.headers.authorization, `Bearer ${key}`);
  assert.equal(req.headers.accept, 'application/json');
}

/** Ingestion requests carry the project API key in the body and never the personal key. */
export function assertIngest(req: RecordedRequest, token = PROJECT_TOKEN): void {
  assert.equal(req.headers.authorization, undefined, 'the personal key is not sent to the ingestion host');
  assert.equal((req.body as { api_key?: string }).api_key, token);
}
