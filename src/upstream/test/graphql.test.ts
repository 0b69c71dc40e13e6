import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AuthRequiredError, ToolError } from '../../core/errors.js';
import { startFake } from '../../testing/fake-service.js';
import { MayHaveGoneThroughError } from '../client.js';
import { GraphQLClient, type GraphQLErrorItem } from '../graphql.js';

/** The throttling signals of the three GraphQL services gumcp calls, as their docs give them. */
function throttled(errors: readonly GraphQLErrorItem[]): number | undefined {
  const error = errors.find((e) =>
    ['RATELIMITED', 'COMPLEXITY_BUDGET_EXHAUSTED', 'THROTTLED'].includes(String(e.extensions?.code)),
  );
  if (!error) return undefined;
  return Number(error.extensions?.retry_in_seconds ?? 0) * 1000;
}

async function setup(t: { after: (fn: () => Promise<void>) => void }) {
  const fake = await startFake();
  t.after(() => fake.close());
  const client = new GraphQLClient({
    service: 'Tracker',
    serverId: 'tracker',
    baseUrl: fake.url,
    path: '/graphql',
    auth: () => ({ authorization: 'Bearer tok' }),
    backoffMs: 1,
    throttled,
    classify: (errors) =>
      errors.some((e) => e.extensions?.code === 'AUTHENTICATION_ERROR')
        ? new AuthRequiredError('tracker', 'Tracker rejected the stored token')
        : undefined,
  });
  return { fake, client };
}

const ISSUE_QUERY = 'query Issue($id: String!) { issue(id: $id) { id title } }';

test('a query is one POST of query and variables, and answers its data', async (t) => {
  const { fake, client } = await setup(t);
  fake.route('POST /graphql', { body: { data: { issue: { id: 'I-1', title: 'Fix' } } } });

  const data = await client.request<{ issue: { id: string } }>(ISSUE_QUERY, { id: 'I-1' });

  assert.deepEqual(data, { issue: { id: 'I-1', title: 'Fix' } });
  const [req] = fake.requests;
  assert.equal(req?.headers.authorization, 'Bearer tok');
  assert.match(String(req?.headers['content-type']), /application\/json/);
  assert.deepEqual(req?.body, { query: ISSUE_QUERY, variables: { id: 'I-1' } });
});

test('errors on a 200 fail the call even with partial data, naming the service’s messages', async (t) => {
  const { fake, client } = await setup(t);
  fake.route('POST /graphql', {
    body: {
      data: { issue: null, team: { id: 'T' } },
      errors: [
        { message: 'Entity not found: Issue', path: ['issue'], extensions: { code: 'INVALID_INPUT' } },
      ],
    },
  });

  await assert.rejects(client.request(ISSUE_QUERY, { id: 'nope' }), (error: Error) => {
    assert.ok(error instanceof ToolError);
    assert.equal(error.message, 'Tracker refused the request: Entity not found: Issue');
    return true;
  });
});

test('throttling reported in a 200 body is waited out and retried', async (t) => {
  const { fake, client } = await setup(t);
  fake.once('POST /graphql', {
    body: {
      errors: [
        {
          message: 'Budget exhausted',
          extensions: { code: 'COMPLEXITY_BUDGET_EXHAUSTED', retry_in_seconds: 0 },
        },
      ],
    },
  });
  fake.route('POST /graphql', { body: { data: { ok: true } } });

  assert.deepEqual(await client.request('{ ok }'), { ok: true });
  assert.equal(fake.requests.length, 2);
});

test('throttling on an HTTP 400 retries even a mutation: the service did not run it', async (t) => {
  const { fake, client } = await setup(t);
  fake.once('POST /graphql', {
    status: 400,
    body: { errors: [{ message: 'Rate limit exceeded', extensions: { code: 'RATELIMITED' } }] },
  });
  fake.route('POST /graphql', { body: { data: { issueCreate: { success: true } } } });

  const data = await client.request('mutation { issueCreate { success } }', {}, { mutation: true });

  assert.deepEqual(data, { issueCreate: { success: true } });
  assert.equal(fake.requests.length, 2);
});

test('throttling that lasts past the retries fails saying when to try again', async (t) => {
  const { fake, client } = await setup(t);
  fake.route('POST /graphql', {
    body: { errors: [{ message: 'Throttled', extensions: { code: 'THROTTLED', retry_in_seconds: 120 } }] },
  });

  await assert.rejects(client.request('{ ok }'), { message: 'Rate limited by Tracker; try again in 120 s' });
  assert.equal(fake.requests.length, 1, 'a wait longer than the limit is not attempted');
});

test('a provider’s own error codes become the tool error it chose', async (t) => {
  const { fake, client } = await setup(t);
  fake.route('POST /graphql', {
    status: 401,
    body: { errors: [{ message: 'Authentication required', extensions: { code: 'AUTHENTICATION_ERROR' } }] },
  });

  await assert.rejects(
    client.request('{ viewer { id } }'),
    (error: Error) => error instanceof AuthRequiredError,
  );
});

test('a mutation is not retried after a 5xx, where it may have run', async (t) => {
  const { fake, client } = await setup(t);
  fake.route('POST /graphql', { status: 502, body: 'Bad gateway' });

  await assert.rejects(
    client.request('mutation { x }', {}, { mutation: true }),
    (error: unknown) =>
      error instanceof MayHaveGoneThroughError && /may have gone through/.test(error.message),
  );
  assert.equal(fake.requests.length, 1);
});
