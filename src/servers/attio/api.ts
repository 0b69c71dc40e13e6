import type { ToolContext } from '../../core/context.js';
import { AuthRequiredError } from '../../core/errors.js';
import {
  serviceUrl,
  UpstreamClient,
  type UpstreamOptions,
  type UpstreamRequest,
} from '../../upstream/client.js';
import { attioError, type Subject } from './errors.js';

const ATTIO_API = 'https://api.attio.com/v2';
/** Records asked for per query request; Attio's default (and largest useful) page is 500. */
export const PAGE_SIZE = 100;
/** The most records one call returns; also bounds the pages one call may fetch. */
export const MAX_LIMIT = 1000;

/** Timing knobs of the upstream client; tests pass tiny values so retries cost milliseconds. */
export type ClientTuning = Pick<UpstreamOptions, 'timeoutMs' | 'retries' | 'backoffMs' | 'maxRetryAfterMs'>;

/** Attribute values as Attio returns them: by attribute slug, a list of value objects. */
export type AttioValues = Record<string, Record<string, unknown>[]>;

export interface AttioRecord {
  id: { workspace_id: string; object_id: string; record_id: string };
  created_at: string;
  web_url?: string;
  values: AttioValues;
}

export interface AttioList {
  id: { workspace_id: string; list_id: string };
  api_slug: string;
  name: string;
  parent_object: string[];
  workspace_access?: string | null;
  created_at: string;
}

export interface AttioEntry {
  id: { workspace_id: string; list_id: string; entry_id: string };
  parent_record_id: string;
  parent_object: string;
  created_at: string;
  entry_values: AttioValues;
}

/** The standard objects this server works with, by their slugs. */
export type ObjectSlug = 'companies' | 'people';

export type Filter = Record<string, unknown>;

const enc = encodeURIComponent;
const NOUN: Record<ObjectSlug, string> = { companies: 'Company', people: 'Person' };

/**
 * The Attio REST API (v2) calls, one method per endpoint. Errors name the subject of the call and,
 * for a 403, the scope of the tool that made it.
 */
export class AttioApi {
  readonly #ctx: ToolContext;
  readonly #scope: string;
  readonly #tuning: ClientTuning;

  constructor(ctx: ToolContext, scope: string, tuning: ClientTuning = {}) {
    this.#ctx = ctx;
    this.#scope = scope;
    this.#tuning = tuning;
  }

  async #headers(): Promise<Record<string, string>> {
    const token = (await this.#ctx.credentials()).access_token;
    if (typeof token !== 'string' || !token) {
      throw new AuthRequiredError('attio', 'the stored credentials hold no access token');
    }
    return { authorization: `Bearer ${token}` };
  }

  #call<T>(subject: Subject, path: string, req: UpstreamRequest = {}): Promise<T> {
    const client = new UpstreamClient({
      service: 'Attio',
      serverId: 'attio',
      baseUrl: serviceUrl('attio', ATTIO_API),
      log: this.#ctx.log,
      auth: () => this.#headers(),
      mapError: (status, body) => attioError(status, body, subject, this.#scope),
      ...this.#tuning,
    });
    return client.request<T>(path, req, this.#ctx.signal);
  }

  /**
   * Follows limit/offset until `limit` items are in hand or a short page ends the list. A query is a
   * read sent as POST, so it is retried like one.
   */
  async #query<T>(subject: Subject, path: string, filter: Filter | undefined, limit: number) {
    const items: T[] = [];
    for (let offset = 0; items.length < limit && offset < MAX_LIMIT; ) {
      const pageSize = Math.min(PAGE_SIZE, limit - items.length);
      const page = await this.#call<{ data: T[] }>(subject, path, {
        method: 'POST',
        body: { ...(filter ? { filter } : {}), limit: pageSize, offset },
        idempotent: true,
      });
      items.push(...page.data);
      offset += page.data.length;
      if (page.data.length < pageSize) return { items, more: false };
    }
    return { items, more: true };
  }

  queryRecords(object: ObjectSlug, filter: Filter | undefined, limit: number) {
    const subject = { what: 'Object', id: object };
    return this.#query<AttioRecord>(subject, `objects/${object}/records/query`, filter, limit);
  }

  async getRecord(object: ObjectSlug, id: string): Promise<AttioRecord> {
    const res = await this.#call<{ data: AttioRecord }>(
      { what: NOUN[object], id },
      `objects/${object}/records/${enc(id)}`,
    );
    return res.data;
  }

  async createRecord(object: ObjectSlug, values: Record<string, unknown>): Promise<AttioRecord> {
    const res = await this.#call<{ data: AttioRecord }>(
      { what: 'Object', id: object },
      `objects/${object}/records`,
      {
        method: 'POST',
        body: { data: { values } },
      },
    );
    return res.data;
  }

  /** PATCH adds to multiselect values and sets the others; not repeated after a 5xx. */
  async updateRecord(object: ObjectSlug, id: string, values: Record<string, unknown>): Promise<AttioRecord> {
    const res = await this.#call<{ data: AttioRecord }>(
      { what: NOUN[object], id },
      `objects/${object}/records/${enc(id)}`,
      {
        method: 'PATCH',
        body: { data: { values } },
      },
    );
    return res.data;
  }

  async listLists(): Promise<AttioList[]> {
    const res = await this.#call<{ data: AttioList[] }>({ what: 'Lists', id: 'of the workspace' }, 'lists');
    return res.data;
  }

  async getList(list: string): Promise<AttioList> {
    const res = await this.#call<{ data: AttioList }>({ what: 'List', id: list }, `lists/${enc(list)}`);
    return res.data;
  }

  queryEntries(list: string, limit: number) {
    return this.#query<AttioEntry>(
      { what: 'List', id: list },
      `lists/${enc(list)}/entries/query`,
      undefined,
      limit,
    );
  }

  async addEntry(list: string, record: string, object: ObjectSlug): Promise<AttioEntry> {
    const res = await this.#call<{ data: AttioEntry }>(
      { what: 'List', id: list },
      `lists/${enc(list)}/entries`,
      {
        method: 'POST',
        body: { data: { parent_record_id: record, parent_object: object, entry_values: {} } },
      },
    );
    return res.data;
  }
}

/** Makes the Attio client a tool uses; `scope` is the scope named if Attio answers 403. */
export type ApiFactory = (ctx: ToolContext, scope: string) => AttioApi;

export function apiFactory(tuning: ClientTuning = {}): ApiFactory {
  return (ctx, scope) => new AttioApi(ctx, scope, tuning);
}
