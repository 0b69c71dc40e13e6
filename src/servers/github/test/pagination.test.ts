import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pull, repo, user } from './fake-github.js';
import { assertGitHubHeaders, data, failure, query, setup } from './harness.js';

const users = (page: number, n: number) =>
  Array.from({ length: n }, (_, i) => user(`u${page}-${i}`, page * 1000 + i));

test('a list follows page/per_page across pages and stops at max_limit', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /repos/octocat/hello/stargazers', (req) => ({
    body: users(Number(req.query.get('page')), 100),
  }));
  const out = data(await call('list_stargazers', { owner: 'octocat', repo_name: 'hello', max_limit: 150 }));
  assert.deepEqual(fake.requests.map(query), [
    { per_page: '100', page: '1' },
    { per_page: '100', page: '2' },
  ]);
  for (const req of fake.requests) assertGitHubHeaders(req);
  const logins = (out.stargazers as { login: string }[]).map((u) => u.login);
  assert.equal(out.count, 150);
  assert.equal(logins[99], 'u1-99');
  assert.equal(logins[100], 'u2-0');
  assert.equal(logins[149], 'u2-49');
});

test('a short page ends the list before max_limit', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /repos/octocat/hello/stargazers', (req) => {
    const page = Number(req.query.get('page'));
    return { body: users(page, page === 1 ? 100 : 30) };
  });
  const out = data(await call('list_stargazers', { owner: 'octocat', repo_name: 'hello', max_limit: 1000 }));
  assert.equal(fake.requests.length, 2);
  assert.equal(out.count, 130);
});

test('search results are paged too, keeping the total count', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /search/repositories', (req) => {
    const page = Number(req.query.get('page'));
    const items = Array.from({ length: 100 }, (_, i) => repo('o', `r${page}-${i}`));
    return { body: { total_count: 5000, incomplete_results: page === 2, items } };
  });
  const out = data(await call('search_repositories', { query: 'stars:>1', max_limit: 120 }));
  assert.deepEqual(
    fake.requests.map((r) => r.query.get('page')),
    ['1', '2'],
  );
  assert.equal(out.count, 120);
  assert.equal(out.total_count, 5000);
  assert.equal(out.incomplete_results, true);
});

test('max_limit is bounded to 1..1000', async (t) => {
  const { fake, call } = await setup(t);
  const args = { owner: 'octocat', repo_name: 'hello' };
  assert.match(failure(await call('list_branches', { ...args, max_limit: 1001 })), /max_limit: .*1000/);
  assert.match(failure(await call('list_branches', { ...args, max_limit: 0 })), /max_limit: /);
  assert.equal(fake.requests.length, 0);
});

test('a filtered scan that keeps nothing stops after 1000 items (10 pages)', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /repos/octocat/hello/pulls', (req) => {
    const page = Number(req.query.get('page'));
    return {
      body: Array.from({ length: 100 }, (_, i) => pull('octocat', 'hello', page * 100 + i, { draft: false })),
    };
  });
  const out = data(await call('list_pull_requests', { owner: 'octocat', repo_name: 'hello', draft: true }));
  assert.equal(out.count, 0);
  assert.equal(fake.requests.length, 10);
});
