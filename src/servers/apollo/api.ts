import type { Credentials, ToolContext } from '../../core/context.js';
import { AuthRequiredError, ToolError } from '../../core/errors.js';
import {
  type Query,
  serviceUrl,
  UpstreamClient,
  type UpstreamOptions,
  type UpstreamRequest,
} from '../../upstream/client.js';
import { type Clock, realClock } from '../../util/clock.js';
import { apolloError, MINUTE_MS, retryable429, type Subject } from './errors.js';

export const APOLLO_API = 'https://api.apollo.io/api/v1';

/** Apollo's largest page (`per_page` is at most 100). */
export const MAX_PER_PAGE = 100;

/** Timing knobs: the client's retries, the longest wait it accepts, and the clock. */
export interface ClientTuning
  extends Pick<UpstreamOptions, 'timeoutMs' | 'retries' | 'backoffMs' | 'maxRetryAfterMs'> {
  clock?: Clock;
}

/** An Apollo object as it answers it; the fields this server reads are named in shapes.ts. */
export type ApolloObject = Record<string, unknown>;

/** Apollo's `pagination` on searches and lists. */
export interface Pagination {
  page?: number | null;
  per_page?: number | null;
  total_entries?: number | null;
  total_pages?: number | null;
}

export interface SearchAnswer {
  pagination?: Pagination;
  [list: string]: unknown;
}

const enc = encodeURIComponent;

function keyOf(creds: Credentials): string {
  const key = creds.api_key;
  if (typeof key !== 'string' || !key.trim()) {
    throw new AuthRequiredError('apollo', 'the stored credentials hold no API key (field "api_key")');
  }
  return key.trim();
}

/**
 * The Apollo REST API calls this server makes. The key goes in the `x-api-key` header (never the
 * query, where it would reach logs); a 429 is retried only for the per-minute limit.
 */
export class ApolloApi {
  readonly #ctx: Pick<ToolContext, 'credentials' | 'log' | 'signal'>;
  readonly #tuning: ClientTuning;

  constructor(ctx: Pick<ToolContext, 'credentials' | 'log' | 'signal'>, tuning: ClientTuning) {
    this.#ctx = ctx;
    this.#tuning = tuning;
  }

  async #call<T>(subject: Subject, path: string, req: UpstreamRequest = {}): Promise<T> {
    // Read on every call, so a key replaced mid-session is used from the next call on.
    const key = keyOf(await this.#ctx.credentials());
    return apolloClient(key, subject, this.#tuning, this.#ctx.log).request<T>(path, req, this.#ctx.signal);
  }

  // Searches and lists: POST or GET, but they change nothing, so they are retried like reads.

  searchContacts(body: ApolloObject): Promise<SearchAnswer> {
    return this.#call({ what: 'Contacts', id: 'search' }, 'contacts/search', {
      method: 'POST',
      body,
      idempotent: true,
    });
  }

  searchAccounts(body: ApolloObject): Promise<SearchAnswer> {
    return this.#call({ what: 'Accounts', id: 'search' }, 'accounts/search', {
      method: 'POST',
      body,
      idempotent: true,
    });
  }

  deals(query: Query): Promise<SearchAnswer> {
    return this.#call({ what: 'Deals', id: 'of the team' }, 'opportunities/search', { query });
  }

  users(query: Query): Promise<SearchAnswer> {
    return this.#call({ what: 'Users', id: 'of the team' }, 'users/search', { query });
  }

  contactStages(): Promise<{ contact_stages?: ApolloObject[] }> {
    return this.#call({ what: 'Contact stages', id: 'of the team' }, 'contact_stages');
  }

  accountStages(): Promise<{ account_stages?: ApolloObject[] }> {
    return this.#call({ what: 'Account stages', id: 'of the team' }, 'account_stages');
  }

  dealStages(): Promise<{ opportunity_stages?: ApolloObject[] }> {
    return this.#call({ what: 'Deal stages', id: 'of the team' }, 'opportunity_stages');
  }

  // Enrichment spends credits: never repeated after a timeout or server error, where the first
  // attempt may have been charged.

  enrichPerson(query: Query): Promise<{ person?: ApolloObject | null }> {
    return this.#call({ what: 'Person', id: 'to enrich' }, 'people/match', { method: 'POST', query });
  }

  enrichOrganization(domain: string): Promise<{ organization?: ApolloObject | null }> {
    return this.#call({ what: 'Organization', id: domain }, 'organizations/enrich', {
      query: { domain },
      idempotent: false,
    });
  }

  // Records. Creates are not repeated after a failure (Apollo has no idempotency key); updates set
  // values, so repeating one changes nothing more.

  createContact(body: ApolloObject): Promise<{ contact?: ApolloObject }> {
    return this.#call({ what: 'Contact', id: 'to create' }, 'contacts', { method: 'POST', body });
  }

  updateContact(id: string, body: ApolloObject): Promise<{ contact?: ApolloObject }> {
    return this.#call({ what: 'Contact', id }, `contacts/${enc(id)}`, {
      method: 'PATCH',
      body,
      idempotent: true,
    });
  }

  createAccount(body: ApolloObject): Promise<{ account?: ApolloObject }> {
    return this.#call({ what: 'Account', id: 'to create' }, 'accounts', { method: 'POST', body });
  }

  updateAccount(id: string, body: ApolloObject): Promise<{ account?: ApolloObject }> {
    return this.#call({ what: 'Account', id }, `accounts/${enc(id)}`, {
      method: 'PATCH',
      body,
      idempotent: true,
    });
  }

  createDeal(body: ApolloObject): Promise<{ opportunity?: ApolloObject }> {
    return this.#call({ what: 'Deal', id: 'to create' }, 'opportunities', { method: 'POST', body });
  }

  updateDeal(id: string, body: ApolloObject): Promise<{ opportunity?: ApolloObject }> {
    return this.#call({ what: 'Deal', id }, `opportunities/${enc(id)}`, {
      method: 'PATCH',
      body,
      idempotent: true,
    });
  }

  /** Creates one task per contact (Apollo does not deduplicate tasks). */
  createTasks(body: ApolloObject): Promise<{ success?: boolean; tasks?: ApolloObject[] }> {
    return this.#call({ what: 'Tasks', id: 'to create' }, 'tasks/bulk_create', { method: 'POST', body });
  }
}

function apolloClient(
  key: string,
  subject: Subject,
  tuning: ClientTuning,
  log?: ToolContext['log'],
): UpstreamClient {
  const { clock = realClock, ...rest } = tuning;
  return new UpstreamClient({
    service: 'Apollo',
    serverId: 'apollo',
    baseUrl: serviceUrl('apollo', APOLLO_API),
    ...(log ? { log } : {}),
    auth: () => ({ 'x-api-key': key, 'cache-control': 'no-cache' }),
    mapError: (status, body, headers) => apolloError(status, body, headers, subject, clock.now(), key),
    retryable: (status, headers, body) => (status === 429 ? retryable429(headers, body) : undefined),
    // Reached only for the per-minute limit (the others are not retried, or carry Retry-After).
    retryDelay: (status) => (status === 429 ? MINUTE_MS : undefined),
    sleep: clock.sleep,
    ...rest,
  });
}

/**
 * Checks a key when it is entered (`gumcp auth apollo`) with GET /auth/health, which answers
 * `{ is_logged_in: true }` for a working key, so a wrong key fails at sign-in.
 */
export async function verifyApiKey(
  values: Readonly<Record<string, string>>,
  tuning: ClientTuning = {},
): Promise<undefined> {
  const key = values.api_key?.trim();
  if (!key)
    throw new ToolError('api_key: enter the Apollo API key (Settings > Integrations > API in Apollo)');
  const rejected = new ToolError(
    'Apollo rejected the API key: check that it was copied whole and has not been revoked',
  );
  let health: { is_logged_in?: unknown } | undefined;
  try {
    health = await apolloClient(key, { what: 'API key', id: '(the one entered)' }, tuning).request(
      'auth/health',
    );
  } catch (error) {
    if (error instanceof AuthRequiredError) throw rejected;
    throw error;
  }
  if (health?.is_logged_in !== true) throw rejected;
  return undefined;
}

export type ApiFactory = (ctx: Pick<ToolContext, 'credentials' | 'log' | 'signal'>) => ApolloApi;

export function apiFactory(tuning: ClientTuning = {}): ApiFactory {
  return (ctx) => new ApolloApi(ctx, tuning);
}
