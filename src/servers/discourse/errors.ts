import { AuthRequiredError, NotFoundError, type ToolError } from '../../core/errors.js';
import { parseRetryAfter, UpstreamError } from '../../upstream/client.js';

/** What a request is about, named when Discourse answers 404 (e.g. `Topic`, `91`). */
export interface Subject {
  what: string;
  id: string;
}

/** Discourse's error body: `{ errors: [...], error_type }`, with `extras.wait_seconds` on a 429. */
interface DiscourseErrorBody {
  errors?: unknown;
  error_type?: unknown;
  extras?: { wait_seconds?: unknown };
}

const bodyOf = (body: unknown): DiscourseErrorBody =>
  body && typeof body === 'object' ? (body as DiscourseErrorBody) : {};

/** Discourse's messages as one line, never its raw body. */
export function messages(body: unknown): string {
  const { errors } = bodyOf(body);
  const list = Array.isArray(errors) ? errors.filter((e): e is string => typeof e === 'string') : [];
  return list.join('; ').slice(0, 500);
}

/** How long Discourse asks to wait: Retry-After, else the `extras.wait_seconds` of its 429 body. */
export function rateLimitWait(headers: Headers, body: unknown): number | undefined {
  const retryAfter = parseRetryAfter(headers.get('retry-after'));
  if (retryAfter !== undefined) return retryAfter;
  const seconds = Number(bodyOf(body).extras?.wait_seconds);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : undefined;
}

/** The wording Discourse uses when the key or its username is not accepted (or a scoped key lacks the route). */
const BAD_KEY = /api username or key is invalid/i;

/**
 * Maps a Discourse error answer to a tool error. `keyScope` is the API-key scope the calling tool
 * needs, named when Discourse refuses the key. 5xx answers are left to the upstream client.
 */
export function discourseError(
  status: number,
  body: unknown,
  headers: Headers,
  subject: Subject,
  keyScope: string,
): ToolError | undefined {
  const said = messages(body);
  const suffix = said ? `: ${said}` : '';
  if (status === 401 || (status === 403 && BAD_KEY.test(said))) {
    return new AuthRequiredError(
      'discourse',
      `Discourse refused the API key: it was revoked, its username does not match, or the key is scoped without "${keyScope}"`,
    );
  }
  if (status === 403) {
    return new UpstreamError(
      `Permission denied by Discourse for ${subject.what} ${subject.id}${suffix} (the API key's user may not do this)`,
      403,
    );
  }
  if (status === 404) return new NotFoundError(subject.what, subject.id);
  if (status === 429) {
    const wait = rateLimitWait(headers, body);
    const when = wait !== undefined ? ` in ${Math.max(1, Math.ceil(wait / 1000))} s` : ' later';
    return new UpstreamError(`Rate limited by Discourse; try again${when}`, 429);
  }
  if (status >= 400 && status < 500) {
    return new UpstreamError(
      `Discourse rejected the request for ${subject.what} ${subject.id} (HTTP ${status})${suffix}`,
      status,
    );
  }
  return undefined;
}
