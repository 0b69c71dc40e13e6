import assert from 'node:assert/strict';
import { test } from 'node:test';
import { account, contentFile, notFound, org, repo, user } from './fake-github.js';
import { assertGitHubHeaders, describe, setup } from './harness.js';

const line = (r: { method: string; path: string; query: URLSearchParams }) =>
  `${r.method} ${r.path}?${r.query}`;

test('resource templates follow guMCP: accounts and their repositories', async (t) => {
  const { client } = await setup(t);
  const { resourceTemplates } = await client.listResourceTemplates();
  assert.deepEqual(
    resourceTemplates.map((r) => r.uriTemplate),
    ['github://organization/{org_name}', 'github://organization/{org_name}/repository/{repo_name}'],
  );
});

test('listing resources pages through the user, their organizations and their repositories', async (t) => {
  const { fake, client } = await setup(t);
  const orgs = Array.from({ length: 101 }, (_, i) => org(`org-${i}`, i === 0 ? null : 'An org'));
  fake.route('GET /user', { body: account('octocat', 'User') });
  fake.route('GET /user/orgs', (req) => {
    const page = Number(req.query.get('page'));
    return { body: page === 1 ? orgs.slice(0, 100) : orgs.slice(100) };
  });
  fake.route('GET /user/repos', {
    body: [repo('octocat', 'hello'), repo('org-3', 'tools', { description: null })],
  });

  const { resources } = await client.listResources();

  assert.equal(resources.length, 1 + 101 + 2);
  assert.deepEqual(resources[0], {
    uri: 'github://organization/octocat',
    name: 'octocat',
    description: 'Personal GitHub account',
    mimeType: 'application/json',
  });
  assert.deepEqual(resources[1], {
    uri: 'github://organization/org-0',
    name: 'org-0',
    description: 'GitHub organization',
    mimeType: 'application/json',
  });
  assert.equal(resources[101]?.uri, 'github://organization/org-100');
  assert.deepEqual(resources.slice(-2), [
    {
      uri: 'github://organization/octocat/repository/hello',
      name: 'octocat/hello',
      description: 'This your first repo!',
      mimeType: 'application/json',
    },
    {
      uri: 'github://organization/org-3/repository/tools',
      name: 'org-3/tools',
      description: 'Repository org-3/tools',
      mimeType: 'application/json',
    },
  ]);
  assert.deepEqual(fake.requests.map(line).sort(), [
    'GET /user/orgs?per_page=100&page=1',
    'GET /user/orgs?per_page=100&page=2',
    'GET /user/repos?sort=full_name&per_page=100&page=1',
    'GET /user?',
  ]);
  for (const req of fake.requests) assertGitHubHeaders(req);
});

test('reading an account resource returns the user profile', async (t) => {
  const { fake, client } = await setup(t);
  fake.route('GET /users/octocat', { body: account('octocat', 'User') });
  const { contents } = await client.readResource({ uri: 'github://organization/octocat' });
  assert.deepEqual(fake.requests.map(line), ['GET /users/octocat?']);
  assertGitHubHeaders(fake.requests[0] ?? assert.fail('no request'));
  assert.equal(contents[0]?.mimeType, 'application/json');
  const profile = JSON.parse(String((contents[0] as { text: string }).text));
  assert.equal(profile.type, 'user');
  assert.equal(profile.login, 'octocat');
  assert.equal(profile.description, 'There once was...');
  assert.equal(profile.followers, 20);
});

test('reading an organization resource adds the organization description', async (t) => {
  const { fake, client } = await setup(t);
  fake.route('GET /users/github', { body: account('github', 'Organization') });
  fake.route('GET /orgs/github', { body: org('github', 'How people build software.') });
  const { contents } = await client.readResource({ uri: 'github://organization/github' });
  assert.deepEqual(fake.requests.map(line), ['GET /users/github?', 'GET /orgs/github?']);
  const profile = JSON.parse(String((contents[0] as { text: string }).text));
  assert.equal(profile.type, 'organization');
  assert.equal(profile.description, 'How people build software.');
});

test('reading a repository resource returns details, README text, languages and top contributors', async (t) => {
  const { fake, client } = await setup(t);
  fake.route('GET /repos/octocat/hello', { body: repo('octocat', 'hello') });
  fake.route('GET /repos/octocat/hello/readme', {
    body: contentFile('octocat', 'hello', 'README.md', '# Hello\n'),
  });
  fake.route('GET /repos/octocat/hello/languages', { body: { TypeScript: 100 } });
  fake.route('GET /repos/octocat/hello/contributors', {
    body: [{ ...user('octocat'), contributions: 32 }],
  });
  const uri = 'github://organization/octocat/repository/hello';
  const { contents } = await client.readResource({ uri });
  assert.deepEqual(fake.requests.map(line).sort(), [
    'GET /repos/octocat/hello/contributors?per_page=10&page=1',
    'GET /repos/octocat/hello/languages?',
    'GET /repos/octocat/hello/readme?',
    'GET /repos/octocat/hello?',
  ]);
  assert.equal(contents[0]?.uri, uri);
  const details = JSON.parse(String((contents[0] as { text: string }).text));
  assert.equal(details.full_name, 'octocat/hello');
  assert.equal(details.readme, '# Hello\n');
  assert.deepEqual(details.languages, { TypeScript: 100 });
  assert.deepEqual(details.contributors, [
    { login: 'octocat', contributions: 32, html_url: 'https://github.com/octocat' },
  ]);
});

test('a repository without a README reads with readme null; a missing one is an error naming it', async (t) => {
  const { fake, client } = await setup(t);
  fake.route('GET /repos/octocat/hello', { body: repo('octocat', 'hello') });
  fake.route('GET /repos/octocat/hello/readme', { status: 404, body: notFound });
  fake.route('GET /repos/octocat/hello/languages', { body: {} });
  fake.route('GET /repos/octocat/hello/contributors', { status: 204, body: '' });
  const { contents } = await client.readResource({ uri: 'github://organization/octocat/repository/hello' });
  const details = JSON.parse(String((contents[0] as { text: string }).text));
  assert.equal(details.readme, null);
  assert.deepEqual(details.contributors, []);

  fake.route('GET /repos/octocat/gone', { status: 404, body: notFound });
  fake.route('GET /repos/octocat/gone/readme', { status: 404, body: notFound });
  fake.route('GET /repos/octocat/gone/languages', { status: 404, body: notFound });
  fake.route('GET /repos/octocat/gone/contributors', { status: 404, body: notFound });
  await assert.rejects(
    client.readResource({ uri: 'github://organization/octocat/repository/gone' }),
    /Repository not found: octocat\/gone/,
  );
  assert.ok(
    fake.requests.some((r) => r.path === '/repos/octocat/gone'),
    describe(fake.requests),
  );
});
