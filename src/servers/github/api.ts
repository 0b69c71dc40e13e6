import type { ToolContext } from '../../core/context.js';
import { AuthRequiredError, NotFoundError } from '../../core/errors.js';
import {
  type Query,
  serviceUrl,
  UpstreamClient,
  type UpstreamOptions,
  type UpstreamRequest,
} from '../../upstream/client.js';
import { githubError, type Subject } from './errors.js';
import type {
  GhAccount,
  GhBranch,
  GhComment,
  GhCommit,
  GhContent,
  GhContributor,
  GhFileCommit,
  GhIssue,
  GhMilestone,
  GhOrg,
  GhPull,
  GhRef,
  GhRepo,
  GhSearchResult,
  GhTree,
  GhUser,
} from './types.js';

const GITHUB_API = 'https://api.github.com';
/** The most items a list tool returns; also bounds how many pages one call may fetch. */
export const MAX_LIMIT = 1000;
/** GitHub's largest page. */
export const PAGE_SIZE = 100;
const MAX_PAGES = MAX_LIMIT / PAGE_SIZE;

/**
 * Timing knobs of the upstream client (timeouts, retries, backoff). Production uses the client's
 * defaults; tests pass tiny values through `createGitHubServer(tuning)` so a retried 429 or an
 * exhausted 5xx costs milliseconds, without any global or environment switch.
 */
export type ClientTuning = Pick<UpstreamOptions, 'timeoutMs' | 'retries' | 'backoffMs' | 'maxRetryAfterMs'>;

const enc = encodeURIComponent;
/** Encodes each segment of a slash-separated path (file paths, branch names), keeping the slashes. */
const encPath = (path: string) => path.split('/').filter(Boolean).map(enc).join('/');
const repoPath = (owner: string, repo: string) => `repos/${enc(owner)}/${enc(repo)}`;

export interface CreateRepoBody {
  name: string;
  description?: string;
  private?: boolean;
  auto_init?: boolean;
  gitignore_template?: string;
  license_template?: string;
  homepage?: string;
  has_issues?: boolean;
  has_projects?: boolean;
  has_wiki?: boolean;
  has_downloads?: boolean;
}

export interface PutFileBody {
  message: string;
  /** Base64 of the file's bytes. */
  content: string;
  branch: string;
  sha?: string;
  committer?: { name: string; email: string };
}

export interface CreateIssueBody {
  title: string;
  body: string;
  labels?: string[];
  assignees?: string[];
  milestone?: number;
}

export type CreatePullBody = {
  base: string;
  head: string;
  draft?: boolean;
  maintainer_can_modify?: boolean;
} & ({ title: string; body: string } | { issue: number });

/**
 * The GitHub REST calls, one method per endpoint (plus a few that chain two calls). Every request
 * goes through UpstreamClient with the user's token; errors name the subject of the call and, for a
 * 403, the scope of the tool that made it.
 */
export class GitHubApi {
  readonly #ctx: ToolContext;
  readonly #scope: string;
  readonly #tuning: ClientTuning;

  constructor(ctx: ToolContext, scope: string, tuning: ClientTuning = {}) {
    this.#ctx = ctx;
    this.#scope = scope;
    this.#tuning = tuning;
  }

  async #headers(): Promise<Record<string, string>> {
    const token = (await this.#ctx.credentials()).access_token;
    if (typeof token !== 'string' || !token) {
      throw new AuthRequiredError('github', 'the stored credentials hold no access token');
    }
    // Lower-case keys replace the upstream client's default `accept` instead of doubling it.
    return {
      authorization: `Bearer ${token}`,
      accept: 'application/vnd.github+json',
      'x-github-api-version': '2022-11-28',
    };
  }

  /** One request. The client is per request because its error mapping names this request's subject. */
  #call<T>(subject: Subject, path: string, req: UpstreamRequest = {}): Promise<T> {
    const client = new UpstreamClient({
      service: 'GitHub',
      serverId: 'github',
      baseUrl: serviceUrl('github', GITHUB_API),
      log: this.#ctx.log,
      auth: () => this.#headers(),
      mapError: (status, body, headers) => githubError(status, body, subject, this.#scope, headers),
      ...this.#tuning,
    });
    return client.request<T>(path, req, this.#ctx.signal);
  }

  /**
   * Follows page/per_page until `limit` items are kept or a short page says there are no more. With a
   * `keep` filter (applied here because GitHub has no such parameter) pages are full-size, and the
   * scan stops after MAX_LIMIT items whatever it kept.
   */
  async #pages<B, T>(
    subject: Subject,
    path: string,
    query: Query,
    limit: number,
    items: (body: B) => T[],
    keep?: (item: T) => boolean,
  ): Promise<T[]> {
    const perPage = keep ? PAGE_SIZE : Math.min(limit, PAGE_SIZE);
    const kept: T[] = [];
    for (let page = 1; page <= MAX_PAGES; page++) {
      const batch = items(
        await this.#call<B>(subject, path, { query: { ...query, per_page: perPage, page } }),
      );
      for (const item of batch) {
        if (keep && !keep(item)) continue;
        kept.push(item);
        if (kept.length >= limit) return kept;
      }
      if (batch.length < perPage) break;
    }
    return kept;
  }

  #list<T>(subject: Subject, path: string, query: Query, limit: number, keep?: (item: T) => boolean) {
    return this.#pages<T[], T>(subject, path, query, limit, (body) => body ?? [], keep);
  }

  // Repositories

  createRepository(body: CreateRepoBody): Promise<GhRepo> {
    return this.#call({ what: 'Repository', id: body.name }, 'user/repos', { method: 'POST', body });
  }

  async replaceTopics(owner: string, repo: string, names: string[]): Promise<string[]> {
    const path = `${repoPath(owner, repo)}/topics`;
    const res = await this.#call<{ names: string[] }>(repoSubject(owner, repo), path, {
      method: 'PUT',
      body: { names },
    });
    return res.names;
  }

  async searchRepositories(
    q: string,
    sort: string | undefined,
    order: string | undefined,
    limit: number,
  ): Promise<GhSearchResult<GhRepo>> {
    let head: Omit<GhSearchResult<GhRepo>, 'items'> = { total_count: 0, incomplete_results: false };
    const items = await this.#pages<GhSearchResult<GhRepo>, GhRepo>(
      { what: 'Search', id: q },
      'search/repositories',
      { q, sort, order },
      limit,
      ({ items, ...rest }) => {
        head = rest;
        return items;
      },
    );
    return { ...head, items };
  }

  listUserRepos(username: string, filters: Query, limit: number): Promise<GhRepo[]> {
    return this.#list({ what: 'User', id: username }, `users/${enc(username)}/repos`, filters, limit);
  }

  listOrgRepos(org: string, limit: number): Promise<GhRepo[]> {
    return this.#list({ what: 'Organization', id: org }, `orgs/${enc(org)}/repos`, {}, limit);
  }

  /** The repositories the user can reach (own, collaborator, organization member), one page. */
  listMyReposPage(page: number): Promise<GhRepo[]> {
    const query = { sort: 'full_name', per_page: PAGE_SIZE, page };
    return this.#call(ME, 'user/repos', { query });
  }

  getRepo(owner: string, repo: string): Promise<GhRepo> {
    return this.#call(repoSubject(owner, repo), repoPath(owner, repo));
  }

  listLanguages(owner: string, repo: string): Promise<Record<string, number>> {
    return this.#call(repoSubject(owner, repo), `${repoPath(owner, repo)}/languages`);
  }

  forkRepository(owner: string, repo: string): Promise<GhRepo> {
    return this.#call(repoSubject(owner, repo), `${repoPath(owner, repo)}/forks`, {
      method: 'POST',
      body: {},
    });
  }

  async starRepository(owner: string, repo: string): Promise<void> {
    await this.#call(repoSubject(owner, repo), `user/starred/${enc(owner)}/${enc(repo)}`, { method: 'PUT' });
  }

  listStargazers(owner: string, repo: string, limit: number): Promise<GhUser[]> {
    return this.#list(repoSubject(owner, repo), `${repoPath(owner, repo)}/stargazers`, {}, limit);
  }

  listStarred(limit: number): Promise<GhRepo[]> {
    return this.#list(ME, 'user/starred', {}, limit);
  }

  async getReadme(owner: string, repo: string): Promise<GhContent | null> {
    return orNull(this.#call<GhContent>(repoSubject(owner, repo), `${repoPath(owner, repo)}/readme`));
  }

  listContributors(owner: string, repo: string, limit: number): Promise<GhContributor[]> {
    return this.#list(repoSubject(owner, repo), `${repoPath(owner, repo)}/contributors`, {}, limit);
  }

  // Accounts (resources)

  getMe(): Promise<GhAccount> {
    return this.#call(ME, 'user');
  }

  listMyOrgsPage(page: number): Promise<GhOrg[]> {
    const query = { per_page: PAGE_SIZE, page };
    return this.#call(ME, 'user/orgs', { query });
  }

  getAccount(login: string): Promise<GhAccount> {
    return this.#call({ what: 'Account', id: login }, `users/${enc(login)}`);
  }

  getOrg(login: string): Promise<GhOrg> {
    return this.#call({ what: 'Organization', id: login }, `orgs/${enc(login)}`);
  }

  // Contents, commits, branches

  getContents(owner: string, repo: string, path: string, ref?: string): Promise<GhContent | GhContent[]> {
    const where = encPath(path);
    const subject = { what: 'Path', id: `${path || '/'} in ${owner}/${repo}${ref ? `@${ref}` : ''}` };
    return this.#call(subject, `${repoPath(owner, repo)}/contents${where ? `/${where}` : ''}`, {
      query: { ref },
    });
  }

  /** Every entry of a branch's tree (the default branch when none is named), in one request. */
  async getTree(owner: string, repo: string, branch?: string): Promise<GhTree> {
    const ref = branch ?? (await this.getRepo(owner, repo)).default_branch ?? 'HEAD';
    const subject = { what: 'Branch', id: `${ref} in ${owner}/${repo}` };
    return this.#call(subject, `${repoPath(owner, repo)}/git/trees/${enc(ref)}`, { query: { recursive: 1 } });
  }

  putFile(owner: string, repo: string, path: string, body: PutFileBody): Promise<GhFileCommit> {
    const subject = { what: 'Repository or branch', id: `${owner}/${repo}@${body.branch}` };
    return this.#call(subject, `${repoPath(owner, repo)}/contents/${encPath(path)}`, { method: 'PUT', body });
  }

  listCommits(
    owner: string,
    repo: string,
    branch: string,
    filters: Query,
    limit: number,
  ): Promise<GhCommit[]> {
    const subject = { what: 'Repository or branch', id: `${owner}/${repo}@${branch}` };
    return this.#list(subject, `${repoPath(owner, repo)}/commits`, { sha: branch, ...filters }, limit);
  }

  getCommit(owner: string, repo: string, sha: string): Promise<GhCommit> {
    const subject = { what: 'Commit', id: `${sha} in ${owner}/${repo}` };
    return this.#call(subject, `${repoPath(owner, repo)}/commits/${enc(sha)}`);
  }

  listBranches(owner: string, repo: string, limit: number): Promise<GhBranch[]> {
    return this.#list(repoSubject(owner, repo), `${repoPath(owner, repo)}/branches`, {}, limit);
  }

  /** Points a new branch at the commit `from` (a branch) points at. */
  async createBranch(owner: string, repo: string, name: string, from: string): Promise<GhRef> {
    const base = await this.#call<GhRef>(
      { what: 'Branch', id: `${from} in ${owner}/${repo}` },
      `${repoPath(owner, repo)}/git/ref/heads/${encPath(from)}`,
    );
    return this.#call(repoSubject(owner, repo), `${repoPath(owner, repo)}/git/refs`, {
      method: 'POST',
      body: { ref: `refs/heads/${name}`, sha: base.object.sha },
    });
  }

  // Issues

  listIssues(owner: string, repo: string, filters: Query, limit: number): Promise<GhIssue[]> {
    return this.#list(repoSubject(owner, repo), `${repoPath(owner, repo)}/issues`, filters, limit);
  }

  /** A milestone's number from its title, which is what the issues filter takes. */
  async milestoneNumber(owner: string, repo: string, title: string): Promise<number> {
    const [found] = await this.#list<GhMilestone>(
      repoSubject(owner, repo),
      `${repoPath(owner, repo)}/milestones`,
      { state: 'all' },
      1,
      (m) => m.title === title,
    );
    if (!found) throw new NotFoundError('Milestone', `"${title}" in ${owner}/${repo}`);
    return found.number;
  }

  getIssue(owner: string, repo: string, number: number): Promise<GhIssue> {
    return this.#call(issueSubject(owner, repo, number), `${repoPath(owner, repo)}/issues/${number}`);
  }

  createIssue(owner: string, repo: string, body: CreateIssueBody): Promise<GhIssue> {
    return this.#call(repoSubject(owner, repo), `${repoPath(owner, repo)}/issues`, { method: 'POST', body });
  }

  updateIssue(owner: string, repo: string, number: number, body: { title: string; body: string }) {
    const path = `${repoPath(owner, repo)}/issues/${number}`;
    return this.#call<GhIssue>(issueSubject(owner, repo, number), path, { method: 'PATCH', body });
  }

  addComment(owner: string, repo: string, number: number, body: string): Promise<GhComment> {
    const path = `${repoPath(owner, repo)}/issues/${number}/comments`;
    return this.#call(issueSubject(owner, repo, number), path, { method: 'POST', body: { body } });
  }

  // Pull requests

  listPulls(owner: string, repo: string, filters: Query, limit: number, keep?: (p: GhPull) => boolean) {
    return this.#list<GhPull>(
      repoSubject(owner, repo),
      `${repoPath(owner, repo)}/pulls`,
      filters,
      limit,
      keep,
    );
  }

  getPull(owner: string, repo: string, number: number): Promise<GhPull> {
    const subject = { what: 'Pull request', id: `${owner}/${repo}#${number}` };
    return this.#call(subject, `${repoPath(owner, repo)}/pulls/${number}`);
  }

  createPull(owner: string, repo: string, body: CreatePullBody): Promise<GhPull> {
    return this.#call(repoSubject(owner, repo), `${repoPath(owner, repo)}/pulls`, { method: 'POST', body });
  }
}

/** Calls about the token's own account (/user/...). */
const ME: Subject = { what: 'Account', id: 'the authenticated user' };
const repoSubject = (owner: string, repo: string): Subject => ({
  what: 'Repository',
  id: `${owner}/${repo}`,
});
const issueSubject = (owner: string, repo: string, n: number): Subject => ({
  what: 'Issue',
  id: `${owner}/${repo}#${n}`,
});

/** A lookup where 404 means "there is none" rather than an error. */
async function orNull<T>(call: Promise<T>): Promise<T | null> {
  try {
    return await call;
  } catch (error) {
    if (error instanceof NotFoundError) return null;
    throw error;
  }
}

/** Makes the GitHub client a tool uses; `scope` is the scope named if GitHub answers 403. */
export type ApiFactory = (ctx: ToolContext, scope: string) => GitHubApi;

export function apiFactory(tuning: ClientTuning = {}): ApiFactory {
  return (ctx, scope) => new GitHubApi(ctx, scope, tuning);
}
