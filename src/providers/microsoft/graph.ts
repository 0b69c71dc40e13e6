import type { ToolContext } from '../../core/context.js';
import { AuthRequiredError, NotFoundError, ToolError } from '../../core/errors.js';
import {
  type Query,
  serviceUrl,
  type UpstreamAnswer,
  UpstreamClient,
  UpstreamError,
} from '../../upstream/client.js';
import { type JobState, pollJob } from '../../upstream/poll.js';

/** Microsoft Graph v1.0, the API of every Microsoft 365 server. */
export const GRAPH_URL = 'https://graph.microsoft.com/v1.0';

/** Graph's error body: `{ error: { code, message, innerError: { "request-id", date } } }`. */
export interface GraphErrorBody {
  error?: {
    code?: string;
    message?: string;
    innerError?: { 'request-id'?: string; 'client-request-id'?: string; date?: string };
  };
}

/** A Graph collection page: its items and the link to the next page, to be followed exactly as given. */
export interface GraphPage<T> {
  value?: T[];
  '@odata.nextLink'?: string;
}

export interface GraphOptions {
  serverId: string;
  /** The service's name in messages ("Outlook", "Microsoft Teams"). */
  service: string;
  /** The scopes the server signs in with, named when Graph refuses a call for lack of permission. */
  scopes: readonly string[];
  /** Test hooks: tiny waits make retry paths fast. */
  retries?: number;
  backoffMs?: number;
}

/** The id Microsoft support asks for, when Graph gave one. */
const requestId = (body: GraphErrorBody | undefined) => {
  const id = body?.error?.innerError?.['request-id'];
  return id ? ` (request-id ${id})` : '';
};

/**
 * An upstream client for Graph with the user's token, mapping Graph's error shape to messages a user
 * can act on. Throttling (429 and 503 with Retry-After) is retried by the upstream client.
 */
export function graphApi(
  ctx: Pick<ToolContext, 'credentials' | 'log'>,
  options: GraphOptions,
): UpstreamClient {
  const { serverId, service, scopes } = options;
  return new UpstreamClient({
    service,
    serverId,
    baseUrl: serviceUrl(serverId, GRAPH_URL),
    log: ctx.log,
    ...(options.retries !== undefined ? { retries: options.retries } : {}),
    ...(options.backoffMs !== undefined ? { backoffMs: options.backoffMs } : {}),
    auth: async () => ({ authorization: `Bearer ${String((await ctx.credentials()).access_token ?? '')}` }),
    mapError(status, raw) {
      const body = raw as GraphErrorBody | undefined;
      const code = body?.error?.code;
      const message = body?.error?.message?.slice(0, 300);
      const detail = `${code ? `${code}: ` : ''}${message ?? `HTTP ${status}`}${requestId(body)}`;
      if (status === 401) return new AuthRequiredError(serverId, `${service} rejected the stored token`);
      if (status === 403) {
        return new UpstreamError(
          `Permission denied by ${service}: ${detail}. The account or the app may lack a permission this needs (the server asks for ${scopes.join(', ')}); re-authenticate, or ask an administrator to grant it.`,
          403,
        );
      }
      if (status === 404) return new UpstreamError(`Not found at ${service}: ${detail}`, 404);
      if (status === 429 || status >= 500) return undefined;
      return new UpstreamError(`${service} rejected the request (HTTP ${status}): ${detail}`, status);
    },
  });
}

/** Names what a 404 was about, in the caller's words ("File not found: 01ABC"). */
export async function graphOrNotFound<T>(what: string, id: string, call: Promise<T>): Promise<T> {
  try {
    return await call;
  } catch (error) {
    if (error instanceof UpstreamError && error.status === 404) throw new NotFoundError(what, id);
    throw error;
  }
}

/** A hard stop on pages, so a service answering empty pages with links cannot loop us. */
const MAX_PAGES = 100;

/**
 * A next-page link as a URL on Graph's own origin. The user's token goes with it, so a link to any
 * other host is refused, whether Graph gave it or a client sent it back as a cursor.
 */
function onGraph(client: UpstreamClient, link: string, stopped: string): string {
  let url: URL;
  try {
    url = new URL(link, client.baseUrl);
  } catch {
    throw new ToolError('Invalid page cursor');
  }
  if (url.origin !== new URL(client.baseUrl).origin) {
    throw new ToolError(`${client.service} gave a next-page link to another host; ${stopped}`);
  }
  return url.href;
}

/**
 * One page of a collection: the first (`first` with `query`), or the one at `cursor`, a next-page
 * link Graph gave, followed exactly as given (it carries the skip token and the original query).
 * `next` is Graph's link to the page after, the cursor a resources/list answer hands out; a cursor
 * the client sends back is refused when it leads anywhere but Graph.
 */
export async function graphPageAt<T>(
  client: UpstreamClient,
  first: string,
  query: Query,
  cursor: string | undefined,
  signal?: AbortSignal,
  /** Sent with the request, e.g. Outlook's `Prefer: outlook.body-content-type="text"`. */
  headers?: Record<string, string>,
): Promise<{ items: T[]; next?: string }> {
  const page = await client.request<GraphPage<T>>(
    cursor ? onGraph(client, cursor, 'stopped') : first,
    { ...(cursor ? {} : { query }), ...(headers ? { headers } : {}) },
    signal,
  );
  const next = page['@odata.nextLink'];
  return { items: page.value ?? [], ...(next ? { next } : {}) };
}

/**
 * Follows `@odata.nextLink` (exactly as Graph gives it) until `limit` items are in hand. A link to
 * another origin is refused, since the user's token would go with it.
 */
export async function graphPages<T>(
  client: UpstreamClient,
  first: string,
  query: Query,
  limit: number,
  signal?: AbortSignal,
  /** Sent with every page, e.g. SharePoint's `Prefer: HonorNonIndexedQueriesWarningMayFailRandomly`. */
  headers?: Record<string, string>,
): Promise<{ items: T[]; more: boolean }> {
  const items: T[] = [];
  let page = await graphPageAt<T>(client, first, query, undefined, signal, headers);
  for (let n = 1; ; n++) {
    items.push(...page.items);
    const { next } = page;
    if (!next || items.length >= limit || n >= MAX_PAGES) {
      return { items: items.slice(0, limit), more: items.length > limit || Boolean(next) };
    }
    onGraph(client, next, `stopped after ${items.length} items`);
    page = await graphPageAt<T>(client, first, query, next, signal, headers);
  }
}

/** A long-running operation's status document (Teams creation, an item copy). */
interface OperationStatus {
  status?: string;
  percentageComplete?: number;
  resourceId?: string;
  targetResourceId?: string;
  error?: { code?: string; message?: string };
}

/**
 * Waits for the operation behind a 202 answer (its `Location` header) to finish, with the shared
 * poller, and returns the id of the resource it made. A Location on another origin (item copies
 * answer with a pre-authenticated monitor URL) is polled without the user's token.
 */
export async function waitForOperation(
  client: UpstreamClient,
  accepted: UpstreamAnswer<unknown>,
  options: {
    what: string;
    signal?: AbortSignal;
    progress?: ToolContext['progress'];
    deadlineMs?: number;
    /** First wait between looks (default 1 s); tests make it tiny. */
    initialDelayMs?: number;
  },
): Promise<string | undefined> {
  const location = accepted.headers.get('location');
  if (!location) return undefined;
  // Graph gives the Location relative to its version root ("/teams('…')/operations('…')") or absolute.
  const base = client.baseUrl.endsWith('/') ? client.baseUrl : `${client.baseUrl}/`;
  const monitor = /^https?:\/\//i.test(location) ? location : new URL(location.replace(/^\//, ''), base).href;
  const anonymous = new URL(monitor).origin !== new URL(base).origin;
  return pollJob({
    what: options.what,
    signal: options.signal,
    ...(options.progress ? { progress: options.progress } : {}),
    ...(options.deadlineMs !== undefined ? { deadlineMs: options.deadlineMs } : {}),
    initialDelayMs: options.initialDelayMs ?? 1000,
    later: `it goes on at Microsoft; look for it again in a minute`,
    async check(): Promise<JobState<string | undefined>> {
      const status = await client.request<OperationStatus>(monitor, { anonymous }, options.signal);
      switch (status.status?.toLowerCase()) {
        case 'succeeded':
        case 'completed':
          return { state: 'done', value: status.targetResourceId ?? status.resourceId };
        case 'failed':
          return {
            state: 'failed',
            reason: status.error?.message ?? status.error?.code ?? 'no reason given',
          };
        default:
          return status.percentageComplete !== undefined
            ? { state: 'running', progress: status.percentageComplete, total: 100 }
            : { state: 'running' };
      }
    },
  });
}
