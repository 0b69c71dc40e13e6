import { AuthRequiredError, NotFoundError, type ToolError } from '../../core/errors.js';
import { UpstreamError } from '../../upstream/client.js';

/** lemlist's limit, per API key: 20 requests in any 2 seconds. */
export const LEMLIST_REQUESTS = 20;
export const LEMLIST_WINDOW_MS = 2000;

/** What a request is about, named when lemlist answers 404 (e.g. `Campaign`, `cam_123`). */
export interface Subject {
  what: string;
  id: string;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * lemlist's `X-RateLimit-Reset` is a date as JavaScript's `Date.prototype.toString` writes it, e.g.
 * `Tue Feb 16 2021 09:02:42 GMT+0100 (Central European Standard Time)`, not a number of seconds. It is
 * read field by field (month name, day, year, time, offset) rather than trusting `Date.parse` with a
 * format no standard defines; an HTTP or ISO date, or unix seconds, are read too. Undefined when absent
 * or unreadable.
 */
export function parseRateLimitReset(value: string | null): number | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  if (/^\d+$/.test(text)) {
    const n = Number(text);
    return n > 1e12 ? n : n * 1000;
  }
  const m =
    /^(?:[A-Za-z]{3},?\s+)?([A-Za-z]{3})[a-z]*\s+(\d{1,2}),?\s+(\d{4})\s+(\d{1,2}):(\d{2}):(\d{2})\s*(?:GMT|UTC)([+-])(\d{2}):?(\d{2})/.exec(
      text,
    );
  if (m) {
    const month = MONTHS.indexOf((m[1] as string).toLowerCase());
    if (month >= 0) {
      const utc = Date.UTC(Number(m[3]), month, Number(m[2]), Number(m[4]), Number(m[5]), Number(m[6]));
      const offset = (Number(m[8]) * 60 + Number(m[9])) * 60_000 * (m[7] === '-' ? -1 : 1);
      return utc - offset;
    }
  }
  const parsed = Date.parse(text);
  return Number.isNaN(parsed) ? undefined : parsed;
}

/** How long to wait before retrying a 429 that carries no Retry-After: until X-RateLimit-Reset, or a window. */
export function resetDelay(headers: Headers, now: number): number {
  const reset = parseRateLimitReset(headers.get('x-ratelimit-reset'));
  return reset === undefined ? LEMLIST_WINDOW_MS : Math.max(0, reset - now);
}

/** lemlist answers errors as plain text ("Campaign not found") or, on some routes, `{ error, message }`. */
export function lemlistMessage(body: unknown): string | undefined {
  let text: string | undefined;
  if (typeof body === 'string') text = body;
  else if (body && typeof body === 'object') {
    const b = body as { message?: unknown; error?: unknown };
    const message = typeof b.message === 'string' ? b.message : undefined;
    const error = typeof b.error === 'string' ? b.error : undefined;
    text = message && error && error !== 'BadRequest' ? `${error}: ${message}` : (message ?? error);
  }
  const trimmed = text?.replace(/\s+/g, ' ').trim();
  return trimmed ? trimmed.slice(0, 300) : undefined;
}

const API_KEY_PROBLEM = /no api key|api key provided|for this api key|authentication you supplied/i;

/**
 * Maps a lemlist error answer to a tool error. A 404 names the subject lemlist says was not found
 * ("Lead not found" picks the lead among the call's subjects); `secret` is cut out of anything echoed.
 */
export function lemlistError(
  status: number,
  body: unknown,
  headers: Headers,
  subjects: readonly Subject[],
  secret: string,
): ToolError | undefined {
  const raw = lemlistMessage(body);
  const said = raw && secret ? raw.split(secret).join('[redacted]') : raw;
  const suffix = said ? `: ${said}` : '';
  const first = subjects[0] ?? { what: 'Resource', id: '(unnamed)' };
  if (status === 401 || (status === 404 && said && API_KEY_PROBLEM.test(said))) {
    return new AuthRequiredError('lemlist', 'lemlist rejected the stored API key (revoked or mistyped)');
  }
  if (status === 403) {
    return new UpstreamError(`lemlist refused the request for ${first.what} ${first.id}${suffix}`, 403);
  }
  if (status === 404) {
    const named = said ? /^(?:possible errors:\s*)?(\w+) not found/i.exec(said)?.[1] : undefined;
    const subject = subjects.find((s) => named && s.what.toLowerCase() === named.toLowerCase()) ?? first;
    return new NotFoundError(subject.what, subject.id);
  }
  if (status === 429) {
    const reset = parseRateLimitReset(headers.get('x-ratelimit-reset'));
    const wait = Number(headers.get('retry-after'));
    const at =
      reset !== undefined
        ? `it resets at ${new Date(reset).toISOString()}`
        : Number.isFinite(wait) && wait > 0
          ? `try again in ${Math.ceil(wait)} s`
          : 'try again in a few seconds';
    return new UpstreamError(
      `Rate limited by lemlist (${LEMLIST_REQUESTS} requests per ${LEMLIST_WINDOW_MS / 1000} seconds per API key); ${at}`,
      429,
    );
  }
  if (status >= 400 && status < 500) {
    return new UpstreamError(
      `lemlist rejected the request for ${first.what} ${first.id} (HTTP ${status})${suffix}`,
      status,
    );
  }
  return undefined;
}
