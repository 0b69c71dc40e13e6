/**
 * The parts of GitHub's REST API (version 2022-11-28) JSON that this server reads. GitHub sends many
 * more fields; only the ones used are typed. Optional where GitHub's "simple" variants (list
 * endpoints) omit a field that the full object (get endpoints) has.
 */

export interface GhUser {
  login: string;
  id: number;
  type?: string;
  html_url: string;
  avatar_url?: string;
}

export interface GhRepo {
  id: number;
  name: string;
  full_name: string;
  owner: GhUser;
  private: boolean;
  fork: boolean;
  html_url: string;
  description: string | null;
  language?: string | null;
  default_branch?: string;
  stargazers_count?: number;
  forks_count?: number;
  open_issues_count?: number;
  topics?: string[];
  archived?: boolean;
  created_at?: string | null;
  updated_at?: string | null;
  pushed_at?: string | null;
  clone_url?: string;
}

export interface GhSearchResult<T> {
  total_count: number;
  incomplete_results: boolean;
  items: T[];
}

export interface GhLabel {
  name: string;
}

export interface GhMilestone {
  number: number;
  title: string;
}

export interface GhIssue {
  number: number;
  title: string;
  state: string;
  html_url: string;
  body?: string | null;
  user: GhUser | null;
  labels: (GhLabel | string)[];
  assignees?: GhUser[] | null;
  milestone: GhMilestone | null;
  comments: number;
  created_at: string;
  updated_at: string;
  closed_at: string | null;
  /** Present when the issue is a pull request (the issues endpoints list both). */
  pull_request?: unknown;
}

export interface GhComment {
  id: number;
  html_url: string;
  body?: string;
  user: GhUser | null;
  created_at: string;
}

export interface GhBranchRef {
  label: string;
  ref: string;
  sha: string;
}

export interface GhPull {
  number: number;
  title: string;
  state: string;
  draft?: boolean;
  html_url: string;
  body: string | null;
  user: GhUser | null;
  head: GhBranchRef;
  base: GhBranchRef;
  created_at: string;
  updated_at: string;
  closed_at: string | null;
  merged_at: string | null;
  /** Only on the full pull request (get, create). */
  merged?: boolean;
  mergeable?: boolean | null;
  comments?: number;
  review_comments?: number;
  commits?: number;
  additions?: number;
  deletions?: number;
  changed_files?: number;
}

export interface GhGitActor {
  name?: string;
  email?: string;
  date?: string;
}

export interface GhCommitFile {
  filename: string;
  status: string;
  additions: number;
  deletions: number;
  changes: number;
  patch?: string;
}

export interface GhCommit {
  sha: string;
  html_url: string;
  commit: { message: string; author: GhGitActor | null; committer: GhGitActor | null };
  author: GhUser | null;
  committer: GhUser | null;
  parents: { sha: string }[];
  /** Only on a single commit. */
  stats?: { additions?: number; deletions?: number; total?: number };
  files?: GhCommitFile[];
}

export interface GhBranch {
  name: string;
  commit: { sha: string };
  protected: boolean;
}

export interface GhRef {
  ref: string;
  url: string;
  object: { sha: string; type: string };
}

/** An item of a directory listing, or a single file, symlink or submodule. */
export interface GhContent {
  type: 'file' | 'dir' | 'symlink' | 'submodule';
  name: string;
  path: string;
  sha: string;
  size: number;
  html_url: string | null;
  download_url: string | null;
  /** Base64 (with line breaks) for files; "" with encoding "none" for files over 1 MB. */
  content?: string;
  encoding?: string;
  target?: string;
  submodule_git_url?: string;
}

export interface GhFileCommit {
  content: { name: string; path: string; sha: string; html_url: string } | null;
  commit: { sha: string; html_url: string; message: string };
}

export interface GhTree {
  sha: string;
  truncated: boolean;
  tree: { path: string; type: 'blob' | 'tree' | 'commit'; sha: string; size?: number }[];
}

export interface GhAccount {
  login: string;
  id: number;
  type: string;
  name?: string | null;
  html_url: string;
  avatar_url: string;
  bio?: string | null;
  description?: string | null;
  company?: string | null;
  blog?: string | null;
  location?: string | null;
  email?: string | null;
  public_repos?: number;
  followers?: number;
  following?: number;
}

export interface GhOrg {
  login: string;
  id: number;
  description: string | null;
}

export interface GhContributor {
  login?: string;
  contributions: number;
  html_url?: string;
  avatar_url?: string;
}
