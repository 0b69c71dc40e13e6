import { AuthRequiredError, MissingScopeError, NotFoundError, type ToolError } from '../../core/errors.js';
import { UpstreamError } from '../../upstream/client.js';

/** What a request is about, named when X answers 404 (e.g. `Post`, `1346889436626259968`). */
export interface Subject {
  what: string;
  id: string;
}

/** X's query parameter names by the tool arguments that set them, for messages about arguments. */
const PARAMETER_ARGUMENTS: Readonly<Record<string, string>> = {
  'tweet.fields': 'tweet_fields',
  'user.fields': 'user_fields',
  'media.fields': 'media_fields',
  'place.fields': 'place_fields',
  'poll.fields': 'poll_fields',
  ids: 'id',
};

const argumentFor = (parameter: string) => PARAMETER_ARGUMENTS[parameter] ?? parameter;

/**
 * X's error bodies: an RFC 7807 problem (`{ title, detail, type, status }`), an invalid request's
 * `errors: [{ parameters: { name: [values] }, message }]`, or the older `errors: [{ code, message }]`.
 * Said as one line, each invalid parameter named by its tool argument.
 */
export function describeProblem(body: unknown): string {
  if (!body || typeof body !== 'object') return typeof body === 'string' ? body.slice(0, 200) : '';
  const b = body as { title?: unknown; detail?: unknown; errors?: unknown };
  const parts: string[] = [];
  for (const e of Array.isArray(b.errors) ? b.errors : []) {
    if (!e || typeof e !== 'object') continue;
    const { message, parameters } = e as { message?: unknown; parameters?: unknown };
    if (typeof message !== 'string') continue;
    const named = parameters && typeof parameters === 'object' ? Object.keys(parameters) : [];
    parts.push(named.length ? `argument ${named.map(argumentFor).join(', ')}: ${message}` : message);
  }
  if (!parts.length) {
    const text = [b.title, b.detail].filter((x) => typeof x === 'string' && x).join(': ');
    if (text) parts.push(text);
  }
  return parts.join('; ').slice(0, 500);
}

/** When X's limit for this endpoint resets (epoch ms): the 15-minute window's, or the day's when it is spent. */
export function resetAt(headers: Headers): number | undefined {
  const seconds = (name: string) => {
    const value = Number(headers.get(name));
    return Number.isFinite(value) && value > 0 ? value : undefined;
  };
  const window = seconds('x-rate-limit-reset');
  const daySpent = headers.get('x-user-limit-24hour-remaining') === '0';
  const day = daySpent ? seconds('x-user-limit-24hour-reset') : undefined;
  const at = Math.max(window ?? 0, day ?? 0);
  return at ? at * 1000 : undefined;
}

/** A 429 that was not waited out: it says when the limit resets, as a time and a wait. */
export class RateLimitedError extends UpstreamError {
  constructor(
    readonly resetAtMs: number | undefined,
    limit: string | null,
    now: number,
  ) {
    const per = limit ? ` of ${limit} requests` : '';
    if (resetAtMs === undefined) {
      super(`Rate limited by X; the limit${per} resets within 15 minutes; try again then`, 429);
      return;
    }
    const minutes = Math.max(1, Math.ceil((resetAtMs - now) / 60_000));
    super(
      `Rate limited by X: the limit${per} for this endpoint resets at ${new Date(resetAtMs).toISOString()} (in ${minutes} min); try again then`,
      429,
    );
  }
}

/** Whether stored scopes (space-separated, as X's token answer gives them) hold every needed one. */
const missingScope = (granted: string | undefined, needed: readonly string[]): string | undefined => {
  if (granted === undefined) return undefined;
  const have = new Set(granted.split(/\s+/));
  return needed.find((s) => !have.has(s));
};

/**
 * Maps an X error answer to a tool error. `scopes` are the OAuth scopes the calling tool needs,
 * `granted` those stored with the token (when known). 5xx answers are left to the upstream client.
 */
export function xError(
  status: number,
  body: unknown,
  headers: Headers,
  subject: Subject,
  scopes: readonly string[],
  granted: string | undefined,
  now: number,
): ToolError | undefined {
  const said = describeProblem(body);
  const suffix = said ? `: ${said}` : '';
  if (status === 401) {
    return new AuthRequiredError('x', 'X rejected the stored token (expired or revoked)');
  }
  if (status === 403) {
    const missing = missingScope(granted, scopes);
    if (missing) return new MissingScopeError(missing);
    const type = (body as { type?: unknown } | undefined)?.type;
    if (typeof type === 'string' && /client-forbidden/.test(type)) {
      return new UpstreamError(
        `X refused the app for this endpoint${suffix}. The app's access level (or its project) does not include it.`,
        403,
      );
    }
    return new UpstreamError(
      `Permission denied by X for ${subject.what} ${subject.id}${suffix} (this call needs the scopes ${scopes.join(', ')})`,
      403,
    );
  }
  if (status === 404) return new NotFoundError(subject.what, subject.id);
  if (status === 429) return new RateLimitedError(resetAt(headers), headers.get('x-rate-limit-limit'), now);
  if (status >= 400 && status < 500) {
    return new UpstreamError(
      `X rejected the request for ${subject.what} ${subject.id} (HTTP ${status})${suffix}`,
      status,
    );
  }
  return undefined;
}
