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
import type { DropboxTuning } from '../api.js';
import { createDropboxServer } from '../index.js';

export { type CallResult, data, failure };

export const TOKEN = 'sl.u.AFbXrT0-dropbox-test-token-9f2c';

/** Retries in milliseconds, so error paths finish at once (production: the client's defaults). */
export const FAST: DropboxTuning = { retries: 2, backoffMs: 1, timeoutMs: 2000, maxRetryAfterMs: 100 };

/** Request options of a call: onprogress, signal. */
export interface Harness extends ToolClient {
  /** The RPC host (api.dropboxapi.com/2). */
  api: FakeService;
  /** The content host (content.dropboxapi.com/2). */
  content: FakeService;
}

/**
 * Two fakes on 127.0.0.1, one per Dropbox host (GUMCP_DROPBOX_API_URL and GUMCP_DROPBOX_CONTENT_API_URL
 * point at their /2), and an MCP client connected to the Dropbox server.
 */
export async function setup(
  t: TestContext,
  credentials: ConnectOptions['credentials'] = { access_token: TOKEN, refresh_token: 'rt' },
  tuning: DropboxTuning = {},
): Promise<Harness> {
  const api = await fakeFor(t, 'dropbox', '/2');
  const content = await fakeFor(t, 'dropbox_content', '/2');
  const { client, call } = await toolClient(t, createDropboxServer({ ...FAST, ...tuning }), { credentials });
  return {
    api,
    content,
    client,
    call,
  };
}

/** Asserts an RPC request: POST with the bearer token and a JSON body. */
export function assertRpc(
  req: RecordedRequest | undefined,
  path: string,
  body: unknown,
  token = TOKEN,
): void {
  assert.ok(req, `no request for ${path}`);
  assert.equal(req.method, 'POST');
  assert.equal(req.path, path);
  assert.equal(req.headers.authorization, `Bearer ${token}`);
  if (body === undefined) {
    assert.equal(req.rawBody, '');
  } else {
    assert.match(String(req.headers['content-type']), /^application\/json/);
    assert.deepEqual(req.body, body);
  }
  assert.equal([...req.query.keys()].length, 0, 'no query string');
}

/** The Dropbox-API-Arg of a content request, parsed, after checking the header is ASCII only. */
export function apiArg(req: RecordedRequest | undefined): Record<string, unknown> {
  const header = req?.headers['dropbox-api-arg'];
  assert.equal(typeof header, 'string', 'Dropbox-API-Arg is sent');
  assert.match(header as string, /^[\x20-\x7e]*$/, 'Dropbox-API-Arg is printable ASCII');
  return JSON.parse(header as string) as Record<string, unknown>;
}
