import { AuthRequiredError, type ToolError } from '../../core/errors.js';
import { parseRetryAfter, UpstreamError } from '../../upstream/client.js';

export const SERVER_ID = 'ahrefs';

/** Where a user makes a new key (keys last a year and die with the workspace member who made them). */
export const KEYS_PAGE = 'https://app.ahrefs.com/account/api-keys';

/**
 * What a request is about, for messages: `what` names the report and its target ("the backlinks of
 * ahrefs.com"); `args` maps each Ahrefs parameter sent to the tool argument it came from, so an error
 * naming `mode` of keywords_overview names `target_mode`.
 */
export interface Subject {
  what: string;
  args?: Readonly<Record<string, string>>;
}

/**
 * Ahrefs' one error shape, `{ "error": "<message>" }` (every operation of its OpenAPI description, for
 * 400, 401, 403, 429 and 500): the message without the key, cut short.
 */
export function ahrefsMessage(body: unknown, key: string | undefined): string {
  const raw =
    body && typeof body === 'object' && typeof (body as { error?: unknown }).error === 'string'
      ? (body as { error: string }).error
      : typeof body === 'string' && !/^\s*</.test(body)
        ? body
        : '';
  return redact(raw, key);
}

/** Removes the key wherever it appears (and any token in a URL), trims, and cuts to 300 characters. */
export function redact(text: string, key: string | undefined): string {
  let out = text.replace(/((?:api[_-]?key|token)=)[^&\s"'<>]+/gi, '$1[redacted]');
  out = out.replace(/(Bearer\s+)[A-Za-z0-9._~+/=-]+/gi, '$1[redacted]');
  if (key) out = out.split(key).join('[redacted]');
  out = out.trim().replace(/\.$/, '');
  return out.length > 300 ? `${out.slice(0, 300)}…` : out;
}

/**
 * The monthly API-unit quota (of the workspace, or the cap set on this key) is used up: Ahrefs says
 * "API units limit reached. Expected usage: 50, API units left: 0." Retrying cannot help until it
 * resets, so it is never retried.
 */
const QUOTA_WORDS =
  /units? (limit|left|quota|exhausted|exceeded)|limit of (api )?units|not enough (api )?units|insufficient (api )?units|quota|pay-as-you-go/i;
/** A key Ahrefs does not accept (missing, malformed, expired, revoked). */
const KEY_WORDS =
  /(api[\s_-]?key|token|bearer|authori[sz]ation).*(invalid|expired|revoked|missing|unknown|not (valid|found))|(invalid|expired|revoked|missing|unknown) (api[\s_-]?)?(key|token)/i;

export type Refusal = 'quota' | 'key' | 'plan' | 'rate' | undefined;

/** What a 402, 403 or 429 means, read from its status and Ahrefs' message. */
export function refusalKind(status: number, message: string): Refusal {
  if (status === 402 || ((status === 403 || status === 429) && QUOTA_WORDS.test(message))) return 'quota';
  if (status === 429) return 'rate';
  if (status !== 403) return undefined;
  if (KEY_WORDS.test(message)) return 'key';
  return 'plan';
}

/** Ahrefs' rate limit (60 requests a minute per key, and fewer when it is busy), still reached. */
export class AhrefsRateLimited extends UpstreamError {
  constructor(readonly retryAfterMs: number | undefined) {
    const when =
      retryAfterMs !== undefined ? `in ${Math.max(1, Math.ceil(retryAfterMs / 1000))} s` : 'in a minute';
    super(
      `Rate limited by Ahrefs (60 requests a minute per API key, fewer when Ahrefs is busy); try again ${when}`,
      429,
    );
  }
}

/** The API units are used up: not retried, and the message says when they come back when known. */
export class AhrefsQuotaExceeded extends UpstreamError {
  constructor(
    status: number,
    readonly said: string,
    when = '',
  ) {
    super(
      `Ahrefs refused: the API units of this key or workspace are used up${said ? ` (${said})` : ''}. ` +
        `Retrying will not help until they reset${when}; raise the key's monthly cap or the workspace's ` +
        `units at ${KEYS_PAGE}`,
      status,
    );
  }

  /** The same error, saying when the units reset (from GET /subscription-info/limits-and-usage). */
  resetsOn(date: string): AhrefsQuotaExceeded {
    return new AhrefsQuotaExceeded(this.status, this.said, ` on ${date}`);
  }
}

/** The plan (or the key's permissions) has no access to a report: "Insufficient plan". */
export class AhrefsPlanDenied extends UpstreamError {
  constructor(
    what: string,
    readonly said: string,
  ) {
    super(
      `Ahrefs denied access to ${what}${said ? `: ${said}` : ''}. The plan, or this key's permissions, do ` +
        "not include this report: check the plan's API access in Ahrefs (API v3 comes with the Enterprise plan)",
      403,
    );
  }
}

/** An Ahrefs parameter named in a message, as the tool argument it came from. */
function namedArgument(message: string, args: Subject['args']): string | undefined {
  // Longest names first, so `date_from` is found before `date`.
  const names = Object.keys(args ?? {}).sort((a, b) => b.length - a.length);
  for (const param of names) {
    if (new RegExp(`(^|[^a-z_])${param}([^a-z_]|$)`, 'i').test(message)) return args?.[param];
  }
  return undefined;
}

/**
 * Maps an Ahrefs error answer to a tool error a user can act on. undefined leaves 5xx to the upstream
 * client (retried, then "try again later"). Nothing Ahrefs says reaches the user with the key in it.
 */
export function ahrefsError(
  status: number,
  body: unknown,
  headers: Headers,
  subject: Subject,
  key: string | undefined,
): ToolError | undefined {
  const said = ahrefsMessage(body, key);
  const suffix = said ? `: ${said}` : '';
  switch (refusalKind(status, said)) {
    case 'quota':
      return new AhrefsQuotaExceeded(status, said);
    case 'rate':
      return new AhrefsRateLimited(parseRetryAfter(headers.get('retry-after')));
    case 'key':
      return rejectedKey(said);
    case 'plan':
      return new AhrefsPlanDenied(subject.what, said);
  }
  if (status === 401) return rejectedKey(said);
  if (status === 404) {
    return new UpstreamError(
      `Ahrefs has no data for ${subject.what}${suffix}: check the target or keyword, the date (Ahrefs may ` +
        'not have data for it yet), and the country',
      404,
    );
  }
  if (status >= 400 && status < 500) {
    const arg = namedArgument(said, subject.args);
    return new UpstreamError(
      `${arg ? `Invalid argument ${arg}: ` : ''}Ahrefs rejected the request for ${subject.what} ` +
        `(HTTP ${status})${suffix}`,
      status,
    );
  }
  return undefined;
}

function rejectedKey(said: string): AuthRequiredError {
  return new AuthRequiredError(
    SERVER_ID,
    `Ahrefs rejected the stored API key (expired: keys last a year; revoked; or its creator left the ` +
      `workspace)${said ? ` (${said})` : ''}; create a new one at ${KEYS_PAGE}`,
  );
}
