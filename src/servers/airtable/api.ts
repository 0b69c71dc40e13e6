import type { ToolContext } from '../../core/context.js';
import { AuthRequiredError, ToolError } from '../../core/errors.js';
import {
  type Query,
  serviceUrl,
  UpstreamClient,
  type UpstreamOptions,
  type UpstreamRequest,
} from '../../upstream/client.js';
import type { Spacer } from '../../upstream/spacer.js';
import { airtableError, type Subject } from './errors.js';

const AIRTABLE_API = 'https://api.airtable.com/v0';
/** Airtable's limit for one create, update or delete request. */
export const RECORDS_PER_WRITE = 10;
/** Airtable's largest page of records. */
const RECORDS_PAGE = 100;
/** Bounds every offset walk, so that a misbehaving offset cannot loop forever. */
const MAX_PAGES = 100;

/** Timing knobs of the upstream client; tests pass tiny values so retries cost milliseconds. */
export type ClientTuning = Pick<UpstreamOptions, 'timeoutMs' | 'retries' | 'backoffMs' | 'maxRetryAfterMs'>;

// Shapes of the Web API (v0) this server reads and writes.

export type Fields = Record<string, unknown>;

export interface AtRecord {
  id: string;
  createdTime?: string;
  fields: Fields;
}

export interface AtBase {
  id: string;
  name: string;
  permissionLevel?: string;
}

export interface AtField {
  id: string;
  name: string;
  type?: string;
  description?: string;
  options?: Record<string, unknown>;
}

export interface AtView {
  id: string;
  name: string;
  type: string;
  visibleFieldIds?: string[];
}

export interface AtTable {
  id: string;
  name: string;
  primaryFieldId: string;
  description?: string;
  fields: AtField[];
  views: AtView[];
}

/** A field as create-table, create-base and create-field take it. */
export interface FieldSpec {
  name: string;
  type: string;
  description?: string;
  options?: Record<string, unknown>;
}

export interface TableSpec {
  name: string;
  description?: string;
  fields: FieldSpec[];
}

/** One request of a bulk write: its number (from 1) and the ids of the records it wrote. */
export interface Batch {
  batch: number;
  ids: string[];
}

/** A bulk write that stopped part-way: which batches went through before one failed. */
export class BatchWriteError extends ToolError {}

const enc = encodeURIComponent;
const tablePath = (base: string, table: string) => `${enc(base)}/${enc(table)}`;
const baseSubject = (base: string): Subject => ({ what: 'Base', id: base });
const tableSubject = (base: string, table: string): Subject => ({
  what: 'Table',
  id: `${table} in base ${base}`,
});

/**
 * The Airtable Web API calls, one method per endpoint. Every request to a base waits for that base's
 * slot in the throttle; errors name the subject of the call and, for a 403, the scope of the tool.
 */
export class AirtableApi {
  readonly #ctx: ToolContext;
  readonly #scope: string;
  readonly #throttle: Spacer;
  readonly #tuning: ClientTuning;

  constructor(ctx: ToolContext, scope: string, throttle: Spacer, tuning: ClientTuning = {}) {
    this.#ctx = ctx;
    this.#scope = scope;
    this.#throttle = throttle;
    this.#tuning = tuning;
  }

  async #token(): Promise<string> {
    const token = (await this.#ctx.credentials()).access_token;
    if (typeof token !== 'string' || !token) {
      throw new AuthRequiredError('airtable', 'the stored credentials hold no access token');
    }
    return token;
  }

  /** One request. `base` (when the route belongs to a base) takes a throttle slot before every attempt, retries too. */
  #call<T>(subject: Subject, base: string | undefined, path: string, req: UpstreamRequest = {}): Promise<T> {
    const throttle = this.#throttle;
    const client = new UpstreamClient({
      service: 'Airtable',
      serverId: 'airtable',
      baseUrl: serviceUrl('airtable', AIRTABLE_API),
      log: this.#ctx.log,
      ...(base
        ? { beforeAttempt: (_path: string, signal?: AbortSignal) => throttle.wait(base, signal) }
        : {}),
      auth: async () => ({ authorization: `Bearer ${await this.#token()}` }),
      mapError: (status, body) => airtableError(status, body, subject, this.#scope),
      ...this.#tuning,
    });
    return client.request<T>(path, req, this.#ctx.signal);
  }

  /** Follows `offset` until `limit` items are in hand or the list ends; `more` says whether it went on. */
  async #pages<T>(
    limit: number,
    fetchPage: (offset: string | undefined) => Promise<{ items: T[]; offset?: string }>,
  ): Promise<{ items: T[]; more: boolean }> {
    const items: T[] = [];
    let offset: string | undefined;
    for (let page = 0; page < MAX_PAGES; page++) {
      const got = await fetchPage(offset);
      items.push(...got.items);
      offset = got.offset || undefined;
      if (items.length >= limit || !offset) break;
    }
    return { items: items.slice(0, limit), more: items.length > limit || offset !== undefined };
  }

  /**
   * Sends `items` in batches of RECORDS_PER_WRITE, one after another. When a batch fails, the error
   * says which records the earlier batches wrote, so the caller retries only the rest.
   */
  async #inBatches<I, R extends { id: string }>(
    verb: string,
    items: readonly I[],
    send: (batch: I[]) => Promise<R[]>,
  ): Promise<{ batches: Batch[]; results: R[] }> {
    const batches: Batch[] = [];
    const results: R[] = [];
    for (let start = 0; start < items.length; start += RECORDS_PER_WRITE) {
      const batch = items.slice(start, start + RECORDS_PER_WRITE);
      const n = start / RECORDS_PER_WRITE + 1;
      try {
        const written = await send(batch);
        batches.push({ batch: n, ids: written.map((r) => r.id) });
        results.push(...written);
      } catch (error) {
        // A write of one batch fails as the request did; a bulk write says what went through first.
        if (!(error instanceof ToolError) || items.length <= RECORDS_PER_WRITE) throw error;
        const done = batches.flatMap((b) => b.ids);
        const range = `records ${start + 1}-${start + batch.length} of ${items.length}`;
        const written = batches.length
          ? ` ${verb} before it: ${batches.map((b) => `batch ${b.batch}: ${b.ids.join(', ')}`).join('; ')}.`
          : '';
        const rest = start + batch.length < items.length ? ' Later batches were not sent.' : '';
        throw new BatchWriteError(
          `Batch ${n} (${range}) failed after ${done.length} record(s) were ${verb.toLowerCase()}: ` +
            `${error.message}.${written}${rest}`,
        );
      }
    }
    return { batches, results };
  }

  // Records

  listRecords(base: string, table: string, filterByFormula: string | undefined, limit: number) {
    return this.#pages<AtRecord>(limit, async (offset) => {
      const query: Query = { pageSize: Math.min(RECORDS_PAGE, limit), filterByFormula, offset };
      const page = await this.#call<{ records?: AtRecord[]; offset?: string }>(
        tableSubject(base, table),
        base,
        tablePath(base, table),
        { query },
      );
      return { items: page.records ?? [], ...(page.offset ? { offset: page.offset } : {}) };
    });
  }

  getRecord(base: string, table: string, record: string): Promise<AtRecord> {
    const subject = { what: 'Record', id: `${record} in table ${table} of base ${base}` };
    return this.#call(subject, base, `${tablePath(base, table)}/${enc(record)}`);
  }

  createRecords(base: string, table: string, records: readonly { fields: Fields }[], typecast?: boolean) {
    return this.#inBatches('Created', records, async (batch) => {
      const body = { records: batch, ...(typecast ? { typecast } : {}) };
      const res = await this.#call<{ records: AtRecord[] }>(
        tableSubject(base, table),
        base,
        tablePath(base, table),
        {
          method: 'POST',
          body,
        },
      );
      return res.records;
    });
  }

  /** PATCH changes only the fields given, so sending the same update twice changes nothing more. */
  updateRecords(
    base: string,
    table: string,
    records: readonly { id: string; fields: Fields }[],
    typecast?: boolean,
  ) {
    return this.#inBatches('Updated', records, async (batch) => {
      const body = { records: batch, ...(typecast ? { typecast } : {}) };
      const res = await this.#call<{ records: AtRecord[] }>(
        tableSubject(base, table),
        base,
        tablePath(base, table),
        {
          method: 'PATCH',
          body,
          idempotent: true,
        },
      );
      return res.records;
    });
  }

  deleteRecords(base: string, table: string, ids: readonly string[]) {
    return this.#inBatches('Deleted', ids, async (batch) => {
      const res = await this.#call<{ records: { id: string; deleted: boolean }[] }>(
        tableSubject(base, table),
        base,
        tablePath(base, table),
        { method: 'DELETE', query: { 'records[]': batch } },
      );
      return res.records;
    });
  }

  // Bases and schema

  listBasesPage(offset: string | undefined): Promise<{ bases: AtBase[]; offset?: string }> {
    return this.#call({ what: 'Bases', id: 'of the authenticated user' }, undefined, 'meta/bases', {
      query: { offset },
    });
  }

  async listBases(limit: number): Promise<{ items: AtBase[]; more: boolean }> {
    return this.#pages<AtBase>(limit, async (offset) => {
      const page = await this.listBasesPage(offset);
      return { items: page.bases ?? [], ...(page.offset ? { offset: page.offset } : {}) };
    });
  }

  async getTables(base: string, include: readonly string[] = []): Promise<AtTable[]> {
    const query: Query = include.length ? { 'include[]': include } : {};
    const res = await this.#call<{ tables: AtTable[] }>(
      baseSubject(base),
      base,
      `meta/bases/${enc(base)}/tables`,
      {
        query,
      },
    );
    return res.tables ?? [];
  }

  createBase(body: { name: string; workspaceId: string; tables: TableSpec[] }) {
    return this.#call<{ id: string; tables: AtTable[] }>(
      { what: 'Workspace', id: body.workspaceId },
      undefined,
      'meta/bases',
      { method: 'POST', body },
    );
  }

  deleteBase(base: string): Promise<{ id: string; deleted: boolean }> {
    return this.#call(baseSubject(base), base, `meta/bases/${enc(base)}`, { method: 'DELETE' });
  }

  createTable(base: string, body: TableSpec): Promise<AtTable> {
    return this.#call(baseSubject(base), base, `meta/bases/${enc(base)}/tables`, { method: 'POST', body });
  }

  updateTable(base: string, table: string, body: { name?: string; description?: string }): Promise<AtTable> {
    return this.#call(tableSubject(base, table), base, `meta/bases/${enc(base)}/tables/${enc(table)}`, {
      method: 'PATCH',
      body,
      idempotent: true,
    });
  }

  createField(base: string, table: string, body: FieldSpec): Promise<AtField> {
    return this.#call(
      tableSubject(base, table),
      base,
      `meta/bases/${enc(base)}/tables/${enc(table)}/fields`,
      {
        method: 'POST',
        body,
      },
    );
  }

  updateField(
    base: string,
    table: string,
    field: string,
    body: { name?: string; description?: string },
  ): Promise<AtField> {
    const subject = { what: 'Field', id: `${field} in table ${table} of base ${base}` };
    return this.#call(subject, base, `meta/bases/${enc(base)}/tables/${enc(table)}/fields/${enc(field)}`, {
      method: 'PATCH',
      body,
      idempotent: true,
    });
  }
}

/** Makes the Airtable client a tool uses; `scope` is the scope named if Airtable answers 403. */
export type ApiFactory = (ctx: ToolContext, scope: string) => AirtableApi;

export function apiFactory(throttle: Spacer, tuning: ClientTuning = {}): ApiFactory {
  return (ctx, scope) => new AirtableApi(ctx, scope, throttle, tuning);
}
