import { z } from 'zod';
import { reads, writes } from '../../core/annotations.js';
import { type AnyToolDef, type ToolDef, tool } from '../../core/definition.js';
import { ToolError } from '../../core/errors.js';
import { type ApiFactory, type GitHubApi, MAX_LIMIT } from './api.js';
import {
  branchSchema,
  commentSchema,
  commitSchema,
  contentsSchema,
  fileCommitSchema,
  issueSchema,
  pullSchema,
  refSchema,
  repoListSchema,
  repoSchema,
  toBranch,
  toComment,
  toCommit,
  toContents,
  toFileCommit,
  toIssue,
  toPull,
  toRef,
  toRepo,
  toRepoList,
  toTreeContents,
  toUser,
  userSchema,
} from './shapes.js';
import type { GhPull } from './types.js';

// Argument types shared by the tools. Names are checked so no argument can step out of the
// /repos/{owner}/{repo} path it is placed in.
const NAME = /^(?!\.{1,2}$)[\w.-]+$/;
const owner = z
  .string()
  .regex(NAME, 'must be a GitHub login')
  .describe('Owner (user or organization) of the repository');
const repoName = z.string().regex(NAME, 'must be a repository name').describe('Name of the repository');
const fullName = z
  .string()
  .regex(/^[\w.-]+\/[\w.-]+$/, 'must be owner/repository')
  .describe("Full name of the repository, 'owner/repository'");
const filePath = z
  .string()
  .refine((p) => !p.split('/').some((s) => s === '.' || s === '..'), 'must not contain "." or ".." segments');
const number = (what: string) =>
  z
    .union([z.number().int().positive(), z.string().regex(/^\d+$/, 'must be a number')])
    .transform(Number)
    .describe(`${what} number`);
const maxLimit = (what: string) =>
  z
    .number()
    .int()
    .min(1)
    .max(MAX_LIMIT)
    .default(100)
    .describe(`Maximum number of ${what} to return (1-${MAX_LIMIT}, default 100)`);
const timestamp = z
  .string()
  .refine((s) => !Number.isNaN(Date.parse(s)), 'must be an ISO 8601 timestamp')
  .describe('ISO 8601 timestamp, e.g. 2024-01-31T00:00:00Z');
const direction = z.enum(['asc', 'desc']).describe('Direction of sort');

// Scopes per tool, from guMCP's catalog. `repo` covers private repositories, `public_repo` public ones.
const REPO = ['repo', 'public_repo'] as const;

/** A GitHub tool: like `tool`, but its handler gets a GitHub client bound to the tool's first scope. */
interface GitHubToolDef<I extends z.ZodObject, O extends z.ZodObject>
  extends Omit<ToolDef<I, O>, 'handler' | 'scopes' | 'output'> {
  output: O;
  scopes: readonly [string, ...string[]];
  run(args: z.output<I>, gh: GitHubApi): Promise<z.input<O>>;
}

/** The GitHub tools, with clients made by `connect` (the seam tests use to shorten retries). */
export function githubTools(connect: ApiFactory): Record<string, AnyToolDef> {
  const gitHubTool = <I extends z.ZodObject, O extends z.ZodObject>({ run, ...def }: GitHubToolDef<I, O>) =>
    tool<I, O>({
      ...def,
      // The cast restates ToolDef's conditional return type, which TypeScript cannot resolve for generic O.
      handler: (args, ctx) => run(args, connect(ctx, def.scopes[0])) as ReturnType<ToolDef<I, O>['handler']>,
    });

  return {
    // Repositories

    create_repository: gitHubTool({
      description: "Create a repository in the authenticated user's account.",
      input: z.object({
        name: repoName.describe('Name of the repository to create'),
        description: z.string().optional().describe('Description of the repository'),
        private: z.boolean().optional().describe('Whether the repository is private (default false)'),
        autoInit: z.boolean().optional().describe('Create an initial commit with an empty README'),
        gitignore_template: z.string().optional().describe('.gitignore template to apply, e.g. Node'),
        license_template: z.string().optional().describe('License keyword, e.g. mit'),
        homepage: z.string().optional().describe('URL of the project homepage'),
        has_issues: z.boolean().optional().describe('Enable issues'),
        has_projects: z.boolean().optional().describe('Enable projects'),
        has_wiki: z.boolean().optional().describe('Enable the wiki'),
        has_downloads: z.boolean().optional().describe('Enable downloads'),
        topics: z.string().optional().describe('Comma-separated topics to set after creation (lowercase)'),
      }),
      output: repoSchema,
      annotations: writes(false, false),
      scopes: REPO,
      async run({ autoInit, topics, ...body }, gh) {
        const repo = await gh.createRepository({ ...body, auto_init: autoInit });
        const names = splitList(topics);
        if (names) repo.topics = await gh.replaceTopics(repo.owner.login, repo.name, names);
        return toRepo(repo);
      },
    }),

    search_repositories: gitHubTool({
      description:
        'Search repositories with GitHub search syntax, e.g. "mcp language:typescript stars:>100".',
      input: z.object({
        query: z.string().min(1).describe('Search query (GitHub search syntax)'),
        max_limit: maxLimit('repositories'),
        sort: z
          .enum(['stars', 'forks', 'help-wanted-issues', 'updated'])
          .optional()
          .describe('Sort by (default: best match)'),
        order: direction.optional(),
      }),
      output: repoListSchema.extend({
        total_count: z.number().describe('Matches in all of GitHub, beyond the ones returned'),
        incomplete_results: z.boolean(),
      }),
      annotations: reads,
      scopes: REPO,
      async run({ query, max_limit, sort, order }, gh) {
        const { items, ...totals } = await gh.searchRepositories(query, sort, order, max_limit);
        return { ...totals, ...toRepoList(items) };
      },
    }),

    list_public_user_repositories: gitHubTool({
      description: 'List the public repositories of a user.',
      input: z.object({
        username: z.string().regex(NAME, 'must be a GitHub login').describe('GitHub login of the user'),
        max_limit: maxLimit('repositories'),
        type: z.enum(['all', 'owner', 'member']).optional().describe('Which repositories (default owner)'),
        sort: z
          .enum(['created', 'updated', 'pushed', 'full_name'])
          .optional()
          .describe('Sort by (default full_name)'),
        direction: direction.optional(),
      }),
      output: repoListSchema,
      annotations: reads,
      scopes: ['public_repo'],
      async run({ username, max_limit, ...filters }, gh) {
        return toRepoList(await gh.listUserRepos(username, filters, max_limit));
      },
    }),

    list_organization_repositories: gitHubTool({
      description: 'List the repositories of an organization that the user can see.',
      input: z.object({
        org_name: z
          .string()
          .regex(NAME, 'must be an organization login')
          .describe('Login of the organization'),
        max_limit: maxLimit('repositories'),
      }),
      output: repoListSchema,
      annotations: reads,
      scopes: ['read:org'],
      async run({ org_name, max_limit }, gh) {
        return toRepoList(await gh.listOrgRepos(org_name, max_limit));
      },
    }),

    fork_repository: gitHubTool({
      description:
        "Fork a repository into the authenticated user's account (GitHub finishes copying in the background).",
      input: z.object({ repo_name: fullName }),
      output: repoSchema,
      annotations: writes(false, false),
      scopes: REPO,
      async run({ repo_name }, gh) {
        return toRepo(await gh.forkRepository(...splitFullName(repo_name)));
      },
    }),

    list_repository_languages: gitHubTool({
      description: 'List the languages of a repository with the bytes of code in each.',
      input: z.object({
        repo_name: z
          .string()
          .regex(/^([\w.-]+\/)?[\w.-]+$/, "must be a repository name or 'owner/repository'")
          .describe("Name of the repository, or 'owner/repository'"),
        owner: owner.optional().describe('Owner of the repository, when repo_name is not owner/repository'),
      }),
      output: z.object({ repository: z.string(), languages: z.record(z.string(), z.number()) }),
      annotations: reads,
      scopes: REPO,
      async run({ repo_name, owner }, gh) {
        const [o, r] = repo_name.includes('/') ? splitFullName(repo_name) : [requireOwner(owner), repo_name];
        return { repository: `${o}/${r}`, languages: await gh.listLanguages(o, r) };
      },
    }),

    // Stars

    star_repository: gitHubTool({
      description: 'Star a repository as the authenticated user.',
      input: z.object({ repo_name: fullName }),
      output: z.object({ starred: z.boolean(), repository: z.string() }),
      annotations: writes(false, true),
      scopes: ['user'],
      async run({ repo_name }, gh) {
        await gh.starRepository(...splitFullName(repo_name));
        return { starred: true, repository: repo_name };
      },
    }),

    list_stargazers: gitHubTool({
      description: 'List the users who starred a repository.',
      input: z.object({ owner, repo_name: repoName, max_limit: maxLimit('stargazers') }),
      output: z.object({ count: z.number(), stargazers: z.array(userSchema) }),
      annotations: reads,
      scopes: REPO,
      async run({ owner, repo_name, max_limit }, gh) {
        const users = await gh.listStargazers(owner, repo_name, max_limit);
        return { count: users.length, stargazers: users.map(toUser) };
      },
    }),

    get_stargazers_count: gitHubTool({
      description: 'Get the number of stars of a repository.',
      input: z.object({ owner, repo_name: repoName }),
      output: z.object({ repository: z.string(), stargazers_count: z.number() }),
      annotations: reads,
      scopes: REPO,
      async run({ owner, repo_name }, gh) {
        const repo = await gh.getRepo(owner, repo_name);
        return { repository: repo.full_name, stargazers_count: repo.stargazers_count ?? 0 };
      },
    }),

    list_starred_repos_by_user: gitHubTool({
      description: 'List the repositories the authenticated user has starred.',
      input: z.object({ max_limit: maxLimit('repositories') }),
      output: repoListSchema,
      annotations: reads,
      scopes: ['user'],
      async run({ max_limit }, gh) {
        return toRepoList(await gh.listStarred(max_limit));
      },
    }),

    // Contents, commits, branches

    get_contents: gitHubTool({
      description:
        'Get a file (its text, decoded) or a directory listing from a repository; recursive lists a whole subtree.',
      input: z.object({
        owner,
        repo_name: repoName,
        path: filePath.describe('Path of the file or directory; "" for the root'),
        branch: z
          .string()
          .min(1)
          .optional()
          .describe('Branch, tag or commit SHA (default: the default branch)'),
        recursive: z.boolean().optional().describe('For a directory, list everything under it'),
      }),
      output: contentsSchema,
      annotations: reads,
      scopes: REPO,
      async run({ owner, repo_name, path, branch, recursive }, gh) {
        const found = await gh.getContents(owner, repo_name, path, branch);
        if (recursive && Array.isArray(found)) {
          return toTreeContents(path, await gh.getTree(owner, repo_name, branch));
        }
        return toContents(path, found);
      },
    }),

    add_file_to_repository: gitHubTool({
      description:
        'Create a file in a repository with a commit, or replace one when `sha` (its current blob SHA) is given.',
      input: z.object({
        owner,
        repo_name: repoName,
        path: filePath.min(1).describe('Path of the file, including its name'),
        content: z.string().describe('Text content of the file'),
        branch: z.string().min(1).describe('Branch to commit to'),
        commit_message: z.string().min(1).describe('Commit message'),
        sha: z.string().optional().describe('Blob SHA of the file being replaced (required to replace)'),
        committer_name: z.string().optional().describe('Committer name (with committer_email)'),
        committer_email: z.string().optional().describe('Committer email (with committer_name)'),
      }),
      output: fileCommitSchema,
      annotations: writes(true, false),
      scopes: REPO,
      async run(
        { owner, repo_name, path, content, branch, commit_message, sha, committer_name, committer_email },
        gh,
      ) {
        if (!committer_name !== !committer_email) {
          throw new ToolError('Give committer_name and committer_email together, or neither.');
        }
        const written = await gh.putFile(owner, repo_name, path, {
          message: commit_message,
          content: Buffer.from(content, 'utf8').toString('base64'),
          branch,
          sha,
          committer:
            committer_name && committer_email ? { name: committer_name, email: committer_email } : undefined,
        });
        return toFileCommit(written);
      },
    }),

    list_commits: gitHubTool({
      description:
        'List the commits of a branch, newest first, optionally only those touching a path or by an author.',
      input: z.object({
        owner,
        repo_name: repoName,
        branch: z.string().min(1).describe('Branch (or SHA) to list commits from'),
        max_limit: maxLimit('commits'),
        path: z.string().optional().describe('Only commits touching this path'),
        author: z.string().optional().describe('Only commits by this GitHub login or email'),
      }),
      output: z.object({ count: z.number(), commits: z.array(commitSchema) }),
      annotations: reads,
      scopes: REPO,
      async run({ owner, repo_name, branch, max_limit, ...filters }, gh) {
        const commits = await gh.listCommits(owner, repo_name, branch, filters, max_limit);
        return { count: commits.length, commits: commits.map(toCommit) };
      },
    }),

    get_commit: gitHubTool({
      description: 'Get a commit with its stats and changed files.',
      input: z.object({
        owner,
        repo_name: repoName,
        commit_sha: z.string().min(1).describe('SHA (or ref) of the commit'),
      }),
      output: commitSchema,
      annotations: reads,
      scopes: REPO,
      async run({ owner, repo_name, commit_sha }, gh) {
        return toCommit(await gh.getCommit(owner, repo_name, commit_sha));
      },
    }),

    list_branches: gitHubTool({
      description: 'List the branches of a repository.',
      input: z.object({ owner, repo_name: repoName, max_limit: maxLimit('branches') }),
      output: z.object({ count: z.number(), branches: z.array(branchSchema) }),
      annotations: reads,
      scopes: REPO,
      async run({ owner, repo_name, max_limit }, gh) {
        const branches = await gh.listBranches(owner, repo_name, max_limit);
        return { count: branches.length, branches: branches.map(toBranch) };
      },
    }),

    create_branch: gitHubTool({
      description: 'Create a branch pointing at the latest commit of another branch.',
      input: z.object({
        owner,
        repo_name: repoName,
        branch_name: z.string().min(1).describe('Name of the new branch'),
        start_point: z.string().min(1).describe("Branch to start from, e.g. 'main'"),
      }),
      output: refSchema,
      annotations: writes(false, false),
      scopes: REPO,
      async run({ owner, repo_name, branch_name, start_point }, gh) {
        return toRef(await gh.createBranch(owner, repo_name, branch_name, start_point));
      },
    }),

    // Issues

    list_issues: gitHubTool({
      description: 'List the issues of a repository (GitHub includes pull requests; see is_pull_request).',
      input: z.object({
        owner,
        repo_name: repoName,
        max_limit: maxLimit('issues'),
        state: z.enum(['open', 'closed', 'all']).optional().describe('Default open'),
        labels: z.string().optional().describe('Comma-separated label names; issues with all of them'),
        assignee: z.string().optional().describe('Login of the assignee, "none" or "*"'),
        creator: z.string().optional().describe('Login of the author'),
        mentioned: z.string().optional().describe('Login of a mentioned user'),
        milestone: z.string().optional().describe('Milestone title or number, "*" for any, "none" for none'),
        since: timestamp.optional().describe('Only issues updated at or after this time (ISO 8601)'),
        sort: z.enum(['created', 'updated', 'comments']).optional().describe('Default created'),
        direction: direction.optional(),
      }),
      output: z.object({ count: z.number(), issues: z.array(issueSchema) }),
      annotations: reads,
      scopes: REPO,
      async run({ owner, repo_name, max_limit, milestone, ...filters }, gh) {
        const byNumber = milestone === undefined || /^(\d+|\*|none)$/.test(milestone);
        const ms = byNumber ? milestone : await gh.milestoneNumber(owner, repo_name, milestone);
        const issues = await gh.listIssues(owner, repo_name, { ...filters, milestone: ms }, max_limit);
        return { count: issues.length, issues: issues.map(toIssue) };
      },
    }),

    get_issue: gitHubTool({
      description: 'Get an issue of a repository.',
      input: z.object({ owner, repo_name: repoName, issue_number: number('Issue') }),
      output: issueSchema,
      annotations: reads,
      scopes: REPO,
      async run({ owner, repo_name, issue_number }, gh) {
        return toIssue(await gh.getIssue(owner, repo_name, issue_number));
      },
    }),

    create_issue: gitHubTool({
      description: 'Open an issue in a repository.',
      input: z.object({
        owner,
        repo_name: repoName,
        title: z.string().min(1).describe('Title of the issue'),
        body: z.string().describe('Body of the issue (Markdown)'),
        labels: z.string().optional().describe('Comma-separated labels to add'),
        assignees: z.string().optional().describe('Comma-separated logins to assign'),
        milestone: z.number().int().positive().optional().describe('Number of the milestone'),
      }),
      output: issueSchema,
      annotations: writes(false, false),
      scopes: REPO,
      async run({ owner, repo_name, labels, assignees, ...issue }, gh) {
        const body = { ...issue, labels: splitList(labels), assignees: splitList(assignees) };
        return toIssue(await gh.createIssue(owner, repo_name, body));
      },
    }),

    update_issue: gitHubTool({
      description: 'Replace the title and body of an issue.',
      input: z.object({
        owner,
        repo_name: repoName,
        issue_number: number('Issue'),
        title: z.string().min(1).describe('New title'),
        body: z.string().describe('New body (Markdown)'),
      }),
      output: issueSchema,
      annotations: writes(true, true),
      scopes: REPO,
      async run({ owner, repo_name, issue_number, title, body }, gh) {
        return toIssue(await gh.updateIssue(owner, repo_name, issue_number, { title, body }));
      },
    }),

    add_comment_to_issue: gitHubTool({
      description: 'Comment on an issue or pull request.',
      input: z.object({
        owner,
        repo_name: repoName,
        issue_number: number('Issue'),
        comment: z.string().min(1).describe('Text of the comment (Markdown)'),
      }),
      output: commentSchema,
      annotations: writes(false, false),
      scopes: REPO,
      async run({ owner, repo_name, issue_number, comment }, gh) {
        return toComment(await gh.addComment(owner, repo_name, issue_number, comment));
      },
    }),

    // Pull requests

    list_pull_requests: gitHubTool({
      description: 'List the pull requests of a repository.',
      input: z.object({
        owner,
        repo_name: repoName,
        max_limit: maxLimit('pull requests'),
        state: z.enum(['open', 'closed', 'all']).optional().describe('Default open'),
        head: z.string().optional().describe("Head branch as 'user:branch'"),
        base: z.string().optional().describe('Base branch name'),
        sort: z
          .enum(['created', 'updated', 'popularity', 'long-running'])
          .optional()
          .describe('Default created'),
        direction: direction.optional(),
        draft: z.boolean().optional().describe('Only drafts (true) or only ready ones (false)'),
        since: timestamp.optional().describe('Only pull requests updated at or after this time (ISO 8601)'),
      }),
      output: z.object({ count: z.number(), pull_requests: z.array(pullSchema) }),
      annotations: reads,
      scopes: REPO,
      async run({ owner, repo_name, max_limit, draft, since, ...filters }, gh) {
        const pulls = await gh.listPulls(owner, repo_name, filters, max_limit, pullFilter(draft, since));
        return { count: pulls.length, pull_requests: pulls.map(toPull) };
      },
    }),

    get_pull_request: gitHubTool({
      description: 'Get a pull request with its merge state and change counts.',
      input: z.object({ owner, repo_name: repoName, pull_request_number: number('Pull request') }),
      output: pullSchema,
      annotations: reads,
      scopes: REPO,
      async run({ owner, repo_name, pull_request_number }, gh) {
        return toPull(await gh.getPull(owner, repo_name, pull_request_number));
      },
    }),

    create_pull_request: gitHubTool({
      description:
        'Open a pull request from head into base. With `issue`, that issue becomes the pull request and its ' +
        'title and body are kept (title and body are then not used).',
      input: z.object({
        owner,
        repo_name: repoName,
        title: z.string().min(1).describe('Title of the pull request'),
        body: z.string().describe('Description of the pull request (Markdown)'),
        base: z.string().min(1).describe('Branch to merge into'),
        head: z.string().min(1).describe("Branch with the changes; 'user:branch' for a fork"),
        draft: z.boolean().optional().describe('Open as a draft'),
        maintainer_can_modify: z.boolean().optional().describe('Let maintainers push to the head branch'),
        issue: z
          .number()
          .int()
          .positive()
          .optional()
          .describe('Number of an issue to turn into this pull request'),
      }),
      output: pullSchema,
      annotations: writes(false, false),
      scopes: REPO,
      async run({ owner, repo_name, title, body, issue, ...pr }, gh) {
        const what = issue === undefined ? { title, body } : { issue };
        return toPull(await gh.createPull(owner, repo_name, { ...pr, ...what }));
      },
    }),
  };
}

/** "a, b,,c" -> ["a", "b", "c"], nothing -> undefined; the catalog's tools take lists as comma-separated strings. */
function splitList(value: string | undefined): string[] | undefined {
  const items = (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return items.length > 0 ? items : undefined;
}

function splitFullName(fullName: string): [string, string] {
  const [o = '', r = ''] = fullName.split('/');
  return [o, r];
}

function requireOwner(owner: string | undefined): string {
  if (!owner) throw new ToolError("Give the repository's owner, or repo_name as 'owner/repository'.");
  return owner;
}

/** Draft and `since` filters, which GitHub's pull request list does not take, applied to each page. */
function pullFilter(
  draft: boolean | undefined,
  since: string | undefined,
): ((p: GhPull) => boolean) | undefined {
  if (draft === undefined && since === undefined) return undefined;
  const after = since === undefined ? undefined : Date.parse(since);
  return (p) =>
    (draft === undefined || (p.draft ?? false) === draft) &&
    (after === undefined || Date.parse(p.updated_at) >= after);
}
