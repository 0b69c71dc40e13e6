import { randomUUID } from 'node:crypto';
import type { Credentials, ToolContext } from '../../core/context.js';
import { AuthRequiredError, ToolError } from '../../core/errors.js';
import {
  serviceUrl,
  UpstreamClient,
  type UpstreamOptions,
  type UpstreamRequest,
} from '../../upstream/client.js';
import { faultOf, quickbooksError, type Subject } from './errors.js';

/** The Accounting API's hosts: production companies, and the sandbox companies of development keys. */
export const PRODUCTION_API = 'https://quickbooks.api.intuit.com/v3/company';
export const SANDBOX_API = 'https://sandbox-quickbooks.api.intuit.com/v3/company';
/** Which host: `production` (default) or `sandbox`, for the whole deployment (an app's keys are one or the other). */
export const ENVIRONMENT_VARIABLE = 'GUMCP_QUICKBOOKS_ENVIRONMENT';

/**
 * The minor version every call asks for. Intuit serves 75 to any request that asks for less (or for
 * none) since August 2025; asking for it by name keeps the answers' shape fixed.
 */
export const MINOR_VERSION = '75';

/** The largest page of a query. */
export const QUERY_PAGE = 1000;
/** A hard stop on pages per call, should a listing never end. */
const MAX_PAGES = 50;

/** Timing knobs of the upstream client; tests pass tiny values. */
export type ClientTuning = Pick<
  UpstreamOptions,
  'timeoutMs' | 'retries' | 'backoffMs' | 'maxRetryAfterMs' | 'sleep'
>;

/** An entity as the API answers it, e.g. a Customer or a Purchase. */
export type Entity = Record<string, unknown> & { Id?: string };

/** The company API root of the deployment's environment, or GUMCP_QUICKBOOKS_API_URL when set. */
export function companyApiRoot(): string {
  const environment =
    (process.env[ENVIRONMENT_VARIABLE] ?? 'production').trim().toLowerCase() || 'production';
  if (environment !== 'production' && environment !== 'sandbox') {
    throw new ToolError(
      `${ENVIRONMENT_VARIABLE} must be "production" or "sandbox", not "${environment.slice(0, 40)}"`,
    );
  }
  return serviceUrl('quickbooks', environment === 'sandbox' ? SANDBOX_API : PRODUCTION_API);
}

/** The company (realm) the user connected: QuickBooks names it on the sign-in redirect, stored as `realmId`. */
export function realmOf(credentials: Readonly<Credentials>): string {
  const realm = credentials.realmId;
  const value = typeof realm === 'number' ? String(realm) : typeof realm === 'string' ? realm.trim() : '';
  if (!/^\d{1,32}$/.test(value)) {
    throw new AuthRequiredError(
      'quickbooks',
      'no QuickBooks company (realmId) is stored with the credentials',
    );
  }
  return value;
}

/** A QuickBooks query string literal: a quote or backslash in a value cannot end it. */
export const qbString = (value: string): string => `'${value.replace(/[\\']/g, (c) => `\\${c}`)}'`;

/**
 * The QuickBooks Online Accounting API on the user's company. Every request reads the credentials
 * anew (a token refreshed mid-session is used from the next request on), carries `minorversion`, and
 * has its answer checked for a fault, which QuickBooks may send with HTTP 200.
 */
export class QuickBooksApi {
  readonly #ctx: ToolContext;
  readonly #tuning: ClientTuning;

  constructor(ctx: ToolContext, tuning: ClientTuning = {}) {
    this.#ctx = ctx;
    this.#tuning = tuning;
  }

  /** Every call: the company's path, minorversion, and a fault in the answer turned into an error. */
  async #call<T>(subject: Subject, path: string, req: UpstreamRequest = {}): Promise<T> {
    const credentials = await this.#ctx.credentials();
    const token = credentials.access_token;
    if (typeof token !== 'string' || !token) {
      throw new AuthRequiredError('quickbooks', 'the stored credentials hold no access token');
    }
    const client = new UpstreamClient({
      service: 'QuickBooks',
      serverId: 'quickbooks',
      baseUrl: `${companyApiRoot().replace(/\/+$/, '')}/${realmOf(credentials)}`,
      log: this.#ctx.log,
      auth: () => ({ authorization: `Bearer ${token}` }),
      mapError: (status, body, headers) => quickbooksError(status, body, headers, subject),
      ...this.#tuning,
    });
    const answer = await client.exchange<T>(
      path,
      { ...req, query: { ...req.query, minorversion: MINOR_VERSION } },
      this.#ctx.signal,
    );
    if (faultOf(answer.body)) throw quickbooksError(answer.status, answer.body, answer.headers, subject);
    return answer.body;
  }

  /**
   * Runs a query (`SELECT * FROM Invoice WHERE …`, without paging clauses), following
   * STARTPOSITION/MAXRESULTS pages until `limit` entities or the end. `truncated` says the limit
   * stopped it.
   */
  async query(
    entity: string,
    statement: string,
    limit: number,
    start = 1,
  ): Promise<{ items: Entity[]; truncated: boolean; next?: number }> {
    const items: Entity[] = [];
    let position = start;
    let more = true;
    for (let page = 0; page < MAX_PAGES && more && items.length < limit; page++) {
      const size = Math.min(QUERY_PAGE, limit - items.length);
      const answer = await this.#call<{ QueryResponse?: Record<string, unknown> }>(
        { what: `${entity} query`, id: 'of the company' },
        'query',
        { query: { query: `${statement} STARTPOSITION ${position} MAXRESULTS ${size}` } },
      );
      const found = answer.QueryResponse?.[entity];
      const batch = Array.isArray(found) ? (found as Entity[]) : [];
      items.push(...batch);
      position += batch.length;
      more = batch.length === size;
    }
    return { items, truncated: more, ...(more ? { next: position } : {}) };
  }

  /** Reads one entity by id, e.g. `customer`, `58`. */
  async read(entity: string, label: string, id: string): Promise<Entity> {
    const answer = await this.#call<Record<string, unknown>>(
      { what: label, id },
      `${entity.toLowerCase()}/${encodeURIComponent(id)}`,
    );
    const found = answer[label];
    if (!found || typeof found !== 'object')
      throw new ToolError(`QuickBooks answered with no ${label} ${id}`);
    return found as Entity;
  }

  /**
   * Creates an entity with a `requestid` made once for this call: the client's retries after a
   * timeout or 5xx send the same one, and QuickBooks answers a repeated requestid with the first
   * answer instead of creating again, so the create is safe to retry.
   */
  async create(
    entity: string,
    body: Record<string, unknown>,
    requestId: string = randomUUID(),
  ): Promise<Entity> {
    const answer = await this.#call<Record<string, unknown>>(
      { what: entity, id: '(new)' },
      entity.toLowerCase(),
      {
        method: 'POST',
        body,
        query: { requestid: requestId },
        idempotent: true,
      },
    );
    const found = answer[entity];
    if (!found || typeof found !== 'object')
      throw new ToolError(`QuickBooks answered the create with no ${entity}`);
    return found as Entity;
  }
}

/** Makes the QuickBooks client a tool uses. */
export type ApiFactory = (ctx: ToolContext) => QuickBooksApi;

export function apiFactory(tuning: ClientTuning = {}): ApiFactory {
  return (ctx) => new QuickBooksApi(ctx, tuning);
}
