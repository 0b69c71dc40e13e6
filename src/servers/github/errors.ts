import { AuthRequiredError, MissingScopeError, NotFoundError, ToolError } from '../../core/errors.js';

/** What a request is about, named when GitHub answers 404 (e.g. `Issue`, `octo/hello#42`). */
export interface Subject {
  what: string;
  id: string;
}

/** GitHub's error body: `{ message, documentation_url, errors?: [...] }` (errors on 422). */
interface GitHubErrorBody {
  message?: string;
  errors?: ({ resource?: string; field?: string; code?: string; message?: string } | string)[];
}

/**
 * A 403 that is neither a rate limit nor SSO: GitHub does not say which scope is missing in the body
 * (only in the X-Accepted-OAuth-Scopes header, which the upstream client does not pass on), so the
 * tool's declared scope is named, with GitHub's own message for the cases where it is a permission
 * (e.g. "Must have admin rights") rather than a scope.
 */
export class GitHubScopeError extends MissingScopeError {
  constructor(scope: string, githubMessage: string | undefined) {
    super(scope);
    if (githubMessage) this.message += ` GitHub said: ${githubMessage}`;
  }
}

function describe(body: unknown): { message?: string; details: string } {
  const b = body && typeof body === 'object' ? (body as GitHubErrorBody) : {};
  const details = (b.errors ?? [])
    .map((e) =>
      typeof e === 'string'
        ? e
        : (e.message ?? [[e.resource, e.field].filter(Boolean).join('.'), e.code].filter(Boolean).join(': ')),
    )
    .filter(Boolean)
    .join('; ');
  return { message: typeof b.message === 'string' ? b.message : undefined, details };
}

/**
 * Maps a GitHub error answer to a tool error. `scope` is the scope the calling tool declares.
 * 429 and 5xx are left to the upstream client, which retries them and then says when to try again.
 */
export function githubError(
  status: number,
  body: unknown,
  subject: Subject,
  scope: string,
): ToolError | undefined {
  const { message, details } = describe(body);
  const said = [message, details && `(${details})`].filter(Boolean).join(' ');
  if (status === 401) {
    return new AuthRequiredError('github', 'GitHub rejected the stored token (expired or revoked)');
  }
  if (status === 403 && message && /rate limit/i.test(message)) {
    return new ToolError(
      `GitHub rate limit exceeded: ${message} Wait for the limit to reset, then try again.`,
    );
  }
  if (status === 403 && message && /SAML|single sign-on|\bSSO\b/i.test(message)) {
    return new ToolError(
      `GitHub denied access to ${subject.id}: the organization enforces SAML single sign-on and the token ` +
        'is not authorized for it. Authorize the OAuth app for that organization on github.com, then retry.',
    );
  }
  if (status === 403) return new GitHubScopeError(scope, message);
  if (status === 404) return new NotFoundError(subject.what, subject.id);
  if (status === 422) return new ToolError(`GitHub could not process the request for ${subject.id}: ${said}`);
  if (status >= 400 && status < 500 && status !== 429 && said) {
    return new ToolError(`GitHub rejected the request for ${subject.id} (HTTP ${status}): ${said}`);
  }
  return undefined;
}
