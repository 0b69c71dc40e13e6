import type { ToolContext } from '../../core/context.js';
import { AuthRequiredError } from '../../core/errors.js';
import {
  type Query,
  serviceUrl,
  UpstreamClient,
  type UpstreamOptions,
  type UpstreamRequest,
} from '../../upstream/client.js';
import { type Subject, webflowError } from './errors.js';
import type {
  WfAuthorizedUser,
  WfCollection,
  WfDomain,
  WfDomNode,
  WfForm,
  WfFormSubmission,
  WfItem,
  WfPage,
  WfPagination,
  WfSite,
  WfUser,
} from './types.js';

export const WEBFLOW_API = 'https://api.webflow.com/v2';
/** Webflow's largest page. */
export const PAGE_SIZE = 100;

/**
 * Timing knobs of the upstream client. Production uses the client's defaults (a Retry-After up to a
 * minute is waited for, which is Webflow's usual reset); tests pass tiny values.
 */
export type ClientTuning = Pick<UpstreamOptions, 'timeoutMs' | 'retries' | 'backoffMs' | 'maxRetryAfterMs'>;

type Ctx = Pick<ToolContext, 'credentials' | 'log' | 'signal'>;

const enc = encodeURIComponent;

/** One window of an offset-paged list: what was read, and where the next call would start. */
export interface Window<T> {
  items: T[];
  offset: number;
  total: number | null;
  next_offset: number | null;
}

/** The fields a staged item may be created or updated with, in Webflow's names. */
export interface ItemBody {
  id?: string;
  cmsLocaleId?: string;
  isArchived?: boolean;
  isDraft?: boolean;
  fieldData?: Record<string, unknown>;
}

export interface CollectionBody {
  displayName: string;
  singularName: string;
  slug?: string;
  fields?: Record<string, unknown>[];
}

/**
 * The Webflow Data API v2 calls, one method per endpoint. Every request goes through UpstreamClient
 * with the user's token; errors name the subject of the call and, for a missing scope, a scope.
 */
export class WebflowApi {
  readonly #ctx: Ctx;
  readonly #scope: string;
  readonly #tuning: ClientTuning;

  constructor(ctx: Ctx, scope: string, tuning: ClientTuning) {
    this.#ctx = ctx;
    this.#scope = scope;
    this.#tuning = tuning;
  }

  async #headers(): Promise<Record<string, string>> {
    const token = (await this.#ctx.credentials()).access_token;
    if (typeof token !== 'string' || !token) {
      throw new AuthRequiredError('webflow', 'the stored credentials hold no access token');
    }
    return { authorization: `Bearer ${token}` };
  }

  /** One request; the client is per request because its error mapping names this request's subject. */
  #call<T>(subject: Subject, path: string, req: UpstreamRequest = {}): Promise<T> {
    const client = new UpstreamClient({
      service: 'Webflow',
      serverId: 'webflow',
      baseUrl: serviceUrl('webflow', WEBFLOW_API),
      log: this.#ctx.log,
      // Asked on every request, so a token replaced mid-session is used from the next request on.
      auth: () => this.#headers(),
      mapError: (status, body, headers) => webflowError(status, body, subject, this.#scope, headers),
      ...this.#tuning,
    });
    return client.request<T>(path, req, this.#ctx.signal);
  }

  /**
   * Reads `limit` records from `offset` on, 100 a request (Webflow's largest page), stopping early when
   * a page comes back short or `total` is reached.
   */
  async #window<B, T>(
    subject: Subject,
    path: string,
    query: Query,
    offset: number,
    limit: number,
    read: (body: B) => { items: T[]; total?: number },
  ): Promise<Window<T>> {
    const items: T[] = [];
    let at = offset;
    let total: number | null = null;
    while (items.length < limit) {
      const size = Math.min(PAGE_SIZE, limit - items.length);
      const page = read(await this.#call<B>(subject, path, { query: { ...query, offset: at, limit: size } }));
      items.push(...page.items);
      at += page.items.length;
      if (typeof page.total === 'number') total = page.total;
      if (page.items.length < size || (total !== null && at >= total)) {
        return { items, offset, total, next_offset: null };
      }
    }
    return { items, offset, total, next_offset: total === null || at < total ? at : null };
  }

  #list<K extends string, T>(
    subject: Subject,
    path: string,
    key: K,
    query: Query,
    offset: number,
    limit: number,
  ): Promise<Window<T>> {
    return this.#window<Record<K, T[]> & { pagination?: WfPagination }, T>(
      subject,
      path,
      query,
      offset,
      limit,
      (body) => ({ items: body?.[key] ?? [], total: body?.pagination?.total }),
    );
  }

  // Token and sites

  getAuthorizedUser(): Promise<WfAuthorizedUser> {
    return this.#call({ what: 'User', id: 'the authorized user' }, 'token/authorized_by');
  }

  async listSites(): Promise<WfSite[]> {
    const res = await this.#call<{ sites?: WfSite[] }>({ what: 'Sites', id: 'of the token' }, 'sites');
    return res.sites ?? [];
  }

  getSite(siteId: string): Promise<WfSite> {
    return this.#call(site(siteId), `sites/${enc(siteId)}`);
  }

  async getCustomDomains(siteId: string): Promise<WfDomain[]> {
    const res = await this.#call<{ customDomains?: WfDomain[] }>(
      site(siteId),
      `sites/${enc(siteId)}/custom_domains`,
    );
    return res.customDomains ?? [];
  }

  // Forms

  listForms(siteId: string, offset: number, limit: number): Promise<Window<WfForm>> {
    return this.#list(site(siteId), `sites/${enc(siteId)}/forms`, 'forms', {}, offset, limit);
  }

  listFormSubmissions(formId: string, offset: number, limit: number): Promise<Window<WfFormSubmission>> {
    const subject = { what: 'Form', id: formId };
    return this.#list(subject, `forms/${enc(formId)}/submissions`, 'formSubmissions', {}, offset, limit);
  }

  listSiteFormSubmissions(
    siteId: string,
    elementId: string | undefined,
    offset: number,
    limit: number,
  ): Promise<Window<WfFormSubmission>> {
    const path = `sites/${enc(siteId)}/form_submissions`;
    return this.#list(site(siteId), path, 'formSubmissions', { elementId }, offset, limit);
  }

  getFormSubmission(id: string): Promise<WfFormSubmission> {
    return this.#call(submission(id), `form_submissions/${enc(id)}`);
  }

  async deleteFormSubmission(id: string): Promise<void> {
    await this.#call(submission(id), `form_submissions/${enc(id)}`, { method: 'DELETE' });
  }

  // Pages

  listPages(
    siteId: string,
    localeId: string | undefined,
    offset: number,
    limit: number,
  ): Promise<Window<WfPage>> {
    return this.#list(site(siteId), `sites/${enc(siteId)}/pages`, 'pages', { localeId }, offset, limit);
  }

  getPage(pageId: string, localeId?: string): Promise<WfPage> {
    return this.#call(page(pageId), `pages/${enc(pageId)}`, { query: { localeId } });
  }

  getPageContent(
    pageId: string,
    localeId: string | undefined,
    offset: number,
    limit: number,
  ): Promise<Window<WfDomNode>> {
    return this.#list(page(pageId), `pages/${enc(pageId)}/dom`, 'nodes', { localeId }, offset, limit);
  }

  // Collections

  async listCollections(siteId: string): Promise<WfCollection[]> {
    const res = await this.#call<{ collections?: WfCollection[] }>(
      site(siteId),
      `sites/${enc(siteId)}/collections`,
    );
    return res.collections ?? [];
  }

  getCollection(id: string): Promise<WfCollection> {
    return this.#call(collection(id), `collections/${enc(id)}`);
  }

  createCollection(siteId: string, body: CollectionBody): Promise<WfCollection> {
    return this.#call(site(siteId), `sites/${enc(siteId)}/collections`, { method: 'POST', body });
  }

  async deleteCollection(id: string): Promise<void> {
    await this.#call(collection(id), `collections/${enc(id)}`, { method: 'DELETE' });
  }

  // Staged items (/items; the live site's items are under /items/live, which no tool uses)

  listItems(collectionId: string, filters: Query, offset: number, limit: number): Promise<Window<WfItem>> {
    const path = `collections/${enc(collectionId)}/items`;
    return this.#list(collection(collectionId), path, 'items', filters, offset, limit);
  }

  getItem(collectionId: string, itemId: string, cmsLocaleId?: string): Promise<WfItem> {
    return this.#call(item(collectionId, itemId), itemPath(collectionId, itemId), { query: { cmsLocaleId } });
  }

  createItem(collectionId: string, body: ItemBody): Promise<WfItem> {
    const path = `collections/${enc(collectionId)}/items`;
    return this.#call(collection(collectionId), path, { method: 'POST', body });
  }

  /** A PATCH that sets the same values twice leaves the item as once: safe to retry. */
  updateItem(collectionId: string, itemId: string, body: ItemBody): Promise<WfItem> {
    return this.#call(item(collectionId, itemId), itemPath(collectionId, itemId), {
      method: 'PATCH',
      body,
      idempotent: true,
    });
  }

  async updateItems(collectionId: string, items: ItemBody[]): Promise<WfItem[]> {
    const res = await this.#call<WfItem | { items?: WfItem[] }>(
      items.length === 1 ? item(collectionId, items[0]?.id ?? '') : collection(collectionId),
      `collections/${enc(collectionId)}/items`,
      { method: 'PATCH', body: { items }, idempotent: true },
    );
    // Webflow answers one updated item as the item itself, several as `{ items }`.
    return 'items' in res && Array.isArray(res.items) ? res.items : [res as WfItem];
  }

  async deleteItem(collectionId: string, itemId: string, cmsLocaleId?: string): Promise<void> {
    await this.#call(item(collectionId, itemId), itemPath(collectionId, itemId), {
      method: 'DELETE',
      query: { cmsLocaleId },
    });
  }

  async deleteItems(collectionId: string, items: { id: string; cmsLocaleIds?: string[] }[]): Promise<void> {
    await this.#call(
      items.length === 1 ? item(collectionId, items[0]?.id ?? '') : collection(collectionId),
      `collections/${enc(collectionId)}/items`,
      { method: 'DELETE', body: { items } },
    );
  }

  // User Accounts (switched off by Webflow on 29 January 2026)

  listUsers(
    siteId: string,
    sort: string | undefined,
    offset: number,
    limit: number,
  ): Promise<Window<WfUser>> {
    return this.#window<{ users?: WfUser[]; total?: number }, WfUser>(
      { ...site(siteId), userAccounts: true },
      `sites/${enc(siteId)}/users`,
      { sort },
      offset,
      limit,
      (body) => ({ items: body?.users ?? [], total: body?.total }),
    );
  }

  getUser(siteId: string, userId: string): Promise<WfUser> {
    return this.#call(user(siteId, userId), `sites/${enc(siteId)}/users/${enc(userId)}`);
  }

  async deleteUser(siteId: string, userId: string): Promise<void> {
    await this.#call(user(siteId, userId), `sites/${enc(siteId)}/users/${enc(userId)}`, { method: 'DELETE' });
  }

  inviteUser(siteId: string, email: string, accessGroups?: string[]): Promise<WfUser> {
    return this.#call({ ...site(siteId), userAccounts: true }, `sites/${enc(siteId)}/users/invite`, {
      method: 'POST',
      body: { email, accessGroups },
    });
  }
}

const site = (id: string): Subject => ({ what: 'Site', id });
const page = (id: string): Subject => ({ what: 'Page', id });
const submission = (id: string): Subject => ({ what: 'Form submission', id });
const collection = (id: string): Subject => ({ what: 'Collection', id });
const item = (collectionId: string, id: string): Subject => ({
  what: 'Item',
  id: `${id} in collection ${collectionId}`,
  collection: collectionId,
});
const user = (siteId: string, id: string): Subject => ({
  what: 'User',
  id: `${id} on site ${siteId}`,
  userAccounts: true,
});
const itemPath = (collectionId: string, itemId: string) =>
  `collections/${enc(collectionId)}/items/${enc(itemId)}`;

/** Makes the Webflow client a tool uses; `scope` is the scope named if Webflow says one is missing. */
export type ApiFactory = (ctx: Ctx, scope: string) => WebflowApi;

export function apiFactory(tuning: ClientTuning = {}): ApiFactory {
  return (ctx, scope) => new WebflowApi(ctx, scope, tuning);
}
