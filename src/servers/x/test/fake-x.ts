/**
 * Bodies in the shapes X's API v2 documents (its OpenAPI description and reference examples), for the
 * fake to answer with. Errors are RFC 7807 problems, as X sends them.
 */

export const API = '/2';

export const DEV = { id: '2244994945', name: 'X Dev', username: 'XDevelopers' };
export const ME = { id: '1375119201', name: 'Jane', username: 'jane_doe' };

/** A post with the default fields the server asks for (created_at, author_id). */
export function post(id: string, extra: Record<string, unknown> = {}) {
  return {
    id,
    text: `Learn how to use the X API v2 (${id})`,
    edit_history_tweet_ids: [id],
    created_at: '2025-06-12T17:09:56.000Z',
    author_id: DEV.id,
    ...extra,
  };
}

/** A page of posts, with `next_token` when another follows. */
export function page(ids: readonly string[], next?: string, extra: Record<string, unknown> = {}) {
  return {
    data: ids.map((id) => post(id)),
    includes: { users: [DEV] },
    meta: {
      result_count: ids.length,
      newest_id: ids[0],
      oldest_id: ids[ids.length - 1],
      ...(next ? { next_token: next } : {}),
    },
    ...extra,
  };
}

/** A resource-not-found problem, as X lists it in `errors` of a 200 answer. */
export function notFoundProblem(id: string, parameter = 'id', resourceType = 'tweet') {
  return {
    value: id,
    detail: `Could not find ${resourceType} with ${parameter}: [${id}].`,
    title: 'Not Found Error',
    resource_type: resourceType,
    parameter,
    resource_id: id,
    type: 'https://api.twitter.com/2/problems/resource-not-found',
  };
}

// Error bodies, as X sends them.

export const unauthorized = {
  title: 'Unauthorized',
  type: 'about:blank',
  status: 401,
  detail: 'Unauthorized',
};
export const forbidden = { title: 'Forbidden', type: 'about:blank', status: 403, detail: 'Forbidden' };
export const clientForbidden = {
  client_id: '28091423',
  detail:
    'When authenticating requests to the Twitter API v2 endpoints, you must use keys and tokens from a Twitter developer App that is attached to a Project. You can create a project via the developer portal.',
  registration_url: 'https://developer.twitter.com/en/docs/projects/overview#developer-portal',
  title: 'Client Forbidden',
  required_enrollment: 'Appropriate Level of API Access',
  reason: 'client-not-enrolled',
  type: 'https://api.twitter.com/2/problems/client-forbidden',
};
export const invalidRequest = {
  errors: [
    {
      parameters: { 'tweet.fields': ['colour'] },
      message:
        'The `tweet.fields` query parameter value [colour] is not one of [article,attachments,author_id,created_at,id,lang,public_metrics,text]',
    },
  ],
  title: 'Invalid Request',
  detail: 'One or more parameters to your request was invalid.',
  type: 'https://api.twitter.com/2/problems/invalid-request',
};
export const tooManyRequests = {
  title: 'Too Many Requests',
  detail: 'Too Many Requests',
  type: 'about:blank',
  status: 429,
};
export const serviceUnavailable = {
  title: 'Service Unavailable',
  detail: 'Service Unavailable',
  type: 'about:blank',
  status: 503,
};
