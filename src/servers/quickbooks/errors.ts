import { AuthRequiredError, MissingScopeError, NotFoundError, type ToolError } from '../../core/errors.js';
import { parseRetryAfter, UpstreamError } from '../../upstream/client.js';

export const ACCOUNTING_SCOPE = 'com.intuit.quickbooks.accounting';

/** What a request is about: named in QuickBooks' errors. */
export interface Subject {
  /** e.g. `Customer`, `Query`. */
  what: string;
  /** e.g. `58`, or `(new)`. */
  id: string;
}

/** One error of a fault; Intuit writes the keys capitalized, except in its 401 answers. */
export interface FaultError {
  message: string;
  detail: string;
  code: string;
  element: string;
}

export interface Fault {
  type: string;
  errors: FaultError[];
}

const text = (value: unknown): string =>
  typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';

/**
 * The fault of an answer, if it holds one: `{Fault: {Error: [{Message, Detail, code, element}], type}}`
 * (or, in 401 answers, the same in lower case). QuickBooks may send one with HTTP 200.
 */
export function faultOf(body: unknown): Fault | undefined {
  if (!body || typeof body !== 'object') return undefined;
  const b = body as Record<string, unknown>;
  const fault = (b.Fault ?? b.fault) as Record<string, unknown> | undefined;
  if (!fault || typeof fault !== 'object') return undefined;
  const list = fault.Error ?? fault.error;
  const errors = (Array.isArray(list) ? list : [])
    .filter((e): e is Record<string, unknown> => !!e && typeof e === 'object')
    .map((e) => ({
      message: text(e.Message ?? e.message),
      detail: text(e.Detail ?? e.detail),
      code: text(e.code ?? e.Code),
      element: text(e.element ?? e.Element),
    }));
  return { type: text(fault.type ?? fault.Type), errors };
}

const MAX_DETAIL = 400;

/** "Object Not Found (610): Something you're trying to use has been made inactive" for each error. */
export function describeFault(fault: Fault): string {
  const said = fault.errors
    .map((e) => {
      const head = `${e.message}${e.code ? ` (${e.code})` : ''}`;
      const detail = e.detail && e.detail !== e.message ? `: ${e.detail}` : '';
      const element = e.element ? ` [${e.element}]` : '';
      return `${head}${detail}${element}`.trim();
    })
    .filter(Boolean)
    .join('; ');
  return said.length > MAX_DETAIL ? `${said.slice(0, MAX_DETAIL)}…` : said;
}

const codes = (fault: Fault | undefined) =>
  new Set((fault?.errors ?? []).map((e) => e.code.replace(/^0+/, '')));

/**
 * Maps a QuickBooks answer with a fault (any status, 200 included) or an error status to a tool
 * error naming what the call was about: an expired token, a missing scope, an object that does not
 * exist (code 610), a rate limit (code 3001 or 429), a validation fault with its element.
 */
export function quickbooksError(
  status: number,
  body: unknown,
  headers: Headers,
  subject: Subject,
): ToolError {
  const fault = faultOf(body);
  const has = codes(fault);
  const said = fault ? describeFault(fault) : '';
  const type = fault?.type.toUpperCase() ?? '';
  if (status === 401 || has.has('3200') || type === 'AUTHENTICATION' || type === 'AUTHENTICATIONFAULT') {
    return new AuthRequiredError('quickbooks', 'QuickBooks rejected the stored token (expired or revoked)');
  }
  if (has.has('3100') || has.has('120') || (status === 403 && type.startsWith('AUTHORIZATION'))) {
    const error = new MissingScopeError(ACCOUNTING_SCOPE);
    error.message = `Permission denied by QuickBooks${said ? ` (${said})` : ''}: the connection lacks the scope "${ACCOUNTING_SCOPE}" or access to this company. Re-authenticate to grant it.`;
    return error;
  }
  if (has.has('610') || status === 404) {
    const error = new NotFoundError(subject.what, subject.id);
    if (said) error.message += ` (${said})`;
    return error;
  }
  if (status === 429 || has.has('3001')) {
    const wait = parseRetryAfter(headers.get('retry-after'));
    const when = wait !== undefined ? `in ${Math.max(1, Math.ceil(wait / 1000))} s` : 'in a minute';
    return new UpstreamError(
      `Rate limited by QuickBooks (500 requests a minute and 10 at once per company); try again ${when}${said ? ` (${said})` : ''}`,
      429,
    );
  }
  if (status >= 500) {
    return new UpstreamError(
      `QuickBooks failed (HTTP ${status})${said ? `: ${said}` : ''}; try again later`,
      status,
    );
  }
  return new UpstreamError(
    `QuickBooks rejected the request for ${subject.what} ${subject.id}${status !== 200 ? ` (HTTP ${status})` : ''}${said ? `: ${said}` : ''}`,
    status === 200 ? 400 : status,
  );
}
