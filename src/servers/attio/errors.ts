import { AuthRequiredError, MissingScopeError, NotFoundError, type ToolError } from '../../core/errors.js';
import { UpstreamError } from '../../upstream/client.js';

/** What a request is about, named when Attio answers 404 (e.g. `Company`, a record id). */
export interface Subject {
  what: string;
  id: string;
}

/** Attio's error body: `{ status_code, type, code, message }`. */
interface AttioErrorBody {
  status_code?: number;
  type?: string;
  code?: string;
  message?: string;
}

function describe(body: unknown): AttioErrorBody {
  return body && typeof body === 'object' ? (body as AttioErrorBody) : {};
}

/** A 403 from Attio: the app was not given a scope the call needs (scopes are set on the app). */
export class AttioScopeError extends MissingScopeError {
  constructor(scope: string, attioMessage: string | undefined) {
    super(scope);
    this.message +=
      ' Attio sets scopes on the app: tick it in the app’s Scopes tab at build.attio.com, then sign in again.';
    if (attioMessage) this.message += ` Attio said: ${attioMessage}`;
  }
}

/**
 * Maps an Attio error answer to a tool error; `scope` is the scope of the tool that made the call.
 * 429 (Retry-After is a date) and 5xx are left to the upstream client, which retries them.
 */
export function attioError(
  status: number,
  body: unknown,
  subject: Subject,
  scope: string,
): ToolError | undefined {
  const { code, message } = describe(body);
  if (status === 401) {
    return new AuthRequiredError(
      'attio',
      'Attio rejected the stored token (revoked, or the app was uninstalled)',
    );
  }
  if (status === 403) return new AttioScopeError(scope, message);
  if (status === 404) return new NotFoundError(subject.what, subject.id);
  if (status >= 400 && status < 500 && status !== 429) {
    const said = [code, message].filter(Boolean).join(': ');
    return new UpstreamError(
      `Attio rejected the request for ${subject.what} ${subject.id} (HTTP ${status})${said ? `: ${said}` : ''}`,
      status,
    );
  }
  return undefined;
}
