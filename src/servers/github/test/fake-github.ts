/**
 * Bodies in the shapes GitHub's REST API (2022-11-28) documents, for the fake to answer with. They
 * carry the fields GitHub sends that the server ignores too (node_id, API urls...), so a test proves
 * the server picks the right ones. Error bodies follow GitHub's `{ message, documentation_url }`.
 */

const API = 'https://api.github.com';
const WEB = 'https://github.com';
const DATE = '2024-05-01T10:00:00Z';

export function user(login: string, id = 1, type = 'User') {
  return {
    login,
    id,
    node_id: `U_${id}`,
    avatar_url: `https://avatars.githubusercontent.com/u/${id}?v=4`,
    gravatar_id: '',
    url: `${API}/users/${login}`,
    html_url: `${WEB}/${login}`,
    repos_url: `${API}/users/${login}/repos`,
    type,
    site_admin: false,
  };
}

export function repo(owner: string, name: string, extra: Record<string, unknown> = {}) {
  return {
    id: 1296269,
    node_id: 'MDEwOlJlcG9zaXRvcnkxMjk2MjY5',
    name,
    full_name: `${owner}/${name}`,
    owner: user(owner),
    private: false,
    html_url: `${WEB}/${owner}/${name}`,
    description: 'This your first repo!',
    fork: false,
    url: `${API}/repos/${owner}/${name}`,
    clone_url: `${WEB}/${owner}/${name}.git`,
    homepage: null,
    language: 'TypeScript',
    forks_count: 9,
    stargazers_count: 80,
    watchers_count: 80,
    size: 108,
    default_branch: 'main',
    open_issues_count: 2,
    topics: ['octocat', 'api'],
    has_issues: true,
    has_projects: true,
    has_wiki: true,
    archived: false,
    disabled: false,
    visibility: 'public',
    pushed_at: DATE,
    created_at: '2011-01-26T19:01:12Z',
    updated_at: DATE,
    ...extra,
  };
}

export function issue(owner: string, name: string, number: number, extra: Record<string, unknown> = {}) {
  return {
    id: 1000 + number,
    node_id: `I_${number}`,
    url: `${API}/repos/${owner}/${name}/issues/${number}`,
    repository_url: `${API}/repos/${owner}/${name}`,
    html_url: `${WEB}/${owner}/${name}/issues/${number}`,
    number,
    state: 'open',
    title: `Issue ${number}`,
    body: "I'm having a problem with this.",
    user: user('octocat'),
    labels: [{ id: 208045946, node_id: 'L_1', name: 'bug', color: 'f29513', default: true }],
    assignee: user('hubot', 2),
    assignees: [user('hubot', 2)],
    milestone: { id: 1002604, number: 1, title: 'v1.0', state: 'open' },
    locked: false,
    comments: 3,
    closed_at: null,
    created_at: '2024-04-01T10:00:00Z',
    updated_at: DATE,
    author_association: 'OWNER',
    ...extra,
  };
}

export function comment(owner: string, name: string, number: number, body: string) {
  return {
    id: 1,
    node_id: 'IC_1',
    url: `${API}/repos/${owner}/${name}/issues/comments/1`,
    html_url: `${WEB}/${owner}/${name}/issues/${number}#issuecomment-1`,
    issue_url: `${API}/repos/${owner}/${name}/issues/${number}`,
    body,
    user: user('octocat'),
    created_at: DATE,
    updated_at: DATE,
    author_association: 'OWNER',
  };
}

export function pull(owner: string, name: string, number: number, extra: Record<string, unknown> = {}) {
  return {
    url: `${API}/repos/${owner}/${name}/pulls/${number}`,
    id: 2000 + number,
    node_id: `PR_${number}`,
    html_url: `${WEB}/${owner}/${name}/pull/${number}`,
    number,
    state: 'open',
    locked: false,
    title: `Pull ${number}`,
    user: user('octocat'),
    body: 'Please pull these awesome changes in!',
    labels: [],
    milestone: null,
    created_at: '2024-04-01T10:00:00Z',
    updated_at: DATE,
    closed_at: null,
    merged_at: null,
    head: { label: 'octocat:new-topic', ref: 'new-topic', sha: '6dcb09b5b57875f334f61aebed695e2e4193db5e' },
    base: { label: 'octocat:main', ref: 'main', sha: '6dcb09b5b57875f334f61aebed695e2e4193db5f' },
    draft: false,
    author_association: 'OWNER',
    ...extra,
  };
}

/** The extra fields of a single pull request (get, create), beyond the list's "simple" variant. */
export const pullDetails = {
  merged: false,
  mergeable: true,
  mergeable_state: 'clean',
  comments: 10,
  review_comments: 0,
  commits: 3,
  additions: 100,
  deletions: 3,
  changed_files: 5,
};

export function commit(owner: string, name: string, sha: string, extra: Record<string, unknown> = {}) {
  return {
    url: `${API}/repos/${owner}/${name}/commits/${sha}`,
    sha,
    node_id: `C_${sha}`,
    html_url: `${WEB}/${owner}/${name}/commit/${sha}`,
    comments_url: `${API}/repos/${owner}/${name}/commits/${sha}/comments`,
    commit: {
      url: `${API}/repos/${owner}/${name}/git/commits/${sha}`,
      author: { name: 'Monalisa Octocat', email: 'support@github.com', date: '2011-04-14T16:00:49Z' },
      committer: { name: 'GitHub', email: 'noreply@github.com', date: '2011-04-14T16:00:49Z' },
      message: 'Fix all the bugs',
      tree: { url: `${API}/repos/${owner}/${name}/tree/abc`, sha: 'abc' },
      comment_count: 0,
      verification: { verified: false, reason: 'unsigned', signature: null, payload: null },
    },
    author: user('octocat'),
    committer: user('web-flow', 19864447),
    parents: [{ url: `${API}/repos/${owner}/${name}/commits/p1`, sha: 'p1' }],
    ...extra,
  };
}

export function branch(owner: string, name: string, branchName: string, sha: string, isProtected = false) {
  return {
    name: branchName,
    commit: { sha, url: `${API}/repos/${owner}/${name}/commits/${sha}` },
    protected: isProtected,
  };
}

export function gitRef(owner: string, name: string, ref: string, sha: string) {
  return {
    ref,
    node_id: 'REF_1',
    url: `${API}/repos/${owner}/${name}/git/${ref}`,
    object: { type: 'commit', sha, url: `${API}/repos/${owner}/${name}/git/commits/${sha}` },
  };
}

function contentLinks(owner: string, name: string, path: string, type: string, sha: string) {
  const kind = type === 'dir' ? 'tree' : 'blob';
  return {
    url: `${API}/repos/${owner}/${name}/contents/${path}?ref=main`,
    git_url: `${API}/repos/${owner}/${name}/git/${kind}s/${sha}`,
    html_url: `${WEB}/${owner}/${name}/${kind}/main/${path}`,
    download_url: type === 'file' ? `https://raw.githubusercontent.com/${owner}/${name}/main/${path}` : null,
  };
}

/** A file as GET /contents returns it: base64 with a line break every 60 characters, like GitHub. */
export function contentFile(owner: string, name: string, path: string, bytes: Buffer | string) {
  const data = typeof bytes === 'string' ? Buffer.from(bytes) : bytes;
  const sha = '3d21ec53a331a6f037a91c368710b99387d012c1';
  return {
    type: 'file',
    encoding: 'base64',
    size: data.length,
    name: path.slice(path.lastIndexOf('/') + 1),
    path,
    content: `${(data.toString('base64').match(/.{1,60}/g) ?? []).join('\n')}\n`,
    sha,
    ...contentLinks(owner, name, path, 'file', sha),
  };
}

export function contentEntry(owner: string, name: string, path: string, type: 'file' | 'dir', size = 0) {
  const sha = `sha-${path}`;
  return {
    type,
    size,
    name: path.slice(path.lastIndexOf('/') + 1),
    path,
    sha,
    ...contentLinks(owner, name, path, type, sha),
  };
}

export function fileCommit(owner: string, name: string, path: string, message: string) {
  return {
    content: {
      name: path.slice(path.lastIndexOf('/') + 1),
      path,
      sha: '95b966ae1c166bd92f8ae7d1c313e738c731dfc3',
      size: 9,
      ...contentLinks(owner, name, path, 'file', '95b966ae1c166bd92f8ae7d1c313e738c731dfc3'),
      type: 'file',
    },
    commit: {
      sha: '7638417db6d59f3c431d3e1f261cc637155684cd',
      node_id: 'C_2',
      url: `${API}/repos/${owner}/${name}/git/commits/7638417db6d59f3c431d3e1f261cc637155684cd`,
      html_url: `${WEB}/${owner}/${name}/git/commit/7638417db6d59f3c431d3e1f261cc637155684cd`,
      author: { date: DATE, name: 'Monalisa Octocat', email: 'octocat@github.com' },
      committer: { date: DATE, name: 'Monalisa Octocat', email: 'octocat@github.com' },
      message,
      tree: {
        url: `${API}/repos/${owner}/${name}/git/trees/691272480426f78a0138979dd3ce63b77f706feb`,
        sha: '6912',
      },
      parents: [],
    },
  };
}

export function account(login: string, type: 'User' | 'Organization', extra: Record<string, unknown> = {}) {
  return {
    ...user(login, 7, type),
    name: `${login} name`,
    company: null,
    blog: 'https://example.com',
    location: 'San Francisco',
    email: null,
    bio: type === 'User' ? 'There once was...' : null,
    public_repos: 2,
    followers: 20,
    following: 0,
    created_at: '2008-01-14T04:33:35Z',
    ...extra,
  };
}

export function org(login: string, description: string | null = 'A great organization') {
  return {
    login,
    id: 9,
    node_id: 'O_9',
    url: `${API}/orgs/${login}`,
    repos_url: `${API}/orgs/${login}/repos`,
    avatar_url: 'https://github.com/images/error/octocat_happy.gif',
    description,
  };
}

// Error bodies

const DOCS = 'https://docs.github.com/rest';

export const badCredentials = { message: 'Bad credentials', documentation_url: DOCS, status: '401' };
export const notFound = { message: 'Not Found', documentation_url: DOCS, status: '404' };

export function validationFailed(resource: string, field: string, code: string) {
  return {
    message: 'Validation Failed',
    errors: [{ resource, field, code }],
    documentation_url: `${DOCS}/issues/issues#create-an-issue`,
    status: '422',
  };
}

export const rateLimitExceeded = {
  message: 'API rate limit exceeded for user ID 1.',
  documentation_url: `${DOCS}/overview/rate-limits-for-the-rest-api`,
  status: '403',
};

export const samlEnforced = {
  message:
    'Resource protected by organization SAML enforcement. You must grant your OAuth token access to this organization.',
  documentation_url: `${DOCS}/overview/other-authentication-methods#authenticating-for-saml-sso`,
  status: '403',
};

export const mustHaveAdmin = {
  message: 'Must have admin rights to Repository.',
  documentation_url: DOCS,
  status: '403',
};

export const serverError = { message: 'Server Error' };
