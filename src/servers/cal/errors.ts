import { AuthRequiredError, NotFoundError, type ToolError } from '../../core/errors.js';
import { UpstreamError } from '../../upstream/client.js';

/** What a request is about, named when Cal.com answers 404 (e.g. `Booking`, `abc123`). */
export interface Subject {
  what: string;
  id: string;
}

/**
 * Cal.com API v2's error body, written by its HTTP exception filter:
 * `{ status: "error", timestamp, path, error: { code, message, details? } }`, `code` being the
 * exception's name (`NotFoundException`, `BadRequestException`, ...).
 */
interface CalErrorBody {
  status?: unknown;
  error?: { code?: unknown; message?: unknown } | unknown;
  message?: unknown;
}

/** Anything shaped like a Cal.com API key, so that no message can carry one back to the user. */
const KEY_LIKE = /\bcal_(?:live_|test_)?[A-Za-z0-9]{8,}\b/g;

export const scrub = (text: string): string => text.replace(KEY_LIKE, 'cal_…');

/** Cal.com's message for an error answer, without anything that looks like a key. */
export function calMessage(body: unknown): string | undefined {
  if (!body || typeof body !== 'object') return undefined;
  const b = body as CalErrorBody;
  const inner =
    b.error && typeof b.error === 'object' ? (b.error as { message?: unknown }).message : undefined;
  const message = typeof inner === 'string' ? inner : typeof b.message === 'string' ? b.message : undefined;
  return message?.trim() ? scrub(message.trim()).slice(0, 500) : undefined;
}

/**
 * When the rate limit resets, in ms from now: Cal.com names its limits (`X-RateLimit-Reset-Default`);
 * the value is read as seconds to wait, or as a Unix time when it is one.
 */
export function resetInMs(headers: Headers, now = Date.now()): number | undefined {
  let raw: string | null = null;
  for (const [name, value] of headers) {
    if (name === 'x-ratelimit-reset' || name.startsWith('x-ratelimit-reset-')) raw = value;
  }
  const n = Number(raw);
  if (raw === null || !Number.isFinite(n) || n < 0) return undefined;
  return n > 1_000_000_000 ? Math.max(0, n * 1000 - now) : n * 1000;
}

/** Maps a Cal.com error answer to a tool error the user can act on. */
export function calError(
  status: number,
  body: unknown,
  subject: Subject,
  headers: Headers,
): ToolError | undefined {
  const said = calMessage(body);
  const suffix = said ? `: ${said}` : '';
  if (status === 401) {
    return new AuthRequiredError(
      'cal',
      `Cal.com rejected the stored API key (expired, revoked or mistyped)${suffix}`,
    );
  }
  if (status === 403)
    return new UpstreamError(`Cal.com denied access to ${subject.what} ${subject.id}${suffix}`, 403);
  if (status === 404) return new NotFoundError(subject.what, subject.id);
  if (status === 429) {
    const wait = resetInMs(headers);
    const when = wait !== undefined ? `in ${Math.ceil(wait / 1000)} s` : 'in a minute';
    return new UpstreamError(`Rate limited by Cal.com; the limit resets ${when}`, 429);
  }
  if (status >= 400 && status < 500) {
    return new UpstreamError(
      `Cal.com rejected the request for ${subject.what} ${subject.id} (HTTP ${status})${suffix}`,
      status,
    );
  }
  return undefined;
}
