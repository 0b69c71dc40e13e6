import assert from 'node:assert/strict';
import { test } from 'node:test';
import { branch, commit, gitRef } from './fake-github.js';
import { assertGitHubHeaders, data, describe, failure, onlyRequest, query, setup } from './harness.js';

const SHA = '6dcb09b5b57875f334f61aebed695e2e4193db5e';

test('list_commits lists a branch, filtered by path and author', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /repos/octocat/hello/commits', { body: [commit('octocat', 'hello', SHA)] });
  const out = data(
    await call('list_commits', {
      owner: 'octocat',
      repo_name: 'hello',
      branch: 'dev',
      path: 'src/index.ts',
      author: 'octocat',
      max_limit: 20,
    }),
  );
  const req = onlyRequest(fake);
  assert.equal(req.method, 'GET');
  assert.deepEqual(query(req), {
    sha: 'dev',
    path: 'src/index.ts',
    author: 'octocat',
    per_page: '20',
    page: '1',
  });
  assert.deepEqual(out, {
    count: 1,
    commits: [
      {
        sha: SHA,
        html_url: `https://github.com/octocat/hello/commit/${SHA}`,
        message: 'Fix all the bugs',
        author: {
          name: 'Monalisa Octocat',
          email: 'support@github.com',
          date: '2011-04-14T16:00:49Z',
          login: 'octocat',
        },
        committer: {
          name: 'GitHub',
          email: 'noreply@github.com',
          date: '2011-04-14T16:00:49Z',
          login: 'web-flow',
        },
        parents: ['p1'],
      },
    ],
  });
});

test('get_commit returns the commit with its stats and files', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`GET /repos/octocat/hello/commits/${SHA}`, {
    body: commit('octocat', 'hello', SHA, {
      stats: { additions: 104, deletions: 4, total: 108 },
      files: [
        {
          sha: 'bbcd538c8e72b8c175046e27cc8f907076331401',
          filename: 'file1.txt',
          status: 'added',
          additions: 103,
          deletions: 21,
          changes: 124,
          blob_url: 'https://github.com/octocat/hello/blob/x/file1.txt',
          raw_url: 'https://github.com/octocat/hello/raw/x/file1.txt',
          contents_url: 'https://api.github.com/repos/octocat/hello/contents/file1.txt?ref=x',
          patch: '@@ -132,7 +132,7 @@ module Test @@ -1000,7 +1000,7 @@ module Test',
        },
      ],
    }),
  });
  const out = data(await call('get_commit', { owner: 'octocat', repo_name: 'hello', commit_sha: SHA }));
  const req = onlyRequest(fake);
  assert.equal(req.method, 'GET');
  assert.equal(req.path, `/repos/octocat/hello/commits/${SHA}`);
  assert.deepEqual(out.stats, { additions: 104, deletions: 4, total: 108 });
  assert.deepEqual(out.files, [
    {
      filename: 'file1.txt',
      status: 'added',
      additions: 103,
      deletions: 21,
      changes: 124,
      patch: '@@ -132,7 +132,7 @@ module Test @@ -1000,7 +1000,7 @@ module Test',
    },
  ]);
});

test('list_branches returns names, head SHAs and protection', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /repos/octocat/hello/branches', {
    body: [branch('octocat', 'hello', 'main', 'c5b97d5', true), branch('octocat', 'hello', 'dev', 'a1b2c3')],
  });
  const out = data(await call('list_branches', { owner: 'octocat', repo_name: 'hello' }));
  const req = onlyRequest(fake);
  assert.deepEqual(query(req), { per_page: '100', page: '1' });
  assert.deepEqual(out, {
    count: 2,
    branches: [
      { name: 'main', sha: 'c5b97d5', protected: true },
      { name: 'dev', sha: 'a1b2c3', protected: false },
    ],
  });
});

test('create_branch reads the start branch ref, then creates refs/heads/<name> at its SHA', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /repos/octocat/hello/git/ref/heads/release/1.x', {
    body: gitRef('octocat', 'hello', 'refs/heads/release/1.x', SHA),
  });
  fake.route('POST /repos/octocat/hello/git/refs', (req) => ({
    status: 201,
    body: gitRef('octocat', 'hello', (req.body as { ref: string }).ref, SHA),
  }));
  const out = data(
    await call('create_branch', {
      owner: 'octocat',
      repo_name: 'hello',
      branch_name: 'feature',
      start_point: 'release/1.x',
    }),
  );
  assert.equal(fake.requests.length, 2, describe(fake.requests));
  const [read, create] = fake.requests;
  assert.equal(read?.method, 'GET');
  assert.equal(create?.method, 'POST');
  assert.deepEqual(create?.body, { ref: 'refs/heads/feature', sha: SHA });
  for (const req of fake.requests) assertGitHubHeaders(req);
  assert.deepEqual(out, {
    ref: 'refs/heads/feature',
    sha: SHA,
    url: 'https://api.github.com/repos/octocat/hello/git/refs/heads/feature',
  });
});

test('create_branch from a missing start branch names it', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /repos/octocat/hello/git/ref/heads/nope', {
    status: 404,
    body: { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' },
  });
  const message = failure(
    await call('create_branch', {
      owner: 'octocat',
      repo_name: 'hello',
      branch_name: 'x',
      start_point: 'nope',
    }),
  );
  assert.equal(message, 'Branch not found: nope in octocat/hello');
  assert.equal(fake.requests.length, 1);
});
