import { AuthRequiredError, MissingScopeError, NotFoundError, type ToolError } from '../../core/errors.js';
import { UpstreamError } from '../../upstream/client.js';

/** What a request is about, named when Typeform answers 404 (e.g. `Form`, `u6nXL7`). */
export interface Subject {
  what: string;
  id: string;
}

/** Typeform's error body: `{ code, description, details: [{ code, description, field, in }] }`. */
interface TypeformErrorBody {
  code?: unknown;
  description?: unknown;
  details?: unknown;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

/** Typeform's description and, for invalid arguments, what was wrong with each field. */
export function typeformMessage(body: unknown): string | undefined {
  if (!body || typeof body !== 'object') return undefined;
  const { code, description, details } = body as TypeformErrorBody;
  const head = str(description) ?? str(code);
  const parts = Array.isArray(details)
    ? details
        .map((d) => {
          const { field, description: what } = (d ?? {}) as { field?: unknown; description?: unknown };
          return str(what) ? (str(field) ? `${str(field)}: ${str(what)}` : str(what)) : undefined;
        })
        .filter((s): s is string => !!s)
    : [];
  if (!head && parts.length === 0) return undefined;
  return [head, parts.length ? `(${parts.join('; ')})` : undefined].filter(Boolean).join(' ');
}

/**
 * Maps a Typeform error answer to a tool error that names what the user can act on. `scope` is the
 * OAuth scope the calling tool needs, named when Typeform refuses for want of it.
 */
export function typeformError(
  status: number,
  body: unknown,
  subject: Subject,
  scope: string,
): ToolError | undefined {
  const said = typeformMessage(body);
  const suffix = said ? `: ${said}` : '';
  if (status === 401) {
    return new AuthRequiredError(
      'typeform',
      `Typeform rejected the stored token (expired or revoked)${suffix}`,
    );
  }
  if (status === 403) {
    if (said && /scope/i.test(said)) return new MissingScopeError(scope);
    return new UpstreamError(`Typeform denied access to ${subject.what} ${subject.id}${suffix}`, 403);
  }
  if (status === 404) return new NotFoundError(subject.what, subject.id);
  if (status === 429) {
    return new UpstreamError(
      'Rate limited by Typeform (2 requests a second per account); try again in a second',
      429,
    );
  }
  if (status >= 400 && status < 500) {
    return new UpstreamError(
      `Typeform rejected the request for ${subject.what} ${subject.id} (HTTP ${status})${suffix}`,
      status,
    );
  }
  return undefined;
}
