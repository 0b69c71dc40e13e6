import { z } from 'zod';
import { adds, reads } from '../../core/annotations.js';
import { type AnyToolDef, type ToolDef, tool } from '../../core/definition.js';
import { NotFoundError, ToolError } from '../../core/errors.js';
import {
  type ApiFactory,
  type Capability,
  MAX_CHILDREN_PER_REQUEST,
  MAX_LIMIT,
  type NotionApi,
} from './api.js';
import { type BlockRequest, countBlocks, toBlockRequests } from './blocks.js';
import { notionId } from './ids.js';
import { blocksToMarkdown, plainText } from './markdown.js';
import { pageTitle, simplifyProperties, toNotionProperties } from './properties.js';
import type { BlockNode, NotionDataSource, NotionPage, NotionUser, Parent } from './types.js';

/** Blocks read for a page's content, and how deep into nested blocks. */
const PAGE_CONTENT_BLOCKS = 500;
const CONTENT_DEPTH = 3;
/** Blocks Notion takes in one request, nested ones included. */
const MAX_BLOCKS_PER_REQUEST = 1000;

// Arguments shared by the tools.
const limit = (what: string) =>
  z
    .number()
    .int()
    .min(1)
    .max(MAX_LIMIT)
    .default(100)
    .describe(`Maximum number of ${what} to return (1-${MAX_LIMIT}, default 100)`);
const raw = z
  .boolean()
  .default(false)
  .describe("Also return Notion's full objects under `raw` (large; default false)");
const databaseId = notionId(
  'database',
  'The database (or one of its data sources, as list_databases lists them)',
);
const blockChildren = z
  .union([z.string().min(1), z.array(z.union([z.string(), z.record(z.string(), z.unknown())])).min(1)])
  .describe(
    'Content as Markdown (headings, paragraphs, lists, to-dos, code, quotes, dividers, tables, links, ' +
      '**bold**/_italic_/~~strike~~/`code`), or Notion block objects as the API takes them ' +
      '(e.g. {"type":"paragraph","paragraph":{"rich_text":[{"text":{"content":"Hi"}}]}}), or a list mixing both',
  );

// Result shapes.
const parentSchema = z.object({ type: z.string(), id: z.string().nullable() });
const rawList = z.array(z.record(z.string(), z.unknown())).optional().describe("Notion's full objects");
const pageSummary = z.object({
  id: z.string(),
  title: z.string(),
  url: z.string(),
  parent: parentSchema,
  created_time: z.string(),
  last_edited_time: z.string(),
  in_trash: z.boolean().optional(),
});
const pageWithProperties = pageSummary.extend({
  properties: z
    .record(z.string(), z.unknown())
    .describe(
      'Property values made plain: text, numbers, option names, dates (start → end), lists of names or ids',
    ),
});
const blockSummary = z.object({
  id: z.string(),
  type: z.string(),
  has_children: z.boolean(),
  text: z.string().describe('The block alone, as Markdown'),
});

function parentRef(parent: Parent | undefined): z.input<typeof parentSchema> {
  if (!parent) return { type: 'unknown', id: null };
  const id = parent[parent.type as keyof Parent];
  return { type: parent.type, id: typeof id === 'string' ? id : null };
}

function toPageSummary(page: NotionPage): z.input<typeof pageSummary> {
  return {
    id: page.id,
    title: pageTitle(page.properties ?? {}),
    url: page.url,
    parent: parentRef(page.parent),
    created_time: page.created_time,
    last_edited_time: page.last_edited_time,
    ...(page.in_trash !== undefined ? { in_trash: page.in_trash } : {}),
  };
}

const toPage = (page: NotionPage): z.input<typeof pageWithProperties> => ({
  ...toPageSummary(page),
  properties: simplifyProperties(page.properties ?? {}),
});

function toUser(user: NotionUser) {
  return {
    id: user.id,
    name: user.name ?? null,
    type: user.type ?? 'unknown',
    ...(user.person?.email ? { email: user.person.email } : {}),
    ...(user.avatar_url ? { avatar_url: user.avatar_url } : {}),
  };
}

function toDataSource(ds: NotionDataSource) {
  return {
    database_id: ds.parent?.type === 'database_id' ? (ds.parent.database_id ?? null) : null,
    data_source_id: ds.id,
    title: plainText(ds.title),
    url: ds.url ?? null,
    properties: Object.fromEntries(Object.values(ds.properties ?? {}).map((p) => [p.name, p.type])),
  };
}

const toBlockSummary = (block: BlockNode): z.input<typeof blockSummary> => ({
  id: block.id,
  type: block.type,
  has_children: block.has_children ?? false,
  text: blocksToMarkdown([{ ...block, children: [] }]),
});

/** The data source behind a database id (or a data source id given as one), as 2025-09-03 and later query them. */
async function resolveDataSource(
  notion: NotionApi,
  id: string,
): Promise<{ databaseId: string; dataSourceId: string }> {
  let database: Awaited<ReturnType<NotionApi['getDatabase']>>;
  try {
    database = await notion.getDatabase(id);
  } catch (error) {
    if (!(error instanceof NotFoundError)) throw error;
    // Not a database: it may be one of its data sources, which list_databases returns.
    try {
      const ds = await notion.getDataSource(id);
      return { databaseId: ds.parent?.database_id ?? id, dataSourceId: ds.id };
    } catch (second) {
      if (second instanceof NotFoundError) throw error;
      throw second;
    }
  }
  const sources = database.data_sources ?? [];
  const [only] = sources;
  if (!only) throw new ToolError(`Database ${id} has no data source to query`);
  if (sources.length > 1) {
    throw new ToolError(
      `Database ${id} has ${sources.length} data sources; pass one of their ids as database_id: ` +
        sources.map((s) => `"${s.name}" (${s.id})`).join(', '),
    );
  }
  return { databaseId: database.id, dataSourceId: only.id };
}

/**
 * Groups blocks into append requests Notion accepts: at most 100 top-level blocks and 1,000 blocks
 * in all per request.
 */
function requestsOf(blocks: readonly BlockRequest[]): BlockRequest[][] {
  const groups: BlockRequest[][] = [];
  let current: BlockRequest[] = [];
  let size = 0;
  for (const block of blocks) {
    const n = countBlocks([block]);
    if (n > MAX_BLOCKS_PER_REQUEST) {
      throw new ToolError(
        `A block holds ${n} nested blocks; Notion takes at most ${MAX_BLOCKS_PER_REQUEST} at once`,
      );
    }
    if (current.length === MAX_CHILDREN_PER_REQUEST || size + n > MAX_BLOCKS_PER_REQUEST) {
      groups.push(current);
      current = [];
      size = 0;
    }
    current.push(block);
    size += n;
  }
  if (current.length) groups.push(current);
  return groups;
}

/**
 * Appends blocks in as many requests as Notion's limits need, one after another (appending is not
 * idempotent, so a failed request is not retried). A failure after some requests says how many
 * blocks went in.
 */
async function appendAll(
  notion: NotionApi,
  blockId: string,
  groups: readonly BlockRequest[][],
  before = 0,
): Promise<{ id: string; type: string }[]> {
  const created: { id: string; type: string }[] = [];
  const total = before + groups.reduce((n, g) => n + g.length, 0);
  for (const group of groups) {
    try {
      const results = await notion.appendChildren(blockId, group);
      created.push(...results.map((b) => ({ id: b.id, type: b.type })));
    } catch (error) {
      const done = before + created.length;
      // Only a tool error's message is for users; anything else stays an internal error.
      if (done === 0 || !(error instanceof ToolError)) throw error;
      throw new ToolError(`Appended ${done} of ${total} blocks to ${blockId}, then: ${error.message}`);
    }
  }
  return created;
}

/** A Notion tool: like `tool`, but its handler gets a Notion client bound to the capability it needs. */
interface NotionToolDef<I extends z.ZodObject, O extends z.ZodObject>
  extends Omit<ToolDef<I, O>, 'handler' | 'output'> {
  output: O;
  capability: Capability;
  run(args: z.output<I>, notion: NotionApi): Promise<z.input<O>>;
}

/** The Notion tools, with clients made by `connect` (the seam tests use to shorten retries). */
export function notionTools(connect: ApiFactory): Record<string, AnyToolDef> {
  const notionTool = <I extends z.ZodObject, O extends z.ZodObject>({
    run,
    capability,
    ...def
  }: NotionToolDef<I, O>) =>
    tool<I, O>({
      ...def,
      // The cast restates ToolDef's conditional return type, which TypeScript cannot resolve for generic O.
      handler: (args, ctx) => run(args, connect(ctx, capability)) as ReturnType<ToolDef<I, O>['handler']>,
    });

  return {
    list_all_users: notionTool({
      description: 'List the people and bots of the Notion workspace.',
      input: z.object({ limit: limit('users') }),
      output: z.object({
        users: z.array(
          z.object({
            id: z.string(),
            name: z.string().nullable(),
            type: z.string().describe('person or bot'),
            email: z.string().optional(),
            avatar_url: z.string().optional(),
          }),
        ),
        count: z.number(),
        has_more: z.boolean(),
      }),
      annotations: reads,
      capability: 'read user information',
      async run({ limit }, notion) {
        const { items, hasMore } = await notion.listUsers(limit);
        return { users: items.map(toUser), count: items.length, has_more: hasMore };
      },
    }),

    search_pages: notionTool({
      description:
        'Search the pages shared with the integration by title (an empty query lists them all). ' +
        'Use get_page for a page’s properties and content.',
      input: z.object({
        query: z.string().describe('Text to look for in page titles'),
        limit: limit('pages'),
      }),
      output: z.object({ pages: z.array(pageSummary), count: z.number(), has_more: z.boolean() }),
      annotations: reads,
      capability: 'read content',
      async run({ query, limit }, notion) {
        const { items, hasMore } = await notion.search<NotionPage>(query.trim() || undefined, 'page', limit);
        return { pages: items.map(toPageSummary), count: items.length, has_more: hasMore };
      },
    }),

    list_databases: notionTool({
      description:
        'List the databases shared with the integration, with their property names and types. Since Notion ' +
        'API 2025-09-03 a database holds one or more data sources (tables); each is listed with its ids.',
      input: z.object({ limit: limit('databases') }),
      output: z.object({
        databases: z.array(
          z.object({
            database_id: z.string().nullable(),
            data_source_id: z.string(),
            title: z.string(),
            url: z.string().nullable(),
            properties: z.record(z.string(), z.string()).describe('Property name → type'),
          }),
        ),
        count: z.number(),
        has_more: z.boolean(),
      }),
      annotations: reads,
      capability: 'read content',
      async run({ limit }, notion) {
        const { items, hasMore } = await notion.search<NotionDataSource>(undefined, 'data_source', limit);
        return { databases: items.map(toDataSource), count: items.length, has_more: hasMore };
      },
    }),

    query_database: notionTool({
      description:
        'List the rows (pages) of a Notion database, optionally filtered and sorted with Notion’s filter and ' +
        'sorts objects, with their property values made plain.',
      input: z.object({
        database_id: databaseId,
        filter: z
          .record(z.string(), z.unknown())
          .optional()
          .describe('Notion filter object, e.g. {"property":"Status","status":{"equals":"Done"}}'),
        sorts: z
          .array(z.record(z.string(), z.unknown()))
          .optional()
          .describe('Notion sort objects, e.g. [{"property":"Due","direction":"ascending"}]'),
        limit: limit('rows'),
        raw,
      }),
      output: z.object({
        database_id: z.string(),
        data_source_id: z.string(),
        pages: z.array(pageWithProperties),
        count: z.number(),
        has_more: z.boolean(),
        raw: rawList,
      }),
      annotations: reads,
      capability: 'read content',
      async run({ database_id, filter, sorts, limit, raw }, notion) {
        const { databaseId, dataSourceId } = await resolveDataSource(notion, database_id);
        const { items, hasMore } = await notion.queryDataSource(
          dataSourceId,
          { ...(filter ? { filter } : {}), ...(sorts ? { sorts } : {}) },
          limit,
          { what: 'Database', id: database_id },
        );
        return {
          database_id: databaseId,
          data_source_id: dataSourceId,
          pages: items.map(toPage),
          count: items.length,
          has_more: hasMore,
          ...(raw ? { raw: items } : {}),
        };
      },
    }),

    get_page: notionTool({
      description: 'Read a Notion page: its title, properties made plain, and its content as Markdown.',
      input: z.object({
        page_id: notionId('page', 'The page'),
        include_content: z
          .boolean()
          .default(true)
          .describe(
            `Also read the page’s content as Markdown (up to ${PAGE_CONTENT_BLOCKS} blocks; default true)`,
          ),
        raw,
      }),
      output: pageWithProperties.extend({
        content: z.string().optional().describe('The page’s blocks as Markdown'),
        content_truncated: z.boolean().optional().describe('Whether the page has more content than was read'),
        raw: z.record(z.string(), z.unknown()).optional().describe("Notion's full page object"),
      }),
      annotations: reads,
      capability: 'read content',
      async run({ page_id, include_content, raw }, notion) {
        const page = await notion.getPage(page_id);
        const tree = include_content
          ? await notion.readTree(page_id, CONTENT_DEPTH, PAGE_CONTENT_BLOCKS)
          : undefined;
        return {
          ...toPage(page),
          ...(tree ? { content: blocksToMarkdown(tree.blocks), content_truncated: tree.truncated } : {}),
          ...(raw ? { raw: page } : {}),
        };
      },
    }),

    create_page: notionTool({
      description:
        'Create a page (a row) in a Notion database. Properties may be plain values by property name ' +
        '({"Name": "Launch", "Status": "Todo", "Tags": ["a","b"], "Due": "2026-06-01"}) or Notion property ' +
        'values ({"Name": {"title": [{"text": {"content": "Launch"}}]}}); list_databases shows the names and types.',
      input: z.object({
        database_id: databaseId,
        properties: z.record(z.string(), z.unknown()).describe('Property values by property name'),
        children: blockChildren.optional().describe('Page content: Markdown or Notion block objects'),
      }),
      output: pageWithProperties.extend({
        database_id: z.string(),
        data_source_id: z.string(),
        blocks_added: z.number().describe('Content blocks added to the page (top level)'),
      }),
      annotations: adds,
      capability: 'insert content',
      async run({ database_id, properties, children }, notion) {
        const { databaseId, dataSourceId } = await resolveDataSource(notion, database_id);
        const props = await toNotionProperties(
          properties,
          async () => (await notion.getDataSource(dataSourceId)).properties ?? {},
        );
        const [first = [], ...rest] = children ? requestsOf(toBlockRequests(children)) : [];
        const page = await notion.createPage(
          {
            parent: { type: 'data_source_id', data_source_id: dataSourceId },
            properties: props,
            ...(first.length ? { children: first } : {}),
          },
          { what: 'Database', id: database_id },
        );
        let more: { id: string; type: string }[] = [];
        try {
          if (rest.length) more = await appendAll(notion, page.id, rest, first.length);
        } catch (error) {
          // The page exists: say so, so that it is not created twice.
          const reason = error instanceof ToolError ? error.message : 'internal error';
          throw new ToolError(
            `Created page ${page.id} (${page.url}), but adding the rest of its content failed: ${reason}`,
          );
        }
        return {
          ...toPage(page),
          database_id: databaseId,
          data_source_id: dataSourceId,
          blocks_added: first.length + more.length,
        };
      },
    }),

    append_blocks: notionTool({
      description:
        'Add content at the end of a Notion page or block, as Markdown or as Notion block objects. Long text ' +
        'is split to fit Notion’s limits; many blocks are sent in several requests.',
      input: z.object({
        block_id: notionId('page or block', 'The page or block to add to'),
        children: blockChildren,
      }),
      output: z.object({
        block_id: z.string(),
        appended: z.number().describe('Blocks added at the top level'),
        blocks: z.array(z.object({ id: z.string(), type: z.string() })),
      }),
      annotations: adds,
      capability: 'insert content',
      async run({ block_id, children }, notion) {
        const blocks = toBlockRequests(children);
        if (blocks.length === 0) throw new ToolError('children holds no content to append');
        const created = await appendAll(notion, block_id, requestsOf(blocks));
        return { block_id, appended: created.length, blocks: created };
      },
    }),

    get_block_children: notionTool({
      description:
        'Read the blocks directly under a Notion page or block, each with its Markdown, and all of them as one ' +
        'Markdown document (recursive reads nested blocks too).',
      input: z.object({
        block_id: notionId('page or block', 'The page or block whose children to read'),
        limit: limit('blocks'),
        recursive: z
          .boolean()
          .default(false)
          .describe(
            `Also read nested blocks, ${CONTENT_DEPTH} levels deep, into the Markdown (default false)`,
          ),
        raw,
      }),
      output: z.object({
        block_id: z.string(),
        markdown: z.string().describe('The blocks as one Markdown document'),
        blocks: z.array(blockSummary),
        count: z.number(),
        has_more: z.boolean(),
        raw: rawList,
      }),
      annotations: reads,
      capability: 'read content',
      async run({ block_id, limit, recursive, raw }, notion) {
        const { blocks, hasMore } = recursive
          ? await notion
              .readTree(block_id, CONTENT_DEPTH, limit)
              .then((t) => ({ blocks: t.blocks, hasMore: t.truncated }))
          : await notion.listChildren(block_id, limit).then((l) => ({ blocks: l.items, hasMore: l.hasMore }));
        return {
          block_id,
          markdown: blocksToMarkdown(blocks),
          blocks: blocks.map(toBlockSummary),
          count: blocks.length,
          has_more: hasMore,
          ...(raw ? { raw: blocks } : {}),
        };
      },
    }),
  };
}
