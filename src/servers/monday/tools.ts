import { z } from 'zod';
import { adds, overwrites, reads, sets } from '../../core/annotations.js';
import { type AnyToolDef, type ToolDef, tool } from '../../core/definition.js';
import { type ApiFactory, collectPages, MAX_LIST, type MondayApi } from './api.js';
import {
  boardDetailSchema,
  boardSchema,
  columnValueSchema,
  groupDetailSchema,
  groupSchema,
  itemSchema,
  toBoard,
  toBoardDetail,
  toColumnValue,
  toGroup,
  toGroupDetail,
  toItem,
  toUser,
  toWorkspace,
  userSchema,
  workspaceSchema,
} from './shapes.js';

// Arguments shared by the tools. guMCP declared ids as integers; digit strings are accepted too,
// since monday.com ids are strings in its API.
const id = (what: string) =>
  z
    .union([z.number().int().positive(), z.string().trim().regex(/^\d+$/, 'must be a numeric id')])
    .transform(String)
    .describe(`ID of the ${what}`);
const groupId = (what: string) =>
  z.string().trim().min(1).describe(`ID of the group ${what} (e.g. "topics"; get_board lists them)`);
const name = (what: string) => z.string().trim().min(1).describe(what);

/** The column types monday.com documents for create_column. */
const COLUMN_TYPES =
  'text, long_text, numbers, status, date, timeline, people, dropdown, checkbox, email, phone, link, ' +
  'rating, tags, hour, week, country, location, file, color_picker, world_clock, board_relation, dependency';

const BOARDS_READ = ['boards:read'] as const;
const BOARDS_WRITE = ['boards:write'] as const;

/** A monday.com tool: like `tool`, but its handler gets a client bound to the tool's first scope. */
interface MondayToolDef<I extends z.ZodObject, O extends z.ZodObject>
  extends Omit<ToolDef<I, O>, 'handler' | 'scopes' | 'output'> {
  output: O;
  scopes: readonly [string, ...string[]];
  run(args: z.output<I>, monday: MondayApi): Promise<z.input<O>>;
}

const deleted = z.object({ deleted: z.literal(true), id: z.string() });

/** The monday.com tools, with clients made by `connect` (the seam tests use to shorten retries). */
export function mondayTools(connect: ApiFactory): Record<string, AnyToolDef> {
  const mondayTool = <I extends z.ZodObject, O extends z.ZodObject>({ run, ...def }: MondayToolDef<I, O>) =>
    tool<I, O>({
      ...def,
      // The cast restates ToolDef's conditional return type, which TypeScript cannot resolve for generic O.
      handler: (args, ctx) => run(args, connect(ctx, def.scopes[0])) as ReturnType<ToolDef<I, O>['handler']>,
    });

  return {
    // You, workspaces and boards

    get_me: mondayTool({
      description: 'Get your monday.com user: id, name, email, title.',
      input: z.object({}),
      output: userSchema,
      annotations: reads,
      scopes: ['me:read'],
      run: async (_args, monday) => toUser(await monday.me()),
    }),

    get_workspaces: mondayTool({
      description: 'List the workspaces you can reach.',
      input: z.object({}),
      output: z.object({ count: z.number(), workspaces: z.array(workspaceSchema), more: z.boolean() }),
      annotations: reads,
      scopes: ['workspaces:read'],
      async run(_args, monday) {
        const { items, more } = await collectPages(MAX_LIST, (page, size) =>
          monday.workspacesPage(page, size),
        );
        return { count: items.length, workspaces: items.map(toWorkspace), more };
      },
    }),

    get_boards: mondayTool({
      description: `List the active boards you can reach (at most ${MAX_LIST}).`,
      input: z.object({}),
      output: z.object({ count: z.number(), boards: z.array(boardSchema), more: z.boolean() }),
      annotations: reads,
      scopes: BOARDS_READ,
      async run(_args, monday) {
        const { items, more } = await collectPages(MAX_LIST, (page, size) => monday.boardsPage(page, size));
        return { count: items.length, boards: items.map(toBoard), more };
      },
    }),

    get_board: mondayTool({
      description: 'Get a board with its groups, columns and items (up to 500 items, by id and name).',
      input: z.object({ board_id: id('board') }),
      output: boardDetailSchema,
      annotations: reads,
      scopes: BOARDS_READ,
      async run({ board_id }, monday) {
        const board = await monday.board(board_id);
        const { items, more } = await monday.moreItems(board.items_page);
        return toBoardDetail(board, items, more);
      },
    }),

    create_board: mondayTool({
      description: 'Create a board in a workspace.',
      input: z.object({
        workspace_id: id('workspace'),
        board_name: name('Name of the new board'),
        board_kind: z.enum(['public', 'private', 'share']).describe('Who can see the board'),
        description: z.string().optional().describe('Description of the board'),
      }),
      output: boardSchema,
      annotations: adds,
      scopes: BOARDS_WRITE,
      run: async ({ workspace_id, board_name, board_kind, description }, monday) =>
        toBoard(
          await monday.createBoard({
            workspaceId: workspace_id,
            boardName: board_name,
            boardKind: board_kind,
            description,
          }),
        ),
    }),

    archive_board: mondayTool({
      description: 'Archive a board (it can be restored from the archive).',
      input: z.object({ board_id: id('board') }),
      output: z.object({ id: z.string(), name: z.string(), state: z.string().nullable() }),
      annotations: sets,
      scopes: BOARDS_WRITE,
      async run({ board_id }, monday) {
        const board = await monday.archiveBoard(board_id);
        return { id: board.id, name: board.name, state: board.state ?? null };
      },
    }),

    create_column: mondayTool({
      description: `Add a column to a board. column_type is one of monday.com's types: ${COLUMN_TYPES}.`,
      input: z.object({
        board_id: id('board'),
        title: name('Title of the new column'),
        column_type: z
          .string()
          .trim()
          .regex(/^[a-z_]+$/, 'must be a monday.com column type such as status or date')
          .describe(`Type of the column: ${COLUMN_TYPES}`),
      }),
      output: z.object({ id: z.string(), title: z.string(), type: z.string() }),
      annotations: adds,
      scopes: BOARDS_WRITE,
      async run({ board_id, title, column_type }, monday) {
        const column = await monday.createColumn(board_id, title, column_type);
        return { id: column.id, title: column.title, type: column.type };
      },
    }),

    // Groups

    get_group: mondayTool({
      description: 'Get a group of a board with its items (up to 500).',
      input: z.object({ board_id: id('board'), group_id: groupId('to get') }),
      output: groupDetailSchema,
      annotations: reads,
      scopes: BOARDS_READ,
      async run({ board_id, group_id }, monday) {
        const group = await monday.group(board_id, group_id);
        const { items, more } = await monday.moreItems(group.items_page);
        return toGroupDetail(group, items, more);
      },
    }),

    create_group: mondayTool({
      description: 'Add a group to a board.',
      input: z.object({ board_id: id('board'), group_name: name('Name of the new group') }),
      output: groupSchema,
      annotations: adds,
      scopes: BOARDS_WRITE,
      run: async ({ board_id, group_name }, monday) =>
        toGroup(await monday.createGroup(board_id, group_name)),
    }),

    archive_group: mondayTool({
      description: 'Archive a group and its items (they can be restored from the archive).',
      input: z.object({ board_id: id('board'), group_id: groupId('to archive') }),
      output: groupSchema,
      annotations: sets,
      scopes: BOARDS_WRITE,
      run: async ({ board_id, group_id }, monday) => toGroup(await monday.archiveGroup(board_id, group_id)),
    }),

    delete_group: mondayTool({
      description: 'Delete a group and its items.',
      input: z.object({ board_id: id('board'), group_id: groupId('to delete') }),
      output: deleted,
      annotations: overwrites,
      scopes: BOARDS_WRITE,
      async run({ board_id, group_id }, monday) {
        const group = await monday.deleteGroup(board_id, group_id);
        return { deleted: true as const, id: group.id };
      },
    }),

    // Items

    get_item: mondayTool({
      description: 'Get an item with its board, group, column values (decoded) and subitems.',
      input: z.object({ item_id: id('item') }),
      output: itemSchema,
      annotations: reads,
      scopes: BOARDS_READ,
      run: async ({ item_id }, monday) => toItem(await monday.item(item_id)),
    }),

    create_item: mondayTool({
      description: 'Create an item on a board (in its top group).',
      input: z.object({ board_id: id('board'), item_name: name('Name of the new item') }),
      output: itemSchema,
      annotations: adds,
      scopes: BOARDS_WRITE,
      run: async ({ board_id, item_name }, monday) => toItem(await monday.createItem(board_id, item_name)),
    }),

    change_column_value: mondayTool({
      description:
        "Set an item's column. value is a plain string for simple columns (text, a status label, a date " +
        'YYYY-MM-DD, a number) or a JSON object for others, e.g. {"label": "Done"}, ' +
        '{"date": "2026-12-01"}, {"personsAndTeams": [{"id": 123, "kind": "person"}]}.',
      input: z.object({
        board_id: id('board'),
        item_id: id('item'),
        column_id: z
          .string()
          .trim()
          .min(1)
          .describe('ID of the column (get_board lists them), e.g. "status"'),
        value: z
          .union([z.string(), z.record(z.string(), z.unknown())])
          .describe('The new value: a plain string, or a JSON object (given as an object or as JSON text)'),
      }),
      output: z.object({
        item_id: z.string(),
        name: z.string().nullable(),
        column: columnValueSchema.nullable(),
      }),
      annotations: overwrites,
      scopes: BOARDS_WRITE,
      async run({ board_id, item_id, column_id, value }, monday) {
        const item = await monday.changeColumnValue(
          board_id,
          item_id,
          column_id,
          asJsonObject(value) ?? value,
        );
        const [column] = item.column_values ?? [];
        return { item_id: item.id, name: item.name ?? null, column: column ? toColumnValue(column) : null };
      },
    }),

    archive_item: mondayTool({
      description: 'Archive an item (it can be restored from the archive).',
      input: z.object({ item_id: id('item') }),
      output: z.object({ id: z.string(), name: z.string().nullable(), state: z.string().nullable() }),
      annotations: sets,
      scopes: BOARDS_WRITE,
      async run({ item_id }, monday) {
        const item = await monday.archiveItem(item_id);
        return { id: item.id, name: item.name ?? null, state: item.state ?? null };
      },
    }),

    delete_item: mondayTool({
      description: 'Delete an item.',
      input: z.object({ item_id: id('item') }),
      output: deleted,
      annotations: overwrites,
      scopes: BOARDS_WRITE,
      async run({ item_id }, monday) {
        return { deleted: true as const, id: (await monday.deleteItem(item_id)).id };
      },
    }),

    // Subitems

    get_subitems: mondayTool({
      description: 'List the subitems of an item, with their column values (decoded).',
      input: z.object({ item_id: id('parent item') }),
      output: z.object({ item_id: z.string(), count: z.number(), subitems: z.array(itemSchema) }),
      annotations: reads,
      scopes: BOARDS_READ,
      async run({ item_id }, monday) {
        const subitems = await monday.subitems(item_id);
        return { item_id, count: subitems.length, subitems: subitems.map(toItem) };
      },
    }),

    create_subitem: mondayTool({
      description: 'Create a subitem under an item.',
      input: z.object({ parent_item_id: id('parent item'), item_name: name('Name of the new subitem') }),
      output: itemSchema,
      annotations: adds,
      scopes: BOARDS_WRITE,
      run: async ({ parent_item_id, item_name }, monday) =>
        toItem(await monday.createSubitem(parent_item_id, item_name)),
    }),

    delete_subitem: mondayTool({
      description: 'Delete a subitem.',
      input: z.object({ sub_item_id: id('subitem') }),
      output: deleted,
      annotations: overwrites,
      scopes: BOARDS_WRITE,
      async run({ sub_item_id }, monday) {
        return { deleted: true as const, id: (await monday.deleteItem(sub_item_id)).id };
      },
    }),
  };
}

/** A value given as JSON text of an object (guMCP's callers sent strings) is sent as JSON too. */
function asJsonObject(value: string | Record<string, unknown>): Record<string, unknown> | undefined {
  if (typeof value !== 'string') return value;
  if (!value.trim().startsWith('{')) return undefined;
  try {
    const parsed = JSON.parse(value) as unknown;
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}
