import { AuthRequiredError, NotFoundError, type ToolError } from '../../core/errors.js';
import { AtlassianScopeError, errorDetail, isScopeMismatch } from '../../providers/atlassian/index.js';
import { parseRetryAfter, UpstreamError } from '../../upstream/client.js';

/** What a request is about: named when Jira answers 404, and how Jira's field names map to arguments. */
export interface Subject {
  /** e.g. `Issue`, `Project`. */
  what: string;
  /** e.g. `PROJ-12`; the site name is added to it. */
  id: string;
  /** Jira field name to tool argument, for field errors (400). */
  fields?: Readonly<Record<string, string>>;
  /** The argument Jira's request-wide messages are about (e.g. `jql` for a search). */
  messagesArgument?: string;
}

/** Jira's issue fields by the tool arguments that set them. */
export const ISSUE_FIELD_ARGUMENTS: Readonly<Record<string, string>> = {
  summary: 'summary',
  description: 'description',
  assignee: 'assignee_account_id',
  priority: 'priority',
  labels: 'labels',
  parent: 'parent_key',
  issuetype: 'issue_type',
  project: 'project_key',
  comment: 'comment',
};

/** Jira's project fields (create and update) by the tool arguments that set them. */
export const PROJECT_FIELD_ARGUMENTS: Readonly<Record<string, string>> = {
  projectKey: 'key',
  key: 'key',
  projectName: 'name',
  name: 'name',
  description: 'description',
  projectLead: 'lead_account_id',
  leadAccountId: 'lead_account_id',
  projectTypeKey: 'project_type_key',
  projectTemplateKey: 'template_key',
};

/** Jira's messages as one line, field errors as "argument X: ..." so a caller knows what to change. */
function describe(body: unknown, subject: Subject): string {
  const { messages, fields } = errorDetail(body);
  const parts = Object.entries(fields).map(([field, message]) => {
    const argument = subject.fields?.[field];
    return argument ? `argument ${argument}: ${message}` : `field ${field}: ${message}`;
  });
  const argument = subject.messagesArgument;
  parts.push(...messages.map((m) => (argument ? `argument ${argument}: ${m}` : m)));
  return parts.join('; ');
}

/**
 * Maps a Jira error answer to a tool error. 429 and 5xx reach here only once the upstream client's
 * retries are spent: a 429 then says when Jira's limit resets (X-RateLimit-Reset).
 */
export function jiraError(
  status: number,
  body: unknown,
  headers: Headers,
  subject: Subject,
  scopes: readonly string[],
  siteName: string,
): ToolError | undefined {
  if (isScopeMismatch(status, body)) return new AtlassianScopeError('jira', scopes);
  if (status === 401)
    return new AuthRequiredError('jira', 'Jira rejected the stored token (expired or revoked)');
  const detail = describe(body, subject);
  const said = detail ? `: ${detail}` : '';
  if (status === 403) return new UpstreamError(`Permission denied by Jira for ${subject.id}${said}`, 403);
  if (status === 404) return new NotFoundError(subject.what, `${subject.id} (site ${siteName})`);
  if (status === 429) {
    const wait = parseRetryAfter(headers.get('retry-after'));
    const reset = headers.get('x-ratelimit-reset');
    const when = wait !== undefined ? ` in ${Math.max(1, Math.ceil(wait / 1000))} s` : ' later';
    return new UpstreamError(
      `Rate limited by Jira; try again${when}${reset ? ` (the limit resets at ${reset})` : ''}`,
      429,
    );
  }
  if (status >= 400 && status < 500) {
    return new UpstreamError(`Jira rejected the request for ${subject.id} (HTTP ${status})${said}`, status);
  }
  return undefined;
}
