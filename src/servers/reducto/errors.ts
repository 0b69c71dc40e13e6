import { AuthRequiredError, NotFoundError, ToolError } from '../../core/errors.js';
import { parseRetryAfter } from '../../upstream/client.js';

/** What a request is about, named in its errors (e.g. `Job`, `7600c8c5-…`). */
export interface Subject {
  what: string;
  id: string;
}

const clip = (s: string, n = 300) => (s.length > n ? `${s.slice(0, n)}…` : s);

/**
 * Reducto's error bodies: FastAPI's `{detail: "…"}`, its validation answer (422)
 * `{detail: [{loc, msg, type}]}`, and the `{error: {message, type, code}}` its error-codes page
 * documents. Only the messages are read: never `input`, which echoes what was sent.
 */
export function reductoMessage(body: unknown): { message?: string; type?: string } {
  if (typeof body === 'string')
    return body.trim() && !body.trimStart().startsWith('<') ? { message: clip(body) } : {};
  if (!body || typeof body !== 'object') return {};
  const b = body as { detail?: unknown; error?: unknown; message?: unknown };
  if (typeof b.detail === 'string') return { message: clip(b.detail) };
  if (Array.isArray(b.detail)) {
    const issues = b.detail
      .map((d: { loc?: unknown; msg?: unknown }) => {
        const loc = Array.isArray(d?.loc) ? d.loc.filter((p) => p !== 'body').join('.') : '';
        const msg = typeof d?.msg === 'string' ? d.msg : 'invalid';
        return loc ? `${loc}: ${msg}` : msg;
      })
      .slice(0, 5);
    return issues.length ? { message: clip(issues.join('; '), 600), type: 'validation' } : {};
  }
  if (b.error && typeof b.error === 'object') {
    const e = b.error as { message?: unknown; type?: unknown };
    return {
      ...(typeof e.message === 'string' ? { message: clip(e.message) } : {}),
      ...(typeof e.type === 'string' ? { type: e.type } : {}),
    };
  }
  if (typeof b.error === 'string') return { message: clip(b.error) };
  if (typeof b.message === 'string') return { message: clip(b.message) };
  return {};
}

/** When to try again after a 429, from Retry-After. */
export function rateLimitMessage(headers: Headers): string {
  const wait = parseRetryAfter(headers.get('retry-after'));
  const when =
    wait === undefined
      ? 'try again in a few seconds'
      : `try again in ${Math.ceil(wait / 1000)} s (after ${new Date(Date.now() + wait).toISOString()})`;
  return `Reducto rate limit reached (it allows about 500 requests a second per account); ${when}`;
}

/**
 * Maps a Reducto error answer to a tool error a user can act on; 5xx answers are left to the
 * upstream client (which says whether the request may have gone through).
 */
export function reductoToolError(
  status: number,
  body: unknown,
  headers: Headers,
  subject: Subject,
): ToolError | undefined {
  const { message, type } = reductoMessage(body);
  const said = message ? `: ${message}` : '';
  if (status === 401) {
    return new AuthRequiredError(
      'reducto',
      'Reducto rejected the stored API key (invalid, expired or revoked)',
    );
  }
  if (status === 404) return new NotFoundError(subject.what, subject.id);
  if (status === 403) {
    // Reducto answers 403 when it may not read the document (an expired presigned URL) and, with an
    // HTML page, when a request carries no Authorization header.
    return new ToolError(
      message
        ? `Reducto was refused access for ${subject.what.toLowerCase()} ${subject.id}${said}`
        : `Permission denied by Reducto for ${subject.what.toLowerCase()} ${subject.id}; check the API key`,
    );
  }
  if (status === 429) return new ToolError(rateLimitMessage(headers));
  if (status === 422 && type === 'validation') {
    return new ToolError(`Reducto rejected the arguments${said}`);
  }
  if (status >= 400 && status < 500) {
    return new ToolError(
      `Reducto could not process ${subject.what.toLowerCase()} ${subject.id} (HTTP ${status}${type ? `, ${type}` : ''})${said}`,
    );
  }
  return undefined;
}

/** A document URL as errors may show it: a presigned URL's signature (its query) left out. */
export function shownDocument(url: string): string {
  if (!/^https?:\/\//i.test(url)) return url;
  try {
    const u = new URL(url);
    return `${u.origin}${u.pathname}${u.search ? '?…' : ''}`;
  } catch {
    return url.replace(/[?#].*$/, '');
  }
}
