import { AuthRequiredError, NotFoundError, type ToolError } from '../../core/errors.js';
import { parseRetryAfter, UpstreamError } from '../../upstream/client.js';

export const SERVER_ID = 'hunter_io';

/** One entry of Hunter's error body `{ errors: [{ id, code, details }] }`. */
export interface HunterErrorItem {
  id?: string;
  code?: number;
  details?: string;
}

/**
 * What a request is about, for messages: a 404 names `what` and `id`; a 400 or 422 that names one of
 * Hunter's parameters names the tool argument it came from (`args`: Hunter's name -> the tool's).
 */
export interface Subject {
  what: string;
  id?: string;
  args?: Readonly<Record<string, string>>;
  /** Said on a 404 instead of "<what> not found: <id>" (e.g. an email finder that found nobody). */
  notFound?: () => ToolError;
}

export function errorItems(body: unknown): HunterErrorItem[] {
  const errors = body && typeof body === 'object' ? (body as { errors?: unknown }).errors : undefined;
  // Hunter sends an array; an object keyed by id is read too, in case a proxy reshapes it.
  const list = Array.isArray(errors)
    ? errors
    : errors && typeof errors === 'object'
      ? Object.values(errors)
      : [];
  return list.filter((e): e is HunterErrorItem => !!e && typeof e === 'object');
}

/**
 * Removes the API key from text Hunter sends back: the stored key wherever it appears and any
 * `api_key=` parameter of a URL. Cut short, so a long body never reaches a user whole.
 */
export function redact(text: string, key: string | undefined): string {
  let out = text.replace(/(api[_-]?key=)[^&\s"'<>]+/gi, '$1[redacted]');
  if (key) out = out.split(key).join('[redacted]');
  out = out.trim().replace(/\.$/, '');
  return out.length > 300 ? `${out.slice(0, 300)}…` : out;
}

/** Hunter's explanation: the `details` of its errors, joined, without the key. */
export function details(items: readonly HunterErrorItem[], key: string | undefined): string {
  return items
    .map((e) => (typeof e.details === 'string' ? redact(e.details, key) : ''))
    .filter(Boolean)
    .join('; ');
}

/** Words of a per-second or per-minute limit. */
const RATE_WORDS = /rate limit|per second|per minute|requests per|slow down/i;
/** Words of the plan's monthly allowance (Hunter: "…searches per billing period included in your plan"). */
const QUOTA_WORDS = /billing period|included in your plan|usage limit|monthly|quota|credits?\b|upgrade/i;
/** Ids that name the monthly allowance outright. */
const QUOTA_IDS = new Set(['usage_exceeded', 'usage_limit_exceeded', 'quota_exceeded']);

/**
 * Whether a 402, 403 or 429 is a rate limit (wait and retry) or the plan's allowance used up (retrying
 * cannot help until it resets). Hunter documents 403 as its rate limit and 429 as "too many requests",
 * and sends `errors[].id` `too_many_requests` for both the per-second limit and a used-up allowance
 * (e.g. "You've reached the limit for the number of searches per billing period included in your
 * plan."), so the ids and `details` decide: words of a rate say rate, words of a plan or billing
 * period say quota. A 429 or a bare 403 that says neither is taken as a rate limit: waiting costs no
 * credits, and the final message still mentions the allowance.
 */
export function throttleKind(status: number, body: unknown): 'rate' | 'quota' | undefined {
  if (status === 402) return 'quota';
  if (status !== 403 && status !== 429) return undefined;
  const items = errorItems(body);
  const text = items.map((e) => `${e.id ?? ''} ${e.details ?? ''}`).join(' ');
  if (items.some((e) => QUOTA_IDS.has(e.id ?? ''))) return 'quota';
  if (RATE_WORDS.test(text)) return 'rate';
  if (QUOTA_WORDS.test(text)) return 'quota';
  if (status === 429 || items.length === 0 || items.some((e) => e.id === 'too_many_requests')) return 'rate';
  return undefined;
}

/** Hunter's per-second or per-minute limit, still reached; `retryAfterMs` when Hunter said how long. */
export class HunterRateLimited extends UpstreamError {
  constructor(
    status: number,
    readonly retryAfterMs: number | undefined,
  ) {
    const when = retryAfterMs !== undefined ? `${Math.max(1, Math.ceil(retryAfterMs / 1000))} s` : 'a minute';
    super(
      `Rate limited by Hunter (its per-second and per-minute request limits); try again in ${when}. ` +
        'If it persists, the monthly allowance may be used up: account_info shows it.',
      status,
    );
  }
}

/** The plan's monthly allowance (searches, verifications or credits) is used up: not retried. */
export class HunterQuotaExceeded extends UpstreamError {
  constructor(
    status: number,
    readonly said: string,
    when = '',
  ) {
    super(
      `Hunter refused: the account's monthly allowance is used up${said ? ` (${said})` : ''}. ` +
        `Retrying will not help until it resets${when}; account_info shows the usage, or upgrade the plan in Hunter.`,
      status,
    );
  }

  /** The same error, saying when the allowance resets (read from GET /account). */
  resetsOn(date: string): HunterQuotaExceeded {
    return new HunterQuotaExceeded(this.status, this.said, ` on ${date}`);
  }
}

/** A Hunter parameter named by an error (by its id or in its details), as the tool's argument. */
function namedArgument(items: readonly HunterErrorItem[], args: Subject['args']): string | undefined {
  for (const [param, arg] of Object.entries(args ?? {})) {
    const word = new RegExp(`\\b${param}\\b`, 'i');
    if (items.some((e) => e.id === param || word.test(e.details ?? ''))) return arg;
  }
  return undefined;
}

/**
 * Maps one of Hunter's error answers to a tool error a user can act on; undefined leaves 5xx to the
 * upstream client's messages (retried, "may have gone through" for writes). Nothing Hunter says
 * reaches the user with the key in it.
 */
export function hunterError(
  status: number,
  body: unknown,
  headers: Headers,
  subject: Subject,
  key: string | undefined,
): ToolError | undefined {
  const items = errorItems(body);
  const said = details(items, key);
  const suffix = said ? `: ${said}` : '';
  const kind = throttleKind(status, body);
  if (kind === 'quota') return new HunterQuotaExceeded(status, said);
  if (kind === 'rate') return new HunterRateLimited(status, parseRetryAfter(headers.get('retry-after')));
  switch (status) {
    case 401:
      return new AuthRequiredError(
        SERVER_ID,
        `Hunter rejected the stored API key (revoked, or not copied whole)${said ? ` (${said})` : ''}`,
      );
    case 403:
      return new UpstreamError(`Hunter denied access to ${subject.what}${idOf(subject)}${suffix}`, 403);
    case 404:
      if (subject.notFound) return subject.notFound();
      return subject.id
        ? new NotFoundError(subject.what, subject.id)
        : new UpstreamError(`Hunter found no ${subject.what}${suffix}`, 404);
    case 451:
      return new UpstreamError(
        `Hunter may not process data about this person (they asked for their data to be erased)${suffix}; ` +
          'leave them out of the workflow.',
        451,
      );
  }
  if (status >= 400 && status < 500) {
    const arg = namedArgument(items, subject.args);
    const prefix = arg ? `Invalid argument ${arg}: ` : '';
    return new UpstreamError(
      `${prefix}Hunter rejected the request for ${subject.what}${idOf(subject)} (HTTP ${status})${suffix}`,
      status,
    );
  }
  return undefined;
}

const idOf = (subject: Subject) => (subject.id ? ` ${subject.id}` : '');
