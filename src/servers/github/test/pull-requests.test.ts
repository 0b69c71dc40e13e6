import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pull, pullDetails } from './fake-github.js';
import { data, onlyRequest, query, setup } from './harness.js';

test('list_pull_requests passes state, head, base, sort and direction', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /repos/octocat/hello/pulls', { body: [pull('octocat', 'hello', 1347)] });
  const out = data(
    await call('list_pull_requests', {
      owner: 'octocat',
      repo_name: 'hello',
      state: 'closed',
      head: 'octocat:new-topic',
      base: 'main',
      sort: 'long-running',
      direction: 'desc',
      max_limit: 5,
    }),
  );
  const req = onlyRequest(fake);
  assert.equal(req.method, 'GET');
  assert.deepEqual(query(req), {
    state: 'closed',
    head: 'octocat:new-topic',
    base: 'main',
    sort: 'long-running',
    direction: 'desc',
    per_page: '5',
    page: '1',
  });
  assert.deepEqual(out, {
    count: 1,
    pull_requests: [
      {
        number: 1347,
        title: 'Pull 1347',
        state: 'open',
        draft: false,
        html_url: 'https://github.com/octocat/hello/pull/1347',
        body: 'Please pull these awesome changes in!',
        user: 'octocat',
        head: {
          label: 'octocat:new-topic',
          ref: 'new-topic',
          sha: '6dcb09b5b57875f334f61aebed695e2e4193db5e',
        },
        base: { label: 'octocat:main', ref: 'main', sha: '6dcb09b5b57875f334f61aebed695e2e4193db5f' },
        created_at: '2024-04-01T10:00:00Z',
        updated_at: '2024-05-01T10:00:00Z',
        closed_at: null,
        merged_at: null,
      },
    ],
  });
});

test('list_pull_requests filters draft and since itself, as GitHub has no such parameters', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /repos/octocat/hello/pulls', {
    body: [
      pull('octocat', 'hello', 1, { draft: true, updated_at: '2024-06-01T00:00:00Z' }),
      pull('octocat', 'hello', 2, { draft: false, updated_at: '2024-06-01T00:00:00Z' }),
      pull('octocat', 'hello', 3, { draft: true, updated_at: '2023-01-01T00:00:00Z' }),
    ],
  });
  const out = data(
    await call('list_pull_requests', {
      owner: 'octocat',
      repo_name: 'hello',
      draft: true,
      since: '2024-01-01T00:00:00Z',
      max_limit: 5,
    }),
  );
  const req = onlyRequest(fake);
  // A filtered scan reads full pages; neither filter is sent to GitHub.
  assert.deepEqual(query(req), { per_page: '100', page: '1' });
  assert.deepEqual(
    (out.pull_requests as { number: number }[]).map((p) => p.number),
    [1],
  );
});

test('get_pull_request returns merge state and change counts', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /repos/octocat/hello/pulls/1347', {
    body: { ...pull('octocat', 'hello', 1347), ...pullDetails },
  });
  const out = data(
    await call('get_pull_request', { owner: 'octocat', repo_name: 'hello', pull_request_number: '1347' }),
  );
  const req = onlyRequest(fake);
  assert.equal(req.method, 'GET');
  assert.equal(req.path, '/repos/octocat/hello/pulls/1347');
  assert.equal(out.number, 1347);
  assert.equal(out.merged, false);
  assert.equal(out.mergeable, true);
  assert.equal(out.additions, 100);
  assert.equal(out.changed_files, 5);
});

test('create_pull_request posts title, body, base, head, draft and maintainer_can_modify', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('POST /repos/octocat/hello/pulls', {
    status: 201,
    body: { ...pull('octocat', 'hello', 1348), ...pullDetails },
  });
  const out = data(
    await call('create_pull_request', {
      owner: 'octocat',
      repo_name: 'hello',
      title: 'Amazing new feature',
      body: 'Please pull this in!',
      base: 'main',
      head: 'octocat:new-feature',
      draft: true,
      maintainer_can_modify: false,
    }),
  );
  const req = onlyRequest(fake);
  assert.equal(req.method, 'POST');
  assert.deepEqual(req.body, {
    title: 'Amazing new feature',
    body: 'Please pull this in!',
    base: 'main',
    head: 'octocat:new-feature',
    draft: true,
    maintainer_can_modify: false,
  });
  assert.equal(out.number, 1348);
  assert.equal(out.html_url, 'https://github.com/octocat/hello/pull/1348');
});

test('create_pull_request with issue converts the issue and sends no title or body', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('POST /repos/octocat/hello/pulls', {
    status: 201,
    body: { ...pull('octocat', 'hello', 42), ...pullDetails },
  });
  data(
    await call('create_pull_request', {
      owner: 'octocat',
      repo_name: 'hello',
      title: 'ignored',
      body: 'ignored',
      base: 'main',
      head: 'fix',
      issue: 42,
    }),
  );
  assert.deepEqual(onlyRequest(fake).body, { base: 'main', head: 'fix', issue: 42 });
});
