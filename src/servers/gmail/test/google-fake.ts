import assert from 'node:assert/strict';
import type { TestContext } from 'node:test';
import { type FakeService, type RecordedRequest, startFake } from '../../../testing/fake-service.js';

/**
 * What the Google servers' tests share: a fake Google API the server under test is pointed at, and
 * Google's documented JSON error body.
 */

/**
 * Starts a fake on 127.0.0.1 and points `serverId` at it through GUMCP_<ID>_API_URL, keeping the
 * real path prefix (e.g. /gmail/v1) so recorded paths read like Google's. Closed after the test.
 */
export async function startGoogleFake(
  t: TestContext,
  serverId: string,
  basePath: string,
): Promise<FakeService> {
  const fake = await startFake();
  const name = `GUMCP_${serverId.toUpperCase()}_API_URL`;
  process.env[name] = `${fake.url}${basePath}`;
  t.after(async () => {
    delete process.env[name];
    await fake.close();
  });
  return fake;
}

/**
 * Google's error body (Gmail and Calendar "Handle errors" guides): `error.code`, `error.message`,
 * `error.errors[].{domain, reason, message}` and, on newer front ends, `error.status`.
 */
export function googleError(
  code: number,
  message: string,
  reason: string,
  status?: string,
): { error: Record<string, unknown> } {
  return {
    error: { code, message, errors: [{ message, domain: 'global', reason }], ...(status ? { status } : {}) },
  };
}

/** The documented answers to the error cases every Google server is tested against. */
export const GOOGLE_ERRORS = {
  expiredToken: googleError(401, 'Invalid Credentials', 'authError', 'UNAUTHENTICATED'),
  insufficientScope: googleError(
    403,
    'Request had insufficient authentication scopes.',
    'insufficientPermissions',
    'PERMISSION_DENIED',
  ),
  notFound: googleError(404, 'Requested entity was not found.', 'notFound', 'NOT_FOUND'),
  rateLimited: googleError(429, 'Rate Limit Exceeded', 'rateLimitExceeded', 'RESOURCE_EXHAUSTED'),
  backendError: googleError(503, 'The service is currently unavailable.', 'backendError', 'UNAVAILABLE'),
};

/** The one request the fake got for `method path`, failing the test when there is not exactly one. */
export function only(fake: FakeService, method: string, path: string): RecordedRequest {
  const matching = fake.requests.filter((r) => r.method === method && r.path === path);
  assert.equal(matching.length, 1, `expected one ${method} ${path}, got ${matching.length}`);
  return matching[0] as RecordedRequest;
}

/** The query of a request as a plain object; repeated keys become arrays. */
export function query(req: RecordedRequest): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(req.query.keys())) {
    const values = req.query.getAll(key);
    out[key] = values.length > 1 ? values : (values[0] as string);
  }
  return out;
}
