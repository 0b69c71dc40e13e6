import { AuthRequiredError, NotFoundError, type ToolError } from '../../core/errors.js';
import { parseRetryAfter, UpstreamError } from '../../upstream/client.js';

export const SERVER_ID = 'apify';

/**
 * What a request is about, for its errors: a 404 names `what` and `id`; a 403 says which permission a
 * scoped token needs (`permission`); an `invalid-input` names the tool argument it came from (`arg`).
 */
export interface Subject {
  what: string;
  id?: string;
  permission?: string;
  arg?: string;
}

/** Apify's error body: `{ error: { type, message } }`. */
export function errorOf(body: unknown): { type?: string; message?: string } {
  const error = body && typeof body === 'object' ? (body as { error?: unknown }).error : undefined;
  if (!error || typeof error !== 'object') return {};
  const { type, message } = error as { type?: unknown; message?: unknown };
  return {
    ...(typeof type === 'string' ? { type } : {}),
    ...(typeof message === 'string' ? { message } : {}),
  };
}

/** Apify's message, cut short and without the token or a `token=` URL parameter (Apify accepts both). */
export function clean(text: string, token: string | undefined): string {
  let out = text.replace(/([?&]token=)[^&\s"'<>]+/gi, '$1[redacted]');
  if (token) out = out.split(token).join('[redacted]');
  out = out.trim().replace(/\.$/, '');
  return out.length > 300 ? `${out.slice(0, 300)}…` : out;
}

/** Types that say which kind of thing was not found, when it says more than the call's subject. */
const NOT_FOUND: Readonly<Record<string, string>> = {
  'actor-not-found': 'Actor',
  'actor-task-not-found': 'Actor task',
  'build-not-found': 'Actor build',
  'default-dataset-not-found': 'Default dataset of the run',
};

/** Types of the 401 family: the token is missing, wrong, expired or revoked. */
const AUTH_TYPES = new Set([
  'token-not-provided',
  'invalid-token',
  'missing-api-token',
  'user-or-token-not-found',
]);

/** Types of a request Apify refused for its input: the tool argument that carried it is named. */
const INPUT_TYPES = /^invalid-(input|value|request|parameter)|^input-json|-not-unique$|^name-not-unique/;

/** Paid Actors and usage limits: retrying will not help until the account changes. */
const USAGE_TYPES = new Set([
  'not-enough-usage-to-run-paid-actor',
  'actor-is-not-rented',
  'apify-plan-required-to-use-paid-actor',
  'limit-reached',
  'monthly-usage-limit-too-low',
  'actor-memory-limit-exceeded',
  'concurrent-runs-limit-exceeded',
]);

/**
 * Maps an Apify error answer to a tool error a user can act on; undefined leaves 5xx to the upstream
 * client ("may have gone through" for a run it will not repeat). Nothing Apify sends reaches the user
 * with the token in it.
 */
export function apifyError(
  status: number,
  body: unknown,
  headers: Headers,
  subject: Subject,
  token: string | undefined,
): ToolError | undefined {
  const { type, message } = errorOf(body);
  const said = message ? clean(message, token) : '';
  const suffix = said ? `: ${said}` : '';
  const about = subject.id ? `${subject.what.toLowerCase()} ${subject.id}` : subject.what.toLowerCase();
  if (status === 401 || AUTH_TYPES.has(type ?? '')) {
    return new AuthRequiredError(
      SERVER_ID,
      'Apify rejected the stored API token (expired, revoked, or not copied whole)',
    );
  }
  if (USAGE_TYPES.has(type ?? '') || status === 402) {
    return new UpstreamError(
      `Apify refused to ${subject.permission ?? `use ${about}`}${suffix} (${type ?? `HTTP ${status}`}). Retrying will ` +
        'not help: check the plan, its usage limits and prepaid usage in Apify Console (Billing).',
      status,
    );
  }
  if (status === 403 || type === 'insufficient-permissions') {
    return new UpstreamError(
      `Permission denied: the Apify token may not ${subject.permission ?? `access ${about}`}${suffix}. A scoped ` +
        'token needs that permission (Apify Console > Settings > API & Integrations); scoped tokens cannot create ' +
        'or modify Actors at all.',
      403,
    );
  }
  if (status === 404 || (type && (type in NOT_FOUND || type === 'record-not-found'))) {
    return new NotFoundError(NOT_FOUND[type ?? ''] ?? subject.what, subject.id ?? '(none given)');
  }
  if (status === 429) {
    const wait = parseRetryAfter(headers.get('retry-after'));
    const when =
      wait === undefined
        ? 'in a few seconds'
        : `in ${Math.max(1, Math.ceil(wait / 1000))} s (after ${new Date(Date.now() + wait).toISOString()})`;
    return new UpstreamError(
      `Rate limited by Apify (at most 60 requests a second to one Actor, run or dataset); try again ${when}`,
      429,
    );
  }
  if (status >= 400 && status < 500) {
    const arg = subject.arg && INPUT_TYPES.test(type ?? '') ? `Invalid argument ${subject.arg}: ` : '';
    return new UpstreamError(
      `${arg}Apify rejected the request for ${about} (${type ?? `HTTP ${status}`})${suffix}`,
      status,
    );
  }
  return undefined;
}
