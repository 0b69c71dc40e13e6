import assert from 'node:assert/strict';
import type { Client } from '@modelcontextprotocol/client';
import {
  type FakeReply,
  type FakeService,
  type RecordedRequest,
  startFake,
} from '../../../testing/fake-service.js';

/*
 * What the fakes of Google's APIs share (gdrive's and gsheets' tests import it): a fake bound to a
 * server's GUMCP_<ID>_API_URL, Google's documented error bodies, and small readers of recorded requests.
 */

export const TOKEN = 'ya29.a0-test-access-token';
export const credentials = { access_token: TOKEN, token_type: 'Bearer', refresh_token: '1//test-refresh' };

/** A loopback fake that the server's Google calls reach instead of googleapis.com. */
export async function startGoogleFake(serverId: 'gdrive' | 'gsheets'): Promise<FakeService> {
  const fake = await startFake();
  process.env[`GUMCP_${serverId.toUpperCase()}_API_URL`] = fake.url;
  return fake;
}

interface ErrorDetail {
  message: string;
  domain: string;
  reason: string;
  location?: string;
  locationType?: string;
}

/** Google's JSON error envelope (https://cloud.google.com/apis/design/errors#http_mapping). */
function googleError(
  code: number,
  message: string,
  extra: { status?: string; errors?: ErrorDetail[]; details?: object[] } = {},
  headers?: Record<string, string>,
): FakeReply {
  return { status: code, headers, body: { error: { code, message, ...extra } } };
}

export const errors = {
  /** An expired or revoked access token. */
  unauthenticated: (): FakeReply =>
    googleError(
      401,
      'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.',
      {
        status: 'UNAUTHENTICATED',
        errors: [
          {
            message: 'Invalid Credentials',
            domain: 'global',
            reason: 'authError',
            location: 'Authorization',
            locationType: 'header',
          },
        ],
      },
      { 'www-authenticate': 'Bearer realm="https://accounts.google.com/", error="invalid_token"' },
    ),
  /** A token that lacks the scope the method needs. */
  insufficientScope: (service: string): FakeReply =>
    googleError(403, 'Request had insufficient authentication scopes.', {
      status: 'PERMISSION_DENIED',
      errors: [{ message: 'Insufficient Permission', domain: 'global', reason: 'insufficientPermissions' }],
      details: [
        {
          '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
          reason: 'ACCESS_TOKEN_SCOPE_INSUFFICIENT',
          domain: 'googleapis.com',
          metadata: { service },
        },
      ],
    }),
  /** Drive v3's 404 for a file id it cannot see. */
  driveNotFound: (fileId: string): FakeReply =>
    googleError(404, `File not found: ${fileId}.`, {
      errors: [
        {
          message: `File not found: ${fileId}.`,
          domain: 'global',
          reason: 'notFound',
          location: 'fileId',
          locationType: 'parameter',
        },
      ],
    }),
  /** Sheets v4's 404, which does not say what was missing. */
  sheetsNotFound: (): FakeReply =>
    googleError(404, 'Requested entity was not found.', { status: 'NOT_FOUND' }),
  rateLimited: (retryAfterSeconds: number): FakeReply =>
    googleError(
      429,
      "Quota exceeded for quota metric 'Read requests' and limit 'Read requests per minute per user'.",
      { status: 'RESOURCE_EXHAUSTED' },
      { 'retry-after': String(retryAfterSeconds) },
    ),
  unavailable: (): FakeReply =>
    googleError(503, 'The service is currently unavailable.', { status: 'UNAVAILABLE' }),
};

/** The query of a recorded request as a plain object; repeated keys become arrays. */
export function queryOf(req: RecordedRequest): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(req.query.keys())) {
    const all = req.query.getAll(key);
    out[key] = all.length > 1 ? all : (all[0] ?? '');
  }
  return out;
}

/** The one request a call made, after checking it was the only one and carried the user's token. */
export function onlyRequest(fake: FakeService, token = TOKEN): RecordedRequest {
  assert.equal(
    fake.requests.length,
    1,
    `expected one request, got ${fake.requests.map(describe).join(', ')}`,
  );
  const [req] = fake.requests;
  assert.ok(req);
  assert.equal(req.headers.authorization, `Bearer ${token}`);
  return req;
}

export const describe = (req: RecordedRequest): string => `${req.method} ${req.path}`;

/** The parts of a multipart/related body: each part's headers (lower-cased) and body. */
export function multipartParts(req: RecordedRequest): { headers: Record<string, string>; body: string }[] {
  const boundary = /boundary=([^;]+)/.exec(String(req.headers['content-type']))?.[1];
  assert.ok(boundary, 'the request names a multipart boundary');
  const segments = req.rawBody.split(`--${boundary}`);
  assert.equal(segments.at(-1)?.trim(), '--', 'the body ends with the closing boundary');
  return segments.slice(1, -1).map((segment) => {
    const [head = '', ...rest] = segment.replace(/^\r\n/, '').split('\r\n\r\n');
    const headers = Object.fromEntries(
      head.split('\r\n').map((line) => {
        const at = line.indexOf(':');
        return [line.slice(0, at).trim().toLowerCase(), line.slice(at + 1).trim()];
      }),
    );
    return { headers, body: rest.join('\r\n\r\n').replace(/\r\n$/, '') };
  });
}

export interface ToolResult {
  isError?: boolean;
  structuredContent?: Record<string, unknown>;
  content?: unknown;
}

export const callTool = (client: Client, name: string, args: Record<string, unknown>): Promise<ToolResult> =>
  client.callTool({ name, arguments: args }) as Promise<ToolResult>;
