import { fakeFor, only, query } from '../../../testing/fake-service.js';

/**
 * What the Google servers' tests share: a fake Google API the server under test is pointed at, and
 * Google's documented JSON error body.
 */

/** A fake Google API, pointed at through GUMCP_<ID>_API_URL with the real path prefix (e.g. /gmail/v1). */
export const startGoogleFake = fakeFor;

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

export { only, query };
