import type { Credentials, ToolContext } from '../../core/context.js';
import { AuthRequiredError, MissingScopeError, NotFoundError, ToolError } from '../../core/errors.js';
import { serviceUrl } from '../../upstream/client.js';
import { GraphQLClient, type GraphQLErrorItem, type GraphQLOptions } from '../../upstream/graphql.js';
import { CREATE_ISSUE, GET_TEAM, LIST_TEAMS, SEARCH_ISSUES, UPDATE_ISSUE, VIEWER } from './queries.js';

export const SERVER_ID = 'linear';
const SERVICE = 'Linear';
const LINEAR_API = 'https://api.linear.app';

/** Linear's page size when none is asked for; pages here are never larger. */
export const PAGE_SIZE = 50;
/** The most items a list may return; also bounds the pages one call fetches. */
export const MAX_LIMIT = 250;
const MAX_PAGES = Math.ceil(MAX_LIMIT / PAGE_SIZE) + 1;

/**
 * Timing knobs of the GraphQL client. Production uses the defaults; tests pass tiny values so that
 * retried throttling and exhausted retries cost milliseconds.
 */
export type LinearTuning = Pick<
  GraphQLOptions,
  'timeoutMs' | 'retries' | 'backoffMs' | 'maxRetryAfterMs' | 'throttleRetries' | 'maxThrottleWaitMs'
>;

/** What a call is about, named when Linear answers "Entity not found". */
export interface Subject {
  what: string;
  id: string;
}

// Shapes of the answers, as the documents in queries.ts select them.

export interface LinearIssue {
  id: string;
  identifier: string;
  title: string;
  url: string;
  priority: number;
  priorityLabel: string;
  state: { id: string; name: string; type: string };
  team: { id: string; key: string; name: string };
  assignee: { id: string; name: string } | null;
  project: { id: string; name: string } | null;
  labels: { nodes: { id: string; name: string }[] };
  createdAt: string;
  updatedAt: string;
  description?: string | null;
}

export interface LinearTeamSummary {
  id: string;
  key: string;
  name: string;
  description: string | null;
}

export interface LinearTeam extends LinearTeamSummary {
  timezone: string;
  states: { nodes: { id: string; name: string; type: string; color: string; position: number }[] };
  labels: { nodes: { id: string; name: string; color: string }[] };
  members: { nodes: { id: string; name: string; displayName: string; email: string; active: boolean }[] };
}

interface Connection<T> {
  nodes: T[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

interface IssuePayload {
  success: boolean;
  issue: LinearIssue | null;
}

/** The writable fields of an issue, as IssueCreateInput and IssueUpdateInput name them. */
export interface IssueInput {
  teamId?: string;
  title?: string;
  description?: string;
  priority?: number;
  assigneeId?: string | null;
  labelIds?: string[];
  stateId?: string;
}

/**
 * The Authorization header for the stored credentials. An OAuth token (`access_token`, from
 * `gumcp auth linear`) is a Bearer token; a personal API key (`api_key`, from
 * `gumcp auth linear --api-key`) is sent bare, as Linear requires. A personal key pasted into
 * `access_token` (it starts with `lin_api_`) is sent bare too.
 */
export function authorization(credentials: Credentials): string {
  const token = credentials.access_token;
  if (typeof token === 'string' && token.trim()) {
    return token.startsWith('lin_api_') ? token : `Bearer ${token}`;
  }
  const key = credentials.api_key;
  if (typeof key === 'string' && key.trim()) return key;
  throw new AuthRequiredError(
    SERVER_ID,
    'the stored credentials hold neither an access token nor an API key',
  );
}

/** Reads an X-RateLimit-*-Reset header: an epoch in milliseconds (seconds accepted too). */
function resetAt(headers: Headers, name: string): number | undefined {
  const value = Number(headers.get(name));
  if (!Number.isFinite(value) || value <= 0) return undefined;
  return value < 1e12 ? value * 1000 : value;
}

const code = (e: GraphQLErrorItem) => String(e.extensions?.code ?? '').toUpperCase();
const kind = (e: GraphQLErrorItem) => String(e.extensions?.type ?? '').toLowerCase();
const said = (e: GraphQLErrorItem) =>
  typeof e.extensions?.userPresentableMessage === 'string' ? e.extensions.userPresentableMessage : e.message;

/** Waits asked for when no reset header says how long: a leaky bucket refills within seconds. */
const DEFAULT_THROTTLE_WAIT_MS = 2000;

/**
 * How long Linear asks to wait when it throttled a request (`RATELIMITED`, on an HTTP 400 or 429):
 * until the budget that ran out resets (requests or complexity), as its X-RateLimit headers say.
 */
export function throttleWait(
  errors: readonly GraphQLErrorItem[],
  headers: Headers,
  now = Date.now(),
): number | undefined {
  if (!errors.some((e) => code(e) === 'RATELIMITED' || kind(e) === 'ratelimited')) return undefined;
  const budgets = ['requests', 'complexity', 'endpoint-requests'].map((b) => ({
    exhausted: headers.get(`x-ratelimit-${b}-remaining`) === '0',
    reset: resetAt(headers, `x-ratelimit-${b}-reset`),
  }));
  const known = budgets.filter((b) => b.reset !== undefined);
  const chosen = known.some((b) => b.exhausted) ? known.filter((b) => b.exhausted) : known;
  if (chosen.length === 0) {
    const retryAfter = Number(headers.get('retry-after'));
    return Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : DEFAULT_THROTTLE_WAIT_MS;
  }
  return Math.max(0, Math.max(...chosen.map((b) => b.reset ?? 0)) - now);
}

/**
 * Linear's error codes as tool errors: an authentication error means signing in again, a forbidden
 * one names the scope the tool needs, "Entity not found" names what the call was about. Other errors
 * carry Linear's own message for users (`userPresentableMessage`).
 */
export function classify(
  errors: readonly GraphQLErrorItem[],
  subject: Subject,
  scope: string,
): ToolError | undefined {
  const first = errors[0];
  if (!first) return undefined;
  if (errors.some((e) => code(e) === 'AUTHENTICATION_ERROR' || kind(e) === 'authentication error')) {
    return new AuthRequiredError(
      SERVER_ID,
      'Linear rejected the stored credentials (an expired or revoked token, or a deleted API key)',
    );
  }
  const forbidden = errors.find((e) => code(e) === 'FORBIDDEN' || kind(e) === 'forbidden');
  if (forbidden) {
    // Linear forbids for a missing OAuth scope and for access rules alike; its message tells which.
    const text = `${forbidden.message} ${said(forbidden)}`;
    if (/scope/i.test(text)) {
      const named = /\b(read|write|admin|issues:create|comments:create)\b/.exec(text)?.[1];
      return new MissingScopeError(named ?? scope);
    }
    const reason = said(forbidden).replace(/\.\s*$/, '');
    return new ToolError(
      `Permission denied by Linear for ${subject.id}: ${reason}. If the stored token lacks the ` +
        `"${scope}" scope, re-authenticate to grant it.`,
    );
  }
  // Only the call's own entity is "not found"; a missing nested one is reported as Linear words it.
  const topLevel = (e: GraphQLErrorItem) => (e.path?.length ?? 0) <= 1;
  if (errors.some((e) => /entity not found/i.test(e.message) && topLevel(e))) {
    return new NotFoundError(subject.what, subject.id);
  }
  const messages = [...new Set(errors.slice(0, 3).map(said))].join('; ');
  return new ToolError(`Linear refused the request for ${subject.id}: ${messages}`);
}

/** The Linear GraphQL calls of one tool, with the scope it needs (named when Linear says it is missing). */
export class LinearApi {
  readonly #ctx: ToolContext;
  readonly #scope: string;
  readonly #tuning: LinearTuning;

  constructor(ctx: ToolContext, scope: string, tuning: LinearTuning = {}) {
    this.#ctx = ctx;
    this.#scope = scope;
    this.#tuning = tuning;
  }

  /** One request. The client is per call because its error mapping names this call's subject. */
  #call<T>(
    subject: Subject,
    query: string,
    variables: Record<string, unknown>,
    mutation = false,
  ): Promise<T> {
    const client = new GraphQLClient({
      service: SERVICE,
      serverId: SERVER_ID,
      baseUrl: serviceUrl(SERVER_ID, LINEAR_API),
      path: '/graphql',
      log: this.#ctx.log,
      auth: async () => ({ authorization: authorization(await this.#ctx.credentials()) }),
      throttled: (errors, _body, headers) => throttleWait(errors, headers),
      classify: (errors) => classify(errors, subject, this.#scope),
      ...this.#tuning,
    });
    return client.request<T>(query, variables, { signal: this.#ctx.signal, mutation });
  }

  /** Follows first/after until `limit` nodes are in hand or the connection ends. */
  async #collect<T>(
    subject: Subject,
    query: string,
    variables: Record<string, unknown>,
    pick: (data: unknown) => Connection<T>,
    limit: number,
  ): Promise<{ items: T[]; hasMore: boolean }> {
    const items: T[] = [];
    let after: string | null = null;
    let hasMore = false;
    for (let page = 0; page < MAX_PAGES && items.length < limit; page++) {
      const first = Math.min(PAGE_SIZE, limit - items.length);
      const connection = pick(await this.#call(subject, query, { ...variables, first, after }));
      items.push(...connection.nodes.slice(0, limit - items.length));
      hasMore = connection.pageInfo.hasNextPage;
      after = connection.pageInfo.endCursor;
      if (!hasMore || !after) break;
    }
    return { items, hasMore };
  }

  /**
   * Issues whose title or description contains `text` (case-insensitive), most recently updated
   * first; an identifier such as `ENG-123` also finds that issue.
   */
  searchIssues(text: string, limit: number): Promise<{ items: LinearIssue[]; hasMore: boolean }> {
    const or: Record<string, unknown>[] = [
      { title: { containsIgnoreCase: text } },
      { description: { containsIgnoreCase: text } },
    ];
    const identifier = /^([A-Za-z][A-Za-z0-9_]*)-(\d+)$/.exec(text.trim());
    if (identifier) {
      or.push({ team: { key: { eqIgnoreCase: identifier[1] } }, number: { eq: Number(identifier[2]) } });
    }
    return this.#collect(
      { what: 'Search', id: `search "${text}"` },
      SEARCH_ISSUES,
      { filter: { or } },
      (data) => (data as { issues: Connection<LinearIssue> }).issues,
      limit,
    );
  }

  async createIssue(input: IssueInput & { teamId: string }): Promise<LinearIssue> {
    const data = await this.#call<{ issueCreate: IssuePayload }>(
      { what: 'Team, assignee or label', id: `team ${input.teamId}` },
      CREATE_ISSUE,
      { input },
      true,
    );
    return succeeded(data.issueCreate, 'create the issue');
  }

  async updateIssue(id: string, input: IssueInput): Promise<LinearIssue> {
    const data = await this.#call<{ issueUpdate: IssuePayload }>(
      { what: 'Issue', id },
      UPDATE_ISSUE,
      { id, input },
      true,
    );
    return succeeded(data.issueUpdate, `update issue ${id}`);
  }

  /** One page of the teams the user can see; `after` is the previous page's end cursor. */
  async teamsPage(after: string | undefined): Promise<{ teams: LinearTeamSummary[]; next?: string }> {
    const { teams } = await this.#call<{ teams: Connection<LinearTeamSummary> }>(
      { what: 'Teams', id: 'the teams list' },
      LIST_TEAMS,
      { first: PAGE_SIZE, after: after ?? null },
    );
    const next = teams.pageInfo.hasNextPage ? teams.pageInfo.endCursor : null;
    return { teams: teams.nodes, ...(next ? { next } : {}) };
  }

  async team(id: string): Promise<LinearTeam> {
    return (await this.#call<{ team: LinearTeam }>({ what: 'Team', id }, GET_TEAM, { id })).team;
  }
}

/**
 * Checks a personal API key when it is entered (`gumcp auth linear --api-key`), so a mistyped key
 * fails at sign-in rather than at the first tool call. Stores nothing besides the key.
 */
export async function verifyApiKey(
  values: Readonly<Record<string, string>>,
  tuning: LinearTuning = {},
): Promise<undefined> {
  const client = new GraphQLClient({
    service: SERVICE,
    serverId: SERVER_ID,
    baseUrl: serviceUrl(SERVER_ID, LINEAR_API),
    path: '/graphql',
    auth: () => ({ authorization: authorization({ api_key: values.api_key }) }),
    throttled: (errors, _body, headers) => throttleWait(errors, headers),
    classify: (errors) => classify(errors, { what: 'Account', id: 'the API key’s user' }, 'read'),
    ...tuning,
  });
  try {
    await client.request(VIEWER);
  } catch (error) {
    if (error instanceof AuthRequiredError) {
      throw new ToolError(
        'Linear rejected the API key: check that it was copied whole and has not been revoked',
      );
    }
    throw error;
  }
  return undefined;
}

/** A mutation's payload: its issue when Linear says it succeeded, else an error saying what failed. */
function succeeded(payload: IssuePayload | undefined, what: string): LinearIssue {
  if (!payload?.success || !payload.issue) throw new ToolError(`Linear did not ${what} (success: false)`);
  return payload.issue;
}

/** Makes the Linear client a tool uses; `scope` is the scope named if Linear says one is missing. */
export type ApiFactory = (ctx: ToolContext, scope: string) => LinearApi;

export function apiFactory(tuning: LinearTuning = {}): ApiFactory {
  return (ctx, scope) => new LinearApi(ctx, scope, tuning);
}
