import { AuthRequiredError, NotFoundError, type ToolError } from '../../core/errors.js';
import { UpstreamError } from '../../upstream/client.js';

/** What a request is about, named when ClickUp says it is not found (e.g. `Task`, `9hx`). */
export interface Subject {
  what: string;
  id: string;
}

/** ClickUp's error body: `{ err, ECODE }`, e.g. `{ "err": "Token invalid", "ECODE": "OAUTH_025" }`. */
interface ClickUpErrorBody {
  err?: string;
  ECODE?: string;
}

/** The token does not reach the workspace that holds the item (it was not ticked at authorization). */
const TEAM_NOT_AUTHORIZED = 'OAUTH_027';

/**
 * A 429 with ClickUp's X-RateLimit-Reset (unix seconds): the caller may wait until then and retry
 * once, or report when the limit resets.
 */
export class RateLimitedError extends UpstreamError {
  constructor(
    readonly resetAtMs: number,
    limit: string | null,
  ) {
    const per = limit ? ` of ${limit} requests per minute` : '';
    super(
      `Rate limited by ClickUp: the limit${per} resets at ${new Date(resetAtMs).toISOString()}; try again then`,
      429,
    );
  }
}

function describe(body: unknown): ClickUpErrorBody {
  return body && typeof body === 'object' ? (body as ClickUpErrorBody) : {};
}

/**
 * Maps a ClickUp error answer to a tool error. ClickUp has no OAuth scopes: a token reaches the
 * workspaces the user ticked at authorization, with that user's permissions in them.
 */
export function clickupError(
  status: number,
  body: unknown,
  subject: Subject,
  headers: Headers,
): ToolError | undefined {
  const { err, ECODE } = describe(body);
  const said = [err, ECODE && `(${ECODE})`].filter(Boolean).join(' ');
  if (ECODE === TEAM_NOT_AUTHORIZED) {
    return new AuthRequiredError(
      'clickup',
      `the token is not authorized for the workspace that holds ${subject.what} ${subject.id}; ` +
        'tick that workspace when you authorize again',
    );
  }
  if (status === 401) {
    return new AuthRequiredError('clickup', `ClickUp rejected the stored token${said ? `: ${said}` : ''}`);
  }
  // Only a 404 names the subject: a 400 "not found" may be about an argument (a status, an assignee),
  // and ClickUp's own err says which.
  if (status === 404) return new NotFoundError(subject.what, subject.id);
  if (status === 429) {
    const reset = Number(headers.get('x-ratelimit-reset'));
    if (reset > 0) return new RateLimitedError(reset * 1000, headers.get('x-ratelimit-limit'));
    return undefined;
  }
  if (status === 403) {
    return new UpstreamError(
      `ClickUp denied access to ${subject.what} ${subject.id}${said ? `: ${said}` : ''}`,
      403,
    );
  }
  if (status >= 400 && status < 500) {
    return new UpstreamError(
      `ClickUp rejected the request for ${subject.what} ${subject.id} (HTTP ${status})${said ? `: ${said}` : ''}`,
      status,
    );
  }
  return undefined;
}
