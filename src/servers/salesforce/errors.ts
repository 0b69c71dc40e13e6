import { AuthRequiredError, MissingScopeError, NotFoundError, type ToolError } from '../../core/errors.js';
import { UpstreamError } from '../../upstream/client.js';
import { parseFault } from './soap.js';

/** What a request is about: named in Salesforce's error answers. */
export interface Subject {
  /** e.g. `Account record`, `Object`, `Query`. */
  what: string;
  /** e.g. `001…`, `Account`, or `(new)` for a create. */
  id: string;
  /**
   * Ids the request refers to, by the Salesforce field that carries them (`CampaignId` → `701…`):
   * named when Salesforce says a reference does not exist (INVALID_CROSS_REFERENCE_KEY).
   */
  refs?: Readonly<Record<string, string>>;
  /**
   * For a write that is not repeated after a 5xx or a timeout (every create): what may have happened
   * and how to check, said instead of "try again later".
   */
  unrepeatable?: string;
}

/** One entry of Salesforce's REST error answer: `[{message, errorCode, fields}]`. */
export interface SalesforceErrorEntry {
  message?: string;
  errorCode?: string;
  fields?: string[];
}

/**
 * The entries of an error answer: Salesforce's REST API answers with an array (a few endpoints with
 * one object); its SOAP API (lead conversion) with a fault, read here as one entry.
 */
export function errorEntries(body: unknown): SalesforceErrorEntry[] {
  const fault = typeof body === 'string' ? parseFault(body) : undefined;
  if (fault) return [{ errorCode: fault.code, message: fault.message.replace(/^[A-Z_]+: /, '') }];
  const list = Array.isArray(body) ? body : body && typeof body === 'object' ? [body] : [];
  return list.filter((e): e is SalesforceErrorEntry => !!e && typeof e === 'object');
}

const MAX_DETAIL = 400;

/** "REQUIRED_FIELD_MISSING: Required fields are missing: [LastName] (fields: LastName)", for every entry. */
export function describeErrors(entries: readonly SalesforceErrorEntry[]): string {
  const text = entries
    .map((e) => {
      const code = typeof e.errorCode === 'string' && e.errorCode ? `${e.errorCode}: ` : '';
      const message = typeof e.message === 'string' ? e.message.trim() : '';
      const fields = Array.isArray(e.fields) && e.fields.length ? ` (fields: ${e.fields.join(', ')})` : '';
      return `${code}${message}${fields}`.trim();
    })
    .filter(Boolean)
    .join('; ');
  return text.length > MAX_DETAIL ? `${text.slice(0, MAX_DETAIL)}…` : text;
}

/** The org's daily API usage from `Sforce-Limit-Info: api-usage=18/5000`. */
export interface ApiUsage {
  used: number;
  limit: number;
}

export function parseApiUsage(header: string | null): ApiUsage | undefined {
  const match = /api-usage=(\d+)\/(\d+)/.exec(header ?? '');
  if (!match) return undefined;
  const used = Number(match[1]);
  const limit = Number(match[2]);
  return limit > 0 ? { used, limit } : undefined;
}

export const describeUsage = (u: ApiUsage): string =>
  `${u.used} of ${u.limit} API requests of the last 24 hours used (${Math.round((u.used / u.limit) * 100)}%)`;

/** The scope every tool needs; a token without it cannot call the REST API at all. */
const API_SCOPE = 'api';

/**
 * Maps a Salesforce error answer to a tool error that names what the call was about: the fields of a
 * validation error, the id of a record or reference that does not exist, a rate limit (Salesforce says
 * 403 REQUEST_LIMIT_EXCEEDED, never 429) with the org's usage, and an expired session.
 */
export function salesforceError(
  answered: number,
  body: unknown,
  headers: Headers,
  subject: Subject,
): ToolError | undefined {
  let status = answered;
  const entries = errorEntries(body);
  const codes = new Set(entries.map((e) => e.errorCode));
  const said = describeErrors(entries);
  const usage = parseApiUsage(headers.get('sforce-limit-info'));
  // SOAP answers every fault with 500; only UNKNOWN_EXCEPTION leaves open whether the call did its work.
  if (status === 500 && typeof body === 'string' && entries.length && !codes.has('UNKNOWN_EXCEPTION')) {
    status = 400;
  }
  if (status === 401 || codes.has('INVALID_SESSION_ID')) {
    return new AuthRequiredError(
      'salesforce',
      'Salesforce rejected the stored session (INVALID_SESSION_ID): it expired or was revoked',
    );
  }
  if (codes.has('REQUEST_LIMIT_EXCEEDED')) {
    return new UpstreamError(
      `Rate limited by Salesforce: ${said.replace(/\.$/, '')}. ` +
        (usage ? `${describeUsage(usage)}. ` : '') +
        "The org's API request limit counts over a rolling 24 hours (and concurrent long requests over a few seconds); " +
        'it was not retried: try again later, or ask an admin about the limits (get_org_limits shows them).',
      429,
    );
  }
  if (codes.has('API_DISABLED_FOR_ORG') || (status === 403 && /\bscope\b/i.test(said))) {
    const error = new MissingScopeError(API_SCOPE);
    error.message += ` Salesforce said: ${said}`;
    return error;
  }
  if (status === 404 || codes.has('NOT_FOUND') || codes.has('ENTITY_IS_DELETED')) {
    return new SalesforceNotFoundError(subject.what, subject.id, said);
  }
  if (codes.has('INVALID_CROSS_REFERENCE_KEY') || codes.has('INVALID_ID_FIELD')) {
    return new UpstreamError(
      `Salesforce refused ${subject.what} ${subject.id}: an id it refers to does not exist or is not visible to you` +
        `${namedRefs(entries, subject)} (${said})`,
      status,
    );
  }
  if (codes.has('INVALID_TYPE') || codes.has('NOT_FOUND_OBJECT')) {
    return new UpstreamError(
      `Salesforce does not know the object of ${subject.what} ${subject.id}: ${said}`,
      status,
    );
  }
  if (status >= 500) {
    const advice = subject.unrepeatable ?? 'try again later';
    return new UpstreamError(
      `Salesforce failed (HTTP ${status})${said ? `: ${said}` : ''}; ${advice}`,
      status,
    );
  }
  if (status === 403) {
    return new UpstreamError(
      `Permission denied by Salesforce for ${subject.what} ${subject.id}${said ? `: ${said}` : ''}`,
      403,
    );
  }
  if (status >= 400) {
    return new UpstreamError(
      `Salesforce rejected the request for ${subject.what} ${subject.id} (HTTP ${status})${said ? `: ${said}` : ''}`,
      status,
    );
  }
  return undefined;
}

/** ": CampaignId 701… " — the ids the subject gave for the fields Salesforce named, or all of them. */
function namedRefs(entries: readonly SalesforceErrorEntry[], subject: Subject): string {
  const refs = subject.refs ?? {};
  const fields = entries.flatMap((e) => (Array.isArray(e.fields) ? e.fields : []));
  const named = fields.filter((f) => f in refs);
  const shown = (named.length ? named : Object.keys(refs)).map((f) => `${f} ${refs[f]}`);
  return shown.length ? `: check ${shown.join(', ')}` : '';
}

/** A record or object that is not there, with Salesforce's reason. */
export class SalesforceNotFoundError extends NotFoundError {
  constructor(what: string, id: string, said: string) {
    super(what, id);
    if (said) this.message += ` (${said})`;
  }
}
