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
 * A 403 for a missing scope: the scope named is the one GitHub says it accepts
 * (X-Accepted-OAuth-Scopes) and the token lacks (X-OAuth-Scopes), else the tool's declared scope,
 * with GitHub's own message.
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
  headers: Headers = new Headers(),
): ToolError | undefined {
  const { message, details } = describe(body);
  const said = [message, details && `(${details})`].filter(Boolean).join(' ');
  if (status === 401) {
    return new AuthRequiredError('github', 'GitHub rejected the stored token (expired or revoked)');
  }
  const rateLimited =
    headers.get('x-ratelimit-remaining') === '0' || (message && /rate limit/i.test(message));
  if (status === 403 && rateLimited) {
    const reset = Number(headers.get('x-ratelimit-reset'));
    const when = reset > 0 ? ` at ${new Date(reset * 1000).toISOString()}` : '';
    return new ToolError(`GitHub rate limit exceeded. The limit resets${when || ' soon'}; try again then.`);
  }
  if (
    status === 403 &&
    (headers.has('x-github-sso') || (message && /SAML|single sign-on|\bSSO\b/i.test(message)))
  ) {
    return new ToolError(
      `GitHub denied access to ${subject.id}: the organization enforces SAML single sign-on and the token ` +
        'is not authorized for it. Authorize the OAuth app for that organization on github.com, then retry.',
    );
  }
  if (status === 403) {
    const list = (name: string) =>
      (headers.get(name) ?? '')
        .split(',')
        .map((v) => v.trim())
        .filter(Boolean);
    const granted = new Set(list('x-oauth-scopes'));
    const accepted = list('x-accepted-oauth-scopes');
    if (accepted.length > 0 && accepted.some((a) => granted.has(a))) {
      return new ToolError(`Permission denied by GitHub for ${subject.id}${message ? `: ${message}` : ''}`);
    }
    return new GitHubScopeError(accepted[0] ?? scope, message);
  }
  if (status === 404) return new NotFoundError(subject.what, subject.id);
  if (status === 422) return new ToolError(`GitHub could not process the request for ${subject.id}: ${said}`);
  if (status >= 400 && status < 500 && status !== 429 && said) {
    return new ToolError(`GitHub rejected the request for ${subject.id} (HTTP ${status}): ${said}`);
  }
  return undefined;
}
