import { randomUUID } from 'node:crypto';
import type { Credentials, ToolContext } from '../../core/context.js';
import { AuthRequiredError, ToolError } from '../../core/errors.js';
import {
  type Query,
  serviceUrl,
  UpstreamClient,
  UpstreamError,
  type UpstreamOptions,
  type UpstreamRequest,
  unanswered,
} from '../../upstream/client.js';
import { type FormValue, formBody } from '../../upstream/form.js';
import { noAnswer, type Subject, stripeError } from './errors.js';

export const STRIPE_API = 'https://api.stripe.com/v1';

/**
 * The API version every request is pinned to (Stripe-Version), so an account's default version, or a
 * later change of it in the Dashboard, cannot change the shapes the tools read.
 */
export const STRIPE_VERSION = '2026-10-28.endive';

/** Stripe's largest page of a list. */
const PAGE = 100;
/** A hard stop on pages per call. */
const MAX_PAGES = 20;

/** Timing knobs of the upstream client; tests pass tiny values. */
export type ClientTuning = Pick<
  UpstreamOptions,
  'timeoutMs' | 'retries' | 'backoffMs' | 'maxRetryAfterMs' | 'sleep'
>;

/** The key requests are made with, and what it is (to say how to fix a 401 or 403). */
export interface StripeKey {
  key: string;
  auth: 'connect' | 'secret' | 'restricted';
}

const KEY = /^(sk|rk)_(live|test)_[A-Za-z0-9]+$/;

/**
 * The key of the stored credentials: a secret or restricted key typed in (`api_key`), else the
 * access token of a Stripe Connect sign-in (a secret key of the connected account, used the same way).
 */
export function stripeKey(creds: Credentials): StripeKey {
  const typed = typeof creds.api_key === 'string' ? creds.api_key.trim() : '';
  if (typed) {
    if (!KEY.test(typed)) {
      throw new AuthRequiredError(
        'stripe',
        'the stored api_key is not a Stripe secret key (sk_…) or restricted key (rk_…)',
      );
    }
    return { key: typed, auth: typed.startsWith('rk_') ? 'restricted' : 'secret' };
  }
  const token = typeof creds.access_token === 'string' ? creds.access_token.trim() : '';
  if (token) return { key: token, auth: 'connect' };
  throw new AuthRequiredError('stripe', 'the stored credentials hold neither an access token nor an api_key');
}

/** A page of a Stripe list (`object: "list"`). */
interface ListAnswer<T> {
  object?: string;
  data?: T[];
  has_more?: boolean;
}

export interface Listed<T> {
  items: T[];
  /** The id to pass as `starting_after` to continue; null at the end. */
  next: string | null;
}

/** A body of form fields as Stripe takes them: nested objects in brackets, lists with `[]`. */
export type Fields = Readonly<Record<string, FormValue>>;

/**
 * Stripe's API, through the shared upstream client: Bearer key, pinned Stripe-Version, form bodies.
 * Every request reads the stored credentials anew (a key changed mid-session is used from the next
 * request on). Every POST carries an Idempotency-Key and is retried after a 5xx or a timeout with
 * that same key, so Stripe answers a retry with the first result and never does the work twice.
 */
export class StripeApi {
  readonly #ctx: Pick<ToolContext, 'credentials' | 'log' | 'signal'>;
  readonly #tuning: ClientTuning;

  constructor(ctx: Pick<ToolContext, 'credentials' | 'log' | 'signal'>, tuning: ClientTuning = {}) {
    this.#ctx = ctx;
    this.#tuning = tuning;
  }

  async #call<T>(path: string, req: UpstreamRequest, subject: Omit<Subject, 'auth'>): Promise<T> {
    const key = stripeKey(await this.#ctx.credentials());
    const about: Subject = { ...subject, auth: key.auth };
    const client = stripeClient(key.key, about, this.#tuning, this.#ctx.log);
    try {
      return await client.request<T>(path, req, this.#ctx.signal);
    } catch (error) {
      if (about.doing && unanswered(error)) throw noAnswer(about);
      throw error;
    }
  }

  get<T>(path: string, subject: Omit<Subject, 'auth'>, query?: Query): Promise<T> {
    return this.#call<T>(path, { query }, subject);
  }

  /**
   * A POST with `key` as its Idempotency-Key. Stripe saves the first answer to a key and replays it to
   * a retry with the same body, so the client may retry after a 5xx or a timeout.
   */
  post<T>(path: string, fields: Fields, subject: Omit<Subject, 'auth' | 'key'>, key: string): Promise<T> {
    return this.#call<T>(
      path,
      {
        method: 'POST',
        body: formBody(fields, { lists: 'brackets' }),
        headers: { 'idempotency-key': key },
        idempotent: true,
      },
      { ...subject, key },
    );
  }

  /** A DELETE: idempotent by nature (Stripe takes no Idempotency-Key on it). */
  delete<T>(path: string, subject: Omit<Subject, 'auth'>): Promise<T> {
    return this.#call<T>(path, { method: 'DELETE' }, subject);
  }

  /**
   * A list, following `starting_after` until `limit` items or the end. `next` continues it.
   */
  async list<T extends { id: string }>(
    path: string,
    subject: Omit<Subject, 'auth'>,
    query: Query,
    limit: number,
    startingAfter?: string,
  ): Promise<Listed<T>> {
    const items: T[] = [];
    let after = startingAfter;
    let more = false;
    for (let page = 0; page < MAX_PAGES && items.length < limit; page++) {
      const answer = await this.get<ListAnswer<T>>(path, subject, {
        ...query,
        limit: Math.min(PAGE, limit - items.length),
        starting_after: after,
      });
      const got = answer.data ?? [];
      items.push(...got.slice(0, limit - items.length));
      more = answer.has_more === true && got.length > 0;
      after = items.at(-1)?.id;
      if (!more) break;
    }
    return { items, next: more && after ? after : null };
  }
}

function stripeClient(
  key: string,
  subject: Subject,
  tuning: ClientTuning,
  log?: ToolContext['log'],
): UpstreamClient {
  return new UpstreamClient({
    service: 'Stripe',
    serverId: 'stripe',
    baseUrl: serviceUrl('stripe', STRIPE_API),
    ...(log ? { log } : {}),
    auth: () => ({ authorization: `Bearer ${key}`, 'stripe-version': STRIPE_VERSION }),
    mapError: (status, body, headers) => stripeError(status, body, headers, subject),
    ...tuning,
  });
}

/** One Idempotency-Key per tool call: the caller's (to repeat a call that failed), or a new UUID. */
export function idempotencyKey(given: string | undefined): string {
  return given ?? randomUUID();
}

/**
 * Checks a key typed in at sign-in: its shape first (no request with a publishable key), then Stripe
 * reads the balance with it. A restricted key without that permission authenticates (403): it is
 * taken. Errors never echo the key.
 */
export async function verifyStripeKey(
  values: Readonly<Record<string, string>>,
  tuning: ClientTuning = {},
): Promise<Credentials | undefined> {
  const typed = values.api_key?.trim() ?? '';
  if (/^pk_(live|test)_/.test(typed)) {
    throw new ToolError(
      'api_key: this is a publishable key (pk_…); enter a secret key (sk_…) or restricted key (rk_…)',
    );
  }
  if (!KEY.test(typed)) {
    throw new ToolError(
      'api_key: must be a Stripe secret key (sk_live_… / sk_test_…) or restricted key (rk_…)',
    );
  }
  const subject: Subject = { what: 'Balance', id: 'of the account', auth: 'secret' };
  const client = stripeClient(typed, subject, { retries: 1, ...tuning });
  try {
    const balance = await client.request<{ livemode?: boolean }>('balance');
    return typeof balance.livemode === 'boolean' ? { livemode: balance.livemode } : undefined;
  } catch (error) {
    if (error instanceof UpstreamError && error.status === 403) return undefined;
    if (error instanceof AuthRequiredError) {
      throw new ToolError('api_key: Stripe rejected this key; check that it is complete and not rolled');
    }
    throw error;
  }
}

/** Makes the Stripe client a tool uses. */
export type ApiFactory = (ctx: Pick<ToolContext, 'credentials' | 'log' | 'signal'>) => StripeApi;

export function apiFactory(tuning: ClientTuning = {}): ApiFactory {
  return (ctx) => new StripeApi(ctx, tuning);
}
