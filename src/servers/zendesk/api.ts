import { randomUUID } from 'node:crypto';
import type { Credentials, ToolContext } from '../../core/context.js';
import type { TenantField } from '../../core/definition.js';
import { AuthRequiredError } from '../../core/errors.js';
import {
  type Query,
  serviceUrl,
  UpstreamClient,
  type UpstreamOptions,
  type UpstreamRequest,
} from '../../upstream/client.js';
import { rateLimitWait, type Subject, zendeskError } from './errors.js';

/** The Support API root of one Zendesk account; `{subdomain}` is the account's. */
export const ZENDESK_API = 'https://{subdomain}.zendesk.com/api/v2';

/**
 * The Zendesk subdomain a user names at sign-in (`acme` for acme.zendesk.com): it is part of the
 * authorize, token and API URLs, and nothing else tells it. A pasted URL is cut down to it.
 */
export const SUBDOMAIN: TenantField = {
  name: 'subdomain',
  label: 'Zendesk subdomain',
  example: 'acme (from https://acme.zendesk.com)',
  pattern: /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/,
  normalize: (value) =>
    value
      .trim()
      .toLowerCase()
      .replace(/^https?:\/\//, '')
      .replace(/[/?#].*$/, '')
      .replace(/\.zendesk\.com$/, ''),
};

/**
 * Timing knobs of the upstream client. Production uses the client's defaults; tests pass tiny values
 * through `createZendeskServer(tuning)` so retried 429s and exhausted 5xx cost milliseconds.
 */
export type ClientTuning = Pick<
  UpstreamOptions,
  'timeoutMs' | 'retries' | 'backoffMs' | 'maxRetryAfterMs' | 'sleep'
>;

// Shapes of the Support API objects this server reads (the fields it uses).

export interface ZdTicket {
  id: number;
  url?: string;
  subject?: string | null;
  raw_subject?: string | null;
  description?: string | null;
  status?: string | null;
  priority?: string | null;
  type?: string | null;
  tags?: string[];
  requester_id?: number | null;
  submitter_id?: number | null;
  assignee_id?: number | null;
  group_id?: number | null;
  organization_id?: number | null;
  created_at?: string | null;
  updated_at?: string | null;
  due_at?: string | null;
  result_type?: string;
}

export interface ZdAuditEvent {
  id: number;
  type: string;
  body?: string;
  html_body?: string;
  plain_body?: string;
  public?: boolean;
  author_id?: number;
  field_name?: string;
  value?: unknown;
}

export interface ZdAudit {
  id: number;
  ticket_id: number;
  author_id?: number;
  created_at?: string;
  events?: ZdAuditEvent[];
}

export interface ZdView {
  id: number;
  title: string;
  description?: string | null;
  active?: boolean;
  default?: boolean;
  position?: number;
  created_at?: string;
  updated_at?: string;
  url?: string;
}

export interface ZdSearchPage {
  results?: ZdTicket[];
  count?: number;
  next_page?: string | null;
  previous_page?: string | null;
}

/** A page of a list endpoint under cursor pagination. */
export interface ZdCursorPage {
  meta?: { has_more?: boolean; after_cursor?: string | null; before_cursor?: string | null };
  links?: { next?: string | null; prev?: string | null };
}

/** The ticket fields a create or update sends, as Zendesk names them. */
export type TicketFields = Record<string, unknown>;

const enc = encodeURIComponent;

/** The stored subdomain, checked again: a credentials file may have been edited by hand. */
function subdomainOf(credentials: Readonly<Credentials>): string | undefined {
  const raw = credentials[SUBDOMAIN.name];
  if (typeof raw !== 'string' || !raw.trim()) return undefined;
  const value = SUBDOMAIN.normalize?.(raw) ?? raw;
  if (!SUBDOMAIN.pattern.test(value)) {
    throw new AuthRequiredError(
      'zendesk',
      `the stored Zendesk subdomain "${raw.slice(0, 60)}" is not valid; sign in again and give it as ${SUBDOMAIN.example}`,
    );
  }
  return value;
}

/**
 * The API root for these credentials: `GUMCP_ZENDESK_API_URL` when set, else
 * https://{subdomain}.zendesk.com/api/v2. A `{subdomain}` in either is replaced by the stored
 * subdomain (so a proxy may be `https://proxy.example/{subdomain}/api/v2`); an override without it
 * sends every account to that one address (a test fake).
 */
export function apiBase(credentials: Readonly<Credentials>): string {
  const template = serviceUrl('zendesk', ZENDESK_API);
  if (!template.includes('{subdomain}')) return template;
  const subdomain = subdomainOf(credentials);
  if (!subdomain) {
    throw new AuthRequiredError(
      'zendesk',
      'the stored credentials name no Zendesk subdomain (credentials from guMCP kept it in oauth.json); sign in again and give it',
    );
  }
  return template.split('{subdomain}').join(subdomain);
}

function tokenOf(credentials: Readonly<Credentials>): string {
  const token = credentials.access_token;
  if (typeof token !== 'string' || !token) {
    throw new AuthRequiredError('zendesk', 'the stored credentials hold no access token');
  }
  return token;
}

/** The number of a `page=` in a `next_page` URL, or null. */
export function pageOf(url: string | null | undefined): number | null {
  if (!url) return null;
  try {
    const page = Number(new URL(url).searchParams.get('page'));
    return Number.isInteger(page) && page > 0 ? page : null;
  } catch {
    return null;
  }
}

/**
 * The Zendesk Support API v2 calls, one method per endpoint. Every request reads the user's
 * credentials anew (a token refreshed mid-session is used from the next request on) and goes to
 * their account's subdomain. `scope` is the OAuth scope of the calling tool, named on a 403.
 */
export class ZendeskApi {
  readonly #ctx: ToolContext;
  readonly #scope: string;
  readonly #tuning: ClientTuning;

  constructor(ctx: ToolContext, scope: string, tuning: ClientTuning = {}) {
    this.#ctx = ctx;
    this.#scope = scope;
    this.#tuning = tuning;
  }

  async #call<T>(subject: Subject, path: string, req: UpstreamRequest = {}): Promise<T> {
    const credentials = await this.#ctx.credentials();
    tokenOf(credentials);
    const granted = typeof credentials.scope === 'string' ? credentials.scope : undefined;
    const client = new UpstreamClient({
      service: 'Zendesk',
      serverId: 'zendesk',
      baseUrl: apiBase(credentials),
      log: this.#ctx.log,
      auth: async () => ({ authorization: `Bearer ${tokenOf(await this.#ctx.credentials())}` }),
      mapError: (status, body, headers) => zendeskError(status, body, headers, subject, this.#scope, granted),
      // A 429 without Retry-After may still say when the minute's window resets; else the backoff.
      retryDelay: (status, headers) => (status === 429 ? rateLimitWait(headers) : undefined),
      ...this.#tuning,
    });
    return client.request<T>(path, req, this.#ctx.signal);
  }

  /** One page of ticket search results (offset pages: Zendesk's search has no cursor, and stops at 1,000). */
  searchPage(query: string, page: number, perPage: number, sort: Query): Promise<ZdSearchPage> {
    return this.#call({ what: 'Search', id: 'the ticket query' }, 'search', {
      query: { query, page, per_page: perPage, ...sort },
    });
  }

  /**
   * Creates a ticket with an Idempotency-Key, which Zendesk honours for ticket creation: a retry
   * after a timeout or 5xx answers the first attempt's ticket instead of creating a second one.
   */
  createTicket(ticket: TicketFields): Promise<{ ticket: ZdTicket; audit?: ZdAudit }> {
    return this.#call({ what: 'Ticket', id: '(new)' }, 'tickets', {
      method: 'POST',
      body: { ticket },
      headers: { 'idempotency-key': randomUUID() },
      idempotent: true,
    });
  }

  /**
   * Updates a ticket. Setting fields is idempotent, so such a PUT is retried; one that adds a
   * comment is not, since a repeat would post the comment twice.
   */
  updateTicket(id: number, ticket: TicketFields): Promise<{ ticket: ZdTicket; audit?: ZdAudit }> {
    return this.#call({ what: 'Ticket', id: String(id) }, `tickets/${id}`, {
      method: 'PUT',
      body: { ticket },
      idempotent: ticket.comment === undefined,
    });
  }

  /** One page of the views the user can see, 100 at most, by cursor. */
  viewsPage(after: string | undefined): Promise<{ views?: ZdView[] } & ZdCursorPage> {
    return this.#call({ what: 'Views', id: 'list' }, 'views', {
      query: { 'page[size]': 100, 'page[after]': after },
    });
  }

  getView(id: string): Promise<{ view: ZdView }> {
    return this.#call({ what: 'View', id }, `views/${enc(id)}`);
  }

  /** One page of a view's tickets, by cursor. */
  viewTicketsPage(
    id: string,
    size: number,
    after: string | undefined,
  ): Promise<{ tickets?: ZdTicket[] } & ZdCursorPage> {
    return this.#call({ what: 'View', id }, `views/${enc(id)}/tickets`, {
      query: { 'page[size]': size, 'page[after]': after },
    });
  }
}

/** Makes the Zendesk client a tool uses; `scope` is named if Zendesk refuses for a missing scope. */
export type ApiFactory = (ctx: ToolContext, scope: string) => ZendeskApi;

export function apiFactory(tuning: ClientTuning = {}): ApiFactory {
  return (ctx, scope) => new ZendeskApi(ctx, scope, tuning);
}
