import assert from 'node:assert/strict';
import type { TestContext } from 'node:test';
import { type FakeService, fakeFor } from '../../../testing/fake-service.js';
import {
  type CallResult,
  type ConnectOptions,
  data,
  failure,
  type ToolClient,
  toolClient,
} from '../../../testing/mcp.js';
import type { ClientTuning } from '../api.js';
import { createShopifyServer } from '../index.js';
import { API, calls, ENDPOINT, type GraphQLCall, SHOP_DOMAIN } from './fake-shopify.js';

export { type CallResult, data, failure };

export const TOKEN = 'shpua_fake_shopify_token_for_tests';

/** Credentials as `gumcp auth shopify` stores them: the offline token, its scopes and the shop. */
export const CREDENTIALS = {
  access_token: TOKEN,
  scope: 'read_products,write_products,read_inventory,write_inventory,read_locations',
  shop: SHOP_DOMAIN,
};

/** Retries, backoff and throttle waits in milliseconds, so error tests finish at once. */
export const FAST: ClientTuning = {
  retries: 2,
  backoffMs: 1,
  timeoutMs: 2000,
  maxRetryAfterMs: 100,
  throttleRetries: 2,
  maxThrottleWaitMs: 100,
};

export interface Harness extends ToolClient {
  fake: FakeService;
}

/** A fake Admin API (GUMCP_SHOPIFY_API_URL points at its /admin/api/2026-10) and an MCP client on the server. */
export async function setup(
  t: TestContext,
  credentials: ConnectOptions['credentials'] = CREDENTIALS,
  tuning: ClientTuning = FAST,
): Promise<Harness> {
  const fake = await fakeFor(t, 'shopify', API);
  const { client, call } = await toolClient(t, createShopifyServer(tuning), { credentials });
  return { fake, client, call };
}

/** Shopify's request: a JSON POST to graphql.json with the token in X-Shopify-Access-Token, no bearer. */
export function assertRequest(call: GraphQLCall, token = TOKEN): void {
  assert.equal(call.req.method, 'POST');
  assert.equal(call.req.path, ENDPOINT);
  assert.equal(call.req.headers['x-shopify-access-token'], token);
  assert.equal(call.req.headers.authorization, undefined);
  assert.match(String(call.req.headers['content-type']), /^application\/json/);
}

/** The one GraphQL call the fake got, checked for Shopify's headers. */
export function onlyCall(fake: FakeService): GraphQLCall {
  const all = calls(fake);
  assert.equal(all.length, 1, `expected one call, got ${all.map((c) => c.operation).join(', ') || 'none'}`);
  const [call] = all as [GraphQLCall];
  assertRequest(call);
  return call;
}

/** The operations the fake got, in order. */
export const operations = (fake: FakeService): string[] => calls(fake).map((c) => c.operation);
