import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  API_KEY,
  data,
  failure,
  fakeLinear,
  LINEAR_ERRORS,
  linearClient,
  linearIssue,
  onlyRequest,
  TOKEN,
} from './fake-linear.js';

const search = { name: 'search_issues', arguments: { query: 'login' } };
const update = { name: 'update_issue', arguments: { issue_id: 'ENG-1', title: 'x' } };
const REAUTH =
  'Not authenticated with linear: Linear rejected the stored credentials (an expired or revoked token, or a ' +
  'deleted API key). Re-authenticate with `gumcp auth linear`.';

test('AUTHENTICATION_ERROR (on an HTTP 400) asks to re-authenticate, without echoing the token', async (t) => {
  const fake = await fakeLinear(t);
  fake.once('POST /graphql', { status: 400, body: { errors: [LINEAR_ERRORS.authentication] } });
  const client = await linearClient(t);

  const message = failure(await client.callTool(search));

  assert.equal(message, REAUTH);
  assert.ok(!message.includes(TOKEN));
  onlyRequest(fake);
});

test('an HTTP 401 without a GraphQL body asks to re-authenticate too', async (t) => {
  const fake = await fakeLinear(t);
  fake.once('POST /graphql', { status: 401, body: 'Unauthorized' });
  const client = await linearClient(t, { api_key: API_KEY });

  const message = failure(await client.callTool(search));

  assert.match(message, /^Not authenticated with linear: .*Re-authenticate with `gumcp auth linear`\.$/);
  assert.ok(!message.includes(API_KEY));
});

test('FORBIDDEN naming a scope says which scope the token lacks', async (t) => {
  const fake = await fakeLinear(t, { issues: [linearIssue(1)] });
  fake.once('POST /graphql', {
    status: 400,
    body: { errors: [LINEAR_ERRORS.forbidden('Invalid scope: `write` required')] },
  });
  const client = await linearClient(t);

  assert.equal(
    failure(await client.callTool(update)),
    'Permission denied: the stored token lacks the scope "write". Re-authenticate to grant it.',
  );
});

test('FORBIDDEN for another reason gives Linear’s message and names the tool’s scope', async (t) => {
  const fake = await fakeLinear(t, { issues: [linearIssue(1)] });
  fake.once('POST /graphql', {
    status: 400,
    body: { errors: [LINEAR_ERRORS.forbidden('You do not have access to this team.')] },
  });
  const client = await linearClient(t);

  assert.equal(
    failure(await client.callTool(update)),
    'Permission denied by Linear for ENG-1: You do not have access to this team. If the stored token lacks the ' +
      '"write" scope, re-authenticate to grant it.',
  );
});

test('RATELIMITED on an HTTP 400 is waited out until the reset header and retried', async (t) => {
  const fake = await fakeLinear(t);
  fake.once(
    'POST /graphql',
    (() => ({
      status: 400,
      headers: {
        'x-ratelimit-requests-remaining': '0',
        'x-ratelimit-requests-reset': String(Date.now()),
        'x-ratelimit-complexity-remaining': '180000',
        'x-ratelimit-complexity-reset': String(Date.now() + 3_600_000),
      },
      body: { errors: [LINEAR_ERRORS.ratelimited] },
    }))(),
  );
  const client = await linearClient(t);

  const out = data(await client.callTool(search));

  assert.equal(out.count, 0);
  assert.equal(fake.requests.length, 2);
});

test('RATELIMITED on an HTTP 429 is retried too, even for a mutation', async (t) => {
  const fake = await fakeLinear(t, { issues: [linearIssue(1)] });
  fake.once('POST /graphql', {
    status: 429,
    headers: { 'retry-after': '0', 'x-ratelimit-requests-remaining': '0', 'x-ratelimit-requests-reset': '1' },
    body: { errors: [LINEAR_ERRORS.ratelimited] },
  });
  const client = await linearClient(t);

  data(await client.callTool(update));

  assert.equal(fake.requests.length, 2);
});

test('throttling that lasts longer than the client waits fails at once, saying when the budget resets', async (t) => {
  const fake = await fakeLinear(t);
  fake.route('POST /graphql', () => ({
    status: 400,
    headers: {
      'x-ratelimit-complexity-remaining': '0',
      'x-ratelimit-complexity-reset': String(Date.now() + 90_000),
    },
    body: { errors: [LINEAR_ERRORS.ratelimited] },
  }));
  const client = await linearClient(t);

  const message = failure(await client.callTool(search));

  assert.match(message, /^Rate limited by Linear; try again in (89|90) s$/);
  assert.equal(fake.requests.length, 1);
});

test('a 5xx on a query is retried, then reported as try-later', async (t) => {
  const fake = await fakeLinear(t);
  fake.route('POST /graphql', { status: 503, body: 'Service Unavailable' });
  const client = await linearClient(t);

  assert.equal(failure(await client.callTool(search)), 'Linear failed (HTTP 503); try again later');
  assert.equal(fake.requests.length, 3, 'one try and two retries (the test tuning)');
});

test('errors in a 200 answer fail the call even when part of the data came back', async (t) => {
  const fake = await fakeLinear(t);
  fake.once('POST /graphql', {
    body: {
      data: { issues: { nodes: [linearIssue(1)], pageInfo: { hasNextPage: false, endCursor: 'c:1' } } },
      errors: [{ ...LINEAR_ERRORS.notFound('Project'), path: ['issues', 'nodes', 0, 'project'] }],
    },
  });
  const client = await linearClient(t);

  assert.equal(
    failure(await client.callTool(search)),
    'Linear refused the request for search "login": Could not find referenced Project.',
  );
});
