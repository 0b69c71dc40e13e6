import { AuthRequiredError, NotFoundError, ToolError } from '../../core/errors.js';
import { UpstreamError } from '../../upstream/client.js';
import type { GraphQLBody, GraphQLErrorItem } from '../../upstream/graphql.js';

/**
 * What a call is about, so errors can name it: the ids it was given by kind (`Board`, `Item`,
 * `Group`, `Workspace`), named when monday.com answers `Invalid<Kind>IdException`, and the scope the
 * tool needs, named when monday.com refuses the action.
 */
export interface Subject {
  ids: Readonly<Record<string, string>>;
  scope: string;
  /** Set when the call follows an items_page cursor, whose refusal means it expired. */
  cursor?: boolean;
}

/** A GraphQL error entry, or the bare strings monday.com's older error shape lists. */
type ErrorEntry = GraphQLErrorItem | string;

const code = (e: ErrorEntry): string => (typeof e === 'string' ? '' : String(e.extensions?.code ?? ''));
const message = (e: ErrorEntry): string => (typeof e === 'string' ? e : String(e.message ?? ''));

/** Codes monday.com documents for limits that lift after a wait (complexity budget, minute, IP, concurrency). */
const THROTTLE_CODES = new Set([
  'COMPLEXITY_BUDGET_EXHAUSTED',
  'ComplexityException',
  'RATE_LIMIT_EXCEEDED',
  'IP_RATE_LIMIT_EXCEEDED',
  'maxConcurrencyExceeded',
]);

/** When no wait is given, a minute-based limit has lifted within a minute. */
const DEFAULT_WAIT_MS = 30_000;

/**
 * How long monday.com asks to wait, in ms, when an answer says a limit was hit: `retry_in_seconds`
 * (2025-01 and later), the Retry-After header, or "reset in N seconds" in the older
 * `ComplexityException` message. Undefined when the errors are not about a limit.
 */
export function throttled(
  errors: readonly ErrorEntry[],
  body: GraphQLBody,
  headers: Headers,
): number | undefined {
  const legacy = (body as { error_code?: unknown }).error_code;
  const hit = errors.find(
    (e) =>
      THROTTLE_CODES.has(code(e)) ||
      (typeof e !== 'string' &&
        typeof e.extensions?.retry_in_seconds === 'number' &&
        code(e) !== 'DAILY_LIMIT_EXCEEDED') ||
      /complexity budget exhausted|rate limit exceeded/i.test(message(e)),
  );
  if (!hit && legacy !== 'ComplexityException') return undefined;
  const seconds = typeof hit === 'object' ? Number(hit.extensions?.retry_in_seconds) : Number.NaN;
  if (Number.isFinite(seconds)) return Math.max(0, seconds) * 1000;
  const after = Number(headers.get('retry-after'));
  if (headers.has('retry-after') && Number.isFinite(after)) return Math.max(0, after) * 1000;
  const reset = /reset in (\d+) seconds?/i.exec(
    [...errors.map(message), String((body as { error_message?: unknown }).error_message ?? '')].join(' '),
  );
  return reset ? Number(reset[1]) * 1000 : DEFAULT_WAIT_MS;
}

/** Which argument an `Invalid…Exception` is about. */
const INVALID_ARGUMENTS: Readonly<Record<string, string>> = {
  InvalidColumnIdException: 'column_id',
  ColumnValueException: 'value',
  ItemNameTooLongException: 'item_name',
  InvalidArgumentException: 'arguments',
};

/**
 * monday.com's errors that mean more than their message, as the error a user can act on: a refused
 * token, a refused action (naming the tool's scope), an unknown id, a wrong argument, the daily limit,
 * an expired items_page cursor. Undefined leaves the GraphQL client's "monday.com refused the request".
 */
export function classify(
  errors: readonly ErrorEntry[],
  status: number,
  subject: Subject,
): ToolError | undefined {
  const codes = errors.map(code);
  const text = errors.map(message).join('; ');
  const statusCodes = errors.map((e) =>
    typeof e === 'string' ? undefined : Number(e.extensions?.status_code),
  );
  if (status === 401 || codes.some((c) => /^(UNAUTHENTICATED|Unauthorized|NotAuthenticated)$/i.test(c))) {
    return new AuthRequiredError('monday', 'monday.com rejected the stored token (expired or revoked)');
  }
  if (codes.includes('DAILY_LIMIT_EXCEEDED')) {
    return new UpstreamError(
      "monday.com's daily API call limit for this account is used up; it resets at midnight UTC",
      429,
    );
  }
  if (subject.cursor && /cursor/i.test(text)) {
    return new ToolError(
      'monday.com refused the items_page cursor: cursors expire 60 minutes after they are issued. List again from the first page.',
    );
  }
  for (const c of codes) {
    const kind = /^Invalid(\w+)IdException$/.exec(c)?.[1];
    if (kind && kind !== 'Column' && subject.ids[kind] !== undefined)
      return new NotFoundError(kind, subject.ids[kind]);
    if (c === 'ResourceNotFoundException') {
      const [what, id] = Object.entries(subject.ids)[0] ?? ['Resource', ''];
      return new NotFoundError(what, id);
    }
    const argument = INVALID_ARGUMENTS[c];
    if (argument) return new ToolError(`Invalid arguments: ${argument}: ${text}`);
  }
  if (
    codes.some((c) => c === 'UserUnauthorizedException' || c === 'missingRequiredPermissions') ||
    statusCodes.includes(403) ||
    status === 403
  ) {
    return new UpstreamError(
      `Permission denied by monday.com: ${text || 'the action is not allowed'}. The user may lack access to it, or the token ` +
        `may lack the scope "${subject.scope}" (re-authenticate with \`gumcp auth monday\` to grant it).`,
      403,
    );
  }
  return undefined;
}

/**
 * monday.com's older top-level error shape (`{ error_code, error_message, status_code }`), which
 * some answers still use, as GraphQL error entries so one classification serves both.
 */
export function legacyErrors(body: unknown): GraphQLErrorItem[] | undefined {
  if (!body || typeof body !== 'object') return undefined;
  const b = body as { error_code?: unknown; error_message?: unknown; status_code?: unknown };
  if (typeof b.error_code !== 'string' && typeof b.error_message !== 'string') return undefined;
  return [
    {
      message: typeof b.error_message === 'string' ? b.error_message : String(b.error_code),
      extensions: { code: b.error_code, status_code: b.status_code },
    },
  ];
}
