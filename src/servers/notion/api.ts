import type { Credentials, ToolContext } from '../../core/context.js';
import { AuthRequiredError, MissingScopeError, NotFoundError, ToolError } from '../../core/errors.js';
import {
  MayHaveGoneThroughError,
  serviceUrl,
  UpstreamClient,
  UpstreamError,
  type UpstreamOptions,
  type UpstreamRequest,
} from '../../upstream/client.js';
import type {
  BlockNode,
  NotionBlock,
  NotionDatabase,
  NotionDataSource,
  NotionErrorBody,
  NotionList,
  NotionPage,
  NotionUser,
} from './types.js';

export const SERVER_ID = 'notion';
const SERVICE = 'Notion';
const NOTION_API = 'https://api.notion.com/v1';

/**
 * The Notion API version every request pins (the `Notion-Version` header). 2026-03-11 is the newest:
 * databases hold data sources (since 2025-09-03), `in_trash` replaces `archived`, and appending blocks
 * takes `position` instead of `after`.
 */
export const NOTION_VERSION = '2026-03-11';

/** Notion's largest page for every list endpoint. */
export const PAGE_SIZE = 100;
/** The most items a list tool returns; also bounds the pages one call fetches. */
export const MAX_LIMIT = 1000;
const MAX_PAGES = MAX_LIMIT / PAGE_SIZE + 1;

/** Block children Notion takes in one append request (and in a page creation). */
export const MAX_CHILDREN_PER_REQUEST = 100;

/**
 * Timing knobs of the upstream client. Production uses the client's defaults; tests pass tiny values
 * so that retried 429s, 5xx and 529s cost milliseconds.
 */
export type NotionTuning = Pick<UpstreamOptions, 'timeoutMs' | 'retries' | 'backoffMs' | 'maxRetryAfterMs'>;

/**
 * What an integration may do, as Notion grants it per integration (Notion has no OAuth scopes): a 403
 * `restricted_resource` names the capability the tool needs.
 */
export type Capability = 'read content' | 'insert content' | 'update content' | 'read user information';

/** What a call is about, named when Notion answers 404. */
export interface Subject {
  what: string;
  id: string;
}

/** Notion said the integration lacks a capability: enabled in the integration's settings, not by a scope. */
export class CapabilityError extends MissingScopeError {
  constructor(capability: Capability, notionMessage: string | undefined) {
    super(capability);
    this.message =
      `Permission denied: the Notion integration lacks the "${capability}" capability` +
      `${notionMessage ? ` (Notion said: ${notionMessage})` : ''}. Enable it under Capabilities in the ` +
      'integration’s settings (https://www.notion.so/profile/integrations), then re-authenticate.';
  }
}

/** Maps Notion's `{object: 'error', status, code, message}` to a tool error; 429 and 5xx stay the client's. */
export function notionError(
  status: number,
  body: unknown,
  subject: Subject,
  capability: Capability,
  idempotent: boolean,
): ToolError | undefined {
  const error = (body && typeof body === 'object' ? body : {}) as Partial<NotionErrorBody>;
  const message = typeof error.message === 'string' ? error.message : undefined;
  if (status === 401 || error.code === 'unauthorized') {
    return new AuthRequiredError(SERVER_ID, 'Notion rejected the stored token (expired or revoked)');
  }
  if (status === 403 || error.code === 'restricted_resource') return new CapabilityError(capability, message);
  if (status === 404 || error.code === 'object_not_found') {
    const notFound = new NotFoundError(subject.what, subject.id);
    notFound.message += ' (or it is not shared with the integration: add the connection to it in Notion)';
    return notFound;
  }
  if (status === 409 || error.code === 'conflict_error') {
    return new ToolError(
      `Notion reported a conflict saving ${subject.id} (it changed at the same time); try again`,
    );
  }
  if (status === 529 || error.code === 'service_overload') {
    if (!idempotent) return new MayHaveGoneThroughError('Notion is overloaded (HTTP 529)', 529);
    return new UpstreamError('Notion is overloaded (HTTP 529); try again later', 529);
  }
  if (status >= 400 && status < 500 && status !== 429 && message) {
    return new ToolError(`Notion rejected the request for ${subject.id}: ${message}`);
  }
  return undefined;
}

/** The bearer token: an OAuth `access_token`, or guMCP's `api_key` (an internal integration's secret). */
export function bearer(credentials: Credentials): string {
  for (const field of ['access_token', 'api_key']) {
    const value = credentials[field];
    if (typeof value === 'string' && value.trim()) return value;
  }
  throw new AuthRequiredError(SERVER_ID, 'the stored credentials hold no access token');
}

/** The Notion REST calls of one tool, with the capability it needs (named when Notion answers 403). */
export class NotionApi {
  readonly #ctx: ToolContext;
  readonly #capability: Capability;
  readonly #tuning: NotionTuning;

  constructor(ctx: ToolContext, capability: Capability, tuning: NotionTuning = {}) {
    this.#ctx = ctx;
    this.#capability = capability;
    this.#tuning = tuning;
  }

  /**
   * One request. The client is per request because its error mapping names this request's subject.
   * The upstream client retries 429, 5xx and Notion's 529 (overloaded) for idempotent requests.
   */
  #call<T>(subject: Subject, path: string, req: UpstreamRequest = {}): Promise<T> {
    const idempotent = req.idempotent ?? !(req.method === 'POST' || req.method === 'PATCH');
    const client = new UpstreamClient({
      service: SERVICE,
      serverId: SERVER_ID,
      baseUrl: serviceUrl(SERVER_ID, NOTION_API),
      log: this.#ctx.log,
      auth: async () => ({
        authorization: `Bearer ${bearer(await this.#ctx.credentials())}`,
        'notion-version': NOTION_VERSION,
      }),
      mapError: (status, body) => notionError(status, body, subject, this.#capability, idempotent),
      ...this.#tuning,
    });
    return client.request<T>(path, req, this.#ctx.signal);
  }

  /** Follows start_cursor/next_cursor until `limit` items are in hand or has_more is false. */
  async #collect<T>(
    limit: number,
    fetchPage: (cursor: string | undefined, pageSize: number) => Promise<NotionList<T>>,
  ): Promise<{ items: T[]; hasMore: boolean }> {
    const items: T[] = [];
    let cursor: string | undefined;
    let hasMore = false;
    for (let page = 0; page < MAX_PAGES && items.length < limit; page++) {
      const wanted = limit - items.length;
      const list = await fetchPage(cursor, Math.min(PAGE_SIZE, wanted));
      items.push(...list.results.slice(0, wanted));
      hasMore = list.has_more || list.results.length > wanted;
      cursor = list.next_cursor ?? undefined;
      if (!list.has_more || !cursor) break;
    }
    return { items, hasMore };
  }

  listUsers(limit: number): Promise<{ items: NotionUser[]; hasMore: boolean }> {
    return this.#collect(limit, (start_cursor, page_size) =>
      this.#call({ what: 'Users', id: 'the workspace' }, 'users', { query: { start_cursor, page_size } }),
    );
  }

  /** Pages or data sources whose title matches `query` (all those shared with the integration without one). */
  search<T extends NotionPage | NotionDataSource>(
    query: string | undefined,
    object: T['object'],
    limit: number,
  ): Promise<{ items: T[]; hasMore: boolean }> {
    return this.#collect(limit, (start_cursor, page_size) =>
      this.#call({ what: 'Search', id: query ? `"${query}"` : 'the workspace' }, 'search', {
        method: 'POST',
        idempotent: true,
        body: {
          ...(query ? { query } : {}),
          filter: { property: 'object', value: object },
          page_size,
          ...(start_cursor ? { start_cursor } : {}),
        },
      }),
    );
  }

  getDatabase(id: string): Promise<NotionDatabase> {
    return this.#call({ what: 'Database', id }, `databases/${id}`);
  }

  getDataSource(id: string): Promise<NotionDataSource> {
    return this.#call({ what: 'Data source', id }, `data_sources/${id}`);
  }

  /** Rows (pages) of a data source, with Notion's filter and sorts when given. */
  queryDataSource(
    id: string,
    body: { filter?: unknown; sorts?: unknown },
    limit: number,
    subject: Subject = { what: 'Data source', id },
  ): Promise<{ items: NotionPage[]; hasMore: boolean }> {
    return this.#collect(limit, (start_cursor, page_size) =>
      this.#call(subject, `data_sources/${id}/query`, {
        method: 'POST',
        idempotent: true,
        body: { ...body, page_size, ...(start_cursor ? { start_cursor } : {}) },
      }),
    );
  }

  getPage(id: string): Promise<NotionPage> {
    return this.#call({ what: 'Page', id }, `pages/${id}`);
  }

  createPage(body: Record<string, unknown>, subject: Subject): Promise<NotionPage> {
    return this.#call(subject, 'pages', { method: 'POST', body });
  }

  listChildren(blockId: string, limit: number): Promise<{ items: NotionBlock[]; hasMore: boolean }> {
    return this.#collect(limit, (start_cursor, page_size) =>
      this.#call({ what: 'Block', id: blockId }, `blocks/${blockId}/children`, {
        query: { start_cursor, page_size },
      }),
    );
  }

  /**
   * Reads the blocks under `blockId`, descending into blocks with children up to `depth` levels, in
   * document order, until `maxBlocks` blocks are read. Child pages and databases are not entered:
   * they are documents of their own.
   */
  async readTree(
    blockId: string,
    depth: number,
    maxBlocks: number,
  ): Promise<{ blocks: BlockNode[]; truncated: boolean }> {
    let budget = maxBlocks;
    let truncated = false;
    const read = async (id: string, level: number): Promise<BlockNode[]> => {
      const { items, hasMore } = await this.listChildren(id, budget);
      budget -= items.length;
      if (hasMore) truncated = true;
      const nodes: BlockNode[] = items;
      for (const node of nodes) {
        if (!node.has_children || node.type === 'child_page' || node.type === 'child_database') continue;
        if (level >= depth || budget <= 0) {
          truncated = true;
          continue;
        }
        node.children = await read(node.id, level + 1);
      }
      return nodes;
    };
    const blocks = await read(blockId, 1);
    return { blocks, truncated };
  }

  /** One append request: at most MAX_CHILDREN_PER_REQUEST blocks, nested two levels deep at most. */
  async appendChildren(blockId: string, children: readonly unknown[]): Promise<NotionBlock[]> {
    const list = await this.#call<NotionList<NotionBlock>>(
      { what: 'Block or page', id: blockId },
      `blocks/${blockId}/children`,
      { method: 'PATCH', body: { children } },
    );
    return list.results;
  }
}

/** Makes the Notion client a tool uses; `capability` is named if Notion answers 403. */
export type ApiFactory = (ctx: ToolContext, capability: Capability) => NotionApi;

export function apiFactory(tuning: NotionTuning = {}): ApiFactory {
  return (ctx, capability) => new NotionApi(ctx, capability, tuning);
}
