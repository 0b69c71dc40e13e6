import { AuthRequiredError, MissingScopeError, NotFoundError, type ToolError } from '../../core/errors.js';
import { UpstreamError } from '../../upstream/client.js';

/** What a request is about, named when PagerDuty answers 404 (e.g. `Schedule`, `PI7DH85`). */
export interface Subject {
  what: string;
  id: string;
}

/** How the stored credentials sign requests: an OAuth token, or a REST API key. */
export type TokenKind = 'oauth' | 'api_key';

/**
 * PagerDuty's documented error body: `{ error: { code, message, errors: [] } }`, where `errors` holds
 * human-readable details (which argument was wrong and why).
 */
interface PagerDutyErrorBody {
  error?: { code?: unknown; message?: unknown; errors?: unknown };
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

/** PagerDuty's message and its details, e.g. `Invalid Input Provided (Name cannot be empty.)`. */
export function pagerDutyMessage(body: unknown): string | undefined {
  if (!body || typeof body !== 'object') return undefined;
  const error = (body as PagerDutyErrorBody).error;
  if (!error || typeof error !== 'object') return undefined;
  const head = str(error.message);
  const details = Array.isArray(error.errors) ? error.errors.map(str).filter((s): s is string => !!s) : [];
  if (!head && details.length === 0) return undefined;
  return [head, details.length ? `(${details.join('; ')})` : undefined].filter(Boolean).join(' ');
}

/** `ratelimit-reset`: seconds until PagerDuty's per-minute window lets requests through again. */
export function resetSeconds(headers: Headers): number | undefined {
  const raw = headers.get('ratelimit-reset');
  const value = Number(raw);
  return raw !== null && raw.trim() !== '' && Number.isFinite(value) && value >= 0 ? value : undefined;
}

/** How a user signs in again, by the kind of credentials stored. */
const reauth = (kind: TokenKind) =>
  kind === 'api_key'
    ? 'PagerDuty rejected the stored API key (deleted or mistyped); store a new one with `gumcp auth pagerduty --api-key`'
    : 'PagerDuty rejected the stored token (expired or revoked)';

/**
 * Maps a PagerDuty error answer to a tool error that names what the user can act on. `scope` is the
 * OAuth scope of the calling tool, named when PagerDuty refuses a write to a read-only token.
 */
export function pagerDutyError(
  status: number,
  body: unknown,
  headers: Headers,
  context: { subject: Subject; scope: string; kind: TokenKind; write: boolean },
): ToolError | undefined {
  const { subject, scope, kind, write } = context;
  const said = pagerDutyMessage(body);
  const suffix = said ? `: ${said}` : '';
  if (status === 401) return new AuthRequiredError('pagerduty', `${reauth(kind)}${suffix}`);
  if (status === 403) {
    // A read-only key or token meets 403 on every write; a scoped token names its missing scope.
    if (write || (said && /scope/i.test(said))) return new MissingScopeError(scope);
    return new UpstreamError(`PagerDuty denied access to ${subject.what} ${subject.id}${suffix}`, 403);
  }
  if (status === 404) return new NotFoundError(subject.what, subject.id);
  if (status === 402) {
    return new UpstreamError(`The PagerDuty account's plan does not include this feature${suffix}`, 402);
  }
  if (status === 429) {
    const reset = resetSeconds(headers);
    const limit = headers.get('ratelimit-limit');
    const per = limit ? ` (${limit} requests a minute)` : '';
    const when = reset !== undefined ? `the limit resets in ${Math.ceil(reset)} s` : 'try again in a minute';
    return new UpstreamError(`Rate limited by PagerDuty${per}; ${when}`, 429);
  }
  if (status >= 400 && status < 500) {
    return new UpstreamError(
      `PagerDuty rejected the request for ${subject.what} ${subject.id} (HTTP ${status})${suffix}`,
      status,
    );
  }
  return undefined;
}
