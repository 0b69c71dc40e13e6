import { AuthRequiredError, MissingScopeError, NotFoundError, ToolError } from '../../core/errors.js';
import { UpstreamError } from '../../upstream/client.js';

/**
 * What a request is about: named when Intercom says something is not found. `ids` names the other
 * things the request refers to, by the kind Intercom's error code gives (`company_not_found` → Company).
 */
export interface Subject {
  what: string;
  id: string;
  ids?: Readonly<Record<string, string>>;
}

/** Intercom's error body: `{ type: "error.list", request_id, errors: [{ code, message, field? }] }`. */
interface IntercomErrorBody {
  type?: string;
  request_id?: string | null;
  errors?: { code?: string; message?: string | null; field?: string | null }[];
}

/** Tool argument names by the request field Intercom names in an error. */
export type FieldNames = Readonly<Record<string, string>>;

/** Codes for a token Intercom no longer takes (revoked, app uninstalled, unknown, expired). */
const AUTH_CODES = new Set([
  'unauthorized',
  'token_revoked',
  'token_blocked',
  'token_not_found',
  'token_expired',
  'missing_authorization',
]);

/** Codes for a request argument Intercom refused. */
const ARGUMENT_CODES = new Set([
  'parameter_invalid',
  'parameter_not_found',
  'parameter_missing',
  'missing_parameter',
  'parameter_mismatch',
  'type_mismatch',
  'data_invalid',
  'bad_request',
  'unprocessable_entity',
  'ticket_state_id_invalid',
]);

/** `<kind>_not_found` codes, by the thing they name. */
const NOT_FOUND_KINDS: Readonly<Record<string, string>> = {
  company_not_found: 'Company',
  admin_not_found: 'Admin',
  assignee_not_found: 'Admin',
  tag_not_found: 'Tag',
  team_not_found: 'Team',
  user_not_found: 'Contact',
  contact_not_found: 'Contact',
  ticket_not_found: 'Ticket',
};

const firstError = (body: unknown) => {
  const errors = body && typeof body === 'object' ? (body as IntercomErrorBody).errors : undefined;
  const first = Array.isArray(errors) ? errors[0] : undefined;
  return {
    code: typeof first?.code === 'string' ? first.code : undefined,
    message: typeof first?.message === 'string' ? first.message.slice(0, 300) : undefined,
    field: typeof first?.field === 'string' ? first.field : undefined,
  };
};

/** Intercom's 429: the app's limit (X-RateLimit-Limit per window) and when it resets (X-RateLimit-Reset). */
export function rateLimitMessage(headers: Headers, message?: string): string {
  const limit = headers.get('x-ratelimit-limit');
  const reset = Number(headers.get('x-ratelimit-reset'));
  const which = limit
    ? ` (${limit} requests a window${message ? `: ${message}` : ''})`
    : message
      ? ` (${message})`
      : '';
  const when =
    reset > 0
      ? `the limit resets at ${new Date(reset * 1000).toISOString()}: try again then`
      : 'try again shortly';
  return `Rate limited by Intercom${which}; ${when}`;
}

/**
 * Maps an Intercom error answer to a tool error. `scope` is the permission the calling tool needs,
 * named when Intercom says the token may not reach the resource; `fields` turns Intercom's field names
 * into the tool's argument names. 5xx answers are left to the upstream client.
 */
export function intercomError(
  status: number,
  body: unknown,
  subject: Subject,
  scope: string,
  headers: Headers,
  fields: FieldNames = {},
): ToolError | undefined {
  const { code, message, field } = firstError(body);
  const said = [message, code && `(${code})`].filter(Boolean).join(' ');
  if (status === 401 || (code && AUTH_CODES.has(code))) {
    return new AuthRequiredError(
      'intercom',
      'Intercom rejected the stored token (revoked, or the app was uninstalled)',
    );
  }
  if (code === 'token_unauthorized') return new MissingScopeError(scope);
  if (status === 429) return new UpstreamError(rateLimitMessage(headers, message), 429);
  if (code === 'api_plan_restricted') {
    return new ToolError(
      `Intercom refused: ${message ?? 'not available'} (api_plan_restricted: this API or feature is not on the workspace's plan)`,
    );
  }
  const kind = code ? NOT_FOUND_KINDS[code] : undefined;
  if (kind) return new NotFoundError(kind, subject.ids?.[kind] ?? subject.id);
  if (status === 404 || code === 'not_found') return new NotFoundError(subject.what, subject.id);
  if (code && ARGUMENT_CODES.has(code)) {
    const argument = field ? (fields[field] ?? field) : undefined;
    return new UpstreamError(
      `Intercom rejected ${argument ? `the argument ${argument}` : `the request for ${subject.what.toLowerCase()} ${subject.id}`}: ${said}`,
      status,
    );
  }
  if (status >= 400 && status < 500) {
    return new UpstreamError(
      `Intercom rejected the request for ${subject.what.toLowerCase()} ${subject.id} (HTTP ${status})${said ? `: ${said}` : ''}`,
      status,
    );
  }
  return undefined;
}
