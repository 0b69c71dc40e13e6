import assert from 'node:assert/strict';
import { test } from 'node:test';
import { comment, issue } from './fake-github.js';
import { assertGitHubHeaders, data, describe, failure, onlyRequest, query, setup } from './harness.js';

const ISSUE_8 = {
  number: 8,
  title: 'Issue 8',
  state: 'open',
  html_url: 'https://github.com/octocat/hello/issues/8',
  body: "I'm having a problem with this.",
  user: 'octocat',
  labels: ['bug'],
  assignees: ['hubot'],
  milestone: { number: 1, title: 'v1.0' },
  comments: 3,
  created_at: '2024-04-01T10:00:00Z',
  updated_at: '2024-05-01T10:00:00Z',
  closed_at: null,
  is_pull_request: false,
};

test('list_issues passes the filters and marks pull requests', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /repos/octocat/hello/issues', {
    body: [issue('octocat', 'hello', 8), issue('octocat', 'hello', 9, { pull_request: { url: 'x' } })],
  });
  const out = data(
    await call('list_issues', {
      owner: 'octocat',
      repo_name: 'hello',
      state: 'all',
      labels: 'bug,ui',
      assignee: 'hubot',
      creator: 'octocat',
      mentioned: 'mona',
      milestone: '*',
      since: '2024-01-01T00:00:00Z',
      sort: 'updated',
      direction: 'asc',
      max_limit: 10,
    }),
  );
  const req = onlyRequest(fake);
  assert.equal(req.method, 'GET');
  assert.deepEqual(query(req), {
    state: 'all',
    labels: 'bug,ui',
    assignee: 'hubot',
    creator: 'octocat',
    mentioned: 'mona',
    milestone: '*',
    since: '2024-01-01T00:00:00Z',
    sort: 'updated',
    direction: 'asc',
    per_page: '10',
    page: '1',
  });
  const issues = out.issues as Record<string, unknown>[];
  assert.equal(out.count, 2);
  assert.deepEqual(issues[0], ISSUE_8);
  assert.equal(issues[1]?.is_pull_request, true);
});

test('list_issues resolves a milestone title to its number', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /repos/octocat/hello/milestones', {
    body: [
      { number: 3, title: 'v2.0', state: 'open' },
      { number: 4, title: 'Spring release', state: 'closed' },
    ],
  });
  fake.route('GET /repos/octocat/hello/issues', { body: [] });
  const out = data(
    await call('list_issues', { owner: 'octocat', repo_name: 'hello', milestone: 'Spring release' }),
  );
  assert.equal(fake.requests.length, 2, describe(fake.requests));
  const [milestones, issues] = fake.requests;
  assert.ok(milestones);
  assert.equal(milestones.path, '/repos/octocat/hello/milestones');
  assert.deepEqual(query(milestones), { state: 'all', per_page: '100', page: '1' });
  assert.equal(issues?.query.get('milestone'), '4');
  for (const req of fake.requests) assertGitHubHeaders(req);
  assert.deepEqual(out, { count: 0, issues: [] });

  const missing = failure(
    await call('list_issues', { owner: 'octocat', repo_name: 'hello', milestone: 'v9' }),
  );
  assert.equal(missing, 'Milestone not found: "v9" in octocat/hello');
});

test('get_issue accepts the number as a string, as guMCP declared it', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /repos/octocat/hello/issues/8', { body: issue('octocat', 'hello', 8) });
  const out = data(await call('get_issue', { owner: 'octocat', repo_name: 'hello', issue_number: '8' }));
  const req = onlyRequest(fake);
  assert.equal(req.method, 'GET');
  assert.equal(req.path, '/repos/octocat/hello/issues/8');
  assert.deepEqual(out, ISSUE_8);

  const bad = failure(
    await call('get_issue', { owner: 'octocat', repo_name: 'hello', issue_number: 'eight' }),
  );
  assert.match(bad, /issue_number/);
  assert.equal(fake.requests.length, 1);
});

test('create_issue posts title, body, labels, assignees and milestone', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('POST /repos/octocat/hello/issues', (req) => ({
    status: 201,
    body: issue('octocat', 'hello', 10, { title: (req.body as { title: string }).title }),
  }));
  const out = data(
    await call('create_issue', {
      owner: 'octocat',
      repo_name: 'hello',
      title: 'Found a bug',
      body: 'Steps to reproduce',
      labels: 'bug, ui',
      assignees: 'hubot',
      milestone: 1,
    }),
  );
  const req = onlyRequest(fake);
  assert.equal(req.method, 'POST');
  assert.deepEqual(req.body, {
    title: 'Found a bug',
    body: 'Steps to reproduce',
    labels: ['bug', 'ui'],
    assignees: ['hubot'],
    milestone: 1,
  });
  assert.equal(out.number, 10);
  assert.equal(out.title, 'Found a bug');
  assert.equal(out.html_url, 'https://github.com/octocat/hello/issues/10');
});

test('update_issue PATCHes title and body', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('PATCH /repos/octocat/hello/issues/8', (req) => ({
    body: issue('octocat', 'hello', 8, req.body as Record<string, unknown>),
  }));
  const out = data(
    await call('update_issue', {
      owner: 'octocat',
      repo_name: 'hello',
      issue_number: 8,
      title: 'New title',
      body: 'New body',
    }),
  );
  const req = onlyRequest(fake);
  assert.equal(req.method, 'PATCH');
  assert.deepEqual(req.body, { title: 'New title', body: 'New body' });
  assert.equal(out.title, 'New title');
  assert.equal(out.body, 'New body');
});

test('add_comment_to_issue posts the comment body', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('POST /repos/octocat/hello/issues/8/comments', (req) => ({
    status: 201,
    body: comment('octocat', 'hello', 8, (req.body as { body: string }).body),
  }));
  const out = data(
    await call('add_comment_to_issue', {
      owner: 'octocat',
      repo_name: 'hello',
      issue_number: '8',
      comment: 'Me too',
    }),
  );
  const req = onlyRequest(fake);
  assert.equal(req.method, 'POST');
  assert.deepEqual(req.body, { body: 'Me too' });
  assert.deepEqual(out, {
    id: 1,
    html_url: 'https://github.com/octocat/hello/issues/8#issuecomment-1',
    body: 'Me too',
    user: 'octocat',
    created_at: '2024-05-01T10:00:00Z',
  });
});
