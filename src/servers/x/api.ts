import type { Credentials, ToolContext } from '../../core/context.js';
import { AuthRequiredError } from '../../core/errors.js';
import {
  type Query,
  serviceUrl,
  UpstreamClient,
  type UpstreamOptions,
  type UpstreamRequest,
} from '../../upstream/client.js';
import { type Clock, realClock } from '../../util/clock.js';
import { resetAt, type Subject, xError } from './errors.js';

export const X_API = 'https://api.x.com/2';

/** X's limits reset every 15 minutes; a reset at most this far off is waited for, a later one reported. */
const MAX_RESET_WAIT_MS = 60_000;

/**
 * Timing knobs: the upstream client's retries, the longest wait for a limit to reset
 * (`maxRetryAfterMs`, a minute by default), and the clock. Tests pass tiny values and a virtual clock.
 */
export interface ClientTuning
  extends Pick<UpstreamOptions, 'timeoutMs' | 'retries' | 'backoffMs' | 'maxRetryAfterMs'> {
  clock?: Clock;
}

/** A post (tweet) with the fields asked for; `id` and `text` always come. */
export interface XPost {
  id: string;
  text: string;
  [field: string]: unknown;
}

export interface XUser {
  id: string;
  name: string;
  username: string;
  [field: string]: unknown;
}

/** A problem X reports for part of a request that otherwise succeeded (e.g. one id not found). */
export interface XProblem {
  title?: string;
  detail?: string;
  type?: string;
  resource_type?: string;
  resource_id?: string;
  parameter?: string;
  value?: string;
}

/** X's answer shape: data, the expanded objects, paging meta, and problems with parts of the request. */
export interface XAnswer<T> {
  data?: T;
  includes?: Record<string, unknown[]>;
  meta?: { result_count?: number; next_token?: string; newest_id?: string; oldest_id?: string };
  errors?: XProblem[];
}

const enc = encodeURIComponent;

function tokenOf(credentials: Readonly<Credentials>): string {
  const token = credentials.access_token;
  if (typeof token !== 'string' || !token) {
    throw new AuthRequiredError('x', 'the stored credentials hold no access token');
  }
  return token;
}

/**
 * The X API v2 calls, one method per endpoint, with the user's OAuth 2.0 token. Every request reads
 * the token anew, so a token refreshed mid-session is used from the next request on. `scopes` are
 * those of the calling tool, named on a 403.
 */
export class XApi {
  readonly #ctx: ToolContext;
  readonly #scopes: readonly string[];
  readonly #tuning: ClientTuning;

  constructor(ctx: ToolContext, scopes: readonly string[], tuning: ClientTuning = {}) {
    this.#ctx = ctx;
    this.#scopes = scopes;
    this.#tuning = tuning;
  }

  async #call<T>(subject: Subject, path: string, req: UpstreamRequest = {}): Promise<T> {
    const { clock = realClock, ...client } = this.#tuning;
    const credentials = await this.#ctx.credentials();
    tokenOf(credentials);
    const granted = typeof credentials.scope === 'string' ? credentials.scope : undefined;
    const http = new UpstreamClient({
      service: 'X',
      serverId: 'x',
      baseUrl: serviceUrl('x', X_API),
      log: this.#ctx.log,
      auth: async () => ({ authorization: `Bearer ${tokenOf(await this.#ctx.credentials())}` }),
      mapError: (status, body, headers) =>
        xError(status, body, headers, subject, this.#scopes, granted, clock.now()),
      // X's 429 carries no Retry-After, only when the endpoint's window (or the day's cap) resets:
      // that reset is waited for when it is near, else the call fails saying when.
      retryDelay: (status, headers) => {
        const at = status === 429 ? resetAt(headers) : undefined;
        return at === undefined ? undefined : Math.max(0, at - clock.now());
      },
      maxRetryAfterMs: MAX_RESET_WAIT_MS,
      sleep: clock.sleep,
      ...client,
    });
    return http.request<T>(path, req, this.#ctx.signal);
  }

  me(): Promise<XAnswer<XUser>> {
    return this.#call({ what: 'User', id: 'the signed-in user' }, 'users/me');
  }

  userByUsername(username: string, query: Query = {}): Promise<XAnswer<XUser>> {
    return this.#call({ what: 'User', id: `@${username}` }, `users/by/username/${enc(username)}`, { query });
  }

  searchRecent(query: Query): Promise<XAnswer<XPost[]>> {
    return this.#call({ what: 'Search', id: 'recent posts' }, 'tweets/search/recent', { query });
  }

  userPosts(userId: string, query: Query): Promise<XAnswer<XPost[]>> {
    return this.#call({ what: 'User', id: userId }, `users/${enc(userId)}/tweets`, { query });
  }

  homeTimeline(userId: string, query: Query): Promise<XAnswer<XPost[]>> {
    return this.#call({ what: 'User', id: userId }, `users/${enc(userId)}/timelines/reverse_chronological`, {
      query,
    });
  }

  mentions(userId: string, query: Query): Promise<XAnswer<XPost[]>> {
    return this.#call({ what: 'User', id: userId }, `users/${enc(userId)}/mentions`, { query });
  }

  post(id: string, query: Query): Promise<XAnswer<XPost>> {
    return this.#call({ what: 'Post', id }, `tweets/${enc(id)}`, { query });
  }

  /** Posts. X has no idempotency key, so a post is never repeated after a timeout or 5xx. */
  createPost(body: Record<string, unknown>): Promise<XAnswer<{ id: string; text: string }>> {
    return this.#call({ what: 'Post', id: '(new)' }, 'tweets', { method: 'POST', body });
  }

  deletePost(id: string): Promise<XAnswer<{ deleted: boolean }>> {
    return this.#call({ what: 'Post', id }, `tweets/${enc(id)}`, { method: 'DELETE' });
  }
}

/** Makes the X client a tool uses; `scopes` are named if X refuses for a missing scope. */
export type ApiFactory = (ctx: ToolContext, scopes: readonly string[]) => XApi;

export function apiFactory(tuning: ClientTuning = {}): ApiFactory {
  return (ctx, scopes) => new XApi(ctx, scopes, tuning);
}
