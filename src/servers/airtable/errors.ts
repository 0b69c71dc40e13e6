import { AuthRequiredError, MissingScopeError, NotFoundError, type ToolError } from '../../core/errors.js';
import { UpstreamError } from '../../upstream/client.js';

/** What a request is about, named when Airtable answers 403 or 404 (e.g. `Table`, `tblX in base appY`). */
export interface Subject {
  what: string;
  id: string;
}

/**
 * Airtable's error bodies: `{ error: { type, message } }` for most errors, `{ error: "NOT_FOUND" }`
 * for an unknown route or deleted resource, and `{ errors: [{ error, message }] }` on some 429s.
 */
interface AirtableErrorBody {
  error?: string | { type?: string; message?: string };
  errors?: { error?: string; message?: string }[];
}

function describe(body: unknown): { type?: string; message?: string } {
  const b = body && typeof body === 'object' ? (body as AirtableErrorBody) : {};
  if (typeof b.error === 'string') return { type: b.error };
  if (b.error && typeof b.error === 'object') return { type: b.error.type, message: b.error.message };
  const first = b.errors?.[0];
  return first ? { type: first.error, message: first.message } : {};
}

/**
 * A 403 Airtable gives both for a missing scope and for a model the user cannot reach or that does
 * not exist (INVALID_PERMISSIONS_OR_MODEL_NOT_FOUND): the message names the scope the tool needs and
 * the id it named, so the user can check both.
 */
export class AirtableAccessError extends MissingScopeError {
  constructor(scope: string, subject: Subject) {
    super(scope);
    this.message +=
      ` Airtable could not reach ${subject.what} ${subject.id}: the token may lack the scope, your account ` +
      'may not have access to it, or the id may be wrong.';
  }
}

/** Airtable locks a base for 30 seconds after it exceeds 5 requests per second. */
export const RATE_LIMIT_PENALTY_SECONDS = 30;

/**
 * Maps an Airtable error answer to a tool error; `scope` is the scope of the tool that made the call.
 * 5xx are left to the upstream client, which retries idempotent calls and then says to try later.
 */
export function airtableError(
  status: number,
  body: unknown,
  subject: Subject,
  scope: string,
): ToolError | undefined {
  const { type, message } = describe(body);
  if (status === 401) {
    return new AuthRequiredError('airtable', 'Airtable rejected the stored token (expired or revoked)');
  }
  if (status === 403 && type === 'INVALID_PERMISSIONS') {
    return new UpstreamError(
      `Airtable refused the request for ${subject.what} ${subject.id}${message ? `: ${message}` : ''}`,
      403,
    );
  }
  if (status === 403) return new AirtableAccessError(scope, subject);
  if (status === 404) return new NotFoundError(subject.what, subject.id);
  if (status === 429) {
    return new UpstreamError(
      `Rate limited by Airtable (5 requests per second per base); it asks clients to wait ` +
        `${RATE_LIMIT_PENALTY_SECONDS} s, so try again in ${RATE_LIMIT_PENALTY_SECONDS} s`,
      429,
    );
  }
  if (status >= 400 && status < 500) {
    const said = [type, message].filter(Boolean).join(': ');
    return new UpstreamError(
      `Airtable could not process the request for ${subject.what} ${subject.id} (HTTP ${status})${said ? `: ${said}` : ''}`,
      status,
    );
  }
  return undefined;
}
