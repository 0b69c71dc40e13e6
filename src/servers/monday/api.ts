import type { ToolContext } from '../../core/context.js';
import { AuthRequiredError, NotFoundError, type ToolError } from '../../core/errors.js';
import { serviceUrl, UpstreamError } from '../../upstream/client.js';
import { GraphQLClient, type GraphQLOptions } from '../../upstream/graphql.js';
import { classify, legacyErrors, type Subject, throttled } from './errors.js';
import type {
  MondayBoard,
  MondayColumn,
  MondayGroup,
  MondayItem,
  MondayItemsPage,
  MondayUser,
  MondayWorkspace,
} from './types.js';

/**
 * The monday.com API version every request pins (`API-Version`). 2026-10 has been the current
 * version since October 26, 2026; it removed legacy User fields, none of which this server reads.
 */
export const MONDAY_API_VERSION = '2026-10';
const MONDAY_API = 'https://api.monday.com/v2';

/** Boards and workspaces asked per page (monday.com pages them by `limit` and `page`). */
export const PAGE_SIZE = 100;
/** The most boards or workspaces a list tool returns. */
export const MAX_LIST = 1000;
/** Items asked per items_page (monday.com allows up to 500). */
export const ITEMS_PAGE_SIZE = 100;
/** The most items get_board and get_group return; more says so. */
export const MAX_ITEMS = 500;

/**
 * Timing knobs of the GraphQL client (timeouts, retries, throttle waits). Production uses the
 * defaults; tests pass tiny values through `createMondayServer(tuning)`.
 */
export type ClientTuning = Pick<
  GraphQLOptions,
  'timeoutMs' | 'retries' | 'backoffMs' | 'maxRetryAfterMs' | 'throttleRetries' | 'maxThrottleWaitMs'
>;

const BOARD_FIELDS = 'id name description state board_kind workspace_id updated_at url';
const ITEM_FIELDS = 'id name state created_at updated_at url board { id name } group { id title }';
const COLUMN_VALUES = 'column_values { id type text value column { title } }';
const ITEMS = 'cursor items { id name group { id title } }';

/** A page of items and whether the list goes on. */
export interface ItemsPage {
  items: MondayItem[];
  cursor: string | null;
}

/**
 * The monday.com GraphQL calls, one method per operation, through the shared GraphQL client. The
 * token goes bare in `Authorization` (monday.com's way) with the pinned `API-Version`; it is read
 * anew for each request, so a refreshed token is used from the next request on.
 */
export class MondayApi {
  readonly #ctx: ToolContext;
  readonly #scope: string;
  readonly #tuning: ClientTuning;

  constructor(ctx: ToolContext, scope: string, tuning: ClientTuning = {}) {
    this.#ctx = ctx;
    this.#scope = scope;
    this.#tuning = tuning;
  }

  async #request<T>(
    ids: Record<string, string>,
    query: string,
    variables: Record<string, unknown>,
    req: { mutation?: boolean; cursor?: boolean } = {},
  ): Promise<T> {
    const subject: Subject = { ids, scope: this.#scope, ...(req.cursor ? { cursor: true } : {}) };
    // The endpoint as a path on its origin, so the request goes to /v2 itself (not /v2/).
    const endpoint = new URL(serviceUrl('monday', MONDAY_API));
    const client = new GraphQLClient({
      service: 'monday.com',
      serverId: 'monday',
      baseUrl: endpoint.origin,
      path: endpoint.pathname,
      log: this.#ctx.log,
      auth: async () => ({ authorization: await accessToken(this.#ctx), 'api-version': MONDAY_API_VERSION }),
      throttled,
      classify: (errors, status) => classify(errors, status, subject),
      // Answers without `errors`: a refused token, or monday.com's older top-level error shape.
      mapError: (status, body) => {
        const legacy = legacyErrors(body);
        if (legacy) return classify(legacy, status, subject) ?? refused(legacy, status);
        return status === 401 ? classify([], 401, subject) : undefined;
      },
      ...this.#tuning,
    });
    const data = await client.request<T>(query, variables, {
      signal: this.#ctx.signal,
      ...(req.mutation ? { mutation: true } : {}),
    });
    // The older shape can come with HTTP 200 and no `errors`, so the client returns it as data.
    const legacy = legacyErrors(data);
    if (legacy) throw classify(legacy, 200, subject) ?? refused(legacy, 200);
    return data;
  }

  #query<T>(
    ids: Record<string, string>,
    query: string,
    variables: Record<string, unknown> = {},
    cursor = false,
  ) {
    return this.#request<T>(ids, query, variables, { cursor });
  }

  #mutate<T>(ids: Record<string, string>, query: string, variables: Record<string, unknown>) {
    return this.#request<T>(ids, query, variables, { mutation: true });
  }

  // Reads

  async me(): Promise<MondayUser> {
    const data = await this.#query<{ me: MondayUser | null }>(
      {},
      'query { me { id name email title created_at url } }',
    );
    if (!data.me) throw new NotFoundError('User', 'the authenticated user');
    return data.me;
  }

  /** One page of boards (by `page`, from 1), optionally with their groups. */
  async boardsPage(page: number, limit = PAGE_SIZE, withGroups = false): Promise<MondayBoard[]> {
    const groups = withGroups ? ' groups { id title }' : '';
    const data = await this.#query<{ boards: MondayBoard[] | null }>(
      {},
      `query Boards($limit: Int!, $page: Int!) { boards(limit: $limit, page: $page) { ${BOARD_FIELDS}${groups} } }`,
      { limit, page },
    );
    return data.boards ?? [];
  }

  /** One page of workspaces (by `page`, from 1). */
  async workspacesPage(page: number, limit = PAGE_SIZE): Promise<MondayWorkspace[]> {
    const data = await this.#query<{ workspaces: MondayWorkspace[] | null }>(
      {},
      'query Workspaces($limit: Int!, $page: Int!) { workspaces(limit: $limit, page: $page) { id name kind description state created_at } }',
      { limit, page },
    );
    return data.workspaces ?? [];
  }

  async workspace(id: string): Promise<{ workspace: MondayWorkspace; boards: MondayBoard[] }> {
    const data = await this.#query<{ workspaces: MondayWorkspace[] | null; boards: MondayBoard[] | null }>(
      { Workspace: id },
      'query Workspace($id: ID!) { workspaces(ids: [$id]) { id name kind description state created_at } ' +
        `boards(workspace_ids: [$id], limit: ${PAGE_SIZE}) { id name state board_kind url } }`,
      { id },
    );
    const [workspace] = data.workspaces ?? [];
    if (!workspace) throw new NotFoundError('Workspace', id);
    return { workspace, boards: data.boards ?? [] };
  }

  /** A board with its groups, columns and first page of items. */
  async board(id: string): Promise<MondayBoard> {
    const data = await this.#query<{ boards: MondayBoard[] | null }>(
      { Board: id },
      `query Board($id: ID!) { boards(ids: [$id]) { ${BOARD_FIELDS} items_count groups { id title color position archived } ` +
        `columns { id title type } items_page(limit: ${ITEMS_PAGE_SIZE}) { ${ITEMS} } } }`,
      { id },
    );
    const [board] = data.boards ?? [];
    if (!board) throw new NotFoundError('Board', id);
    return board;
  }

  /** A group of a board with its first page of items. */
  async group(
    boardId: string,
    groupId: string,
  ): Promise<MondayGroup & { board: { id: string; name: string } }> {
    const data = await this.#query<{ boards: (MondayBoard & { groups?: MondayGroup[] })[] | null }>(
      { Board: boardId, Group: groupId },
      'query Group($boardId: ID!, $groupId: String!) { boards(ids: [$boardId]) { id name groups(ids: [$groupId]) ' +
        `{ id title color position archived deleted items_page(limit: ${ITEMS_PAGE_SIZE}) { ${ITEMS} } } } }`,
      { boardId, groupId },
    );
    const [board] = data.boards ?? [];
    if (!board) throw new NotFoundError('Board', boardId);
    const [group] = board.groups ?? [];
    if (!group) throw new NotFoundError('Group', `${groupId} on board ${boardId}`);
    return { ...group, board: { id: board.id, name: board.name } };
  }

  /** The first page of a board's items (for resources/list). */
  async boardItems(boardId: string, limit = ITEMS_PAGE_SIZE): Promise<ItemsPage> {
    const data = await this.#query<{ boards: { items_page?: MondayItemsPage }[] | null }>(
      { Board: boardId },
      `query BoardItems($id: ID!, $limit: Int!) { boards(ids: [$id]) { items_page(limit: $limit) { ${ITEMS} } } }`,
      { id: boardId, limit },
    );
    const page = data.boards?.[0]?.items_page;
    return { items: page?.items ?? [], cursor: page?.cursor ?? null };
  }

  /** The page of items after `cursor` (which expires 60 minutes after it was issued). */
  async nextItems(cursor: string, limit = ITEMS_PAGE_SIZE): Promise<ItemsPage> {
    const data = await this.#query<{ next_items_page: MondayItemsPage | null }>(
      {},
      `query NextItems($cursor: String!, $limit: Int!) { next_items_page(cursor: $cursor, limit: $limit) { ${ITEMS} } }`,
      { cursor, limit },
      true,
    );
    return { items: data.next_items_page?.items ?? [], cursor: data.next_items_page?.cursor ?? null };
  }

  /** Follows an items_page cursor until `MAX_ITEMS` items are in hand. */
  async moreItems(first: MondayItemsPage | undefined): Promise<{ items: MondayItem[]; more: boolean }> {
    const items = [...(first?.items ?? [])];
    let cursor = first?.cursor ?? null;
    while (cursor && items.length < MAX_ITEMS) {
      const page = await this.nextItems(cursor, Math.min(ITEMS_PAGE_SIZE, MAX_ITEMS - items.length));
      items.push(...page.items);
      cursor = page.items.length ? page.cursor : null;
    }
    return { items: items.slice(0, MAX_ITEMS), more: cursor !== null || items.length > MAX_ITEMS };
  }

  async item(id: string): Promise<MondayItem> {
    const data = await this.#query<{ items: MondayItem[] | null }>(
      { Item: id },
      `query Item($id: ID!) { items(ids: [$id]) { ${ITEM_FIELDS} parent_item { id } ${COLUMN_VALUES} subitems { id name } } }`,
      { id },
    );
    const [item] = data.items ?? [];
    if (!item) throw new NotFoundError('Item', id);
    return item;
  }

  async subitems(id: string): Promise<MondayItem[]> {
    const data = await this.#query<{ items: MondayItem[] | null }>(
      { Item: id },
      `query Subitems($id: ID!) { items(ids: [$id]) { id subitems { ${ITEM_FIELDS} ${COLUMN_VALUES} } } }`,
      { id },
    );
    const [item] = data.items ?? [];
    if (!item) throw new NotFoundError('Item', id);
    return item.subitems ?? [];
  }

  // Writes. A mutation's null answer means monday.com found nothing to act on.

  async #mutation<T>(
    ids: Record<string, string>,
    field: string,
    query: string,
    variables: Record<string, unknown>,
  ): Promise<T> {
    const data = await this.#mutate<Record<string, T | null>>(ids, query, variables);
    const result = data[field];
    if (result === null || result === undefined) {
      const [what, id] = Object.entries(ids).at(-1) ?? ['Resource', ''];
      throw new NotFoundError(what, id);
    }
    return result;
  }

  createBoard(v: {
    workspaceId: string;
    boardName: string;
    boardKind: string;
    description?: string | undefined;
  }) {
    return this.#mutation<MondayBoard>(
      { Workspace: v.workspaceId },
      'create_board',
      'mutation CreateBoard($workspaceId: ID!, $boardName: String!, $boardKind: BoardKind!, $description: String) ' +
        '{ create_board(workspace_id: $workspaceId, board_name: $boardName, board_kind: $boardKind, description: $description) ' +
        `{ ${BOARD_FIELDS} } }`,
      { ...v, description: v.description ?? null },
    );
  }

  createItem(boardId: string, itemName: string) {
    return this.#mutation<MondayItem>(
      { Board: boardId },
      'create_item',
      `mutation CreateItem($boardId: ID!, $itemName: String!) { create_item(board_id: $boardId, item_name: $itemName) { ${ITEM_FIELDS} } }`,
      { boardId, itemName },
    );
  }

  createSubitem(parentItemId: string, itemName: string) {
    return this.#mutation<MondayItem>(
      { Item: parentItemId },
      'create_subitem',
      'mutation CreateSubitem($parentItemId: ID!, $itemName: String!) ' +
        `{ create_subitem(parent_item_id: $parentItemId, item_name: $itemName) { ${ITEM_FIELDS} parent_item { id } } }`,
      { parentItemId, itemName },
    );
  }

  deleteItem(itemId: string) {
    return this.#mutation<{ id: string }>(
      { Item: itemId },
      'delete_item',
      'mutation DeleteItem($itemId: ID!) { delete_item(item_id: $itemId) { id } }',
      { itemId },
    );
  }

  archiveItem(itemId: string) {
    return this.#mutation<MondayItem>(
      { Item: itemId },
      'archive_item',
      'mutation ArchiveItem($itemId: ID!) { archive_item(item_id: $itemId) { id name state } }',
      { itemId },
    );
  }

  /**
   * Sets a column: a JSON value (an object, sent JSON-encoded as monday.com's JSON scalar wants) with
   * change_column_value, or a simple string (a status label, a date, text) with
   * change_simple_column_value. Answers the item with that column's new value.
   */
  changeColumnValue(
    boardId: string,
    itemId: string,
    columnId: string,
    value: string | Record<string, unknown>,
  ) {
    const json = typeof value !== 'string';
    const mutation = json ? 'change_column_value' : 'change_simple_column_value';
    return this.#mutation<MondayItem>(
      { Board: boardId, Item: itemId },
      mutation,
      `mutation ChangeColumnValue($boardId: ID!, $itemId: ID!, $columnId: String!, $value: ${json ? 'JSON!' : 'String!'}) ` +
        `{ ${mutation}(board_id: $boardId, item_id: $itemId, column_id: $columnId, value: $value) ` +
        '{ id name column_values(ids: [$columnId]) { id type text value column { title } } } }',
      { boardId, itemId, columnId, value: json ? JSON.stringify(value) : value },
    );
  }

  createColumn(boardId: string, title: string, columnType: string) {
    return this.#mutation<MondayColumn>(
      { Board: boardId },
      'create_column',
      'mutation CreateColumn($boardId: ID!, $title: String!, $columnType: ColumnType!) ' +
        '{ create_column(board_id: $boardId, title: $title, column_type: $columnType) { id title type } }',
      { boardId, title, columnType },
    );
  }

  createGroup(boardId: string, groupName: string) {
    return this.#mutation<MondayGroup>(
      { Board: boardId },
      'create_group',
      'mutation CreateGroup($boardId: ID!, $groupName: String!) { create_group(board_id: $boardId, group_name: $groupName) { id title color position } }',
      { boardId, groupName },
    );
  }

  deleteGroup(boardId: string, groupId: string) {
    return this.#mutation<MondayGroup>(
      { Board: boardId, Group: groupId },
      'delete_group',
      'mutation DeleteGroup($boardId: ID!, $groupId: String!) { delete_group(board_id: $boardId, group_id: $groupId) { id deleted } }',
      { boardId, groupId },
    );
  }

  archiveGroup(boardId: string, groupId: string) {
    return this.#mutation<MondayGroup>(
      { Board: boardId, Group: groupId },
      'archive_group',
      'mutation ArchiveGroup($boardId: ID!, $groupId: String!) { archive_group(board_id: $boardId, group_id: $groupId) { id title archived } }',
      { boardId, groupId },
    );
  }

  archiveBoard(boardId: string) {
    return this.#mutation<MondayBoard>(
      { Board: boardId },
      'archive_board',
      'mutation ArchiveBoard($boardId: ID!) { archive_board(board_id: $boardId) { id name state } }',
      { boardId },
    );
  }
}

/** An error in monday.com's older shape that means nothing more than its message. */
const refused = (errors: readonly { message: string }[], status: number): ToolError =>
  new UpstreamError(`monday.com refused the request: ${errors.map((e) => e.message).join('; ')}`, status);

async function accessToken(ctx: ToolContext): Promise<string> {
  const token = (await ctx.credentials()).access_token;
  if (typeof token !== 'string' || !token) {
    throw new AuthRequiredError('monday', 'the stored credentials hold no access token');
  }
  return token;
}

/** Pages through boards or workspaces until `limit` or a short page. */
export async function collectPages<T>(
  limit: number,
  fetchPage: (page: number, size: number) => Promise<T[]>,
): Promise<{ items: T[]; more: boolean }> {
  const items: T[] = [];
  for (let page = 1; items.length < limit; page++) {
    const batch = await fetchPage(page, PAGE_SIZE);
    items.push(...batch);
    if (batch.length < PAGE_SIZE) return { items: items.slice(0, limit), more: items.length > limit };
  }
  return { items: items.slice(0, limit), more: true };
}

/** Makes the monday.com client a tool uses; `scope` is named when monday.com refuses the action. */
export type ApiFactory = (ctx: ToolContext, scope: string) => MondayApi;

export function apiFactory(tuning: ClientTuning = {}): ApiFactory {
  return (ctx, scope) => new MondayApi(ctx, scope, tuning);
}
