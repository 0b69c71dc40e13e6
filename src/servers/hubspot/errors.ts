import { AuthRequiredError, MissingScopeError, NotFoundError, type ToolError } from '../../core/errors.js';
import { parseRetryAfter, UpstreamError } from '../../upstream/client.js';

/** What a request is about: named in HubSpot's 403, 404 and 5xx answers. */
export interface Subject {
  /** e.g. `Contact`, `Engagement`. */
  what: string;
  /** e.g. `123`, or `(new)` for a create. */
  id: string;
  /**
   * For a write that is not repeated after a 5xx or a timeout (a create, a merge, a GDPR delete):
   * what may have happened and how to check, said instead of "try again later".
   */
  unrepeatable?: string;
}

/**
 * HubSpot's error body (the `Error` schema of its OpenAPI descriptions): `message`, `category` and
 * `correlationId`, with details in `errors[]` and `context`. A 429 adds `policyName` and `errorType`.
 */
export interface HubSpotErrorBody {
  status?: string;
  message?: string;
  category?: string;
  subCategory?: string;
  correlationId?: string;
  policyName?: string;
  errorType?: string;
  context?: Record<string, unknown>;
  errors?: { message?: string; code?: string; context?: Record<string, unknown> }[];
}

export function errorBody(body: unknown): HubSpotErrorBody {
  return body && typeof body === 'object' && !Array.isArray(body) ? (body as HubSpotErrorBody) : {};
}

/** " (HubSpot correlation id …)": what HubSpot's support asks for, so every message carries it. */
export function reference(b: HubSpotErrorBody): string {
  return typeof b.correlationId === 'string' && b.correlationId
    ? ` (HubSpot correlation id ${b.correlationId})`
    : '';
}

const MAX_DETAIL = 400;

/** HubSpot's own explanation: the messages of `errors[]` when they say more, else `message`. */
export function detail(b: HubSpotErrorBody): string {
  const parts = (b.errors ?? [])
    .map((e) => (typeof e.message === 'string' ? e.message.trim() : ''))
    .filter(Boolean);
  const text = parts.length ? parts.join('; ') : typeof b.message === 'string' ? b.message.trim() : '';
  return text.length > MAX_DETAIL ? `${text.slice(0, MAX_DETAIL)}…` : text;
}

/** The scopes a 403 MISSING_SCOPES names, in `context` or in an entry of `errors[]`. */
function requiredScopes(b: HubSpotErrorBody): string[] {
  const found = new Set<string>();
  for (const context of [b.context, ...(b.errors ?? []).map((e) => e.context)]) {
    for (const key of ['requiredGranularScopes', 'requiredScopes', 'missingScopes']) {
      const list = context?.[key];
      if (Array.isArray(list)) for (const s of list) if (typeof s === 'string' && s) found.add(s);
    }
  }
  return [...found];
}

/** A token without a scope the call needs: names the scopes HubSpot asked for, or the tool's own. */
export class HubSpotScopeError extends MissingScopeError {
  constructor(scopes: readonly string[], ref: string) {
    super(scopes[0] ?? 'unknown');
    const named = scopes.map((s) => `"${s}"`);
    const which = named.length > 1 ? `one of the scopes ${named.join(', ')}` : `the scope ${named[0]}`;
    this.message = `Permission denied: the stored token lacks ${which}. Re-authenticate to grant it.${ref}`;
  }
}

/** A 404, with HubSpot's correlation id. */
export class HubSpotNotFoundError extends NotFoundError {
  constructor(what: string, id: string, ref: string) {
    super(what, id);
    this.message += ref;
  }
}

/** HubSpot's limits, said when a 429 persists. */
const POLICIES: Readonly<Record<string, string>> = {
  TEN_SECONDLY_ROLLING: 'the per-10-seconds limit of the app in this account',
  SECONDLY: 'the search limit of about 5 requests a second per account',
};

/** No retry at all once the daily limit is spent, whatever Retry-After says; else the client's rule. */
export function retryable(status: number, _headers: Headers, body: unknown): false | undefined {
  return status === 429 && errorBody(body).policyName === 'DAILY' ? false : undefined;
}

/**
 * How long HubSpot asks to wait after a 429 that carries no Retry-After, in ms, following its policy
 * (what HubSpot's own clients do): 10 s for the rolling 10-second window, 1 s for the search
 * endpoints' per-second limit.
 */
export function retryDelay(status: number, headers: Headers, body: unknown): number | undefined {
  if (status !== 429) return undefined;
  const b = errorBody(body);
  const interval = Number(headers.get('x-hubspot-ratelimit-interval-milliseconds'));
  if (b.policyName === 'TEN_SECONDLY_ROLLING') return interval > 0 ? interval : 10_000;
  if (b.policyName === 'SECONDLY' || /secondly limit/i.test(b.message ?? '')) return 1_000;
  if (headers.get('x-hubspot-ratelimit-remaining') === '0' && interval > 0) return interval;
  return undefined;
}

function rateLimited(b: HubSpotErrorBody, headers: Headers, ref: string): UpstreamError {
  if (b.policyName === 'DAILY') {
    return new UpstreamError(
      "HubSpot's daily API limit for this account is used up; it resets at midnight in the account's time zone" +
        ref,
      429,
    );
  }
  const wait = parseRetryAfter(headers.get('retry-after')) ?? retryDelay(429, headers, b);
  const when = wait !== undefined ? `in ${Math.max(1, Math.ceil(wait / 1000))} s` : 'in a few seconds';
  const policy = b.policyName ? (POLICIES[b.policyName] ?? b.policyName) : undefined;
  return new UpstreamError(
    `Rate limited by HubSpot${policy ? ` (${policy})` : ''}; try again ${when}${ref}`,
    429,
  );
}

/**
 * Maps a HubSpot error answer to a tool error that names what the call was about and carries the
 * correlation id. 429 and 5xx reach here once the upstream client stopped retrying them.
 */
export function hubspotError(
  status: number,
  body: unknown,
  headers: Headers,
  subject: Subject,
  scopes: readonly string[],
): ToolError | undefined {
  const b = errorBody(body);
  const ref = reference(b);
  const said = detail(b);
  const category = typeof b.category === 'string' && b.category ? b.category : undefined;
  if (status === 401) {
    return new AuthRequiredError(
      'hubspot',
      `HubSpot rejected the stored token${category ? ` (${category})` : ''}: it expired or was revoked${ref}`,
    );
  }
  if (status === 403 && (category === 'MISSING_SCOPES' || requiredScopes(b).length)) {
    const named = requiredScopes(b);
    return new HubSpotScopeError(named.length ? named : scopes, ref);
  }
  if (status === 403) {
    return new UpstreamError(
      `Permission denied by HubSpot for ${subject.what} ${subject.id}${said ? `: ${said}` : ''}${ref}`,
      403,
    );
  }
  if (status === 404) return new HubSpotNotFoundError(subject.what, subject.id, ref);
  if (status === 429) return rateLimited(b, headers, ref);
  if (status >= 500) {
    const advice = subject.unrepeatable ?? 'try again later';
    return new UpstreamError(`HubSpot failed (HTTP ${status})${ref}; ${advice}`, status);
  }
  if (status >= 400) {
    const kind = category ? ` ${category}` : '';
    return new UpstreamError(
      `HubSpot rejected the request for ${subject.what} ${subject.id} (HTTP ${status}${kind})${said ? `: ${said}` : ''}${ref}`,
      status,
    );
  }
  return undefined;
}
