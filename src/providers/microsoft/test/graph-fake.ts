import type { TestContext } from 'node:test';
import { type FakeService, fakeFor } from '../../../testing/fake-service.js';

/**
 * What the Microsoft 365 servers' tests share: a fake Graph on loopback at `/v1.0`, and Graph's
 * documented error body (learn.microsoft.com/graph/errors).
 */

export const GRAPH_PATH = '/v1.0';

/** Starts a fake Graph and points `serverId` at it (GUMCP_<ID>_API_URL) for the rest of the test. */
export function startGraphFake(t: TestContext, serverId: string): Promise<FakeService> {
  return fakeFor(t, serverId, GRAPH_PATH);
}

/** Graph's error body, with the innerError every real answer carries. */
export function graphError(code: string, message: string): { error: Record<string, unknown> } {
  return {
    error: {
      code,
      message,
      innerError: {
        date: '2025-06-01T10:00:00',
        'request-id': '7d3b2c1a-0000-4000-8000-000000000001',
        'client-request-id': '7d3b2c1a-0000-4000-8000-000000000001',
      },
    },
  };
}

/** The documented answers to the error cases every Microsoft 365 server is tested against. */
export const GRAPH_ERRORS = {
  expiredToken: graphError('InvalidAuthenticationToken', 'Access token has expired or is not yet valid.'),
  accessDenied: graphError(
    'Authorization_RequestDenied',
    'Insufficient privileges to complete the operation.',
  ),
  notFound: graphError('itemNotFound', 'The resource could not be found.'),
  throttled: graphError('TooManyRequests', 'Too many requests.'),
  unavailable: graphError('serviceNotAvailable', 'The service is temporarily unavailable.'),
};

/** A Graph collection page as the fake answers it: `value`, and an absolute nextLink on the fake. */
export function graphPage<T>(
  fake: Pick<FakeService, 'url'>,
  items: T[],
  next?: string,
): Record<string, unknown> {
  return { value: items, ...(next ? { '@odata.nextLink': `${fake.url}${GRAPH_PATH}/${next}` } : {}) };
}
