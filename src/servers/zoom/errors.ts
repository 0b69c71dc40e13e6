import { AuthRequiredError, MissingScopeError, NotFoundError, type ToolError } from '../../core/errors.js';
import { parseRetryAfter, UpstreamError } from '../../upstream/client.js';

/** What a request is about, named when Zoom answers "not found" (e.g. `Meeting`, `85123456789`). */
export interface Subject {
  what: string;
  id: string;
}

/**
 * Zoom's error body: `{ code, message }`, with `errors: [{ field, message }]` when validation failed
 * (code 300). Codes used here: 124 invalid access token, 4700 invalid token, 4711 token lacks scopes,
 * 3001 meeting not found or expired, 1001 user does not exist.
 */
interface ZoomErrorBody {
  code?: number | string;
  message?: string;
  errors?: { field?: string; message?: string }[];
}

const describe = (body: unknown): ZoomErrorBody =>
  body && typeof body === 'object' ? (body as ZoomErrorBody) : {};

/** Tool argument names by the body field Zoom names in a validation error. */
export type FieldNames = Readonly<Record<string, string>>;

/** "Invalid access token, does not contain scopes:[a, b]." lists the scopes any one of which would do. */
function neededScope(message: string): string | undefined {
  const list = /scopes?\s*:\s*\[([^\]]+)\]/i.exec(message)?.[1];
  if (!list) return undefined;
  const scopes = list.split(',').map((s) => s.trim());
  // User-managed apps hold the bare scope; the `:admin` form is for account-level apps.
  return scopes.find((s) => !s.endsWith(':admin')) ?? scopes[0];
}

const DAY_MS = 86_400_000;
const nextUtcMidnight = (now: number) => Math.floor(now / DAY_MS) * DAY_MS + DAY_MS;

/** Whether a 429 is a daily limit (per account and category, or Zoom's per-user meeting create/update limit). */
export function isDailyLimit(headers: Headers, body: unknown): boolean {
  const type = headers.get('x-ratelimit-type') ?? '';
  return /daily/i.test(type) || /daily rate limit/i.test(describe(body).message ?? '');
}

/**
 * Zoom's 429, said so the user knows which limit was hit and when it lifts: the per-user daily limit of
 * meeting creates and updates (100 a day, reset at 00:00 UTC), an account's daily limit for a category
 * (X-RateLimit-Category: Light, Medium, Heavy, Resource-intensive), or a per-second (QPS) limit.
 */
export function rateLimitMessage(headers: Headers, body: unknown, now = Date.now()): string {
  const category = headers.get('x-ratelimit-category');
  const limit = headers.get('x-ratelimit-limit');
  const said = describe(body).message ?? '';
  const wait = parseRetryAfter(headers.get('retry-after'), now);
  if (isDailyLimit(headers, body)) {
    const resetAt = new Date(wait === undefined ? nextUtcMidnight(now) : now + wait).toISOString();
    const perUser = /daily rate limit \((\d+)\) of Meeting Create\/Update/i.exec(said);
    const which = perUser
      ? `the daily limit of ${perUser[1]} meeting create/update requests for this Zoom user`
      : `the account's daily limit${category ? ` for ${category} requests` : ''}${limit ? ` (${limit} a day)` : ''}`;
    return (
      `Zoom rate limit reached: ${which} is used up. It resets at ${resetAt}; ` +
      'the request was not retried, since a daily limit does not lift before then.'
    );
  }
  const which = `the per-second limit${category ? ` for ${category} requests` : ''}`;
  const when =
    wait === undefined
      ? 'Try again in a few seconds.'
      : `Try again after ${new Date(now + wait).toISOString()}.`;
  return `Zoom rate limit reached: ${which} of the account was still exceeded after retrying. ${when}`;
}

/**
 * Maps a Zoom error answer to a tool error. `scope` is the scope the calling tool declares, named when
 * Zoom refuses for a missing scope without saying which; `fields` turns body fields into argument names.
 * 5xx answers are left to the upstream client (retried when safe, then "try again later").
 */
export function zoomError(
  status: number,
  body: unknown,
  subject: Subject,
  scope: string,
  headers: Headers,
  fields: FieldNames = {},
): ToolError | undefined {
  const { code, message = '', errors } = describe(body);
  const said = message.slice(0, 300);
  const zoomCode = Number(code);
  if (zoomCode === 4711 || /does not contain scopes/i.test(said)) {
    return new MissingScopeError(neededScope(said) ?? scope);
  }
  if (status === 401 || zoomCode === 124 || zoomCode === 4700) {
    return new AuthRequiredError('zoom', 'Zoom rejected the stored token (expired or revoked)');
  }
  if (status === 429) return new UpstreamError(rateLimitMessage(headers, body), 429);
  if (status === 404 || zoomCode === 3001) return new NotFoundError(subject.what, subject.id);
  if (zoomCode === 1001) return new NotFoundError('Zoom user', said || 'me');
  if (status >= 400 && status < 500) {
    const details = (errors ?? [])
      .filter((e) => e.field)
      .map((e) => `${fields[e.field ?? ''] ?? e.field}: ${e.message ?? 'invalid'}`);
    const reason = [said, ...details].filter(Boolean).join('; ');
    const verb = status === 403 ? 'denied access to' : 'rejected the request for';
    return new UpstreamError(
      `Zoom ${verb} ${subject.what.toLowerCase()} ${subject.id}${code !== undefined ? ` (code ${code})` : ''}${reason ? `: ${reason}` : ''}`,
      status,
    );
  }
  return undefined;
}
