import { AuthRequiredError, MissingScopeError, NotFoundError, ToolError } from '../../core/errors.js';
import { parseRetryAfter } from '../../upstream/client.js';

/** What a request is about, named when Webflow answers 404 (e.g. `Item`, `abc in collection def`). */
export interface Subject {
  what: string;
  id: string;
  /** The collection an item call addresses, named when Webflow says the collection is missing. */
  collection?: string;
  /** A call of the User Accounts API, which Webflow switched off on 29 January 2026. */
  userAccounts?: boolean;
}

/** Webflow's error body (Data API v2): `{ code, message, externalReference, details }`. */
interface WebflowErrorBody {
  code?: string;
  message?: string;
  externalReference?: string | null;
  details?: (string | { param?: string; field?: string; description?: string; message?: string })[];
}

export const USER_ACCOUNTS_SUNSET =
  'Webflow disabled User Accounts on all sites on 29 January 2026, and its users endpoints no longer answer';

function describe(body: unknown): { code?: string; message?: string } {
  if (!body || typeof body !== 'object') return {};
  const b = body as WebflowErrorBody;
  const details = (Array.isArray(b.details) ? b.details : [])
    .map((d) =>
      typeof d === 'string'
        ? d
        : [d.param ?? d.field, d.description ?? d.message].filter((s) => typeof s === 'string').join(': '),
    )
    .filter(Boolean)
    .join('; ');
  const message = typeof b.message === 'string' ? b.message.slice(0, 300) : undefined;
  return {
    code: typeof b.code === 'string' ? b.code : undefined,
    message: [message, details && `(${details.slice(0, 500)})`].filter(Boolean).join(' ') || undefined,
  };
}

/** "OAuthForbidden: You are missing the following scopes - cms:write, cms:read" -> "cms:write". */
function missingScope(message: string | undefined): string | undefined {
  return /scopes? - ([\w:]+)/i.exec(message ?? '')?.[1];
}

/**
 * Webflow's 429: X-RateLimit-Limit is the site plan's requests a minute (60 on Starter and Basic, 120
 * on CMS, eCommerce and Business), X-RateLimit-Remaining what is left, Retry-After the wait.
 */
export function rateLimitMessage(headers: Headers, now = Date.now()): string {
  const limit = headers.get('x-ratelimit-limit');
  const remaining = headers.get('x-ratelimit-remaining');
  const wait = parseRetryAfter(headers.get('retry-after'), now);
  const facts = [limit && `${limit} requests a minute on this site's plan`, remaining && `${remaining} left`]
    .filter(Boolean)
    .join(', ');
  const when =
    wait === undefined
      ? 'Try again in a minute.'
      : `Try again in ${Math.ceil(wait / 1000)} s (after ${new Date(now + wait).toISOString()}).`;
  return `Webflow rate limit reached${facts ? ` (${facts})` : ''}. ${when}`;
}

/**
 * Maps a Webflow error answer to a tool error. `scope` is the scope the calling tool declares, named
 * when Webflow's message does not name one. 5xx answers are left to the upstream client (retried when
 * safe, then "try again later").
 */
export function webflowError(
  status: number,
  body: unknown,
  subject: Subject,
  scope: string,
  headers: Headers = new Headers(),
): ToolError | undefined {
  const { code, message } = describe(body);
  const said = message ? `: ${message}` : '';
  const about = `${subject.what.toLowerCase()} ${subject.id}`;
  if (subject.userAccounts && (status === 404 || status === 410 || code === 'users_not_enabled')) {
    const what = status === 404 && code === 'user_not_found' ? `User not found: ${subject.id}. ` : '';
    return new ToolError(`${what}${USER_ACCOUNTS_SUNSET} (HTTP ${status}${code ? `, ${code}` : ''}).`);
  }
  if (status === 401) {
    return new AuthRequiredError(
      'webflow',
      'Webflow rejected the stored token (revoked, or the app was removed from the site or workspace)',
    );
  }
  if (status === 403 && code === 'missing_scopes')
    return new MissingScopeError(missingScope(message) ?? scope);
  if (status === 403) {
    return new ToolError(
      `Webflow denied access to ${about}${said}. The app must be authorized for that site or workspace.`,
    );
  }
  if (status === 404) {
    if (code === 'collection_not_found' && subject.collection) {
      return new NotFoundError('Collection', subject.collection);
    }
    return new NotFoundError(subject.what, subject.id);
  }
  if (status === 409) return new ToolError(`Webflow refused the change to ${about} (conflict)${said}`);
  if (status === 429) return new ToolError(rateLimitMessage(headers));
  if (status >= 400 && status < 500) {
    return new ToolError(
      `Webflow rejected the request for ${about} (HTTP ${status}${code ? `, ${code}` : ''})${said}`,
    );
  }
  return undefined;
}
