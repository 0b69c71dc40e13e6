import assert from 'node:assert/strict';
import { test } from 'node:test';
import { errorCollection, issue, scopeMismatch, unauthorized, user } from './fake-jira.js';
import { CREDENTIALS, data, failure, route, setup, TOKEN } from './harness.js';

const GET_ISSUE = route('GET', 'issue/EX-99');

test('401 (token expired or revoked) asks the user to re-authenticate, without echoing the token', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(GET_ISSUE, { status: 401, body: unauthorized });
  const message = failure(await call('get_issue', { issue_key: 'EX-99' }));
  assert.equal(
    message,
    'Not authenticated with jira: Jira rejected the stored token (expired or revoked). Re-authenticate with `gumcp auth jira`.',
  );
  assert.ok(!message.includes(TOKEN));
  assert.equal(fake.requests.length, 1, 'a 401 is not retried');
});

test('401 "scope does not match" names the scopes the tool needs', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(route('POST', 'project'), { status: 401, body: scopeMismatch });
  fake.route(GET_ISSUE, { status: 401, body: scopeMismatch });

  assert.equal(
    failure(
      await call('create_project', {
        key: 'EX',
        name: 'x',
        project_type_key: 'software',
        lead_account_id: 'a',
      }),
    ),
    'Permission denied: the stored token lacks a scope this call needs (one of "manage:jira-project", "write:jira-work"). ' +
      'Re-authenticate with `gumcp auth jira` to grant it.',
  );
  assert.equal(
    failure(await call('get_issue', { issue_key: 'EX-99' })),
    'Permission denied: the stored token lacks a scope this call needs ("read:jira-work"). Re-authenticate with `gumcp auth jira` to grant it.',
  );
});

test('403 is a permission error with Jira’s reason', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(route('DELETE', 'issue/EX-1'), {
    status: 403,
    body: errorCollection(['You do not have permission to delete issues in this project.']),
  });
  assert.equal(
    failure(await call('delete_issue', { issue_key: 'EX-1' })),
    'Permission denied by Jira for EX-1: You do not have permission to delete issues in this project.',
  );
});

test('404 names what was not found and on which site', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(GET_ISSUE, {
    status: 404,
    body: errorCollection(['Issue does not exist or you do not have permission to see it.']),
  });
  fake.route(route('GET', 'project/NOPE'), {
    status: 404,
    body: errorCollection(["No project could be found with key 'NOPE'."]),
  });

  assert.equal(
    failure(await call('get_issue', { issue_key: 'EX-99' })),
    'Issue not found: EX-99 (site acme)',
  );
  assert.equal(
    failure(await call('get_project', { project_key: 'NOPE' })),
    'Project not found: NOPE (site acme)',
  );
});

test('400 field errors name the arguments to fix', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(route('PUT', 'issue/EX-1'), {
    status: 400,
    body: errorCollection([], {
      summary: 'You must specify a summary of the issue.',
      assignee: "User 'nobody' cannot be assigned issues.",
      customfield_10099: 'Unknown field',
    }),
  });
  fake.route(route('POST', 'project'), {
    status: 400,
    body: errorCollection([], { projectKey: 'A project with that project key already exists.' }),
  });

  assert.equal(
    failure(
      await call('update_issue', { issue_key: 'EX-1', summary: ' ', assignee_account_id: 'nobody' }),
    ).startsWith('Invalid arguments for tool update_issue: summary'),
    true,
    'a blank summary is refused before any request',
  );
  assert.equal(
    failure(await call('update_issue', { issue_key: 'EX-1', summary: 'S', assignee_account_id: 'nobody' })),
    'Jira rejected the request for EX-1 (HTTP 400): argument summary: You must specify a summary of the issue.; ' +
      "argument assignee_account_id: User 'nobody' cannot be assigned issues.; field customfield_10099: Unknown field",
  );
  assert.equal(
    failure(
      await call('create_project', {
        key: 'EX',
        name: 'x',
        project_type_key: 'software',
        lead_account_id: 'a',
      }),
    ),
    'Jira rejected the request for EX (HTTP 400): argument key: A project with that project key already exists.',
  );
  assert.equal(fake.requests.length, 2);
});

test('429 with Retry-After is waited out and retried, then the call succeeds', async (t) => {
  const { fake, call } = await setup(t);
  fake.once(GET_ISSUE, { status: 429, headers: { 'retry-after': '0' }, body: 'Too Many Requests' });
  fake.route(GET_ISSUE, { body: issue('EX-99') });

  assert.equal(data(await call('get_issue', { issue_key: 'EX-99' })).key, 'EX-99');
  assert.equal(fake.requests.length, 2);
});

test('429 on a write is retried too: Jira did not run it', async (t) => {
  const { fake, call } = await setup(t);
  fake.once(route('POST', 'issue/EX-1/comment'), { status: 429, headers: { 'retry-after': '0' }, body: '' });
  fake.route(route('POST', 'issue/EX-1/comment'), { status: 201, body: { id: '1', body: 'x' } });
  data(await call('comment_on_issue', { issue_key: 'EX-1', body: 'hi' }));
  assert.equal(fake.requests.length, 2);
});

test('a 429 that lasts says when Jira’s limit resets', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(GET_ISSUE, {
    status: 429,
    headers: { 'retry-after': '120', 'x-ratelimit-reset': '2026-11-30T02:10Z' },
    body: '',
  });
  assert.equal(
    failure(await call('get_issue', { issue_key: 'EX-99' })),
    'Rate limited by Jira; try again in 120 s (the limit resets at 2026-11-30T02:10Z)',
  );
  assert.equal(fake.requests.length, 1, 'a wait longer than the client accepts is not attempted');
});

test('5xx on a read is retried, then reported; on a write it is not retried', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(GET_ISSUE, { status: 503, body: errorCollection(['Service unavailable']) });
  fake.route(route('POST', 'issue'), { status: 500, body: errorCollection(['Internal server error']) });

  assert.equal(
    failure(await call('get_issue', { issue_key: 'EX-99' })),
    'Jira failed (HTTP 503); try again later',
  );
  assert.equal(fake.requests.length, 3, 'one try and two retries');

  assert.equal(
    failure(await call('create_issue', { project_key: 'EX', summary: 's', issue_type: 'Task' })),
    'Jira failed (HTTP 500); the request may have gone through, so check before trying again',
  );
  assert.equal(fake.requests.length, 4, 'creating an issue is not repeated');
});

test('5xx then success returns the data', async (t) => {
  const { fake, call } = await setup(t);
  fake.once(route('GET', 'myself'), { status: 502, body: '<html>Bad gateway</html>' });
  fake.route(route('GET', 'myself'), { body: user() });
  assert.equal(data(await call('get_myself', {})).display_name, 'Mia Krystof');
});

test('without stored credentials, or without an access token in them, no request is made', async (t) => {
  const none = await setup(t, async () => undefined);
  assert.match(
    failure(await none.call('get_myself', {})),
    /^Not authenticated with jira: no credentials are stored/,
  );
  assert.equal(none.fake.requests.length, 0);

  const { access_token: _, ...noToken } = CREDENTIALS;
  const empty = await setup(t, noToken);
  assert.match(failure(await empty.call('get_myself', {})), /stored credentials hold no access token/);
  assert.equal(empty.fake.requests.length, 0);
});
