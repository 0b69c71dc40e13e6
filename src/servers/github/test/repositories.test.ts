import assert from 'node:assert/strict';
import { test } from 'node:test';
import { repo } from './fake-github.js';
import { assertGitHubHeaders, data, describe, failure, onlyRequest, query, setup } from './harness.js';

test('create_repository posts the settings to /user/repos and returns the new repository', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('POST /user/repos', (req) => ({
    status: 201,
    body: repo('octocat', 'hello', {
      private: true,
      description: (req.body as { description: string }).description,
    }),
  }));
  const out = data(
    await call('create_repository', {
      name: 'hello',
      description: 'Greetings',
      private: true,
      autoInit: true,
      gitignore_template: 'Node',
      has_wiki: false,
    }),
  );
  const req = onlyRequest(fake);
  assert.equal(req.method, 'POST');
  assert.equal(req.path, '/user/repos');
  assert.deepEqual(req.body, {
    name: 'hello',
    description: 'Greetings',
    private: true,
    auto_init: true,
    gitignore_template: 'Node',
    has_wiki: false,
  });
  assert.equal(out.full_name, 'octocat/hello');
  assert.equal(out.owner, 'octocat');
  assert.equal(out.private, true);
  assert.equal(out.description, 'Greetings');
  assert.equal(out.html_url, 'https://github.com/octocat/hello');
});

test('create_repository with topics replaces the new repository topics in a second call', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('POST /user/repos', { status: 201, body: repo('octocat', 'hello', { topics: [] }) });
  fake.route('PUT /repos/octocat/hello/topics', (req) => ({ body: req.body }));
  const out = data(await call('create_repository', { name: 'hello', topics: 'mcp, github,,api' }));
  assert.equal(fake.requests.length, 2, describe(fake.requests));
  const [create, topics] = fake.requests;
  assert.deepEqual(create?.body, { name: 'hello' });
  assert.equal(topics?.method, 'PUT');
  assert.deepEqual(topics?.body, { names: ['mcp', 'github', 'api'] });
  for (const req of fake.requests) assertGitHubHeaders(req);
  assert.deepEqual(out.topics, ['mcp', 'github', 'api']);
});

test('search_repositories sends q, sort and order and returns the matches with the total', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /search/repositories', {
    body: { total_count: 40, incomplete_results: false, items: [repo('a', 'one'), repo('b', 'two')] },
  });
  const out = data(
    await call('search_repositories', {
      query: 'mcp language:typescript',
      sort: 'stars',
      order: 'desc',
      max_limit: 5,
    }),
  );
  const req = onlyRequest(fake);
  assert.equal(req.method, 'GET');
  assert.deepEqual(query(req), {
    q: 'mcp language:typescript',
    sort: 'stars',
    order: 'desc',
    per_page: '5',
    page: '1',
  });
  assert.equal(out.total_count, 40);
  assert.equal(out.incomplete_results, false);
  assert.equal(out.count, 2);
  assert.deepEqual(
    (out.repositories as { full_name: string }[]).map((r) => r.full_name),
    ['a/one', 'b/two'],
  );
});

test('list_public_user_repositories passes type, sort and direction for the user', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /users/octocat/repos', { body: [repo('octocat', 'hello'), repo('octocat', 'spoon')] });
  const out = data(
    await call('list_public_user_repositories', {
      username: 'octocat',
      type: 'owner',
      sort: 'updated',
      direction: 'asc',
    }),
  );
  const req = onlyRequest(fake);
  assert.equal(req.method, 'GET');
  assert.deepEqual(query(req), {
    type: 'owner',
    sort: 'updated',
    direction: 'asc',
    per_page: '100',
    page: '1',
  });
  assert.equal(out.count, 2);
  const [first] = out.repositories as Record<string, unknown>[];
  assert.deepEqual(first, {
    id: 1296269,
    name: 'hello',
    full_name: 'octocat/hello',
    owner: 'octocat',
    private: false,
    fork: false,
    archived: false,
    html_url: 'https://github.com/octocat/hello',
    description: 'This your first repo!',
    language: 'TypeScript',
    default_branch: 'main',
    topics: ['octocat', 'api'],
    stargazers_count: 80,
    forks_count: 9,
    open_issues_count: 2,
    created_at: '2011-01-26T19:01:12Z',
    updated_at: '2024-05-01T10:00:00Z',
    pushed_at: '2024-05-01T10:00:00Z',
  });
});

test('list_organization_repositories lists /orgs/{org}/repos up to max_limit', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /orgs/github/repos', { body: [repo('github', 'docs'), repo('github', 'linguist')] });
  const out = data(await call('list_organization_repositories', { org_name: 'github', max_limit: 2 }));
  const req = onlyRequest(fake);
  assert.equal(req.path, '/orgs/github/repos');
  assert.deepEqual(query(req), { per_page: '2', page: '1' });
  assert.equal(out.count, 2);
});

test('fork_repository posts to /repos/{owner}/{repo}/forks and returns the fork', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('POST /repos/octocat/hello/forks', { status: 202, body: repo('me', 'hello', { fork: true }) });
  const out = data(await call('fork_repository', { repo_name: 'octocat/hello' }));
  const req = onlyRequest(fake);
  assert.equal(req.method, 'POST');
  assert.deepEqual(req.body, {});
  assert.equal(out.full_name, 'me/hello');
  assert.equal(out.fork, true);
});

test('fork_repository rejects a repo_name that is not owner/repository', async (t) => {
  const { fake, call } = await setup(t);
  const message = failure(await call('fork_repository', { repo_name: 'hello' }));
  assert.match(message, /repo_name: must be owner\/repository/);
  assert.equal(fake.requests.length, 0);
});

test('list_repository_languages accepts owner/repo in repo_name or a separate owner', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /repos/octocat/hello/languages', { body: { TypeScript: 78769, Shell: 7769 } });
  const out = data(await call('list_repository_languages', { repo_name: 'octocat/hello' }));
  const req = onlyRequest(fake);
  assert.equal(req.method, 'GET');
  assert.equal(req.path, '/repos/octocat/hello/languages');
  assert.deepEqual(out, { repository: 'octocat/hello', languages: { TypeScript: 78769, Shell: 7769 } });

  const split = data(await call('list_repository_languages', { repo_name: 'hello', owner: 'octocat' }));
  assert.equal(fake.requests[1]?.path, '/repos/octocat/hello/languages');
  assert.deepEqual(split, out);

  const noOwner = failure(await call('list_repository_languages', { repo_name: 'hello' }));
  assert.match(noOwner, /owner/);
  assert.equal(fake.requests.length, 2);
});

test('path arguments cannot leave the repository path', async (t) => {
  const { fake, call } = await setup(t);
  const message = failure(await call('get_stargazers_count', { owner: '..', repo_name: 'x' }));
  assert.match(message, /owner: must be a GitHub login/);
  assert.equal(fake.requests.length, 0);
});
