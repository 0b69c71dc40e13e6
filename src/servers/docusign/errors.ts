import { AuthRequiredError, NotFoundError, type ToolError } from '../../core/errors.js';
import { MayHaveGoneThroughError, UpstreamError } from '../../upstream/client.js';

/** What a request is about, named when DocuSign says it does not exist (e.g. `Envelope`, its id). */
export interface Subject {
  what: string;
  id: string;
  /** Other ids the request names, by kind (`Template` for an envelope made from a template). */
  ids?: Readonly<Record<string, string>>;
}

/** DocuSign's error body: `{ errorCode, message }`. */
export interface DsErrorBody {
  errorCode?: string;
  message?: string;
}

const bodyOf = (body: unknown): DsErrorBody =>
  body && typeof body === 'object'
    ? (body as DsErrorBody)
    : typeof body === 'string'
      ? { message: body.slice(0, 200) }
      : {};

/** Codes that mean the token is not (or no longer) good: sign in again. */
const AUTH_CODES = new Set([
  'USER_AUTHENTICATION_FAILED',
  'AUTHORIZATION_INVALID_TOKEN',
  'INVALID_TOKEN_FORMAT',
  'ACCESS_TOKEN_EXPIRED',
]);

/** Codes that name a missing object, by what it is. */
const NOT_FOUND: Readonly<Record<string, string>> = {
  ENVELOPE_DOES_NOT_EXIST: 'Envelope',
  TEMPLATE_ID_INVALID: 'Template',
  TEMPLATE_NOT_PROVIDED: 'Template',
  INVALID_USERID: 'User',
  USER_DOES_NOT_EXIST_IN_SYSTEM: 'User',
  USER_NOT_FOUND: 'User',
};

/** DocuSign's per-envelope limits (HTTP 400): too many reads or updates of one envelope. */
const ENVELOPE_LIMITS: Readonly<Record<string, string>> = {
  HOURLY_APIINVOCATION_ENVELOPE_LIMIT_EXCEEDED: 'too many updates of this envelope in the last hour',
  BURST_APIINVOCATION_ENVELOPE_LIMIT_EXCEEDED: 'too many updates of this envelope in the last 30 seconds',
  HOURLY_ENVELOPE_POLLING_LIMIT_EXCEEDED: 'too many reads of this envelope in the last hour',
  BURST_ENVELOPE_POLLING_LIMIT_EXCEEDED: 'too many reads of this envelope in the last 30 seconds',
};

/** The 30-second window of DocuSign's burst limit. */
export const BURST_WINDOW_MS = 30_000;

const header = (headers: Headers, name: string): number | undefined => {
  const value = headers.get(name);
  return value !== null && /^\d+$/.test(value.trim()) ? Number(value) : undefined;
};

/** Which of DocuSign's account limits a 429 hit, read from its headers and code. */
export function limitHit(headers: Headers, body: unknown): 'burst' | 'hourly' | undefined {
  const code = (bodyOf(body).errorCode ?? '').toUpperCase();
  if (code.startsWith('BURST') || header(headers, 'x-burstlimit-remaining') === 0) return 'burst';
  if (code.startsWith('HOURLY') || header(headers, 'x-ratelimit-remaining') === 0) return 'hourly';
  return undefined;
}

/**
 * How long DocuSign asks to wait after a 429 without Retry-After, in ms: the burst window (30 s) when
 * the burst limit was hit, the time to `X-RateLimit-Reset` (Unix seconds, the top of the hour) when the
 * hourly one was. The client waits when that is within its limit, else fails at once (see `docusignError`).
 */
export function rateLimitDelay(
  status: number,
  headers: Headers,
  body: unknown,
  now: number,
): number | undefined {
  if (status !== 429) return undefined;
  const hit = limitHit(headers, body);
  if (hit === 'burst') return BURST_WINDOW_MS;
  const reset = header(headers, 'x-ratelimit-reset');
  if (hit === 'hourly' && reset !== undefined) return Math.max(0, reset * 1000 - now);
  return undefined;
}

const clock = (ms: number) => new Date(ms).toISOString().slice(11, 16);

/** The message for a 429 that lasted: which limit, its size, and when it resets. */
function rateLimited(headers: Headers, body: unknown, now: number): UpstreamError {
  const hit = limitHit(headers, body);
  if (hit === 'burst') {
    const limit = header(headers, 'x-burstlimit-limit');
    return new UpstreamError(
      `DocuSign's burst limit for this account (${limit ?? 'its'} requests in 30 seconds) was hit; try again in 30 s`,
      429,
    );
  }
  const reset = header(headers, 'x-ratelimit-reset');
  const limit = header(headers, 'x-ratelimit-limit');
  if (hit === 'hourly' || reset !== undefined) {
    const when =
      reset !== undefined
        ? `; it resets at ${clock(reset * 1000)} UTC (in ${Math.max(1, Math.ceil((reset * 1000 - now) / 60_000))} min)`
        : '; it resets at the top of the hour';
    return new UpstreamError(
      `DocuSign's hourly API limit for this account (${limit ?? 'its'} requests) is used up${when}`,
      429,
    );
  }
  return new UpstreamError('Rate limited by DocuSign; try again in a minute', 429);
}

/**
 * Maps a DocuSign error answer to a tool error: a refused token asks to sign in again, a missing
 * envelope, template or user is named by its id, a permission problem says so, a rate limit says which
 * limit and when it resets. 5xx answers are left to the upstream client (retried when the call is
 * safe to repeat, else "may have gone through").
 */
export function docusignError(
  status: number,
  body: unknown,
  headers: Headers,
  subject: Subject,
  now: number,
): ToolError | undefined {
  const { errorCode, message } = bodyOf(body);
  const code = (errorCode ?? '').toUpperCase();
  const said = [errorCode, message].filter(Boolean).join(': ').slice(0, 300);
  if (status === 401 || AUTH_CODES.has(code)) {
    return new AuthRequiredError('docusign', 'DocuSign rejected the stored token (expired or revoked)');
  }
  if (code === 'PARTNER_AUTHENTICATION_FAILED') {
    return new AuthRequiredError(
      'docusign',
      'DocuSign does not know the integration key the token was issued to in this environment (demo and production keys differ)',
    );
  }
  if (status === 429) return rateLimited(headers, body, now);
  const limit = ENVELOPE_LIMITS[code];
  if (limit) {
    return new UpstreamError(`DocuSign refused: ${limit} (${errorCode}); wait before asking again`, 429);
  }
  const kind = NOT_FOUND[code];
  if (kind)
    return new NotFoundError(
      kind,
      subject.ids?.[kind] ?? (kind === subject.what ? subject.id : 'the one given'),
    );
  if (status === 404) return new NotFoundError(subject.what, subject.id);
  if (status === 403 || code.endsWith('LACKS_PERMISSIONS') || code === 'USER_NOT_AUTHORIZED_FOR_ACCOUNT') {
    return new UpstreamError(
      `Permission denied by DocuSign${said ? ` (${said})` : ''}. The signed-in user may lack the permission in this account; the token carries the scope "signature".`,
      403,
    );
  }
  if (status >= 400 && status < 500) {
    return new UpstreamError(
      `DocuSign refused the request for ${subject.what} ${subject.id}${said ? `: ${said}` : ''}`,
      status,
    );
  }
  return undefined;
}

/**
 * Whether a failed write may have been carried out all the same: DocuSign did not answer, or answered
 * 5xx, after the request left (the upstream client's own error says so, or a 5xx mapped here).
 */
export function mayHaveGoneThrough(error: unknown): boolean {
  return error instanceof MayHaveGoneThroughError || (error instanceof UpstreamError && error.status >= 500);
}
