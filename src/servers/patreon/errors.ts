import { AuthRequiredError, MissingScopeError, NotFoundError, type ToolError } from '../../core/errors.js';
import { parseRetryAfter, UpstreamError } from '../../upstream/client.js';

/** What a request is about, named when Patreon answers 404 (e.g. `Campaign`, `1234560`). */
export interface Subject {
  what: string;
  id: string;
}

/**
 * One error of Patreon's JSON:API error body `{ errors: [{ code, code_name, detail, id, status,
 * title }] }`; a 429 may add `retry_after_seconds`.
 */
interface PatreonErrorItem {
  code?: unknown;
  code_name?: unknown;
  detail?: unknown;
  title?: unknown;
  retry_after_seconds?: unknown;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

function errorItems(body: unknown): PatreonErrorItem[] {
  if (!body || typeof body !== 'object') return [];
  const errors = (body as { errors?: unknown }).errors;
  return Array.isArray(errors)
    ? errors.filter((e): e is PatreonErrorItem => !!e && typeof e === 'object')
    : [];
}

/** Patreon's own words: each error's detail (or title), joined. */
export function patreonMessage(body: unknown): string | undefined {
  const parts = errorItems(body)
    .map((e) => str(e.detail) ?? str(e.title) ?? str(e.code_name))
    .filter((s): s is string => !!s);
  return parts.length ? [...new Set(parts)].join('; ') : undefined;
}

/** `retry_after_seconds` of a 429's body, in ms: Patreon's own wait when it sends no Retry-After. */
export function retryAfterMs(body: unknown): number | undefined {
  for (const e of errorItems(body)) {
    if (typeof e.retry_after_seconds === 'number' && e.retry_after_seconds >= 0)
      return e.retry_after_seconds * 1000;
  }
  return undefined;
}

/**
 * Maps a Patreon error answer to a tool error that names what the user can act on. `scope` is the
 * OAuth scope the calling tool needs: Patreon answers 401 both for a dead token and for a missing scope.
 */
export function patreonError(
  status: number,
  body: unknown,
  headers: Headers,
  subject: Subject,
  scope: string,
): ToolError | undefined {
  const said = patreonMessage(body);
  const suffix = said ? `: ${said}` : '';
  if (status === 401) {
    return new AuthRequiredError(
      'patreon',
      `Patreon rejected the stored token (expired or revoked, or not granted the "${scope}" scope this tool needs)`,
    );
  }
  if (status === 403) {
    if (said && /scope/i.test(said)) return new MissingScopeError(scope);
    return new UpstreamError(`Patreon denied access to ${subject.what} ${subject.id}${suffix}`, 403);
  }
  if (status === 404) return new NotFoundError(subject.what, subject.id);
  if (status === 429) {
    const wait = parseRetryAfter(headers.get('retry-after')) ?? retryAfterMs(body);
    const when = wait !== undefined ? `try again in ${Math.ceil(wait / 1000)} s` : 'try again in a minute';
    return new UpstreamError(`Rate limited by Patreon (100 requests a minute per token); ${when}`, 429);
  }
  if (status >= 400 && status < 500) {
    return new UpstreamError(
      `Patreon rejected the request for ${subject.what} ${subject.id} (HTTP ${status})${suffix}`,
      status,
    );
  }
  return undefined;
}
