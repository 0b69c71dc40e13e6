import { z } from 'zod';
import type {
  GhBranch,
  GhComment,
  GhCommit,
  GhContent,
  GhFileCommit,
  GhGitActor,
  GhIssue,
  GhPull,
  GhRef,
  GhRepo,
  GhTree,
  GhUser,
} from './types.js';

/**
 * What the tools return: the fields of GitHub's objects a caller acts on, not GitHub's full payloads
 * (which repeat dozens of API URLs per object). One schema and one mapper per kind of object.
 */

/** Drops keys whose value is undefined, so optional fields are absent rather than present-but-empty. */
function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

export const userSchema = z.object({
  login: z.string(),
  id: z.number(),
  type: z.string().nullable(),
  html_url: z.string(),
});

export const toUser = (u: GhUser): z.input<typeof userSchema> => ({
  login: u.login,
  id: u.id,
  type: u.type ?? null,
  html_url: u.html_url,
});

export const repoSchema = z.object({
  id: z.number(),
  name: z.string(),
  full_name: z.string().describe('owner/name'),
  owner: z.string().describe('Login of the owning user or organization'),
  private: z.boolean(),
  fork: z.boolean(),
  archived: z.boolean(),
  html_url: z.string(),
  description: z.string().nullable(),
  language: z.string().nullable(),
  default_branch: z.string().nullable(),
  topics: z.array(z.string()),
  stargazers_count: z.number(),
  forks_count: z.number(),
  open_issues_count: z.number(),
  created_at: z.string().nullable(),
  updated_at: z.string().nullable(),
  pushed_at: z.string().nullable(),
});

export const toRepo = (r: GhRepo): z.input<typeof repoSchema> => ({
  id: r.id,
  name: r.name,
  full_name: r.full_name,
  owner: r.owner.login,
  private: r.private,
  fork: r.fork,
  archived: r.archived ?? false,
  html_url: r.html_url,
  description: r.description,
  language: r.language ?? null,
  default_branch: r.default_branch ?? null,
  topics: r.topics ?? [],
  stargazers_count: r.stargazers_count ?? 0,
  forks_count: r.forks_count ?? 0,
  open_issues_count: r.open_issues_count ?? 0,
  created_at: r.created_at ?? null,
  updated_at: r.updated_at ?? null,
  pushed_at: r.pushed_at ?? null,
});

export const repoListSchema = z.object({ count: z.number(), repositories: z.array(repoSchema) });

export const toRepoList = (repos: GhRepo[]): z.input<typeof repoListSchema> => ({
  count: repos.length,
  repositories: repos.map(toRepo),
});

export const issueSchema = z.object({
  number: z.number(),
  title: z.string(),
  state: z.string(),
  html_url: z.string(),
  body: z.string().nullable(),
  user: z.string().nullable().describe('Login of the author'),
  labels: z.array(z.string()),
  assignees: z.array(z.string()),
  milestone: z.object({ number: z.number(), title: z.string() }).nullable(),
  comments: z.number(),
  created_at: z.string(),
  updated_at: z.string(),
  closed_at: z.string().nullable(),
  is_pull_request: z.boolean().describe("GitHub's issue endpoints include pull requests"),
});

export const toIssue = (i: GhIssue): z.input<typeof issueSchema> => ({
  number: i.number,
  title: i.title,
  state: i.state,
  html_url: i.html_url,
  body: i.body ?? null,
  user: i.user?.login ?? null,
  labels: i.labels.map((l) => (typeof l === 'string' ? l : l.name)),
  assignees: (i.assignees ?? []).map((a) => a.login),
  milestone: i.milestone ? { number: i.milestone.number, title: i.milestone.title } : null,
  comments: i.comments,
  created_at: i.created_at,
  updated_at: i.updated_at,
  closed_at: i.closed_at,
  is_pull_request: i.pull_request !== undefined,
});

export const commentSchema = z.object({
  id: z.number(),
  html_url: z.string(),
  body: z.string(),
  user: z.string().nullable(),
  created_at: z.string(),
});

export const toComment = (c: GhComment): z.input<typeof commentSchema> => ({
  id: c.id,
  html_url: c.html_url,
  body: c.body ?? '',
  user: c.user?.login ?? null,
  created_at: c.created_at,
});

const branchRefSchema = z.object({ label: z.string(), ref: z.string(), sha: z.string() });

export const pullSchema = z.object({
  number: z.number(),
  title: z.string(),
  state: z.string(),
  draft: z.boolean(),
  html_url: z.string(),
  body: z.string().nullable(),
  user: z.string().nullable(),
  head: branchRefSchema,
  base: branchRefSchema,
  created_at: z.string(),
  updated_at: z.string(),
  closed_at: z.string().nullable(),
  merged_at: z.string().nullable(),
  // Only on a single pull request (get, create); lists leave them out.
  merged: z.boolean().optional(),
  mergeable: z.boolean().nullable().optional(),
  comments: z.number().optional(),
  review_comments: z.number().optional(),
  commits: z.number().optional(),
  additions: z.number().optional(),
  deletions: z.number().optional(),
  changed_files: z.number().optional(),
});

export const toPull = (p: GhPull): z.input<typeof pullSchema> =>
  compact({
    number: p.number,
    title: p.title,
    state: p.state,
    draft: p.draft ?? false,
    html_url: p.html_url,
    body: p.body,
    user: p.user?.login ?? null,
    head: { label: p.head.label, ref: p.head.ref, sha: p.head.sha },
    base: { label: p.base.label, ref: p.base.ref, sha: p.base.sha },
    created_at: p.created_at,
    updated_at: p.updated_at,
    closed_at: p.closed_at,
    merged_at: p.merged_at,
    merged: p.merged,
    mergeable: p.mergeable,
    comments: p.comments,
    review_comments: p.review_comments,
    commits: p.commits,
    additions: p.additions,
    deletions: p.deletions,
    changed_files: p.changed_files,
  });

const actorSchema = z.object({
  name: z.string().nullable(),
  email: z.string().nullable(),
  date: z.string().nullable(),
  login: z.string().nullable().describe('GitHub account, when the email maps to one'),
});

const toActor = (git: GhGitActor | null, account: GhUser | null): z.input<typeof actorSchema> => ({
  name: git?.name ?? null,
  email: git?.email ?? null,
  date: git?.date ?? null,
  login: account?.login ?? null,
});

export const commitSchema = z.object({
  sha: z.string(),
  html_url: z.string(),
  message: z.string(),
  author: actorSchema,
  committer: actorSchema,
  parents: z.array(z.string()),
  // Only on a single commit.
  stats: z.object({ additions: z.number(), deletions: z.number(), total: z.number() }).optional(),
  files: z
    .array(
      z.object({
        filename: z.string(),
        status: z.string(),
        additions: z.number(),
        deletions: z.number(),
        changes: z.number(),
        patch: z.string().optional(),
      }),
    )
    .optional(),
});

export const toCommit = (c: GhCommit): z.input<typeof commitSchema> =>
  compact({
    sha: c.sha,
    html_url: c.html_url,
    message: c.commit.message,
    author: toActor(c.commit.author, c.author),
    committer: toActor(c.commit.committer, c.committer),
    parents: c.parents.map((p) => p.sha),
    stats: c.stats && {
      additions: c.stats.additions ?? 0,
      deletions: c.stats.deletions ?? 0,
      total: c.stats.total ?? 0,
    },
    files: c.files?.map(({ filename, status, additions, deletions, changes, patch }) =>
      compact({ filename, status, additions, deletions, changes, patch }),
    ),
  });

export const branchSchema = z.object({ name: z.string(), sha: z.string(), protected: z.boolean() });

export const toBranch = (b: GhBranch): z.input<typeof branchSchema> => ({
  name: b.name,
  sha: b.commit.sha,
  protected: b.protected,
});

export const refSchema = z.object({ ref: z.string(), sha: z.string(), url: z.string() });

export const toRef = (r: GhRef): z.input<typeof refSchema> => ({ ref: r.ref, sha: r.object.sha, url: r.url });

export const fileCommitSchema = z.object({
  path: z.string().nullable(),
  sha: z.string().nullable().describe('Blob SHA of the written file; pass it as `sha` to replace the file'),
  html_url: z.string().nullable(),
  commit: z.object({ sha: z.string(), html_url: z.string(), message: z.string() }),
});

export const toFileCommit = (f: GhFileCommit): z.input<typeof fileCommitSchema> => ({
  path: f.content?.path ?? null,
  sha: f.content?.sha ?? null,
  html_url: f.content?.html_url ?? null,
  commit: { sha: f.commit.sha, html_url: f.commit.html_url, message: f.commit.message },
});

const contentType = z.enum(['file', 'dir', 'symlink', 'submodule']);

const entrySchema = z.object({
  type: contentType,
  name: z.string(),
  path: z.string(),
  sha: z.string(),
  size: z.number().nullable(),
});

/** The most entries a recursive listing returns. */
export const MAX_ENTRIES = 1000;

export const contentsSchema = z.object({
  type: contentType,
  path: z.string(),
  name: z.string().optional(),
  sha: z.string().optional(),
  size: z.number().nullable().optional(),
  encoding: z
    .enum(['utf-8', 'base64', 'none'])
    .optional()
    .describe(
      'utf-8: content is the text; base64: a binary file, content is base64; none: over 1 MB, use download_url',
    ),
  content: z.string().nullable().optional(),
  html_url: z.string().nullable().optional(),
  download_url: z.string().nullable().optional(),
  target: z.string().optional().describe('Where a symlink points'),
  entries: z.array(entrySchema).optional().describe('The items of a directory'),
  truncated: z
    .boolean()
    .optional()
    .describe(`True when a recursive listing was cut at ${MAX_ENTRIES} entries`),
});

type Contents = z.input<typeof contentsSchema>;

/** GitHub sends file bytes as base64; text comes back as text, binary (a NUL byte) stays base64. */
function decodeFile(c: GhContent): Pick<Contents, 'encoding' | 'content'> {
  if (c.encoding !== 'base64' || c.content === undefined) return { encoding: 'none', content: null };
  const bytes = Buffer.from(c.content, 'base64');
  if (bytes.subarray(0, 8000).includes(0)) return { encoding: 'base64', content: bytes.toString('base64') };
  return { encoding: 'utf-8', content: bytes.toString('utf8') };
}

const toEntry = (c: GhContent): z.input<typeof entrySchema> => ({
  type: c.type,
  name: c.name,
  path: c.path,
  sha: c.sha,
  size: c.size,
});

/** A file (decoded), symlink or submodule as one object; a directory as its entries. */
export function toContents(path: string, found: GhContent | GhContent[]): Contents {
  if (Array.isArray(found)) return { type: 'dir', path, entries: found.map(toEntry) };
  return {
    ...toEntry(found),
    html_url: found.html_url,
    download_url: found.download_url,
    ...(found.type === 'file' ? decodeFile(found) : {}),
    ...(found.target !== undefined ? { target: found.target } : {}),
  };
}

const TREE_TYPES = { blob: 'file', tree: 'dir', commit: 'submodule' } as const;

/** The part of a recursive tree under `path`, as directory entries. */
export function toTreeContents(path: string, tree: GhTree): Contents {
  const prefix = path.replace(/^\/+|\/+$/g, '');
  const under = tree.tree.filter((e) => !prefix || e.path.startsWith(`${prefix}/`));
  return {
    type: 'dir',
    path: prefix,
    entries: under.slice(0, MAX_ENTRIES).map((e) => ({
      type: TREE_TYPES[e.type],
      name: e.path.slice(e.path.lastIndexOf('/') + 1),
      path: e.path,
      sha: e.sha,
      size: e.size ?? null,
    })),
    truncated: tree.truncated || under.length > MAX_ENTRIES,
  };
}
