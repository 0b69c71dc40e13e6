import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  badCredentials,
  issue,
  mustHaveAdmin,
  notFound,
  rateLimitExceeded,
  repo,
  samlEnforced,
  serverError,
  validationFailed,
} from './fake-github.js';
import { assertGitHubHeaders, data, failure, onlyRequest, setup, TOKEN } from './harness.js';

const GET_ISSUE = { owner: 'octocat', repo_name: 'hello', issue_number: 99 };

test('401 Bad credentials asks the user to re-authenticate', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /repos/octocat/hello/issues/99', { status: 401, body: badCredentials });
  const message = failure(await call('get_issue', GET_ISSUE));
  assert.equal(
    message,
    'Not authenticated with github: GitHub rejected the stored token (expired or revoked). ' +
      'Re-authenticate with `gumcp auth github`.',
  );
  assert.ok(!message.includes(TOKEN));
  onlyRequest(fake);
});

test('403 without a rate limit or SSO names the scope GitHub accepts and the token lacks', async (t) => {
  const { fake, call } = await setup(t);
  const headers = { 'x-oauth-scopes': 'read:org', 'x-accepted-oauth-scopes': 'repo' };
  fake.route('GET /repos/octocat/hello/issues/99', { status: 403, headers, body: mustHaveAdmin });
  fake.route('GET /orgs/github/repos', { status: 403, headers, body: { message: 'Forbidden' } });

  assert.equal(
    failure(await call('get_issue', GET_ISSUE)),
    'Permission denied: the stored token lacks the scope "repo". Re-authenticate to grant it. ' +
      'GitHub said: Must have admin rights to Repository.',
  );
  assert.match(failure(await call('list_organization_repositories', { org_name: 'github' })), /scope "repo"/);
  assert.equal(fake.requests.length, 2);
});

test("403 without scope headers names the tool's scope; with the scope granted it is a permission error", async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /orgs/github/repos', { status: 403, body: { message: 'Forbidden' } });
  assert.match(
    failure(await call('list_organization_repositories', { org_name: 'github' })),
    /scope "read:org"/,
  );
  fake.route('GET /repos/octocat/hello/issues/99', {
    status: 403,
    headers: { 'x-oauth-scopes': 'repo, read:org', 'x-accepted-oauth-scopes': 'repo' },
    body: mustHaveAdmin,
  });
  assert.equal(
    failure(await call('get_issue', GET_ISSUE)),
    'Permission denied by GitHub for octocat/hello#99: Must have admin rights to Repository.',
  );
});

test('403 from SAML single sign-on says to authorize the token for the organization', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /repos/acme/secret/issues/99', {
    status: 403,
    headers: { 'x-github-sso': 'required; url=https://github.com/orgs/acme/sso?authorization_request=abc' },
    body: samlEnforced,
  });
  const message = failure(await call('get_issue', { ...GET_ISSUE, owner: 'acme', repo_name: 'secret' }));
  assert.match(
    message,
    /^GitHub denied access to acme\/secret#99: the organization enforces SAML single sign-on/,
  );
  assert.match(message, /Authorize the OAuth app for that organization/);
  onlyRequest(fake);
});

test('403 with x-ratelimit-remaining 0 is reported as a rate limit, without retrying', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /repos/octocat/hello/issues/99', {
    status: 403,
    headers: { 'x-ratelimit-limit': '5000', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '1714557600' },
    body: rateLimitExceeded,
  });
  assert.equal(
    failure(await call('get_issue', GET_ISSUE)),
    'GitHub rate limit exceeded. The limit resets at 2024-05-01T10:00:00.000Z; try again then.',
  );
  onlyRequest(fake);
});

test('404 names what was not found', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /repos/octocat/hello/issues/99', { status: 404, body: notFound });
  fake.route('GET /repos/octocat/nope', { status: 404, body: notFound });
  assert.equal(failure(await call('get_issue', GET_ISSUE)), 'Issue not found: octocat/hello#99');
  assert.equal(
    failure(await call('get_stargazers_count', { owner: 'octocat', repo_name: 'nope' })),
    'Repository not found: octocat/nope',
  );
});

test("422 Validation Failed gives GitHub's message and field errors", async (t) => {
  const { fake, call } = await setup(t);
  fake.route('POST /repos/octocat/hello/issues', {
    status: 422,
    body: validationFailed('Issue', 'title', 'missing_field'),
  });
  fake.route('POST /repos/octocat/hello/git/refs', {
    status: 422,
    body: { message: 'Reference already exists', documentation_url: 'https://docs.github.com/rest' },
  });
  fake.route('GET /repos/octocat/hello/git/ref/heads/main', {
    body: { ref: 'refs/heads/main', url: 'u', object: { sha: 'abc', type: 'commit' } },
  });
  assert.equal(
    failure(await call('create_issue', { owner: 'octocat', repo_name: 'hello', title: 'x', body: '' })),
    'GitHub could not process the request for octocat/hello: Validation Failed (Issue.title: missing_field)',
  );
  assert.equal(
    failure(
      await call('create_branch', {
        owner: 'octocat',
        repo_name: 'hello',
        branch_name: 'main',
        start_point: 'main',
      }),
    ),
    'GitHub could not process the request for octocat/hello: Reference already exists',
  );
});

test('429 with Retry-After is retried, then the call succeeds', async (t) => {
  const { fake, call } = await setup(t);
  fake.once('GET /repos/octocat/hello/issues/99', {
    status: 429,
    headers: { 'retry-after': '0' },
    body: {
      message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
    },
  });
  fake.route('GET /repos/octocat/hello/issues/99', { body: issue('octocat', 'hello', 99) });
  const out = data(await call('get_issue', GET_ISSUE));
  assert.equal(out.number, 99);
  assert.equal(fake.requests.length, 2);
  for (const req of fake.requests) {
    assert.equal(req.path, '/repos/octocat/hello/issues/99');
    assertGitHubHeaders(req);
  }
});

test('429 asking for a longer wait than the client allows fails at once, saying when to retry', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /repos/octocat/hello/issues/99', {
    status: 429,
    headers: { 'retry-after': '120' },
    body: { message: 'You have exceeded a secondary rate limit.' },
  });
  assert.equal(failure(await call('get_issue', GET_ISSUE)), 'Rate limited by GitHub; try again in 120 s');
  onlyRequest(fake);
});

test('5xx is retried, and when retries run out the message says to try later', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /repos/octocat/hello', { status: 502, body: serverError });
  assert.equal(
    failure(await call('get_stargazers_count', { owner: 'octocat', repo_name: 'hello' })),
    'GitHub failed (HTTP 502); try again later',
  );
  // One try and two retries (the test tuning's `retries: 2`).
  assert.equal(fake.requests.length, 3);
});

test('5xx then success returns the data', async (t) => {
  const { fake, call } = await setup(t);
  fake.once('GET /repos/octocat/hello', { status: 503, body: serverError });
  fake.route('GET /repos/octocat/hello', { body: repo('octocat', 'hello', { stargazers_count: 5 }) });
  assert.deepEqual(data(await call('get_stargazers_count', { owner: 'octocat', repo_name: 'hello' })), {
    repository: 'octocat/hello',
    stargazers_count: 5,
  });
  assert.equal(fake.requests.length, 2);
});

test('without stored credentials, or without an access token in them, no request is made', async (t) => {
  const none = await setup(t, async () => undefined);
  assert.match(
    failure(await none.call('get_issue', GET_ISSUE)),
    /Not authenticated with github: no credentials/,
  );
  assert.equal(none.fake.requests.length, 0);

  const empty = await setup(t, { refresh_token: 'r' });
  assert.match(failure(await empty.call('get_issue', GET_ISSUE)), /stored credentials hold no access token/);
  assert.equal(empty.fake.requests.length, 0);
});
