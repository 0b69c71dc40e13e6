import { AuthRequiredError, NotFoundError, type ToolError } from '../../core/errors.js';
import { parseRetryAfter, UpstreamError } from '../../upstream/client.js';

/** Which of PostHog's rate limits a request counts against; each 429 names its own. */
export type Limit = 'query' | 'analytics' | 'crud';

/** What a request is about, for its errors. */
export interface Call {
  /** Named when PostHog answers 404, e.g. `{ what: 'Action', id: '12' }`. */
  subject: { what: string; id: string };
  /** What the request does, e.g. `creating action "Signed up"`; errors say it. */
  doing: string;
  /** PostHog's field (`attr`, first segment) to the tool argument carrying it, where they differ. */
  fields?: Readonly<Record<string, string>>;
  /** A write whose retry could do it twice: a 5xx or a lost answer says to check first, in these words. */
  uncertain?: string;
  /** The rate limit the endpoint falls under (default: the general one). */
  limit?: Limit;
}

/** PostHog's error body (drf-exceptions-hog): `{type, code, detail, attr}`. */
interface PostHogErrorBody {
  type?: string;
  code?: string;
  detail?: string;
  attr?: string | null;
}

const RATE_LIMITS: Readonly<Record<Limit, string>> = {
  query:
    'the analytics query API has its own, much lower limit: 120 queries an hour per project by default on PostHog Cloud',
  analytics: 'analytics endpoints (insights, persons) allow 240 requests a minute and 1,200 an hour',
  crud: 'the API allows 480 requests a minute and 4,800 an hour',
};

/** Keys PostHog hands out (phx_ personal, phc_ project, phs_ secure): never repeated in a message. */
const KEY_LIKE = /\bph[a-z]_[A-Za-z0-9_-]{8,}/g;

/** A provider's words, made safe to show: no key, bounded length. */
export function scrub(text: string): string {
  return text.replace(KEY_LIKE, '[key]').trim().slice(0, 300);
}

function errorBody(body: unknown): PostHogErrorBody {
  if (!body || typeof body !== 'object') return typeof body === 'string' ? { detail: body } : {};
  const b = body as Record<string, unknown>;
  const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v : undefined);
  return {
    type: text(b.type),
    code: text(b.code),
    detail: text(b.detail) ?? text(b.message) ?? text(b.error),
    attr: text(b.attr) ?? null,
  };
}

/**
 * PostHog's `attr` (`name`, `steps__0__event`) as the tool argument carrying it: `steps[0].event`,
 * with the first segment renamed where the tool calls it otherwise (`query` is the `filters` argument).
 */
export function argumentOf(attr: string, fields: Readonly<Record<string, string>> = {}): string {
  const [first = '', ...rest] = attr.split('__').filter(Boolean);
  return rest.reduce((out, s) => (/^\d+$/.test(s) ? `${out}[${s}]` : `${out}.${s}`), fields[first] ?? first);
}

/** "Request was throttled. Expected available in 37 seconds." gives the wait when no Retry-After does. */
export function throttleWait(body: unknown): number | undefined {
  const seconds = /available in (\d+) second/i.exec(errorBody(body).detail ?? '')?.[1];
  return seconds === undefined ? undefined : Number(seconds) * 1000;
}

/** A wait a person can read: "45 s", "12 min", "2 h". */
function humanWait(ms: number): string {
  const s = Math.max(1, Math.ceil(ms / 1000));
  if (s < 120) return `${s} s`;
  if (s < 7200) return `${Math.round(s / 60)} min`;
  return `${Math.round(s / 3600)} h`;
}

/** The 429 message: which limit, and when to try again. */
export function rateLimited(limit: Limit, headers: Headers, body: unknown): UpstreamError {
  const wait = parseRetryAfter(headers.get('retry-after')) ?? throttleWait(body);
  const when = wait === undefined ? 'later' : `in ${humanWait(wait)}`;
  return new UpstreamError(`Rate limited by PostHog (${RATE_LIMITS[limit]}); try again ${when}`, 429);
}

const SCOPE = /scope '?"?([a-z_]+:(?:read|write))/i;

/**
 * Maps an answer of PostHog's private API (personal API key) to a tool error a user can act on.
 * 5xx answers of reads are left to the upstream client (retried, then "try again later").
 */
export function posthogError(
  status: number,
  body: unknown,
  headers: Headers,
  call: Call,
): ToolError | undefined {
  const e = errorBody(body);
  const detail = e.detail ? scrub(e.detail) : undefined;
  if (status === 401) {
    return new AuthRequiredError(
      'posthog',
      'PostHog rejected the stored personal API key (expired, rolled or deleted)',
    );
  }
  if (status === 403) {
    const scope = SCOPE.exec(e.detail ?? '')?.[1];
    if (scope) {
      return new UpstreamError(
        `PostHog denied ${call.doing}: the personal API key lacks the scope "${scope}". Add it to the key ` +
          '(PostHog: Settings > Personal API keys) or create a key with it, then sign in again with `gumcp auth posthog`',
        403,
      );
    }
    return new UpstreamError(`PostHog denied ${call.doing}${detail ? `: ${detail}` : ''}`, 403);
  }
  if (status === 404) return new NotFoundError(call.subject.what, call.subject.id);
  if (status === 429) return rateLimited(call.limit ?? 'crud', headers, body);
  if (status >= 400 && status < 500 && status !== 408) {
    const arg = e.attr ? `${argumentOf(e.attr, call.fields)}: ` : '';
    const said = detail ? `: ${arg}${detail}` : '';
    return new UpstreamError(`PostHog refused ${call.doing} (HTTP ${status})${said}`, status);
  }
  if (status >= 500 && call.uncertain) {
    return new UpstreamError(
      `PostHog failed (HTTP ${status}) while ${call.doing}: ${call.uncertain}`,
      status,
    );
  }
  return undefined;
}

/**
 * Maps an answer of the ingestion endpoints (capture, flags; project API key). They have no rate
 * limit of their own, and a 401 is about the project API key, not the stored personal key.
 */
export function ingestionError(status: number, body: unknown, call: Call): ToolError | undefined {
  const e = errorBody(body);
  const detail = e.detail ? scrub(e.detail) : undefined;
  if (status === 401 || status === 403) {
    return new UpstreamError(
      `PostHog refused the project API key while ${call.doing} (it may have been reset): pass project_api_token ` +
        '(PostHog: Project settings > Project API key), or sign in again with `gumcp auth posthog` to look it up anew',
      status,
    );
  }
  if (status >= 400 && status < 500 && status !== 408 && status !== 429) {
    const arg = e.attr ? `${argumentOf(e.attr, call.fields)}: ` : '';
    return new UpstreamError(
      `PostHog refused ${call.doing} (HTTP ${status})${detail ? `: ${arg}${detail}` : ''}`,
      status,
    );
  }
  if (status >= 500 && call.uncertain) {
    return new UpstreamError(
      `PostHog failed (HTTP ${status}) while ${call.doing}: ${call.uncertain}`,
      status,
    );
  }
  return undefined;
}
