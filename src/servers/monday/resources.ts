import type { Resource } from '@modelcontextprotocol/server';
import { JSON_MIME, jsonContents } from '../../core/contents.js';
import type { ToolContext } from '../../core/context.js';
import type { ResourceTemplateDef } from '../../core/definition.js';
import { ToolError } from '../../core/errors.js';
import type { ApiFactory, MondayApi } from './api.js';
import { toBoardDetail, toGroupDetail, toItem, toWorkspace } from './shapes.js';

/** Boards or workspaces per resources/list page. */
export const RESOURCE_PAGE_SIZE = 50;
/** Boards scanned per page of item resources. */
const ITEM_BOARDS_PAGE = 25;

const resource = (uri: string, name: string, description: string): Resource => ({
  uri,
  name,
  description,
  mimeType: JSON_MIME,
});

/** The page number carried by a resources/list cursor (monday.com pages from 1). */
function pageOf(cursor: string | undefined): number {
  if (cursor === undefined) return 1;
  const page = Number(cursor);
  if (!Number.isInteger(page) || page < 1) throw new ToolError('Invalid resource cursor');
  return page;
}

const nextPage = (page: number, count: number) =>
  count === RESOURCE_PAGE_SIZE ? { nextCursor: String(page + 1) } : {};

/** Where a listing of items stands: a page of boards, a board in it, and that board's items_page cursor. */
interface ItemsCursor {
  p: number;
  b: number;
  c?: string;
}

function decodeItemsCursor(cursor: string | undefined): ItemsCursor {
  if (cursor === undefined) return { p: 1, b: 0 };
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString()) as ItemsCursor;
    if (Number.isInteger(value.p) && value.p >= 1 && Number.isInteger(value.b) && value.b >= 0) return value;
  } catch {
    // fall through
  }
  throw new ToolError('Invalid resource cursor');
}

const encodeItemsCursor = (c: ItemsCursor) => Buffer.from(JSON.stringify(c)).toString('base64url');

/**
 * One page of item resources: the items of the first board (from the cursor on) that has any, with
 * a cursor to the rest. A board's items are paged with items_page cursors, which monday.com expires
 * after 60 minutes: a listing resumed later than that says to start again.
 */
async function listItems(
  monday: MondayApi,
  cursor: string | undefined,
): Promise<{ resources: Resource[]; nextCursor?: string }> {
  let { p, b, c } = decodeItemsCursor(cursor);
  const boards = await monday.boardsPage(p, ITEM_BOARDS_PAGE);
  for (; b < boards.length; b++, c = undefined) {
    const board = boards[b];
    if (!board) continue;
    const page = c ? await monday.nextItems(c) : await monday.boardItems(board.id);
    const resources = page.items.map((i) =>
      resource(
        `monday://item/${i.id}`,
        i.name ?? i.id,
        `Item on board ${board.name}${i.group?.title ? `, group ${i.group.title}` : ''}`,
      ),
    );
    const next: ItemsCursor | undefined = page.cursor
      ? { p, b, c: page.cursor }
      : b + 1 < boards.length
        ? { p, b: b + 1 }
        : boards.length === ITEM_BOARDS_PAGE
          ? { p: p + 1, b: 0 }
          : undefined;
    if (resources.length) return { resources, ...(next ? { nextCursor: encodeItemsCursor(next) } : {}) };
  }
  return boards.length === ITEM_BOARDS_PAGE
    ? { resources: [], nextCursor: encodeItemsCursor({ p: p + 1, b: 0 }) }
    : { resources: [] };
}

const idVar = (value: string | undefined, what: string): string => {
  const id = decodeURIComponent(value ?? '');
  if (!/^\d+$/.test(id)) throw new ToolError(`Invalid ${what} id in the resource URI: ${value}`);
  return id;
};

/** guMCP's monday:// resources: workspaces, boards, items and the groups of boards. */
export function mondayResources(connect: ApiFactory): ResourceTemplateDef[] {
  const read = (ctx: ToolContext) => connect(ctx, 'boards:read');
  return [
    {
      uriTemplate: 'monday://workspace/{workspace.id}',
      name: 'workspace',
      title: 'monday.com workspaces',
      description: 'A workspace with its boards',
      mimeType: JSON_MIME,
      async list(ctx, cursor) {
        const page = pageOf(cursor);
        const workspaces = await connect(ctx, 'workspaces:read').workspacesPage(page, RESOURCE_PAGE_SIZE);
        const resources = workspaces
          .filter((w) => w.id)
          .map((w) => resource(`monday://workspace/${w.id}`, w.name, w.description || `Workspace ${w.name}`));
        return { resources, ...nextPage(page, workspaces.length) };
      },
      async read(uri, vars, ctx) {
        const { workspace, boards } = await connect(ctx, 'workspaces:read').workspace(
          idVar(vars['workspace.id'], 'workspace'),
        );
        return jsonContents(uri, {
          ...toWorkspace(workspace),
          boards: boards.map((b) => ({ id: b.id, name: b.name, state: b.state ?? null, url: b.url ?? null })),
        });
      },
    },
    {
      uriTemplate: 'monday://board/{board.id}',
      name: 'board',
      title: 'monday.com boards',
      description: 'A board with its groups, columns and items',
      mimeType: JSON_MIME,
      async list(ctx, cursor) {
        const page = pageOf(cursor);
        const boards = await read(ctx).boardsPage(page, RESOURCE_PAGE_SIZE);
        const resources = boards.map((b) =>
          resource(`monday://board/${b.id}`, b.name, b.description || `Board ${b.name}`),
        );
        return { resources, ...nextPage(page, boards.length) };
      },
      async read(uri, vars, ctx) {
        const monday = read(ctx);
        const board = await monday.board(idVar(vars['board.id'], 'board'));
        const { items, more } = await monday.moreItems(board.items_page);
        return jsonContents(uri, toBoardDetail(board, items, more));
      },
    },
    {
      uriTemplate: 'monday://item/{item.id}',
      name: 'item',
      title: 'monday.com items',
      description: 'An item with its column values and subitems',
      mimeType: JSON_MIME,
      list: (ctx, cursor) => listItems(read(ctx), cursor),
      async read(uri, vars, ctx) {
        return jsonContents(uri, toItem(await read(ctx).item(idVar(vars['item.id'], 'item'))));
      },
    },
    {
      uriTemplate: 'monday://board/{board_id}/group/{group.id}',
      name: 'group',
      title: 'monday.com groups',
      description: 'A group of a board with its items',
      mimeType: JSON_MIME,
      async list(ctx, cursor) {
        const page = pageOf(cursor);
        const boards = await read(ctx).boardsPage(page, RESOURCE_PAGE_SIZE, true);
        const resources = boards.flatMap((b) =>
          (b.groups ?? []).map((g) =>
            resource(
              `monday://board/${b.id}/group/${encodeURIComponent(g.id)}`,
              g.title ?? g.id,
              `Group of board ${b.name}`,
            ),
          ),
        );
        return { resources, ...nextPage(page, boards.length) };
      },
      async read(uri, vars, ctx) {
        const monday = read(ctx);
        const group = await monday.group(
          idVar(vars.board_id, 'board'),
          decodeURIComponent(vars['group.id'] ?? ''),
        );
        const { items, more } = await monday.moreItems(group.items_page);
        return jsonContents(uri, toGroupDetail(group, items, more));
      },
    },
  ];
}
