import type { Credentials, ToolContext } from '../../core/context.js';
import { AuthRequiredError, ToolError } from '../../core/errors.js';
import {
  apiUrlVariable,
  serviceUrl,
  UpstreamClient,
  UpstreamError,
  type UpstreamOptions,
  type UpstreamRequest,
  unanswered,
} from '../../upstream/client.js';
import {
  type ApiUsage,
  describeErrors,
  parseApiUsage,
  SalesforceNotFoundError,
  type Subject,
  salesforceError,
} from './errors.js';
import {
  convertLeadEnvelope,
  type LeadConvert,
  type LeadConvertResult,
  parseConvertLeadResult,
} from './soap.js';
import type { Describe, QueryPage, SaveResult, SearchAnswer, SObject } from './types.js';

/** The REST API version every call uses (Spring '26). */
export const API_VERSION = '66.0';
const DATA = `services/data/v${API_VERSION}`;
/** The SOAP partner endpoint, for lead conversion only. */
const SOAP = `services/Soap/u/${API_VERSION}`;

/** Salesforce's largest query batch; it may send fewer. */
export const QUERY_BATCH = 2000;
/** A hard stop on pages per call, should a locator never end. */
const MAX_PAGES = 50;

/** Timing knobs of the upstream client; tests pass tiny values. */
export type ClientTuning = Pick<
  UpstreamOptions,
  'timeoutMs' | 'retries' | 'backoffMs' | 'maxRetryAfterMs' | 'sleep'
>;

const enc = encodeURIComponent;
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * The org's API root: GUMCP_SALESFORCE_API_URL when set (a proxy, or a fake in tests), else the
 * `instance_url` Salesforce named when the user signed in (or refreshed). The token goes there, so
 * it must be https (plain http only on loopback).
 */
export function instanceRoot(credentials: Readonly<Credentials>): string {
  const stored = typeof credentials.instance_url === 'string' ? credentials.instance_url.trim() : '';
  const root = serviceUrl('salesforce', stored);
  if (!root) {
    throw new AuthRequiredError(
      'salesforce',
      `no Salesforce instance_url is stored with the credentials (nor is ${apiUrlVariable('salesforce')} set)`,
    );
  }
  let url: URL;
  try {
    url = new URL(root);
  } catch {
    throw new ToolError('The Salesforce instance URL is not a URL; sign in again');
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK.has(url.hostname))) {
    throw new ToolError('The Salesforce instance URL is not https; sign in again');
  }
  return url.href.replace(/\/+$/, '');
}

/** The signed-in user's id, the last part of the identity URL `…/id/<org id>/<user id>`. */
export function userIdOf(credentials: Readonly<Credentials>): string | undefined {
  const id = typeof credentials.id === 'string' ? credentials.id : '';
  const last = id.split('/').filter(Boolean).pop();
  return last && /^005[A-Za-z0-9]{12}(?:[A-Za-z0-9]{3})?$/.test(last) ? last : undefined;
}

/** What a delete did: `deleted` now, or the record was already `gone` (deleted before, or never there). */
export type Deletion = 'deleted' | 'gone';

/** Records of a query and, when it stopped at the caller's limit, where to continue. */
export interface QueryResult {
  records: SObject[];
  totalSize: number;
  next?: string;
}

const NEXT_RECORDS = /^\/services\/data\/v\d+\.\d+\/query(?:All)?\/[A-Za-z0-9-]+$/;

/**
 * Salesforce's REST API on the user's org. Every request reads the credentials anew (a token or
 * instance refreshed mid-session is used from the next request on) and notes the org's API usage
 * from the `Sforce-Limit-Info` header, which tools show when it nears the limit.
 */
export class SalesforceApi {
  readonly #ctx: ToolContext;
  readonly #tuning: ClientTuning;
  /** The org's API usage as the last answer gave it. */
  usage: ApiUsage | undefined;

  constructor(ctx: ToolContext, tuning: ClientTuning = {}) {
    this.#ctx = ctx;
    this.#tuning = tuning;
  }

  async #credentials(): Promise<{ token: string; root: string; credentials: Credentials }> {
    const credentials = await this.#ctx.credentials();
    const token = credentials.access_token;
    if (typeof token !== 'string' || !token) {
      throw new AuthRequiredError('salesforce', 'the stored credentials hold no access token');
    }
    return { token, root: instanceRoot(credentials), credentials };
  }

  /** The signed-in user's id, for the queries error messages suggest. */
  async userId(): Promise<string | undefined> {
    return userIdOf(await this.#ctx.credentials());
  }

  async #exchange<T>(subject: Subject, path: string, req: UpstreamRequest = {}): Promise<T> {
    const { token, root } = await this.#credentials();
    const client = new UpstreamClient({
      service: 'Salesforce',
      serverId: 'salesforce',
      baseUrl: root,
      log: this.#ctx.log,
      auth: () => ({ authorization: `Bearer ${token}` }),
      mapError: (status, body, headers) => {
        this.#noteUsage(headers);
        return salesforceError(status, body, headers, subject);
      },
      ...this.#tuning,
    });
    try {
      const answer = await client.exchange<T>(path, req, this.#ctx.signal);
      this.#noteUsage(answer.headers);
      return answer.body;
    } catch (error) {
      if (subject.unrepeatable && unanswered(error)) {
        throw new ToolError(`Salesforce did not answer; ${subject.unrepeatable}`);
      }
      throw error;
    }
  }

  #noteUsage(headers: Headers): void {
    this.usage = parseApiUsage(headers.get('sforce-limit-info')) ?? this.usage;
  }

  // Queries and searches

  /**
   * A SOQL query, following `nextRecordsUrl` until `limit` records or the end. `next` continues an
   * earlier call's listing (its `next_records_url`).
   */
  async query(soql: string, limit: number, next?: string): Promise<QueryResult> {
    if (next !== undefined && !NEXT_RECORDS.test(next)) {
      throw new ToolError(
        'Invalid arguments: next_records_url: must be the next_records_url of an earlier result, e.g. /services/data/v66.0/query/01gD0000002HU6KIAW-2000',
      );
    }
    const records: SObject[] = [];
    let totalSize = 0;
    let url: string | undefined = next ?? `${DATA}/query`;
    let query: Record<string, string> | undefined = next ? undefined : { q: soql };
    for (let page = 0; page < MAX_PAGES && url && records.length < limit; page++) {
      const answer: QueryPage = await this.#exchange<QueryPage>({ what: 'Query', id: 'of the SOQL' }, url, {
        query,
      });
      records.push(...(answer.records ?? []).slice(0, limit - records.length));
      totalSize = answer.totalSize ?? totalSize;
      const following = answer.done === false ? answer.nextRecordsUrl : undefined;
      // The locator is a path on the instance: anything else would carry the token elsewhere.
      url = following && NEXT_RECORDS.test(following) ? following : undefined;
      query = undefined;
    }
    return { records, totalSize, ...(url ? { next: url } : {}) };
  }

  async search(sosl: string): Promise<SObject[]> {
    const answer = await this.#exchange<SearchAnswer | SObject[]>(
      { what: 'Search', id: 'of the SOSL' },
      `${DATA}/search`,
      {
        query: { q: sosl },
      },
    );
    // Versions before 36 answered a bare list; later ones `{searchRecords}`.
    return Array.isArray(answer) ? answer : (answer?.searchRecords ?? []);
  }

  // Objects and records

  describe(objectName: string): Promise<Describe> {
    return this.#exchange({ what: 'Object', id: objectName }, `${DATA}/sobjects/${enc(objectName)}/describe`);
  }

  getRecord(objectName: string, id: string, fields?: readonly string[]): Promise<SObject> {
    return this.#exchange(
      { what: `${objectName} record`, id },
      `${DATA}/sobjects/${enc(objectName)}/${enc(id)}`,
      {
        query: { fields: fields?.length ? fields.join(',') : undefined },
      },
    );
  }

  /**
   * Creates a record. Salesforce has no idempotency key for creates, so it is sent once: never
   * repeated after a 5xx or a timeout, and the error then says how to check (`unrepeatable`).
   */
  create(
    objectName: string,
    data: Record<string, unknown>,
    unrepeatable: string,
    refs?: Record<string, string>,
  ): Promise<SaveResult> {
    return this.#exchange(
      { what: `${objectName} record`, id: '(new)', unrepeatable, ...(refs ? { refs } : {}) },
      `${DATA}/sobjects/${enc(objectName)}`,
      { method: 'POST', body: data, idempotent: false },
    );
  }

  /** PATCH sets the fields given and leaves the others: sending it twice changes nothing more. */
  async update(objectName: string, id: string, data: Record<string, unknown>): Promise<void> {
    await this.#exchange(
      { what: `${objectName} record`, id },
      `${DATA}/sobjects/${enc(objectName)}/${enc(id)}`,
      {
        method: 'PATCH',
        body: data,
        idempotent: true,
      },
    );
  }

  /**
   * Deletes a record (to the recycle bin). A delete is retried after a 5xx, so a NOT_FOUND may answer
   * a retry whose first attempt went through: it says `gone`, not a failure.
   */
  async delete(objectName: string, id: string): Promise<Deletion> {
    try {
      await this.#exchange(
        { what: `${objectName} record`, id },
        `${DATA}/sobjects/${enc(objectName)}/${enc(id)}`,
        {
          method: 'DELETE',
        },
      );
      return 'deleted';
    } catch (error) {
      if (error instanceof SalesforceNotFoundError) return 'gone';
      throw error;
    }
  }

  /**
   * Creates up to 200 records in one request, all or none (sObject Collections): either every record
   * is created or none is, so a failure never leaves part of them behind. Sent once, like `create`.
   */
  async createAll(
    records: readonly Record<string, unknown>[],
    unrepeatable: string,
    what: string,
  ): Promise<SaveResult[]> {
    const results = await this.#exchange<SaveResult[]>(
      { what: `${what} records`, id: '(new)', unrepeatable },
      `${DATA}/composite/sobjects`,
      { method: 'POST', body: { allOrNone: true, records }, idempotent: false },
    );
    const list = Array.isArray(results) ? results : [];
    const failed = list
      .map((r, i) => ({ i, r }))
      .filter(
        ({ r }) =>
          r.success !== true && r.errors?.some((e) => e.statusCode !== 'ALL_OR_NONE_OPERATION_ROLLED_BACK'),
      );
    if (failed.length || list.some((r) => r.success !== true)) {
      const reasons = failed
        .map(
          ({ i, r }) =>
            `record ${i + 1}: ${describeErrors((r.errors ?? []).map((e) => ({ ...e, errorCode: e.statusCode })))}`,
        )
        .join('; ');
      throw new UpstreamError(
        `Salesforce created none of the ${records.length} ${what} records (all or none): ${reasons || 'it gave no reason'}`,
        400,
      );
    }
    return list;
  }

  limits(): Promise<Record<string, unknown>> {
    return this.#exchange({ what: 'Org limits', id: 'of the org' }, `${DATA}/limits`);
  }

  /**
   * Converts a lead through the SOAP partner API's convertLead(), sent once (a conversion creates an
   * account, a contact and maybe an opportunity). A LeadConvertResult with success false is an error
   * naming Salesforce's reasons.
   */
  async convertLead(lead: LeadConvert, unrepeatable: string): Promise<LeadConvertResult> {
    const { token } = await this.#credentials();
    const subject: Subject = { what: 'Lead', id: lead.leadId, unrepeatable };
    const xml = await this.#exchange<unknown>(subject, SOAP, {
      method: 'POST',
      body: convertLeadEnvelope(token, lead),
      headers: { 'content-type': 'text/xml; charset=UTF-8', accept: 'text/xml', soapaction: '"convertLead"' },
      idempotent: false,
    });
    const result = typeof xml === 'string' ? parseConvertLeadResult(xml) : undefined;
    if (!result)
      throw new ToolError(
        `Salesforce answered the conversion of lead ${lead.leadId} with no result; ${unrepeatable}`,
      );
    if (!result.success) {
      const reasons = describeErrors(
        result.errors.map((e) => ({ message: e.message, errorCode: e.statusCode, fields: e.fields })),
      );
      throw new UpstreamError(
        `Salesforce did not convert lead ${lead.leadId}: ${reasons || 'it gave no reason'}`,
        400,
      );
    }
    return result;
  }
}

/** Makes the Salesforce client a tool uses. */
export type ApiFactory = (ctx: ToolContext) => SalesforceApi;

export function apiFactory(tuning: ClientTuning = {}): ApiFactory {
  return (ctx) => new SalesforceApi(ctx, tuning);
}
