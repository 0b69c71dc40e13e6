import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertCatalogTools } from '../../../testing/catalog.js';
import githubServer from '../index.js';
import { setup } from './harness.js';

/** guMCP's catalog entry for `github` (HEAD c6398c6): tool names, parameters, required fields, scopes. */
const CATALOG: Record<string, { params: string[]; required: string[]; scopes: string[] }> = {
  create_repository: {
    params: [
      'name',
      'description',
      'private',
      'autoInit',
      'gitignore_template',
      'license_template',
      'homepage',
      'has_issues',
      'has_projects',
      'has_wiki',
      'has_downloads',
      'topics',
    ],
    required: ['name'],
    scopes: ['repo', 'public_repo'],
  },
  search_repositories: {
    params: ['query', 'max_limit', 'sort', 'order'],
    required: ['query'],
    scopes: ['repo', 'public_repo'],
  },
  list_public_user_repositories: {
    params: ['username', 'max_limit', 'type', 'sort', 'direction'],
    required: ['username'],
    scopes: ['public_repo'],
  },
  list_organization_repositories: {
    params: ['org_name', 'max_limit'],
    required: ['org_name'],
    scopes: ['read:org'],
  },
  get_contents: {
    params: ['owner', 'repo_name', 'path', 'branch', 'recursive'],
    required: ['owner', 'repo_name', 'path'],
    scopes: ['repo', 'public_repo'],
  },
  list_repository_languages: {
    params: ['repo_name', 'owner'],
    required: ['repo_name'],
    scopes: ['repo', 'public_repo'],
  },
  add_file_to_repository: {
    params: [
      'owner',
      'repo_name',
      'path',
      'content',
      'branch',
      'commit_message',
      'sha',
      'committer_name',
      'committer_email',
    ],
    required: ['owner', 'repo_name', 'path', 'content', 'branch', 'commit_message'],
    scopes: ['repo', 'public_repo'],
  },
  list_commits: {
    params: ['owner', 'repo_name', 'branch', 'max_limit', 'path', 'author'],
    required: ['repo_name', 'branch', 'owner'],
    scopes: ['repo', 'public_repo'],
  },
  get_commit: {
    params: ['owner', 'repo_name', 'commit_sha'],
    required: ['owner', 'repo_name', 'commit_sha'],
    scopes: ['repo', 'public_repo'],
  },
  star_repository: { params: ['repo_name'], required: ['repo_name'], scopes: ['user'] },
  list_stargazers: {
    params: ['owner', 'repo_name', 'max_limit'],
    required: ['owner', 'repo_name'],
    scopes: ['repo', 'public_repo'],
  },
  get_stargazers_count: {
    params: ['owner', 'repo_name'],
    required: ['owner', 'repo_name'],
    scopes: ['repo', 'public_repo'],
  },
  list_starred_repos_by_user: { params: ['max_limit'], required: [], scopes: ['user'] },
  list_issues: {
    params: [
      'repo_name',
      'owner',
      'max_limit',
      'state',
      'labels',
      'assignee',
      'creator',
      'mentioned',
      'milestone',
      'since',
      'sort',
      'direction',
    ],
    required: ['repo_name', 'owner'],
    scopes: ['repo', 'public_repo'],
  },
  get_issue: {
    params: ['repo_name', 'owner', 'issue_number'],
    required: ['repo_name', 'owner', 'issue_number'],
    scopes: ['repo', 'public_repo'],
  },
  create_issue: {
    params: ['repo_name', 'owner', 'title', 'body', 'labels', 'assignees', 'milestone'],
    required: ['repo_name', 'owner', 'title', 'body'],
    scopes: ['repo', 'public_repo'],
  },
  update_issue: {
    params: ['repo_name', 'owner', 'issue_number', 'title', 'body'],
    required: ['repo_name', 'owner', 'issue_number', 'title', 'body'],
    scopes: ['repo', 'public_repo'],
  },
  add_comment_to_issue: {
    params: ['repo_name', 'owner', 'issue_number', 'comment'],
    required: ['repo_name', 'owner', 'issue_number', 'comment'],
    scopes: ['repo', 'public_repo'],
  },
  list_branches: {
    params: ['repo_name', 'owner', 'max_limit'],
    required: ['repo_name', 'owner'],
    scopes: ['repo', 'public_repo'],
  },
  create_branch: {
    params: ['repo_name', 'owner', 'branch_name', 'start_point'],
    required: ['repo_name', 'owner', 'branch_name', 'start_point'],
    scopes: ['repo', 'public_repo'],
  },
  list_pull_requests: {
    params: [
      'repo_name',
      'owner',
      'max_limit',
      'state',
      'head',
      'base',
      'sort',
      'direction',
      'draft',
      'since',
    ],
    required: ['repo_name', 'owner'],
    scopes: ['repo', 'public_repo'],
  },
  get_pull_request: {
    params: ['repo_name', 'owner', 'pull_request_number'],
    required: ['repo_name', 'owner', 'pull_request_number'],
    scopes: ['repo', 'public_repo'],
  },
  create_pull_request: {
    params: [
      'owner',
      'repo_name',
      'title',
      'body',
      'base',
      'head',
      'draft',
      'maintainer_can_modify',
      'issue',
    ],
    required: ['owner', 'repo_name', 'title', 'body', 'base', 'head'],
    scopes: ['repo', 'public_repo'],
  },
  fork_repository: { params: ['repo_name'], required: ['repo_name'], scopes: ['repo', 'public_repo'] },
};

const READ_ONLY = new Set([
  'search_repositories',
  'list_public_user_repositories',
  'list_organization_repositories',
  'get_contents',
  'list_repository_languages',
  'list_commits',
  'get_commit',
  'list_stargazers',
  'get_stargazers_count',
  'list_starred_repos_by_user',
  'list_issues',
  'get_issue',
  'list_branches',
  'list_pull_requests',
  'get_pull_request',
]);

test("every catalog tool is listed with the catalog's parameter names and required fields", async (t) => {
  const { client } = await setup(t);
  const { tools } = await client.listTools();
  assertCatalogTools(tools, CATALOG);
});

test('tools declare the scopes of the catalog', () => {
  for (const [name, spec] of Object.entries(CATALOG)) {
    assert.deepEqual(githubServer.tools[name]?.scopes, spec.scopes, name);
  }
});

test('annotations tell reads from writes, and which writes overwrite or repeat safely', async (t) => {
  const { client } = await setup(t);
  const { tools } = await client.listTools();
  for (const tool of tools) {
    assert.equal(tool.annotations?.readOnlyHint, READ_ONLY.has(tool.name), tool.name);
    assert.equal(tool.annotations?.openWorldHint, true, tool.name);
  }
  const hints = (name: string) => {
    const a = tools.find((tool) => tool.name === name)?.annotations;
    return [a?.destructiveHint, a?.idempotentHint];
  };
  assert.deepEqual(hints('update_issue'), [true, true]);
  assert.deepEqual(hints('add_file_to_repository'), [true, false]);
  assert.deepEqual(hints('star_repository'), [false, true]);
  assert.deepEqual(hints('create_issue'), [false, false]);
  assert.deepEqual(hints('create_branch'), [false, false]);
});

test('auth is GitHub OAuth with the catalog scopes', () => {
  assert.deepEqual(githubServer.auth, {
    kind: 'oauth2',
    provider: {
      service: 'github',
      authorizeUrl: 'https://github.com/login/oauth/authorize',
      tokenUrl: 'https://github.com/login/oauth/access_token',
      scopeSeparator: ' ',
      tokenEndpointAuth: 'client_secret_post',
    },
    scopes: ['repo', 'public_repo', 'read:org', 'user'],
  });
  assert.equal(githubServer.id, 'github');
});
