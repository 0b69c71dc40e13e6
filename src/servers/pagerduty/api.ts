import type { Credentials, ToolContext } from '../../core/context.js';
import { AuthRequiredError, ToolError } from '../../core/errors.js';
import {
  type Query,
  serviceUrl,
  UpstreamClient,
  type UpstreamOptions,
  type UpstreamRequest,
} from '../../upstream/client.js';
import { sleep } from '../../util/sleep.js';
import { pagerDutyError, resetSeconds, type Subject, type TokenKind } from './errors.js';

/** PagerDuty's REST API v2 root. */
export const PAGERDUTY_API = 'https://api.pagerduty.com';

/** The versioned media type PagerDuty's REST API v2 answers with. */
export const ACCEPT = 'application/vnd.pagerduty+json;version=2';

/** PagerDuty's largest page (`limit`). */
export const PAGE_SIZE = 100;

/** PagerDuty's window is a minute, so a documented reset is at most a minute away. */
const MAX_RESET_WAIT_MS = 60_000;

/** Timing knobs of the upstream client; tests pass a `sleep` that records the wait instead of sleeping. */
export interface ClientTuning
  extends Pick<UpstreamOptions, 'timeoutMs' | 'retries' | 'backoffMs' | 'maxRetryAfterMs'> {
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

/** A PagerDuty reference (`user_reference`, `service_reference`, ...). */
export interface PdReference {
  id: string;
  type?: string;
  summary?: string | null;
  self?: string | null;
  html_url?: string | null;
}

/** One page of a classic (offset) list: the items under the endpoint's key, and `more`. */
export interface OffsetPage {
  limit?: number;
  offset?: number;
  more?: boolean;
  total?: number | null;
  [key: string]: unknown;
}

/** The user PagerDuty answers for `GET /users/{id}` (the fields this server reads). */
export interface PdUser extends PdReference {
  name?: string;
  email?: string;
  [field: string]: unknown;
}

/**
 * The Authorization header of stored credentials: an OAuth token (`gumcp auth pagerduty`) as a Bearer
 * token, a REST API key (`gumcp auth pagerduty --api-key`) as `Token token=<key>`, PagerDuty's scheme.
 */
export function authorization(credentials: Credentials): { header: string; kind: TokenKind } {
  const token = credentials.access_token;
  if (typeof token === 'string' && token.trim()) return { header: `Bearer ${token.trim()}`, kind: 'oauth' };
  const key = credentials.api_key;
  if (typeof key === 'string' && key.trim()) return { header: `Token token=${key.trim()}`, kind: 'api_key' };
  throw new AuthRequiredError(
    'pagerduty',
    'the stored credentials hold neither an access token nor an API key',
  );
}

export interface CallOptions extends Pick<UpstreamRequest, 'method' | 'query' | 'body' | 'idempotent'> {
  /** The `From` header: the email of the PagerDuty user a write is made as. */
  from?: string;
}

/** One request to PagerDuty with the given credentials, errors mapped for `subject`. */
export async function pdRequest<T>(
  credentials: () => Promise<Credentials>,
  subject: Subject,
  scope: string,
  path: string,
  options: CallOptions,
  tuning: ClientTuning,
  ctx?: Pick<ToolContext, 'log' | 'signal'>,
): Promise<T> {
  const { sleep: wait = sleep, ...client } = tuning;
  const { from, ...req } = options;
  const write = (req.method ?? 'GET') !== 'GET';
  let kind: TokenKind = 'oauth';
  const http = new UpstreamClient({
    service: 'PagerDuty',
    serverId: 'pagerduty',
    baseUrl: serviceUrl('pagerduty', PAGERDUTY_API),
    ...(ctx ? { log: ctx.log } : {}),
    // Read on every request, so a token refreshed mid-session is used from the next request on.
    auth: async () => {
      const auth = authorization(await credentials());
      kind = auth.kind;
      return { authorization: auth.header };
    },
    mapError: (status, body, headers) =>
      pagerDutyError(status, body, headers, { subject, scope, kind, write }),
    retryDelay: (status, headers) => {
      const reset = resetSeconds(headers);
      return status === 429 && reset !== undefined ? reset * 1000 : undefined;
    },
    maxRetryAfterMs: MAX_RESET_WAIT_MS,
    sleep: wait,
    ...client,
  });
  return http.request<T>(
    path,
    {
      ...req,
      // The versioned media type; PagerDuty's description declares Content-Type on every operation.
      headers: { accept: ACCEPT, 'content-type': 'application/json', ...(from ? { from } : {}) },
    },
    ctx?.signal,
  );
}

/** What a list tool asked for and what it got, across pages. */
export interface Collected<T> {
  items: T[];
  more: boolean;
  /** The offset to ask for next, when there is more. */
  next_offset: number | null;
  total: number | null;
}

const enc = encodeURIComponent;

/** The PagerDuty REST API v2 calls this server makes. */
export class PagerDutyApi {
  readonly #ctx: Pick<ToolContext, 'credentials' | 'log' | 'signal'>;
  readonly #scope: string;
  readonly #tuning: ClientTuning;

  constructor(ctx: Pick<ToolContext, 'credentials' | 'log' | 'signal'>, scope: string, tuning: ClientTuning) {
    this.#ctx = ctx;
    this.#scope = scope;
    this.#tuning = tuning;
  }

  call<T>(subject: Subject, path: string, options: CallOptions = {}): Promise<T> {
    return pdRequest<T>(
      () => this.#ctx.credentials(),
      subject,
      this.#scope,
      path,
      options,
      this.#tuning,
      this.#ctx,
    );
  }

  /**
   * Follows `offset`/`limit` pages of a classic list while PagerDuty says `more`, up to `limit` items.
   * `total` is asked for on the first page only (it costs PagerDuty a count).
   */
  async collect<T>(
    subject: Subject,
    path: string,
    key: string,
    query: Query,
    limit: number,
    offset: number,
    total: boolean,
    from?: string,
  ): Promise<Collected<T>> {
    const items: T[] = [];
    let at = offset;
    let count: number | null = null;
    for (let first = true; ; first = false) {
      const size = Math.min(PAGE_SIZE, limit - items.length);
      const page = await this.call<OffsetPage>(subject, path, {
        query: { ...query, limit: size, offset: at, total: first && total ? true : undefined },
        ...(from ? { from } : {}),
      });
      if (first && typeof page.total === 'number') count = page.total;
      const got = Array.isArray(page[key]) ? (page[key] as T[]) : [];
      items.push(...got);
      at += got.length;
      if (!page.more || got.length === 0) return { items, more: false, next_offset: null, total: count };
      if (items.length >= limit) return { items, more: true, next_offset: at, total: count };
    }
  }

  async user(id: string, include: readonly string[] | undefined): Promise<PdUser> {
    const path = id === 'me' ? 'users/me' : `users/${enc(id)}`;
    const r = await this.call<{ user: PdUser }>(
      { what: 'User', id: id === 'me' ? 'the signed-in user' : id },
      path,
      { query: { 'include[]': include } },
    );
    return r.user;
  }

  /**
   * The email a `From` header carries: the one given, or for `me` the signed-in user's, stored at
   * sign-in or asked of `GET /users/me` (which only a user's token can answer).
   */
  async fromEmail(given: string): Promise<string> {
    if (given.trim().toLowerCase() !== 'me') return given.trim();
    const creds = await this.#ctx.credentials();
    if (typeof creds.email === 'string' && creds.email) return creds.email;
    try {
      const me = await this.user('me', undefined);
      if (me.email) return me.email;
    } catch (error) {
      if (error instanceof AuthRequiredError) throw error;
    }
    throw new ToolError(
      'email_from: "me" needs a user\'s token (OAuth or a user API key); with an account API key give the email of a PagerDuty user',
    );
  }
}

export type ApiFactory = (
  ctx: Pick<ToolContext, 'credentials' | 'log' | 'signal'>,
  scope: string,
) => PagerDutyApi;

export function apiFactory(tuning: ClientTuning = {}): ApiFactory {
  return (ctx, scope) => new PagerDutyApi(ctx, scope, tuning);
}

/**
 * Learns who a new OAuth token or user API key belongs to (`GET /users/me`), stored so that
 * `email_from: "me"` needs no request. An account API key has no user: nothing is stored for it.
 */
export async function whoAmI(credentials: Credentials, tuning: ClientTuning = {}): Promise<Credentials> {
  try {
    const r = await pdRequest<{ user: PdUser }>(
      async () => credentials,
      { what: 'User', id: 'of the token' },
      'read',
      'users/me',
      {},
      tuning,
    );
    return Object.fromEntries(
      Object.entries({ user_id: r.user.id, email: r.user.email }).filter(
        ([, v]) => typeof v === 'string' && v,
      ),
    );
  } catch (error) {
    if (error instanceof AuthRequiredError) throw error;
    return {};
  }
}

/**
 * Checks a REST API key when it is entered: a user key is asked who it is; an account key (which
 * `/users/me` refuses) is checked with `GET /abilities`, which every valid key may read.
 */
export async function verifyApiKey(
  values: Readonly<Record<string, string>>,
  tuning: ClientTuning = {},
): Promise<Credentials> {
  const key = values.api_key?.trim();
  if (!key) throw new ToolError('api_key: enter a PagerDuty REST API key (Integrations > API Access Keys)');
  const credentials = { api_key: key };
  try {
    const found = await whoAmI(credentials, tuning);
    if (Object.keys(found).length > 0) return found;
    await pdRequest(
      async () => credentials,
      { what: 'Abilities', id: 'of the account' },
      'read',
      'abilities',
      {},
      tuning,
    );
    return {};
  } catch (error) {
    if (error instanceof AuthRequiredError) {
      throw new ToolError(
        'PagerDuty rejected the API key: check that it was copied whole and has not been deleted',
      );
    }
    throw error;
  }
}
