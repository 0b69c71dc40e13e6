import type { Credentials, ToolContext } from '../../core/context.js';
import { AuthRequiredError } from '../../core/errors.js';
import { UpstreamClient, type UpstreamOptions, type UpstreamRequest } from '../../upstream/client.js';
import { type FieldNames, intercomError, type Subject } from './errors.js';
import { hostOf, type RegionHosts, regionOfCredentials } from './region.js';
import type {
  IcAdmin,
  IcArticle,
  IcCompany,
  IcContact,
  IcConversation,
  IcList,
  IcMe,
  IcMessage,
  IcPages,
  IcTag,
  IcTicket,
  IcTicketReply,
  IcTicketType,
} from './types.js';

/** The API version every request pins (`Intercom-Version`); the fake follows its OpenAPI description. */
export const INTERCOM_VERSION = '2.16';

/**
 * Timing knobs and hosts: the upstream client's retries, the clock the rate-limit wait reads, and
 * where each region's API is. Production uses the defaults; tests pass tiny values and fakes.
 */
export interface ClientTuning
  extends Pick<UpstreamOptions, 'timeoutMs' | 'retries' | 'backoffMs' | 'maxRetryAfterMs' | 'sleep'> {
  now?: () => number;
  hosts?: RegionHosts;
}

const enc = encodeURIComponent;

export type Body = Record<string, unknown>;

/**
 * An Intercom request with the user's token, to the user's region. `scope` is the permission named if
 * Intercom says the token may not reach the resource.
 */
export function intercomClient(
  creds: Credentials,
  subject: Subject,
  scope: string,
  tuning: ClientTuning,
  extra: Pick<UpstreamOptions, 'log'> & { fields?: FieldNames } = {},
): UpstreamClient {
  const { now = Date.now, hosts, ...timing } = tuning;
  const token = creds.access_token;
  if (typeof token !== 'string' || !token) {
    throw new AuthRequiredError('intercom', 'the stored credentials hold no access token');
  }
  return new UpstreamClient({
    service: 'Intercom',
    serverId: 'intercom',
    baseUrl: hostOf(regionOfCredentials(creds), hosts),
    log: extra.log,
    auth: () => ({ authorization: `Bearer ${token}`, 'intercom-version': INTERCOM_VERSION }),
    mapError: (status, body, headers) => intercomError(status, body, subject, scope, headers, extra.fields),
    // Intercom's 429 says when the window resets (X-RateLimit-Reset, Unix seconds), not how long to wait.
    retryDelay: (status, headers) => {
      const reset = Number(headers.get('x-ratelimit-reset'));
      return status === 429 && reset > 0 ? Math.max(0, reset * 1000 - now()) : undefined;
    },
    ...timing,
  });
}

/**
 * The Intercom REST calls, one method per endpoint. The credentials are read on every request, so a
 * token replaced mid-session (a new sign-in) is used from the next request on.
 */
export class IntercomApi {
  readonly #ctx: Pick<ToolContext, 'credentials' | 'log' | 'signal'>;
  readonly #scope: string;
  readonly #tuning: ClientTuning;

  constructor(ctx: Pick<ToolContext, 'credentials' | 'log' | 'signal'>, scope: string, tuning: ClientTuning) {
    this.#ctx = ctx;
    this.#scope = scope;
    this.#tuning = tuning;
  }

  async #call<T>(
    subject: Subject,
    path: string,
    req: UpstreamRequest = {},
    fields: FieldNames = {},
  ): Promise<T> {
    const creds = await this.#ctx.credentials();
    const client = intercomClient(creds, subject, this.#scope, this.#tuning, { log: this.#ctx.log, fields });
    return client.request<T>(path, req, this.#ctx.signal);
  }

  /** The admin the token belongs to: stored at sign-in, else asked of Intercom. */
  async adminId(): Promise<string> {
    const stored = (await this.#ctx.credentials()).admin_id;
    if (typeof stored === 'string' && /^\d+$/.test(stored)) return stored;
    return (await this.me()).id;
  }

  me(): Promise<IcMe> {
    return this.#call({ what: 'Admin', id: 'of the token' }, 'me');
  }

  // Contacts and companies

  /** A search is a read sent as POST: safe to retry. */
  searchContacts(body: Body): Promise<IcList<IcContact>> {
    return this.#call({ what: 'Contacts', id: 'search' }, 'contacts/search', {
      method: 'POST',
      body,
      idempotent: true,
    });
  }

  createContact(body: Body, fields: FieldNames): Promise<IcContact> {
    return this.#call(
      { what: 'Contact', id: String(body.email) },
      'contacts',
      { method: 'POST', body },
      fields,
    );
  }

  /** GET /companies?name= finds the company of exactly that name, or answers 404. */
  companiesNamed(name: string): Promise<IcList<IcCompany>> {
    return this.#call({ what: 'Company named', id: JSON.stringify(name) }, 'companies', { query: { name } });
  }

  listCompaniesPage(page: number, perPage: number): Promise<IcList<IcCompany>> {
    return this.#call({ what: 'Companies', id: `page ${page}` }, 'companies/list', {
      method: 'POST',
      query: { page, per_page: perPage },
      idempotent: true,
    });
  }

  /** POST /companies creates or updates by company_id: with one always sent, a retry updates the same company. */
  createCompany(body: Body, fields: FieldNames): Promise<IcCompany> {
    return this.#call(
      { what: 'Company', id: String(body.company_id) },
      'companies',
      { method: 'POST', body, idempotent: true },
      fields,
    );
  }

  /** Attaching an attached company changes nothing: safe to retry. */
  attachCompany(contactId: string, companyId: string): Promise<IcCompany> {
    return this.#call(
      { what: 'Contact', id: contactId, ids: { Contact: contactId, Company: companyId } },
      `contacts/${enc(contactId)}/companies`,
      { method: 'POST', body: { id: companyId }, idempotent: true },
      { id: 'company_id' },
    );
  }

  // Conversations

  /** A contact starts a conversation: not idempotent, never retried after a timeout or 5xx. */
  createConversation(contactId: string, body: string): Promise<IcMessage> {
    return this.#call(
      { what: 'Contact', id: contactId },
      'conversations',
      { method: 'POST', body: { from: { type: 'user', id: contactId }, body } },
      { 'from.id': 'contact_id', body: 'message', from: 'contact_id' },
    );
  }

  /** An admin writes to a contact: a new message, never retried after a timeout or 5xx. */
  createMessage(body: Body, ids: Record<string, string>): Promise<IcMessage> {
    return this.#call(
      { what: 'Contact', id: ids.Contact ?? '', ids },
      'messages',
      { method: 'POST', body },
      { 'from.id': 'admin_id', 'to.id': 'contact_id', to: 'contact_id', from: 'admin_id', body: 'message' },
    );
  }

  reply(conversationId: string, body: Body, ids: Record<string, string>): Promise<IcConversation> {
    return this.#call(
      { what: 'Conversation', id: conversationId, ids },
      `conversations/${enc(conversationId)}/reply`,
      { method: 'POST', body },
      {
        intercom_user_id: 'user_id',
        admin_id: 'admin_id',
        body: 'message',
        attachment_urls: 'attachment_urls',
      },
    );
  }

  /** Tagging a tagged conversation changes nothing: safe to retry. */
  attachTag(conversationId: string, tagId: string, adminId: string): Promise<IcTag> {
    return this.#call(
      { what: 'Conversation', id: conversationId, ids: { Tag: tagId, Admin: adminId } },
      `conversations/${enc(conversationId)}/tags`,
      { method: 'POST', body: { id: tagId, admin_id: adminId }, idempotent: true },
      { id: 'tag_ids', admin_id: 'admin_id' },
    );
  }

  detachTag(conversationId: string, tagId: string, adminId: string): Promise<IcTag> {
    return this.#call(
      { what: 'Conversation', id: conversationId, ids: { Tag: tagId, Admin: adminId } },
      `conversations/${enc(conversationId)}/tags/${enc(tagId)}`,
      { method: 'DELETE', body: { admin_id: adminId } },
      { admin_id: 'admin_id' },
    );
  }

  listConversationsPage(
    startingAfter: string | undefined,
    perPage: number,
  ): Promise<IcList<never> & { conversations?: IcConversation[] }> {
    return this.#call({ what: 'Conversations', id: 'list' }, 'conversations', {
      query: { per_page: perPage, starting_after: startingAfter },
    });
  }

  getConversation(id: string): Promise<IcConversation> {
    return this.#call({ what: 'Conversation', id }, `conversations/${enc(id)}`, {
      query: { display_as: 'plaintext' },
    });
  }

  // Admins

  listAdmins(): Promise<{ type?: string; admins?: IcAdmin[] }> {
    return this.#call({ what: 'Admins', id: 'list' }, 'admins');
  }

  // Articles

  listArticlesPage(page: number, perPage: number): Promise<IcList<IcArticle>> {
    return this.#call({ what: 'Articles', id: `page ${page}` }, 'articles', {
      query: { page, per_page: perPage },
    });
  }

  getArticle(id: string): Promise<IcArticle> {
    return this.#call({ what: 'Article', id }, `articles/${enc(id)}`);
  }

  createArticle(body: Body, fields: FieldNames): Promise<IcArticle> {
    return this.#call(
      { what: 'Article', id: JSON.stringify(String(body.title)), ids: { Admin: String(body.author_id) } },
      'articles',
      { method: 'POST', body },
      fields,
    );
  }

  // Tickets

  searchTickets(body: Body): Promise<{ tickets?: IcTicket[]; total_count?: number; pages?: IcPages | null }> {
    return this.#call({ what: 'Tickets', id: 'search' }, 'tickets/search', {
      method: 'POST',
      body,
      idempotent: true,
    });
  }

  getTicket(id: string): Promise<IcTicket> {
    return this.#call({ what: 'Ticket', id }, `tickets/${enc(id)}`);
  }

  createTicket(body: Body, ids: Record<string, string>, fields: FieldNames): Promise<IcTicket> {
    return this.#call(
      { what: 'Ticket type', id: String(body.ticket_type_id), ids },
      'tickets',
      { method: 'POST', body },
      fields,
    );
  }

  /** PUT sets the fields given: sending it twice changes nothing more, so it is retried like a read. */
  updateTicket(id: string, body: Body, ids: Record<string, string>, fields: FieldNames): Promise<IcTicket> {
    return this.#call({ what: 'Ticket', id, ids }, `tickets/${enc(id)}`, { method: 'PUT', body }, fields);
  }

  replyToTicket(
    id: string,
    body: Body,
    ids: Record<string, string>,
    fields: FieldNames,
  ): Promise<IcTicketReply> {
    return this.#call(
      { what: 'Ticket', id, ids },
      `tickets/${enc(id)}/reply`,
      { method: 'POST', body },
      fields,
    );
  }

  listTicketTypes(): Promise<IcList<IcTicketType>> {
    return this.#call({ what: 'Ticket types', id: 'list' }, 'ticket_types');
  }
}

/** The cursor of the next page of a search or cursor list, or undefined on the last page. */
export function nextCursor(pages: IcPages | null | undefined): string | undefined {
  const next = pages?.next;
  if (next && typeof next === 'object' && typeof next.starting_after === 'string' && next.starting_after) {
    return next.starting_after;
  }
  return undefined;
}

/**
 * Pages of a cursor list followed from `start` until `max` items are collected (whole pages are kept)
 * or the list ends. Returns where to continue.
 */
export async function collectCursor<T>(
  max: number,
  start: string | undefined,
  page: (cursor: string | undefined) => Promise<{ items: T[]; pages?: IcPages | null }>,
): Promise<{ items: T[]; next: string | null }> {
  const out: T[] = [];
  const seen = new Set<string>();
  let cursor = start;
  do {
    if (cursor) seen.add(cursor);
    const got = await page(cursor);
    out.push(...got.items);
    cursor = nextCursor(got.pages);
    if (cursor && seen.has(cursor)) cursor = undefined;
    if (got.items.length === 0) cursor = undefined;
  } while (cursor && out.length < max);
  return { items: out, next: cursor ?? null };
}

/** Makes the Intercom client a tool uses. */
export type ApiFactory = (
  ctx: Pick<ToolContext, 'credentials' | 'log' | 'signal'>,
  scope: string,
) => IntercomApi;

export function apiFactory(tuning: ClientTuning = {}): ApiFactory {
  return (ctx, scope) => new IntercomApi(ctx, scope, tuning);
}
