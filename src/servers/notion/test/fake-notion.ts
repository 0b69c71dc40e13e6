import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import type { TestContext } from 'node:test';
import type { Client } from '@modelcontextprotocol/client';
import {
  type FakeReply,
  type FakeService,
  fakeFor,
  type RecordedRequest,
} from '../../../testing/fake-service.js';
import { type ConnectOptions, connect, data, failure } from '../../../testing/mcp.js';
import { NOTION_VERSION, type NotionTuning } from '../api.js';
import { createNotionServer } from '../index.js';
import type {
  Annotations,
  NotionBlock,
  NotionDatabase,
  NotionDataSource,
  NotionPage,
  NotionUser,
} from '../types.js';

export { data, failure };

/**
 * A fake of the Notion API (version 2026-03-11) on loopback, answering with the object shapes of
 * Notion's reference and of @notionhq/client's generated types: list envelopes with
 * `next_cursor`/`has_more`, pages, data sources, databases with their `data_sources`, blocks, users,
 * and `{object: "error", status, code, message}` errors. Like Notion, it refuses (400
 * validation_error) rich text over 2,000 characters, more than 100 children or rich text items in an
 * array, and children nested deeper than two levels, so tests prove the server stays within them.
 */

export const API = '/v1';
export const TOKEN = 'ntn_fake_notion_token_for_tests';

/** Retries and backoff in milliseconds, so error tests finish at once (production: client defaults). */
export const FAST: NotionTuning = { retries: 2, backoffMs: 1, timeoutMs: 2000, maxRetryAfterMs: 100 };

const TIME = '2026-05-01T10:00:00.000Z';
const EDITED = '2026-05-02T10:00:00.000Z';
const BY = { object: 'user', id: 'c2f20311-9e54-4d11-8c79-7398424ae41e' };

/** A compact id as the 32 hex digits Notion shows in URLs. */
const compact = (id: string) => id.replace(/-/g, '');
/** A dashed id from a short label, stable across a test: `id('page-1')`. */
export function id(label: string): string {
  const hex = createHash('sha256').update(label).digest('hex').slice(0, 32);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function richText(content: string, annotations: Annotations = {}, href?: string) {
  return {
    type: 'text' as const,
    text: { content, link: href ? { url: href } : null },
    annotations: {
      bold: false,
      italic: false,
      strikethrough: false,
      underline: false,
      code: false,
      color: 'default',
      ...annotations,
    },
    plain_text: content,
    href: href ?? null,
  };
}

export function notionError(status: number, code: string, message: string): FakeReply {
  return {
    status,
    body: { object: 'error', status, code, message, request_id: '2b5f4e1a-7c3d-4e8f-9a0b-1c2d3e4f5a6b' },
  };
}

export function user(name: string, email?: string): NotionUser {
  return email
    ? { object: 'user', id: id(`user-${name}`), type: 'person', name, avatar_url: null, person: { email } }
    : {
        object: 'user',
        id: id(`bot-${name}`),
        type: 'bot',
        name,
        avatar_url: null,
        bot: { owner: { type: 'workspace' }, workspace_name: 'Acme' },
      };
}

/** A block as Notion answers it; `content` is the object under the block's type key. */
export function block(type: string, content: Record<string, unknown> = {}, extra: Partial<NotionBlock> = {}) {
  return {
    object: 'block' as const,
    id: extra.id ?? id(`block-${type}-${Math.random()}`),
    parent: { type: 'page_id', page_id: id('page') },
    created_time: TIME,
    last_edited_time: EDITED,
    created_by: BY,
    last_edited_by: BY,
    has_children: false,
    in_trash: false,
    type,
    [type]: content,
    ...extra,
  };
}

export const paragraph = (...rich: ReturnType<typeof richText>[]) =>
  block('paragraph', { rich_text: rich, color: 'default' });

/** A page in a data source, with a title property "Name" and other property values as given. */
export function page(
  label: string,
  title: string,
  properties: Record<string, Record<string, unknown>> = {},
  parent: Record<string, unknown> = {
    type: 'data_source_id',
    data_source_id: id('ds-tasks'),
    database_id: id('db-tasks'),
  },
): NotionPage {
  return {
    object: 'page',
    id: id(label),
    created_time: TIME,
    last_edited_time: EDITED,
    created_by: BY,
    last_edited_by: BY,
    cover: null,
    icon: null,
    parent: parent as unknown as NotionPage['parent'],
    in_trash: false,
    is_archived: false,
    is_locked: false,
    properties: {
      Name: { id: 'title', type: 'title', title: [richText(title)] },
      ...properties,
    } as NotionPage['properties'],
    url: `https://www.notion.so/${title.replace(/\W+/g, '-')}-${compact(id(label))}`,
    public_url: null,
  };
}

/** The Tasks schema: every property type the create_page tests write. */
export const TASKS_SCHEMA = {
  Name: { id: 'title', name: 'Name', type: 'title', title: {} },
  Status: {
    id: 'Z%3ClH',
    name: 'Status',
    type: 'status',
    status: { options: [{ id: 's1', name: 'Todo', color: 'red' }] },
  },
  Tags: { id: 'flsb', name: 'Tags', type: 'multi_select', multi_select: { options: [] } },
  Due: { id: 'AJP%7D', name: 'Due', type: 'date', date: {} },
  Estimate: { id: 'Ztj%3F', name: 'Estimate', type: 'number', number: { format: 'number' } },
  Done: { id: 'Dk%5E', name: 'Done', type: 'checkbox', checkbox: {} },
  Notes: { id: 'wQ%3A', name: 'Notes', type: 'rich_text', rich_text: {} },
  Owner: { id: 'Pe%7B', name: 'Owner', type: 'people', people: {} },
  Created: { id: 'Cr%40', name: 'Created', type: 'created_time', created_time: {} },
};

export function dataSource(
  label: string,
  title: string,
  databaseLabel: string,
  properties: Record<string, unknown> = TASKS_SCHEMA,
): NotionDataSource {
  return {
    object: 'data_source',
    id: id(label),
    title: [richText(title)],
    description: [],
    parent: { type: 'database_id', database_id: id(databaseLabel) },
    database_parent: { type: 'page_id', page_id: id('page-home') },
    is_inline: false,
    in_trash: false,
    created_time: TIME,
    last_edited_time: EDITED,
    created_by: BY,
    last_edited_by: BY,
    properties: properties as NotionDataSource['properties'],
    icon: null,
    cover: null,
    url: `https://www.notion.so/${compact(id(label))}`,
    public_url: null,
  };
}

export function database(
  label: string,
  title: string,
  sources: { label: string; name: string }[],
): NotionDatabase {
  return {
    object: 'database',
    id: id(label),
    title: [richText(title)],
    description: [],
    parent: { type: 'page_id', page_id: id('page-home') },
    is_inline: false,
    in_trash: false,
    is_locked: false,
    created_time: TIME,
    last_edited_time: EDITED,
    data_sources: sources.map((s) => ({ id: id(s.label), name: s.name })),
    icon: null,
    cover: null,
    url: `https://www.notion.so/${compact(id(label))}`,
    public_url: null,
  } as NotionDatabase;
}

/** A list answer, one page of `items` from the request's start_cursor ("cur-<offset>") and page_size. */
function list<T>(items: readonly T[], start: string | null | undefined, size: unknown, type: string) {
  const offset = start ? Number(start.replace('cur-', '')) : 0;
  const pageSize = Math.min(Number(size ?? 100), 100);
  const results = items.slice(offset, offset + pageSize);
  const end = offset + results.length;
  const more = end < items.length;
  return {
    object: 'list',
    results,
    next_cursor: more ? `cur-${end}` : null,
    has_more: more,
    type,
    [type]: {},
  };
}

/** Notion's request limits on a block array, as a 400 validation_error message when one is broken. */
export function validateChildren(children: unknown, path: string, depth = 0): string | undefined {
  if (!Array.isArray(children)) return `${path} should be an array`;
  if (children.length > 100) return `${path}.length should be ≤ \`100\`, instead was \`${children.length}\``;
  for (const [i, raw] of children.entries()) {
    const b = raw as Record<string, unknown>;
    const type = String(b.type ?? Object.keys(b).find((k) => k !== 'object' && k !== 'type'));
    const content = (b[type] ?? {}) as Record<string, unknown>;
    for (const key of ['rich_text', 'caption']) {
      const rich = content[key] as { text?: { content?: string } }[] | undefined;
      if (!rich) continue;
      if (rich.length > 100) return `${path}[${i}].${type}.${key}.length should be ≤ \`100\``;
      for (const [j, rt] of rich.entries()) {
        const n = rt.text?.content?.length ?? 0;
        if (n > 2000) {
          return `${path}[${i}].${type}.${key}[${j}].text.content.length should be ≤ \`2000\`, instead was \`${n}\``;
        }
      }
    }
    if (content.children !== undefined) {
      if (depth >= 2) return `${path}[${i}].${type}.children should be not present, instead was \`[...]\``;
      const nested = validateChildren(content.children, `${path}[${i}].${type}.children`, depth + 1);
      if (nested) return nested;
    }
  }
  return undefined;
}

/** Blocks as sent in a request, as Notion then answers them (ids given, nested children left out). */
function asBlocks(sent: readonly Record<string, unknown>[], label: string) {
  return sent.map((b, i) => {
    const type = String(b.type);
    const { children: nested, ...content } = (b[type] ?? {}) as Record<string, unknown>;
    return block(type, content, {
      id: id(`${label}-${i}`),
      has_children: Array.isArray(nested) && nested.length > 0,
    });
  });
}

export interface FakeNotionOptions {
  users?: NotionUser[];
  pages?: NotionPage[];
  dataSources?: NotionDataSource[];
  databases?: NotionDatabase[];
  /** Rows by data source id. */
  rows?: Record<string, NotionPage[]>;
  /** Child blocks by parent block or page id. */
  children?: Record<string, Record<string, unknown>[]>;
}

const lastSegment = (req: RecordedRequest, index: number) => req.path.split('/')[index] ?? '';
const notFound = (what: string, objectId: string) =>
  notionError(
    404,
    'object_not_found',
    `Could not find ${what} with ID: ${objectId}. Make sure the relevant pages and databases are shared with your integration.`,
  );

/** Starts the fake and points the notion server at it (GUMCP_NOTION_API_URL) for the test. */
export async function fakeNotion(t: TestContext, options: FakeNotionOptions = {}): Promise<FakeService> {
  const fake = await fakeFor(t, 'notion', API);
  const pages = [...(options.pages ?? [])];
  const children = new Map(Object.entries(options.children ?? {}));
  const dataSources = options.dataSources ?? [];
  const databases = options.databases ?? [];
  const body = (req: RecordedRequest) => (req.body ?? {}) as Record<string, unknown>;

  fake.route(`GET ${API}/users`, (req) => ({
    body: list(options.users ?? [], req.query.get('start_cursor'), req.query.get('page_size'), 'user'),
  }));
  fake.route(`POST ${API}/search`, (req) => {
    const {
      query = '',
      filter,
      start_cursor,
      page_size,
    } = body(req) as {
      query?: string;
      filter?: { value?: string };
      start_cursor?: string;
      page_size?: number;
    };
    const all = filter?.value === 'data_source' ? dataSources : pages;
    const matching = all.filter((o) =>
      JSON.stringify(o.object === 'page' ? o.properties : o.title)
        .toLowerCase()
        .includes(query.toLowerCase()),
    );
    return { body: list(matching, start_cursor, page_size, 'page_or_data_source') };
  });
  fake.route(`GET ${API}/databases/*`, (req) => {
    const found = databases.find((d) => d.id === lastSegment(req, 3));
    return found ? { body: found } : notFound('database', lastSegment(req, 3));
  });
  fake.route(`GET ${API}/data_sources/*`, (req) => {
    const found = dataSources.find((d) => d.id === lastSegment(req, 3));
    return found ? { body: found } : notFound('data source', lastSegment(req, 3));
  });
  fake.route(`POST ${API}/data_sources/*`, (req) => {
    const dsId = lastSegment(req, 3);
    if (!dataSources.some((d) => d.id === dsId) || lastSegment(req, 4) !== 'query')
      return notFound('data source', dsId);
    const { start_cursor, page_size } = body(req) as { start_cursor?: string; page_size?: number };
    return { body: list(options.rows?.[dsId] ?? [], start_cursor, page_size, 'page_or_data_source') };
  });
  fake.route(`GET ${API}/pages/*`, (req) => {
    const found = pages.find((p) => p.id === lastSegment(req, 3));
    return found ? { body: found } : notFound('page', lastSegment(req, 3));
  });
  fake.route(`POST ${API}/pages`, (req) => {
    const {
      parent,
      properties,
      children: content,
    } = body(req) as {
      parent: { data_source_id?: string };
      properties: Record<string, Record<string, unknown>>;
      children?: unknown;
    };
    const ds = dataSources.find((d) => d.id === parent?.data_source_id);
    if (!ds) return notFound('data source', String(parent?.data_source_id));
    if (content !== undefined) {
      const invalid = validateChildren(content, 'body.children');
      if (invalid) return notionError(400, 'validation_error', `body failed validation: ${invalid}.`);
    }
    const created = page(
      `page-new-${pages.length}`,
      '',
      {},
      {
        type: 'data_source_id',
        data_source_id: ds.id,
        database_id: (ds.parent as { database_id?: string }).database_id,
      },
    );
    created.properties = Object.fromEntries(
      Object.entries(properties).map(([key, value]) => {
        const schema = ds.properties?.[key];
        const type = schema?.type ?? Object.keys(value)[0] ?? 'rich_text';
        const given = value[type];
        // Notion answers rich text with plain_text and annotations filled in.
        const answered =
          type === 'title' || type === 'rich_text'
            ? (given as { text: { content: string; link?: { url: string } } }[]).map((rt) =>
                richText(rt.text.content, {}, rt.text.link?.url),
              )
            : given;
        return [key, { id: schema?.id ?? key, type, [type]: answered }];
      }),
    ) as NotionPage['properties'];
    pages.push(created);
    children.set(created.id, asBlocks((content as Record<string, unknown>[] | undefined) ?? [], created.id));
    return { body: created };
  });
  fake.route(`GET ${API}/blocks/*`, (req) => {
    const parent = lastSegment(req, 3);
    const known = children.get(parent);
    if (!known || lastSegment(req, 4) !== 'children') return notFound('block', parent);
    return { body: list(known, req.query.get('start_cursor'), req.query.get('page_size'), 'block') };
  });
  fake.route(`PATCH ${API}/blocks/*`, (req) => {
    const parent = lastSegment(req, 3);
    const known = children.get(parent);
    if (!known || lastSegment(req, 4) !== 'children') return notFound('block', parent);
    const appended = (body(req) as { children?: unknown }).children;
    const invalid = validateChildren(appended, 'body.children');
    if (invalid) return notionError(400, 'validation_error', `body failed validation: ${invalid}.`);
    const created = asBlocks(appended as Record<string, unknown>[], `${parent}-${known.length}`);
    known.push(...created);
    return {
      body: {
        object: 'list',
        results: created,
        next_cursor: null,
        has_more: false,
        type: 'block',
        block: {},
      },
    };
  });
  return fake;
}

/** An MCP client connected to a Notion server with fast retries, closed after the test. */
export async function notionClient(
  t: TestContext,
  credentials: ConnectOptions['credentials'] = { access_token: TOKEN },
): Promise<Client> {
  const client = await connect(createNotionServer(FAST), { credentials });
  t.after(() => client.close());
  return client;
}

/** Asserts the headers every Notion request carries: the bearer token and the pinned version. */
export function assertNotionHeaders(req: RecordedRequest, token = TOKEN): void {
  assert.equal(req.headers.authorization, `Bearer ${token}`);
  assert.equal(req.headers['notion-version'], NOTION_VERSION);
}

/** The requests as "METHOD path" lines, each checked for Notion's headers. */
export function calls(fake: FakeService, token = TOKEN): string[] {
  return fake.requests.map((r) => {
    assertNotionHeaders(r, token);
    return `${r.method} ${r.path}`;
  });
}
