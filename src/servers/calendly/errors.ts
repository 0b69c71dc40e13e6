import { AuthRequiredError, MissingScopeError, NotFoundError, type ToolError } from '../../core/errors.js';
import { UpstreamError } from '../../upstream/client.js';

/** What a request is about, named when Calendly answers 404 (e.g. `Event type`, `AAAA...`). */
export interface Subject {
  what: string;
  id: string;
}

/**
 * Calendly's documented error body (`ErrorResponse` in its OpenAPI description): a `title` such as
 * "Resource Not Found", a `message`, and for invalid arguments `details` naming each parameter.
 */
interface CalendlyErrorBody {
  title?: unknown;
  message?: unknown;
  details?: unknown;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

/** Calendly's message and, when it gives them, what was wrong with each parameter. */
export function calendlyMessage(body: unknown): string | undefined {
  if (!body || typeof body !== 'object') return undefined;
  const { title, message, details } = body as CalendlyErrorBody;
  const head = str(message) ?? str(title);
  const parts = Array.isArray(details)
    ? details
        .map((d) => {
          const { parameter, message: m } = (d ?? {}) as { parameter?: unknown; message?: unknown };
          return str(m) ? (str(parameter) ? `${str(parameter)}: ${str(m)}` : str(m)) : undefined;
        })
        .filter((s): s is string => !!s)
    : [];
  if (!head && parts.length === 0) return undefined;
  return [head, parts.length ? `(${parts.join('; ')})` : undefined].filter(Boolean).join(' ');
}

/** X-RateLimit-Reset: seconds until the per-minute window resets, as Calendly documents it. */
export function resetSeconds(headers: Headers): number | undefined {
  const value = Number(headers.get('x-ratelimit-reset'));
  return Number.isFinite(value) && value >= 0 && headers.get('x-ratelimit-reset') !== null
    ? value
    : undefined;
}

/**
 * Maps a Calendly error answer to a tool error that names what the user can act on. `scope` is the
 * OAuth scope of the calling tool, named when Calendly says a scope is missing.
 */
export function calendlyError(
  status: number,
  body: unknown,
  subject: Subject,
  scope: string,
  headers: Headers,
): ToolError | undefined {
  const said = calendlyMessage(body);
  const suffix = said ? `: ${said}` : '';
  if (status === 401) {
    return new AuthRequiredError(
      'calendly',
      `Calendly rejected the stored token (expired or revoked)${suffix}`,
    );
  }
  if (status === 403) {
    if (said && /scope/i.test(said)) return new MissingScopeError(scope);
    return new UpstreamError(`Calendly denied access to ${subject.what} ${subject.id}${suffix}`, 403);
  }
  if (status === 404) return new NotFoundError(subject.what, subject.id);
  if (status === 429) {
    const reset = resetSeconds(headers);
    const limit = headers.get('x-ratelimit-limit');
    const per = limit ? ` (${limit} requests a minute)` : '';
    const when = reset !== undefined ? `the limit resets in ${Math.ceil(reset)} s` : 'try again in a minute';
    return new UpstreamError(`Rate limited by Calendly${per}; ${when}`, 429);
  }
  if (status >= 400 && status < 500) {
    return new UpstreamError(
      `Calendly rejected the request for ${subject.what} ${subject.id} (HTTP ${status})${suffix}`,
      status,
    );
  }
  return undefined;
}
