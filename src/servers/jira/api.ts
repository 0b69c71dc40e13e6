import type { Credentials, ToolContext } from '../../core/context.js';
import { AuthRequiredError, ToolError } from '../../core/errors.js';
import {
  ATLASSIAN_API,
  type AtlassianProduct,
  type AtlassianSite,
  fetchSites,
  resolveSite,
  type SiteChoice,
  storedSites,
} from '../../providers/atlassian/index.js';
import {
  serviceUrl,
  UpstreamClient,
  type UpstreamOptions,
  type UpstreamRequest,
} from '../../upstream/client.js';
import { ISSUE_FIELD_ARGUMENTS, jiraError, PROJECT_FIELD_ARGUMENTS, type Subject } from './errors.js';
import type {
  JiraComment,
  JiraCreated,
  JiraField,
  JiraIssue,
  JiraIssueTypeStatuses,
  JiraPermission,
  JiraProject,
  JiraProjectPage,
  JiraSearchPage,
  JiraTransition,
  JiraUser,
} from './types.js';

/** Jira among the Atlassian products: a site serves it when its granted scopes name Jira. */
export const JIRA: AtlassianProduct = { serverId: 'jira', label: 'Jira', scopeMarker: 'jira' };

/** The most items a list tool returns. */
export const MAX_RESULTS = 1000;
/** Items asked per page: Jira's project search allows 100, and search/jql may return fewer anyway. */
const PAGE_SIZE = 100;
/** A hard stop on pages per call, should a service keep answering empty pages with a token. */
const MAX_PAGES = 50;

/**
 * Timing knobs of the upstream client. Production uses the client's defaults; tests pass tiny values
 * through `createJiraServer(tuning)` so retried 429s and exhausted 5xx cost milliseconds.
 */
export type ClientTuning = Pick<UpstreamOptions, 'timeoutMs' | 'retries' | 'backoffMs' | 'maxRetryAfterMs'>;

const enc = encodeURIComponent;

/** The body of POST/PUT /issue: `fields` as Jira names them. */
export type IssueFields = Record<string, unknown>;

export interface ProjectBody {
  key?: string;
  name?: string;
  description?: string;
  projectTypeKey?: string;
  projectTemplateKey?: string;
  leadAccountId?: string;
}

const issueSubject = (key: string): Subject => ({ what: 'Issue', id: key, fields: ISSUE_FIELD_ARGUMENTS });
const projectSubject = (key: string): Subject => ({
  what: 'Project',
  id: key,
  fields: PROJECT_FIELD_ARGUMENTS,
});

/**
 * The Jira Cloud REST API v3 calls, on one site, through Atlassian's gateway
 * (`https://api.atlassian.com/ex/jira/{cloudid}/rest/api/3/...`). Every request reads the user's
 * token anew, so a token refreshed mid-session is used from the next request on; errors name the
 * subject of the call and, for a missing scope, the scopes of the tool that made it.
 */
export class JiraApi {
  readonly site: AtlassianSite;
  readonly #ctx: ToolContext;
  readonly #scopes: readonly string[];
  readonly #tuning: ClientTuning;

  constructor(ctx: ToolContext, site: AtlassianSite, scopes: readonly string[], tuning: ClientTuning = {}) {
    this.#ctx = ctx;
    this.site = site;
    this.#scopes = scopes;
    this.#tuning = tuning;
  }

  /** The address of an issue (or project) in Jira's web UI. */
  browseUrl(key: string): string {
    return `${this.site.url.replace(/\/+$/, '')}/browse/${enc(key)}`;
  }

  #call<T>(subject: Subject, path: string, req: UpstreamRequest = {}): Promise<T> {
    const client = new UpstreamClient({
      service: 'Jira',
      serverId: 'jira',
      baseUrl: `${serviceUrl('jira', ATLASSIAN_API).replace(/\/+$/, '')}/ex/jira/${enc(this.site.id)}/rest/api/3`,
      log: this.#ctx.log,
      auth: async () => ({ authorization: `Bearer ${await accessToken(this.#ctx)}` }),
      mapError: (status, body, headers) =>
        jiraError(status, body, headers, subject, this.#scopes, this.site.name),
      ...this.#tuning,
    });
    return client.request<T>(path, req, this.#ctx.signal);
  }

  // Users and permissions

  myself(): Promise<JiraUser> {
    return this.#call({ what: 'User', id: 'the authenticated user' }, 'myself');
  }

  async myPermissions(projectKey: string, permissions: readonly string[]): Promise<JiraPermission[]> {
    const answer = await this.#call<{ permissions?: Record<string, JiraPermission> }>(
      { what: 'Project', id: projectKey, messagesArgument: 'permissions' },
      'mypermissions',
      { query: { projectKey, permissions: permissions.join(',') } },
    );
    return Object.entries(answer.permissions ?? {}).map(([key, p]) => ({ key, ...p }));
  }

  // Projects

  createProject(body: ProjectBody): Promise<JiraCreated> {
    return this.#call(projectSubject(body.key ?? ''), 'project', { method: 'POST', body });
  }

  getProject(key: string): Promise<JiraProject> {
    return this.#call(projectSubject(key), `project/${enc(key)}`);
  }

  updateProject(key: string, body: ProjectBody): Promise<JiraProject> {
    return this.#call(projectSubject(key), `project/${enc(key)}`, { method: 'PUT', body });
  }

  /** Moves the project to Jira's trash (`enableUndo`), from where an admin can restore it for 60 days. */
  async deleteProject(key: string): Promise<void> {
    await this.#call(projectSubject(key), `project/${enc(key)}`, {
      method: 'DELETE',
      query: { enableUndo: true },
    });
  }

  /** Projects the user can see, following startAt pages until `limit` or the last page. */
  async listProjects(limit: number): Promise<{ projects: JiraProject[]; more: boolean }> {
    const projects: JiraProject[] = [];
    for (let page = 0; page < MAX_PAGES; page++) {
      const maxResults = Math.min(PAGE_SIZE, limit - projects.length);
      const answer = await this.#call<JiraProjectPage>({ what: 'Projects', id: 'search' }, 'project/search', {
        query: { startAt: projects.length, maxResults, orderBy: 'key' },
      });
      const values = answer.values ?? [];
      projects.push(...values.slice(0, limit - projects.length));
      const last = answer.isLast ?? values.length < maxResults;
      if (last || !values.length) return { projects, more: false };
      if (projects.length >= limit) return { projects, more: true };
    }
    return { projects, more: true };
  }

  projectStatuses(key: string): Promise<JiraIssueTypeStatuses[]> {
    return this.#call(projectSubject(key), `project/${enc(key)}/statuses`);
  }

  // Issues

  /** The id of the site's story points field: "Story point estimate" (Jira's default) or "Story Points". */
  async storyPointsField(): Promise<string> {
    const fields = await this.#call<JiraField[]>({ what: 'Fields', id: 'story points' }, 'field');
    for (const name of ['story point estimate', 'story points']) {
      const found = fields.find((f) => f.name?.toLowerCase() === name);
      if (found) return found.id;
    }
    throw new ToolError(
      `Invalid arguments: story_points: the Jira site ${this.site.name} has no story points field`,
    );
  }

  createIssue(fields: IssueFields): Promise<JiraCreated> {
    const project = (fields.project as { key?: string } | undefined)?.key ?? '';
    return this.#call({ ...issueSubject(project), what: 'Project' }, 'issue', {
      method: 'POST',
      body: { fields },
    });
  }

  getIssue(key: string, fields: readonly string[], expand: readonly string[]): Promise<JiraIssue> {
    return this.#call(issueSubject(key), `issue/${enc(key)}`, {
      query: { fields: fields.join(','), ...(expand.length ? { expand: expand.join(',') } : {}) },
    });
  }

  async updateIssue(key: string, fields: IssueFields): Promise<void> {
    await this.#call(issueSubject(key), `issue/${enc(key)}`, { method: 'PUT', body: { fields } });
  }

  async deleteIssue(key: string): Promise<void> {
    await this.#call(issueSubject(key), `issue/${enc(key)}`, { method: 'DELETE' });
  }

  async transitions(key: string): Promise<JiraTransition[]> {
    const answer = await this.#call<{ transitions?: JiraTransition[] }>(
      issueSubject(key),
      `issue/${enc(key)}/transitions`,
    );
    return answer.transitions ?? [];
  }

  /** Moves an issue through a transition, with a comment when given (ADF). */
  async transition(key: string, transitionId: string, comment?: unknown): Promise<void> {
    const body = {
      transition: { id: transitionId },
      ...(comment ? { update: { comment: [{ add: { body: comment } }] } } : {}),
    };
    await this.#call(issueSubject(key), `issue/${enc(key)}/transitions`, { method: 'POST', body });
  }

  addComment(key: string, body: unknown): Promise<JiraComment> {
    return this.#call({ ...issueSubject(key), fields: { body: 'body' } }, `issue/${enc(key)}/comment`, {
      method: 'POST',
      body: { body },
    });
  }

  /**
   * Issues matching a JQL query (POST /search/jql, which replaced /search), following nextPageToken
   * until `limit`. The enhanced search returns ids only unless fields are named, so they are.
   */
  async search(
    jql: string,
    fields: readonly string[],
    limit: number,
  ): Promise<{ issues: JiraIssue[]; more: boolean }> {
    const issues: JiraIssue[] = [];
    let nextPageToken: string | undefined;
    for (let page = 0; page < MAX_PAGES && issues.length < limit; page++) {
      const answer = await this.#call<JiraSearchPage>(
        { what: 'Search', id: 'the JQL query', messagesArgument: 'jql' },
        'search/jql',
        {
          method: 'POST',
          // A search changes nothing, so it is retried like a GET.
          idempotent: true,
          body: {
            jql,
            fields,
            maxResults: Math.min(PAGE_SIZE, limit - issues.length),
            ...(nextPageToken ? { nextPageToken } : {}),
          },
        },
      );
      issues.push(...(answer.issues ?? []).slice(0, limit - issues.length));
      nextPageToken = answer.nextPageToken ?? undefined;
      if (!nextPageToken || answer.isLast) return { issues, more: false };
    }
    return { issues, more: nextPageToken !== undefined };
  }
}

/** The access token of stored credentials, or a re-authenticate error when there is none. */
function tokenOf(credentials: Readonly<Credentials>): string {
  const token = credentials.access_token;
  if (typeof token !== 'string' || !token) {
    throw new AuthRequiredError('jira', 'the stored credentials hold no access token');
  }
  return token;
}

const accessToken = async (ctx: ToolContext): Promise<string> => tokenOf(await ctx.credentials());

/** The sites the user's Jira grant reaches: stored at sign-in, else asked of accessible-resources. */
export async function jiraSites(ctx: ToolContext, tuning: ClientTuning = {}): Promise<AtlassianSite[]> {
  const credentials = await ctx.credentials();
  const stored = storedSites(credentials, JIRA);
  if (stored.length) return stored;
  return fetchSites(JIRA, tokenOf(credentials), { log: ctx.log, signal: ctx.signal, tuning });
}

/** Makes the Jira client a tool uses: on the site its arguments choose, naming its scopes on a 401/403. */
export type ApiFactory = (
  ctx: ToolContext,
  scopes: readonly string[],
  choice: SiteChoice,
) => Promise<JiraApi>;

export function apiFactory(tuning: ClientTuning = {}): ApiFactory {
  return async (ctx, scopes, choice) => {
    const credentials = await ctx.credentials();
    const token = tokenOf(credentials);
    const site = await resolveSite(JIRA, credentials, choice, () =>
      fetchSites(JIRA, token, { log: ctx.log, signal: ctx.signal, tuning }),
    );
    return new JiraApi(ctx, site, scopes, tuning);
  };
}
