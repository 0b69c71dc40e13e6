import type { ToolContext } from '../../core/context.js';
import { AuthRequiredError, ToolError } from '../../core/errors.js';
import {
  type Query,
  serviceUrl,
  UpstreamClient,
  type UpstreamOptions,
  type UpstreamRequest,
  unanswered,
} from '../../upstream/client.js';
import type { Spacer } from '../../upstream/spacer.js';
import { HubSpotNotFoundError, hubspotError, retryable, retryDelay, type Subject } from './errors.js';
import type {
  AssociatedObject,
  BatchAnswer,
  CrmList,
  CrmObject,
  CrmPage,
  Disposition,
  ListMember,
  ListSearchAnswer,
  NewAssociation,
  SearchBody,
  V1Engagement,
  V1EngagementBody,
  V1Page,
} from './types.js';

export const HUBSPOT_API = 'https://api.hubapi.com';

/** The CRM objects API, pinned to v3 (see the README for the date-based versions). */
const OBJECTS = 'crm/v3/objects';
const ENGAGEMENTS = 'engagements/v1/engagements';

/** HubSpot's largest page of a CRM object list. */
const LIST_PAGE = 100;
/** HubSpot's largest page of a search. */
const SEARCH_PAGE = 200;
/** HubSpot's search returns no result past the 10,000th of a query. */
export const SEARCH_CAP = 10_000;
/** Ids per batch read, HubSpot's limit. */
const BATCH_SIZE = 100;
/** HubSpot's largest page of a v4 association list. */
const ASSOCIATION_PAGE = 500;
/** A hard stop on pages per call, should a cursor never end. */
const MAX_PAGES = 50;

/** Timing knobs of the upstream client; tests pass tiny values and a virtual sleep. */
export type ClientTuning = Pick<
  UpstreamOptions,
  'timeoutMs' | 'retries' | 'backoffMs' | 'maxRetryAfterMs' | 'sleep'
>;

/** A kind of CRM object: its path in the objects API and its name in messages. */
export interface ObjectKind {
  path: string;
  label: string;
}

export const CONTACTS: ObjectKind = { path: 'contacts', label: 'Contact' };
export const COMPANIES: ObjectKind = { path: 'companies', label: 'Company' };
export const DEALS: ObjectKind = { path: 'deals', label: 'Deal' };
export const TICKETS: ObjectKind = { path: 'tickets', label: 'Ticket' };
export const PRODUCTS: ObjectKind = { path: 'products', label: 'Product' };

export interface ListOptions {
  properties?: readonly string[];
  associations?: readonly string[];
  archived?: boolean;
  propertiesWithHistory?: readonly string[];
}

/** Items of a paged read and the cursor to continue from (absent at the end). */
export interface Paged<T> {
  items: T[];
  next?: string;
}

/** Inputs of a batch that HubSpot refused, with its reason (a 207 answer's `errors`). */
export interface BatchFailure {
  ids: string[];
  category: string;
  message: string;
}

const enc = encodeURIComponent;
const csv = (values: readonly string[] | undefined) => (values?.length ? values.join(',') : undefined);
const objectPath = (kind: ObjectKind, id?: string) =>
  `${OBJECTS}/${kind.path}${id === undefined ? '' : `/${enc(id)}`}`;

/** What a delete did: `deleted` now, or the record was already `gone` (deleted before, or never there). */
export type Deletion = 'deleted' | 'gone';

async function gone(request: Promise<unknown>): Promise<Deletion> {
  try {
    await request;
    return 'deleted';
  } catch (error) {
    if (error instanceof HubSpotNotFoundError) return 'gone';
    throw error;
  }
}

/**
 * HubSpot's API, one method per endpoint. Every request reads the user's token anew (a token refreshed
 * mid-session is used from the next request on); errors name the subject of the call, the tool's
 * scopes on a 403, and HubSpot's correlation id. Searches take a slot of the account's throttle
 * before every attempt, retries included.
 */
export class HubSpotApi {
  readonly #ctx: ToolContext;
  readonly #scopes: readonly string[];
  readonly #throttle: Spacer;
  readonly #tuning: ClientTuning;

  constructor(ctx: ToolContext, scopes: readonly string[], throttle: Spacer, tuning: ClientTuning) {
    this.#ctx = ctx;
    this.#scopes = scopes;
    this.#throttle = throttle;
    this.#tuning = tuning;
  }

  async #token(): Promise<string> {
    const token = (await this.#ctx.credentials()).access_token;
    if (typeof token !== 'string' || !token) {
      throw new AuthRequiredError('hubspot', 'the stored credentials hold no access token');
    }
    return token;
  }

  /** Whose search limit a search counts against: the HubSpot account, else the gumcp user. */
  async #account(): Promise<string> {
    const hub = (await this.#ctx.credentials()).hub_id;
    return typeof hub === 'number' || (typeof hub === 'string' && hub)
      ? `hub:${hub}`
      : `user:${this.#ctx.userId}`;
  }

  #call<T>(subject: Subject, path: string, req: UpstreamRequest = {}, search = false): Promise<T> {
    const throttle = this.#throttle;
    const client = new UpstreamClient({
      service: 'HubSpot',
      serverId: 'hubspot',
      baseUrl: serviceUrl('hubspot', HUBSPOT_API),
      log: this.#ctx.log,
      auth: async () => ({ authorization: `Bearer ${await this.#token()}` }),
      mapError: (status, body, headers) => hubspotError(status, body, headers, subject, this.#scopes),
      retryable,
      retryDelay,
      ...(search
        ? {
            beforeAttempt: async (_path: string, signal?: AbortSignal) =>
              throttle.wait(await this.#account(), signal),
          }
        : {}),
      ...this.#tuning,
    });
    return client.request<T>(path, req, this.#ctx.signal);
  }

  /**
   * A write HubSpot cannot be asked twice for (a create, a merge, a GDPR delete): sent once, never
   * retried after a 5xx or a timeout, and when no answer came the error says what may have happened.
   */
  async #once<T>(subject: Subject & { unrepeatable: string }, path: string, body: unknown): Promise<T> {
    try {
      return await this.#call<T>(subject, path, { method: 'POST', body, idempotent: false });
    } catch (error) {
      if (unanswered(error)) {
        throw new ToolError(`HubSpot did not answer; ${subject.unrepeatable}`);
      }
      throw error;
    }
  }

  // CRM objects

  /** A list of records, following `paging.next.after` until `limit` or the end. */
  async list(
    kind: ObjectKind,
    options: ListOptions,
    limit: number,
    after?: string,
  ): Promise<Paged<CrmObject>> {
    const items: CrmObject[] = [];
    let next = after;
    for (let page = 0; page < MAX_PAGES && items.length < limit; page++) {
      const query: Query = {
        limit: Math.min(LIST_PAGE, limit - items.length),
        after: next,
        properties: csv(options.properties),
        associations: csv(options.associations),
        archived: options.archived,
      };
      const answer = await this.#call<CrmPage<CrmObject>>(
        { what: `${kind.label} list`, id: `of ${kind.path}` },
        objectPath(kind),
        { query },
      );
      items.push(...(answer.results ?? []).slice(0, limit - items.length));
      next = answer.paging?.next?.after || undefined;
      if (!next) break;
    }
    return { items, ...(next ? { next } : {}) };
  }

  get(kind: ObjectKind, id: string, options: ListOptions = {}): Promise<CrmObject> {
    return this.#call({ what: kind.label, id }, objectPath(kind, id), {
      query: {
        properties: csv(options.properties),
        propertiesWithHistory: csv(options.propertiesWithHistory),
        associations: csv(options.associations),
        archived: options.archived,
      },
    });
  }

  /** Creates a record, with its associations, in one request: never sent twice (see `#once`). */
  create(
    kind: ObjectKind,
    properties: Record<string, string>,
    associations: readonly NewAssociation[],
    unrepeatable: string,
  ): Promise<CrmObject> {
    return this.#once({ what: kind.label, id: '(new)', unrepeatable }, objectPath(kind), {
      properties,
      associations,
    });
  }

  /** PATCH sets the properties given and leaves the others: sending it twice changes nothing more. */
  update(kind: ObjectKind, id: string, properties: Record<string, string>): Promise<CrmObject> {
    return this.#call({ what: kind.label, id }, objectPath(kind, id), {
      method: 'PATCH',
      body: { properties },
      idempotent: true,
    });
  }

  /**
   * Moves a record to the recycle bin (restorable for 90 days). A delete is retried after a 5xx, so a
   * 404 may answer a retry whose first attempt went through: it says `gone`, not a failure.
   */
  archive(kind: ObjectKind, id: string): Promise<Deletion> {
    return gone(this.#call({ what: kind.label, id }, objectPath(kind, id), { method: 'DELETE' }));
  }

  merge(kind: ObjectKind, primaryObjectId: string, objectIdToMerge: string): Promise<CrmObject> {
    const unrepeatable =
      `the merge may have happened: HubSpot merges only once, so it was not sent again. ` +
      `Check whether ${kind.label.toLowerCase()} ${objectIdToMerge} still exists before merging again.`;
    return this.#once(
      { what: kind.label, id: `${objectIdToMerge} or ${primaryObjectId}`, unrepeatable },
      `${objectPath(kind)}/merge`,
      { primaryObjectId, objectIdToMerge },
    );
  }

  /** Permanently deletes a contact and its content (GDPR); by id, or by email with `idProperty`. */
  async gdprDelete(objectId: string, idProperty?: 'email'): Promise<void> {
    const unrepeatable =
      'the contact may have been deleted permanently, so the request was not sent again; ' +
      'search for it before trying again.';
    await this.#once({ what: 'Contact', id: objectId, unrepeatable }, `${objectPath(CONTACTS)}/gdpr-delete`, {
      objectId,
      ...(idProperty ? { idProperty } : {}),
    });
  }

  /**
   * A search, following `paging.next.after` until `limit`, the end, or HubSpot's cap of 10,000 results
   * per query (`capped` then says so). Each request waits for the account's search throttle.
   */
  async search(
    kind: ObjectKind,
    body: SearchBody,
    limit: number,
    after?: string,
  ): Promise<Paged<CrmObject> & { total?: number; capped: boolean }> {
    const start = after === undefined ? 0 : Number(after);
    if (!Number.isInteger(start) || start < 0) {
      throw new ToolError(`Invalid arguments: after: "${after}" is not a cursor of a HubSpot search`);
    }
    if (start >= SEARCH_CAP) {
      throw new ToolError(
        `Invalid arguments: after: HubSpot's search returns at most 10,000 results of a query; ` +
          'narrow the query or filters to reach the rest',
      );
    }
    const items: CrmObject[] = [];
    let offset = start;
    let next: string | undefined;
    let total: number | undefined;
    let capped = false;
    for (let page = 0; page < MAX_PAGES && items.length < limit; page++) {
      const pageLimit = Math.min(SEARCH_PAGE, limit - items.length, SEARCH_CAP - offset);
      const answer = await this.#call<CrmPage<CrmObject>>(
        { what: `${kind.label} search`, id: 'of the query' },
        `${objectPath(kind)}/search`,
        // A search changes nothing, so it is retried like a read.
        { method: 'POST', body: { ...body, limit: pageLimit, after: String(offset) }, idempotent: true },
        true,
      );
      items.push(...(answer.results ?? []).slice(0, limit - items.length));
      total = answer.total ?? total;
      next = answer.paging?.next?.after || undefined;
      if (!next) break;
      offset = Number(next);
      if (!Number.isInteger(offset) || offset >= SEARCH_CAP) {
        capped = Number.isInteger(offset);
        next = undefined;
        break;
      }
    }
    return { items, ...(next ? { next } : {}), ...(total !== undefined ? { total } : {}), capped };
  }

  /**
   * Reads records by id, 100 to a request. HubSpot answers 207 when some ids fail (deleted, not
   * visible): those come back in `failures` with HubSpot's reason, the rest in `items`.
   */
  async batchRead(
    type: string,
    label: string,
    ids: readonly string[],
    properties: readonly string[],
  ): Promise<{ items: CrmObject[]; failures: BatchFailure[] }> {
    const items: CrmObject[] = [];
    const failures: BatchFailure[] = [];
    for (let start = 0; start < ids.length; start += BATCH_SIZE) {
      const chunk = ids.slice(start, start + BATCH_SIZE);
      const answer = await this.#call<BatchAnswer>(
        { what: `${label} batch`, id: `of ${chunk.length} id(s)` },
        `${OBJECTS}/${enc(type)}/batch/read`,
        {
          method: 'POST',
          body: { inputs: chunk.map((id) => ({ id })), properties, propertiesWithHistory: [] },
          idempotent: true,
        },
      );
      items.push(...(answer.results ?? []));
      for (const error of answer.errors ?? []) {
        const named = error.context?.ids;
        failures.push({
          ids: Array.isArray(named) ? named.map(String) : [],
          category: error.category ?? error.status ?? 'ERROR',
          message: error.message ?? 'HubSpot gave no reason',
        });
      }
    }
    return { items, failures };
  }

  /** Ids of the records of `toType` associated with a record (associations v4), up to `cap`. */
  async associatedIds(
    from: ObjectKind,
    id: string,
    toType: string,
    cap: number,
  ): Promise<{ ids: string[]; more: boolean }> {
    const ids: string[] = [];
    let after: string | undefined;
    for (let page = 0; page < MAX_PAGES && ids.length < cap; page++) {
      const answer = await this.#call<CrmPage<AssociatedObject>>(
        { what: from.label, id },
        `crm/v4/objects/${from.path}/${enc(id)}/associations/${enc(toType)}`,
        { query: { limit: Math.min(ASSOCIATION_PAGE, cap - ids.length), after } },
      );
      ids.push(...(answer.results ?? []).map((r) => String(r.toObjectId)));
      after = answer.paging?.next?.after || undefined;
      if (!after) break;
    }
    return { ids: ids.slice(0, cap), more: after !== undefined || ids.length > cap };
  }

  // Lists (v3)

  searchLists(offset: number, count: number): Promise<ListSearchAnswer> {
    return this.#call({ what: 'Lists', id: 'of the account' }, 'crm/v3/lists/search', {
      method: 'POST',
      body: { offset, count, additionalProperties: [] },
      idempotent: true,
    });
  }

  async getList(id: string): Promise<CrmList> {
    const answer = await this.#call<{ list: CrmList }>({ what: 'List', id }, `crm/v3/lists/${enc(id)}`);
    return answer.list;
  }

  async listMembers(id: string, limit: number): Promise<Paged<ListMember>> {
    const answer = await this.#call<CrmPage<ListMember>>(
      { what: 'List', id },
      `crm/v3/lists/${enc(id)}/memberships`,
      { query: { limit } },
    );
    const next = answer.paging?.next?.after;
    return { items: answer.results ?? [], ...(next ? { next } : {}) };
  }

  // Engagements (legacy v1) and call dispositions

  getEngagement(id: string): Promise<V1Engagement> {
    return this.#call({ what: 'Engagement', id }, `${ENGAGEMENTS}/${enc(id)}`);
  }

  /** Every engagement of the account, following `offset` until `limit` or `hasMore` ends. */
  pagedEngagements(limit: number, offset?: string): Promise<V1Paged> {
    return this.#v1Pages(`${ENGAGEMENTS}/paged`, 250, limit, offset, (n) => ({ limit: n }));
  }

  /** Engagements by last change, newest first: HubSpot keeps the last 30 days or 10,000 of them. */
  recentEngagements(count: number, offset?: string, since?: number): Promise<V1Paged> {
    return this.#v1Pages(`${ENGAGEMENTS}/recent/modified`, 100, count, offset, (n) => ({
      count: n,
      since,
    }));
  }

  async #v1Pages(
    path: string,
    pageSize: number,
    limit: number,
    offset: string | undefined,
    size: (n: number) => Query,
  ): Promise<V1Paged> {
    const items: V1Engagement[] = [];
    let next = offset;
    let more = false;
    let total: number | undefined;
    for (let page = 0; page < MAX_PAGES && items.length < limit; page++) {
      const answer = await this.#call<V1Page>({ what: 'Engagements', id: 'of the account' }, path, {
        query: { ...size(Math.min(pageSize, limit - items.length)), offset: next },
      });
      items.push(...(answer.results ?? []).slice(0, limit - items.length));
      total = answer.total ?? total;
      more = answer.hasMore === true && answer.offset !== undefined;
      next = more ? String(answer.offset) : undefined;
      if (!more) break;
    }
    return { items, more, ...(next ? { next } : {}), ...(total !== undefined ? { total } : {}) };
  }

  createEngagement(body: V1EngagementBody, unrepeatable: string): Promise<V1Engagement> {
    return this.#once({ what: 'Engagement', id: '(new)', unrepeatable }, ENGAGEMENTS, body);
  }

  /** PATCH merges the metadata given into the engagement's: sending it twice changes nothing more. */
  updateEngagement(id: string, body: Omit<V1EngagementBody, 'associations'>): Promise<V1Engagement> {
    return this.#call({ what: 'Engagement', id }, `${ENGAGEMENTS}/${enc(id)}`, {
      method: 'PATCH',
      body,
      idempotent: true,
    });
  }

  /** Deletes an engagement; like `archive`, a 404 says `gone`. */
  deleteEngagement(id: string): Promise<Deletion> {
    return gone(this.#call({ what: 'Engagement', id }, `${ENGAGEMENTS}/${enc(id)}`, { method: 'DELETE' }));
  }

  async dispositions(): Promise<Disposition[]> {
    const answer = await this.#call<Disposition[]>(
      { what: 'Call dispositions', id: 'of the account' },
      'calling/v1/dispositions',
    );
    return Array.isArray(answer) ? answer : [];
  }
}

export interface V1Paged extends Paged<V1Engagement> {
  more: boolean;
  total?: number;
}

/** Makes the HubSpot client a tool uses; `scopes` are named when HubSpot answers 403 without naming any. */
export type ApiFactory = (ctx: ToolContext, scopes: readonly string[]) => HubSpotApi;

export function apiFactory(throttle: Spacer, tuning: ClientTuning = {}): ApiFactory {
  return (ctx, scopes) => new HubSpotApi(ctx, scopes, throttle, tuning);
}
