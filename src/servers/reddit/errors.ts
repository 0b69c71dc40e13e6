import { AuthRequiredError, MissingScopeError, NotFoundError, ToolError } from '../../core/errors.js';
import { UpstreamError } from '../../upstream/client.js';

/** What a request is about, named in its errors (e.g. `Post`, `t3_abc123`). */
export interface Subject {
  what: string;
  id: string;
}

/**
 * Reddit's HTTP error body: `{ message, error }`, sometimes with `reason`, `explanation` and `fields`
 * (e.g. `{ "reason": "private", "message": "Forbidden", "error": 403 }`).
 */
interface RedditErrorBody {
  message?: unknown;
  error?: unknown;
  reason?: unknown;
  explanation?: unknown;
}

const text = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

function said(body: unknown): string | undefined {
  if (!body || typeof body !== 'object') return undefined;
  const b = body as RedditErrorBody;
  return (text(b.explanation) ?? text(b.reason) ?? text(b.message))?.slice(0, 200);
}

/** "45 s", "5 min", "2 h": a wait a person can read. */
export function humanWait(ms: number): string {
  const s = Math.max(1, Math.ceil(ms / 1000));
  if (s < 120) return `${s} s`;
  if (s < 7200) return `${Math.round(s / 60)} min`;
  return `${Math.round(s / 3600)} h`;
}

/** Reddit's X-Ratelimit-Reset: seconds until the current window (ten minutes) ends. */
export function rateLimitResetMs(headers: Headers): number | undefined {
  const reset = Number(headers.get('x-ratelimit-reset'));
  return headers.has('x-ratelimit-reset') && Number.isFinite(reset) && reset >= 0 ? reset * 1000 : undefined;
}

/** A 429 that outlasted the retries: how much of the window was used and when it resets. */
function rateLimited(headers: Headers, now: number): ToolError {
  const reset = rateLimitResetMs(headers);
  const used = headers.get('x-ratelimit-used');
  const usage = used ? ` (${used} requests used in this window)` : '';
  const when =
    reset === undefined
      ? 'try again later'
      : `it resets in ${humanWait(reset)} (at ${new Date(now + reset).toISOString()})`;
  return new UpstreamError(`Reddit's rate limit for this app and user is used up${usage}; ${when}`, 429);
}

export interface ErrorContext {
  subject: Subject;
  /** The scope of the calling tool, named when Reddit says the token lacks one. */
  scope: string;
  /** What a 500 most likely means for this call (Reddit answers 500 to editing a link post). */
  serverErrorHint?: string;
  now: number;
}

/**
 * Maps a Reddit error answer to a tool error. Reddit says what is wrong with the token in
 * WWW-Authenticate (`Bearer realm="reddit", error="insufficient_scope"`), and why a subreddit
 * cannot be read in `reason` (`private`, `banned`, `quarantined`).
 */
export function redditError(
  status: number,
  body: unknown,
  headers: Headers,
  ctx: ErrorContext,
): ToolError | undefined {
  const { subject } = ctx;
  const challenge = headers.get('www-authenticate') ?? '';
  const detail = said(body);
  const reason = body && typeof body === 'object' ? text((body as RedditErrorBody).reason) : undefined;
  if (status === 401 || /error="invalid_token"/.test(challenge)) {
    return new AuthRequiredError('reddit', 'Reddit rejected the stored token (expired or revoked)');
  }
  if (status === 403 && /error="insufficient_scope"/.test(challenge)) return new MissingScopeError(ctx.scope);
  if (status === 403 && reason === 'private') {
    return new UpstreamError(
      `${subject.what} ${subject.id} is private: only its approved members can read it`,
      403,
    );
  }
  if (status === 403 && reason === 'quarantined') {
    return new UpstreamError(
      `${subject.what} ${subject.id} is quarantined: opt in to view it on reddit.com first`,
      403,
    );
  }
  if (status === 403) {
    return new UpstreamError(
      `Reddit denied access to ${subject.what.toLowerCase()} ${subject.id}: ${detail ?? 'Forbidden'}`,
      403,
    );
  }
  if (status === 404 && reason === 'banned') {
    return new UpstreamError(`${subject.what} ${subject.id} is banned from Reddit`, 404);
  }
  if (status === 404) return new NotFoundError(subject.what, subject.id);
  if (status === 429) return rateLimited(headers, ctx.now);
  if (status >= 500 && ctx.serverErrorHint) {
    return new UpstreamError(`Reddit failed (HTTP ${status}); ${ctx.serverErrorHint}`, status);
  }
  if (status >= 400 && status < 500) {
    return new UpstreamError(
      `Reddit rejected the request for ${subject.what.toLowerCase()} ${subject.id} (HTTP ${status})${detail ? `: ${detail}` : ''}`,
      status,
    );
  }
  return undefined;
}

/** One of the errors Reddit reports in the body of a 200 with `api_type=json`: `[code, message, field]`. */
type ApiError = [string, string, string | null];

export interface JsonAnswer<T> {
  json?: { errors?: ApiError[]; data?: T; ratelimit?: number };
}

/** What the form fields Reddit names in its errors are called among the tool's arguments. */
export type FieldNames = Readonly<Record<string, string>>;

/**
 * Reads seconds from Reddit's RATELIMIT message ("try again in 5 minutes.", "Take a break for
 * 5 seconds"), for answers that carry no `ratelimit` field.
 */
function waitFromMessage(message: string): number | undefined {
  const match = /(\d+)\s*(second|minute|hour)/i.exec(message);
  if (!match) return undefined;
  const unit = match[2]?.toLowerCase() ?? 'second';
  return Number(match[1]) * (unit === 'hour' ? 3600 : unit === 'minute' ? 60 : 1);
}

/**
 * The data of an `api_type=json` answer, or the first error Reddit put in its body as a tool error:
 * RATELIMIT says how long to wait; an error about a field names the tool's argument for it.
 */
export function jsonData<T>(
  answer: JsonAnswer<T> | undefined,
  action: string,
  fields: FieldNames,
  now: number,
): T | undefined {
  const [first] = answer?.json?.errors ?? [];
  if (!first) return answer?.json?.data;
  const [code, message, field] = first;
  if (code === 'RATELIMIT') {
    const seconds = answer?.json?.ratelimit ?? waitFromMessage(message);
    const wait =
      seconds === undefined
        ? 'Try again later.'
        : `Try again in ${humanWait(seconds * 1000)} (after ${new Date(now + seconds * 1000).toISOString()}).`;
    return ratelimitRefusal(`Reddit refused to ${action} for now: ${message} (RATELIMIT). ${wait}`);
  }
  const argument = field ? fields[field] : undefined;
  if (argument) throw new ToolError(`${argument}: ${message} (Reddit's ${code})`);
  throw new ToolError(`Reddit refused to ${action}: ${message} (${code}${field ? `, field ${field}` : ''})`);
}

function ratelimitRefusal(message: string): never {
  throw new UpstreamError(message, 429);
}
