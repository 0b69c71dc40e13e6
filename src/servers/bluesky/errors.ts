import { AuthRequiredError, NotFoundError, ToolError } from '../../core/errors.js';
import { UpstreamError } from '../../upstream/client.js';

/** What a request is about, named in its errors (e.g. `Account`, `alice.bsky.social`). */
export interface Subject {
  what: string;
  id: string;
}

/** An XRPC error body: `{ "error": "ExpiredToken", "message": "Token has expired" }`. */
interface XrpcErrorBody {
  error?: unknown;
  message?: unknown;
}

const text = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

/** The XRPC error name and message of an answer, the message cut short. */
export function xrpcError(body: unknown): { code?: string; message?: string } {
  if (!body || typeof body !== 'object') return {};
  const b = body as XrpcErrorBody;
  const code = text(b.error);
  const message = text(b.message)?.slice(0, 200);
  return { ...(code ? { code } : {}), ...(message ? { message } : {}) };
}

/**
 * The session's access token was refused (400 ExpiredToken, or 401): the caller refreshes the
 * session and tries once more. Escaping that, it means the user must sign in again.
 */
export class TokenRejected extends ToolError {
  constructor(readonly code: string | undefined) {
    super(`Bluesky refused the session token${code ? ` (${code})` : ''}`);
  }

  signInAgain(): AuthRequiredError {
    return new AuthRequiredError(
      'bluesky',
      `Bluesky refused the session token${this.code ? ` (${this.code})` : ''}`,
    );
  }
}

const TOKEN_ERRORS = new Set(['ExpiredToken', 'InvalidToken']);

/** "45 s", "5 min", "2 h": a wait a person can read. */
function humanWait(ms: number): string {
  const s = Math.max(1, Math.ceil(ms / 1000));
  if (s < 120) return `${s} s`;
  if (s < 7200) return `${Math.round(s / 60)} min`;
  return `${Math.round(s / 3600)} h`;
}

/** The wait until RateLimit-Reset (Unix seconds), as atproto services send it. */
export function resetWaitMs(headers: Headers, now: number): number | undefined {
  const reset = Number(headers.get('ratelimit-reset'));
  return headers.has('ratelimit-reset') && Number.isFinite(reset) && reset > 0
    ? Math.max(0, reset * 1000 - now)
    : undefined;
}

/** A 429 that outlasted the retries: the policy (`3000;w=300`: 3000 points per 300 s) and when it resets. */
export function rateLimited(
  headers: Headers,
  now: number,
  what = 'Bluesky rate limit reached',
): UpstreamError {
  const policy = /^(\d+);w=(\d+)/.exec(headers.get('ratelimit-policy') ?? '');
  const limit = policy ? ` (${policy[1]} points per ${humanWait(Number(policy[2]) * 1000)})` : '';
  const wait = resetWaitMs(headers, now);
  const when =
    wait === undefined
      ? 'try again later'
      : `it resets in ${humanWait(wait)} (at ${new Date(now + wait).toISOString()})`;
  return new UpstreamError(`${what}${limit}; ${when}`, 429);
}

const NOT_FOUND = /not found|could not find|could not locate|unable to resolve/i;

/** Maps an XRPC error answer of a call with the session's access token to a tool error. */
export function callError(
  status: number,
  body: unknown,
  headers: Headers,
  subject: Subject,
  now: number,
): ToolError | undefined {
  const { code, message } = xrpcError(body);
  if (status === 401 || (status === 400 && code && TOKEN_ERRORS.has(code))) return new TokenRejected(code);
  if (status === 429) return rateLimited(headers, now);
  if (code === 'BlockedActor')
    return new UpstreamError(`You block ${subject.id}; unblock them to see this`, status);
  if (code === 'BlockedByActor')
    return new UpstreamError(`${subject.id} blocks you, so Bluesky does not show this`, status);
  if (code === 'BadQueryString') {
    return new UpstreamError(
      `query: Bluesky could not read the search query${message ? ` (${message})` : ''}`,
      status,
    );
  }
  if (
    status === 404 ||
    code === 'RecordNotFound' ||
    code === 'HandleNotFound' ||
    (status === 400 && message && NOT_FOUND.test(message))
  ) {
    return new NotFoundError(subject.what, subject.id);
  }
  const said = [code, message].filter(Boolean).join(': ');
  if (status === 403) {
    return new UpstreamError(
      `Bluesky denied access to ${subject.what.toLowerCase()} ${subject.id}${said ? ` (${said})` : ''}`,
      403,
    );
  }
  if (status >= 400 && status < 500) {
    return new UpstreamError(
      `Bluesky rejected the request for ${subject.what.toLowerCase()} ${subject.id} (HTTP ${status}${said ? `, ${said}` : ''})`,
      status,
    );
  }
  return undefined;
}

/**
 * Maps an error answer of createSession: the messages say what to do, and never repeat what was
 * sent. A wrong identifier or app password and an account that asks for an email code are sign-in
 * problems; sign-ins are rate limited hard (30 per 5 minutes, 300 a day, per account).
 */
export function signInError(
  status: number,
  body: unknown,
  headers: Headers,
  now: number,
): ToolError | undefined {
  const { code, message } = xrpcError(body);
  if (code === 'AuthFactorTokenRequired') {
    return new AuthRequiredError(
      'bluesky',
      'the account asks for a sign-in code sent by email, which Bluesky does for the account password: ' +
        'sign in with an app password instead (Settings > Privacy and security > App passwords)',
    );
  }
  if (code === 'AccountTakedown') return new ToolError('Bluesky says this account has been taken down');
  if (status === 401 || status === 400) {
    return new AuthRequiredError(
      'bluesky',
      `Bluesky refused the identifier or app password (${message ?? code ?? `HTTP ${status}`}); check both, ` +
        'or create a new app password if this one was revoked',
    );
  }
  if (status === 429)
    return rateLimited(headers, now, 'Bluesky limits sign-ins (30 per 5 minutes and 300 a day per account)');
  return undefined;
}
