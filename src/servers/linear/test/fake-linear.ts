import assert from 'node:assert/strict';
import type { TestContext } from 'node:test';
import type { Client } from '@modelcontextprotocol/client';
import {
  type FakeReply,
  type FakeService,
  fakeFor,
  type RecordedRequest,
} from '../../../testing/fake-service.js';
import { type ConnectOptions, connect, data, failure } from '../../../testing/mcp.js';
import type { GraphQLErrorItem } from '../../../upstream/graphql.js';
import type { LinearIssue, LinearTeam, LinearTuning } from '../api.js';
import { createLinearServer } from '../index.js';

export { data, failure };

/**
 * A fake of Linear's GraphQL endpoint (POST /graphql) answering the operations the server sends, by
 * operation name, with the shapes of Linear's schema (linear/linear packages/sdk/src/schema.graphql):
 * `{ data }` on success, `{ errors: [{ message, extensions: { type, code, userPresentableMessage } }] }`
 * on failure, as @linear/sdk's error parsing reads them. Filters are not applied: tests assert the
 * variables that were sent.
 */

export const TOKEN = 'lin_oauth_fake_token_for_tests';
export const API_KEY = 'lin_api_fake_key_for_tests';

/** Retries and waits in milliseconds, so error tests finish at once (production: the defaults). */
export const FAST: LinearTuning = {
  retries: 2,
  backoffMs: 1,
  timeoutMs: 2000,
  maxRetryAfterMs: 100,
  throttleRetries: 2,
  maxThrottleWaitMs: 100,
};

/** Linear's error entries, as its API returns them (types from @linear/sdk's error map). */
export const LINEAR_ERRORS = {
  authentication: {
    message: 'Authentication required, not authenticated',
    extensions: {
      type: 'authentication error',
      code: 'AUTHENTICATION_ERROR',
      userError: true,
      userPresentableMessage: 'You need to authenticate to access this operation.',
    },
  },
  notFound: (entity: string): GraphQLErrorItem => ({
    message: 'Entity not found',
    extensions: {
      type: 'invalid input',
      code: 'INVALID_INPUT',
      userError: true,
      userPresentableMessage: `Could not find referenced ${entity}.`,
    },
  }),
  ratelimited: {
    message: 'Rate limit exceeded',
    extensions: {
      type: 'ratelimited',
      code: 'RATELIMITED',
      userError: true,
      userPresentableMessage: 'Rate limit exceeded. Please try again later.',
    },
  },
  forbidden: (message: string): GraphQLErrorItem => ({
    message,
    extensions: { type: 'forbidden', code: 'FORBIDDEN', userError: true, userPresentableMessage: message },
  }),
  invalidInput: (message: string): GraphQLErrorItem => ({
    message: 'Argument Validation Error',
    extensions: {
      type: 'invalid input',
      code: 'INVALID_INPUT',
      userError: true,
      userPresentableMessage: message,
    },
  }),
} satisfies Record<string, GraphQLErrorItem | ((arg: string) => GraphQLErrorItem)>;

export const ENG = { id: '8c3a2b1e-0000-4000-8000-00000000e4a1', key: 'ENG', name: 'Engineering' };

/** An issue as Linear answers it for the server's selection. */
export function linearIssue(n: number, overrides: Partial<LinearIssue> = {}): LinearIssue {
  return {
    id: `1b6f0a8e-0000-4000-8000-${String(n).padStart(12, '0')}`,
    identifier: `ENG-${n}`,
    title: `Issue ${n}`,
    url: `https://linear.app/acme/issue/ENG-${n}/issue-${n}`,
    priority: 3,
    priorityLabel: 'Medium',
    state: { id: 'state-todo', name: 'Todo', type: 'unstarted' },
    team: ENG,
    assignee: null,
    project: null,
    labels: { nodes: [] },
    createdAt: '2026-05-01T10:00:00.000Z',
    updatedAt: '2026-05-02T10:00:00.000Z',
    ...overrides,
  };
}

export function linearTeam(overrides: Partial<LinearTeam> = {}): LinearTeam {
  return {
    ...ENG,
    description: 'Builds the product',
    timezone: 'Europe/Paris',
    states: {
      nodes: [
        { id: 'state-done', name: 'Done', type: 'completed', color: '#5e6ad2', position: 3 },
        { id: 'state-todo', name: 'Todo', type: 'unstarted', color: '#e2e2e2', position: 1 },
        { id: 'state-doing', name: 'In Progress', type: 'started', color: '#f2c94c', position: 2 },
      ],
    },
    labels: { nodes: [{ id: 'label-bug', name: 'Bug', color: '#eb5757' }] },
    members: {
      nodes: [
        { id: 'user-ada', name: 'Ada Lovelace', displayName: 'ada', email: 'ada@example.com', active: true },
      ],
    },
    ...overrides,
  };
}

export interface FakeLinearOptions {
  issues?: LinearIssue[];
  teams?: LinearTeam[];
}

/** The operation name of a request (`query SearchIssues(...)` gives SearchIssues). */
export function operation(req: RecordedRequest): string {
  const query = String((req.body as { query?: unknown } | undefined)?.query ?? '');
  return /^\s*(?:query|mutation)\s+(\w+)/.exec(query)?.[1] ?? '';
}

export function variables(req: RecordedRequest): Record<string, unknown> {
  return ((req.body as { variables?: Record<string, unknown> }).variables ?? {}) as Record<string, unknown>;
}

/** One page of a connection, with cursors that are opaque to the client ("c:<offset>"). */
function page<T>(items: readonly T[], vars: Record<string, unknown>) {
  const start = typeof vars.after === 'string' ? Number(vars.after.slice(2)) : 0;
  const first = Number(vars.first ?? 50);
  const nodes = items.slice(start, start + first);
  const end = start + nodes.length;
  return {
    nodes,
    pageInfo: { hasNextPage: end < items.length, endCursor: nodes.length ? `c:${end}` : null },
  };
}

const errors = (...items: GraphQLErrorItem[]): FakeReply => ({
  status: 200,
  body: { data: null, errors: items },
});

/** Starts the fake and points the linear server at it (GUMCP_LINEAR_API_URL) for the test. */
export async function fakeLinear(t: TestContext, options: FakeLinearOptions = {}): Promise<FakeService> {
  const fake = await fakeFor(t, 'linear');
  const issues = [...(options.issues ?? [])];
  const teams = options.teams ?? [linearTeam()];
  fake.route('POST /graphql', (req) => {
    const vars = variables(req);
    switch (operation(req)) {
      case 'SearchIssues':
        return { body: { data: { issues: page(issues, vars) } } };
      case 'CreateIssue': {
        const input = vars.input as Record<string, unknown>;
        const team = teams.find((t) => t.id === input.teamId);
        if (!team) return errors(LINEAR_ERRORS.notFound('Team'));
        const created = linearIssue(100 + issues.length, {
          title: String(input.title),
          description: (input.description as string | undefined) ?? null,
          priority: Number(input.priority ?? 0),
          team: { id: team.id, key: team.key, name: team.name },
        });
        issues.push(created);
        return { body: { data: { issueCreate: { success: true, issue: created } } } };
      }
      case 'UpdateIssue': {
        const found = issues.find((i) => i.id === vars.id || i.identifier === vars.id);
        if (!found) return errors(LINEAR_ERRORS.notFound('Issue'));
        const input = vars.input as Record<string, unknown>;
        if (typeof input.title === 'string') found.title = input.title;
        if (typeof input.description === 'string') found.description = input.description;
        if (typeof input.stateId === 'string')
          found.state = { id: input.stateId, name: 'Done', type: 'completed' };
        return { body: { data: { issueUpdate: { success: true, issue: found } } } };
      }
      case 'Teams':
        return { body: { data: { teams: page(teams, vars) } } };
      case 'Team': {
        const team = teams.find((t) => t.id === vars.id || t.key === vars.id);
        return team ? { body: { data: { team } } } : errors(LINEAR_ERRORS.notFound('Team'));
      }
      case 'Viewer':
        return { body: { data: { viewer: { id: 'user-ada', name: 'Ada Lovelace' } } } };
      default:
        return { status: 400, body: { errors: [{ message: `fake: unknown operation ${operation(req)}` }] } };
    }
  });
  return fake;
}

/** An MCP client connected to a Linear server with fast retries, closed after the test. */
export async function linearClient(
  t: TestContext,
  credentials: ConnectOptions['credentials'] = { access_token: TOKEN },
): Promise<Client> {
  const client = await connect(createLinearServer(FAST), { credentials });
  t.after(() => client.close());
  return client;
}

/** The one GraphQL request the fake received, checked for the JSON POST and the bearer token. */
export function onlyRequest(fake: FakeService, authorization = `Bearer ${TOKEN}`): RecordedRequest {
  assert.equal(
    fake.requests.length,
    1,
    `expected one request, got ${fake.requests.map(operation).join(', ')}`,
  );
  const req = fake.requests[0] as RecordedRequest;
  assert.equal(req.method, 'POST');
  assert.equal(req.path, '/graphql');
  assert.equal(req.headers.authorization, authorization);
  assert.match(String(req.headers['content-type']), /^application\/json/);
  return req;
}
