import assert from 'node:assert/strict';
import { test } from 'node:test';
import { repo, user } from './fake-github.js';
import { data, onlyRequest, query, setup } from './harness.js';

test('star_repository sends PUT /user/starred/{owner}/{repo} and reports the star', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('PUT /user/starred/octocat/hello', { status: 204, body: '' });
  const out = data(await call('star_repository', { repo_name: 'octocat/hello' }));
  const req = onlyRequest(fake);
  assert.equal(req.method, 'PUT');
  assert.equal(req.path, '/user/starred/octocat/hello');
  assert.equal(req.body, undefined);
  assert.deepEqual(out, { starred: true, repository: 'octocat/hello' });
});

test('list_stargazers returns the users who starred the repository', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /repos/octocat/hello/stargazers', { body: [user('alice', 11), user('bob', 12)] });
  const out = data(await call('list_stargazers', { owner: 'octocat', repo_name: 'hello', max_limit: 10 }));
  const req = onlyRequest(fake);
  assert.equal(req.method, 'GET');
  assert.deepEqual(query(req), { per_page: '10', page: '1' });
  assert.deepEqual(out, {
    count: 2,
    stargazers: [
      { login: 'alice', id: 11, type: 'User', html_url: 'https://github.com/alice' },
      { login: 'bob', id: 12, type: 'User', html_url: 'https://github.com/bob' },
    ],
  });
});

test('get_stargazers_count reads stargazers_count of the repository', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /repos/octocat/hello', { body: repo('octocat', 'hello', { stargazers_count: 1234 }) });
  const out = data(await call('get_stargazers_count', { owner: 'octocat', repo_name: 'hello' }));
  const req = onlyRequest(fake);
  assert.equal(req.method, 'GET');
  assert.equal(req.path, '/repos/octocat/hello');
  assert.deepEqual(out, { repository: 'octocat/hello', stargazers_count: 1234 });
});

test("list_starred_repos_by_user lists the user's starred repositories", async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /user/starred', { body: [repo('nodejs', 'node'), repo('microsoft', 'typescript')] });
  const out = data(await call('list_starred_repos_by_user', { max_limit: 50 }));
  const req = onlyRequest(fake);
  assert.equal(req.path, '/user/starred');
  assert.deepEqual(query(req), { per_page: '50', page: '1' });
  assert.equal(out.count, 2);
  assert.deepEqual(
    (out.repositories as { full_name: string }[]).map((r) => r.full_name),
    ['nodejs/node', 'microsoft/typescript'],
  );
});
