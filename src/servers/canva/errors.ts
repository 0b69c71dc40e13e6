import { AuthRequiredError, MissingScopeError, NotFoundError, ToolError } from '../../core/errors.js';
import { parseRetryAfter } from '../../upstream/client.js';

/** What a request is about, named in its errors (e.g. `Design`, `DAFVztcvd9z`). */
export interface Subject {
  what: string;
  id: string;
}

/** Canva's error body: `{ code, message }`. */
function canvaError(body: unknown): { code?: string; message?: string } {
  if (!body || typeof body !== 'object') return {};
  const b = body as { code?: unknown; message?: unknown };
  return {
    ...(typeof b.code === 'string' ? { code: b.code } : {}),
    ...(typeof b.message === 'string' ? { message: b.message.slice(0, 300) } : {}),
  };
}

const SCOPE = /\b([a-z_]+(?::[a-z_]+)+)\b/;

/** What each not-found code is about, when it says more than the call's subject. */
const NOT_FOUND: Readonly<Record<string, string>> = {
  thread_not_found: 'Comment thread',
  reply_not_found: 'Comment reply',
  comment_not_found: 'Comment',
  asset_not_found: 'Asset',
  folder_not_found: 'Folder',
  design_not_found: 'Design',
  design_type_not_found: 'Design type',
};

/** A rate-limit answer, with when to try again and the operation's documented budget. */
export function rateLimitMessage(headers: Headers, operation: string, perMinute: number): string {
  const wait = parseRetryAfter(headers.get('retry-after'));
  const when =
    wait === undefined
      ? 'try again in a minute'
      : `try again in ${Math.ceil(wait / 1000)} s (after ${new Date(Date.now() + wait).toISOString()})`;
  return `Canva rate limit reached for ${operation} (about ${perMinute} requests a minute per user); ${when}`;
}

/**
 * Maps a Canva error answer to a tool error. `scope` is the calling tool's scope, named when Canva
 * says one is missing without naming it; 5xx answers are left to the upstream client.
 */
export function canvaToolError(
  status: number,
  body: unknown,
  headers: Headers,
  subject: Subject,
  scope: string,
  rate: { operation: string; perMinute: number },
): ToolError | undefined {
  const { code, message } = canvaError(body);
  const said = message ? `: ${message}` : '';
  if (status === 401 || code === 'invalid_access_token' || code === 'revoked_access_token') {
    return new AuthRequiredError(
      'canva',
      code === 'revoked_access_token'
        ? 'Canva says the access token was revoked'
        : 'Canva rejected the stored token (expired or invalid)',
    );
  }
  if (code === 'missing_scope') return new MissingScopeError(SCOPE.exec(message ?? '')?.[1] ?? scope);
  if (status === 404 || (code && (code in NOT_FOUND || code.endsWith('_not_found')))) {
    return new NotFoundError(NOT_FOUND[code ?? ''] ?? subject.what, subject.id);
  }
  if (status === 403) {
    return new ToolError(`Canva denied access to ${subject.what.toLowerCase()} ${subject.id}${said}`);
  }
  if (status === 429) {
    if (code === 'quota_exceeded' || code === 'ai_credit_quota_exceeded') {
      return new ToolError(`Canva quota exceeded for ${rate.operation}${said}`);
    }
    return new ToolError(rateLimitMessage(headers, rate.operation, rate.perMinute));
  }
  if (status >= 400 && status < 500) {
    return new ToolError(
      `Canva rejected the request for ${subject.what.toLowerCase()} ${subject.id} (${code ?? `HTTP ${status}`})${said}`,
    );
  }
  return undefined;
}
