import { z } from 'zod';
import type {
  MondayBoard,
  MondayColumnValue,
  MondayGroup,
  MondayItem,
  MondayUser,
  MondayWorkspace,
} from './types.js';

/**
 * What the tools return: monday.com's objects trimmed to the fields a caller acts on, with column
 * values decoded from the JSON strings monday.com sends. One schema and one mapper per kind.
 */

const str = z.string().nullable();

export const userSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  title: str,
  created_at: str,
  url: str,
});

export const toUser = (u: MondayUser): z.input<typeof userSchema> => ({
  id: u.id,
  name: u.name,
  email: u.email,
  title: u.title ?? null,
  created_at: u.created_at ?? null,
  url: u.url ?? null,
});

export const workspaceSchema = z.object({
  id: str.describe('Null for the account’s main workspace on older accounts'),
  name: z.string(),
  kind: str.describe('open or closed'),
  description: str,
  state: str,
  created_at: str,
});

export const toWorkspace = (w: MondayWorkspace): z.input<typeof workspaceSchema> => ({
  id: w.id ?? null,
  name: w.name,
  kind: w.kind ?? null,
  description: w.description ?? null,
  state: w.state ?? null,
  created_at: w.created_at ?? null,
});

export const boardSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: str,
  state: str.describe('active, archived or deleted'),
  board_kind: str.describe('public, private or share'),
  workspace_id: str,
  updated_at: str,
  url: str,
});

export const toBoard = (b: MondayBoard): z.input<typeof boardSchema> => ({
  id: b.id,
  name: b.name,
  description: b.description ?? null,
  state: b.state ?? null,
  board_kind: b.board_kind ?? null,
  workspace_id: b.workspace_id ?? null,
  updated_at: b.updated_at ?? null,
  url: b.url ?? null,
});

export const groupSchema = z.object({
  id: z.string(),
  title: str,
  color: str,
  position: str,
  archived: z.boolean().nullable(),
});

export const toGroup = (g: MondayGroup): z.input<typeof groupSchema> => ({
  id: g.id,
  title: g.title ?? null,
  color: g.color ?? null,
  position: g.position ?? null,
  archived: g.archived ?? null,
});

const itemRefSchema = z.object({ id: z.string(), name: str, group_id: str });

export const toItemRef = (i: MondayItem): z.input<typeof itemRefSchema> => ({
  id: i.id,
  name: i.name ?? null,
  group_id: i.group?.id ?? null,
});

export const boardDetailSchema = boardSchema.extend({
  items_count: z.number().nullable(),
  groups: z.array(groupSchema),
  columns: z.array(z.object({ id: z.string(), title: z.string(), type: z.string() })),
  items: z.array(itemRefSchema),
  items_more: z.boolean().describe('Whether the board has more items than were returned'),
});

export function toBoardDetail(
  b: MondayBoard,
  items: MondayItem[],
  more: boolean,
): z.input<typeof boardDetailSchema> {
  return {
    ...toBoard(b),
    items_count: b.items_count ?? null,
    groups: (b.groups ?? []).map(toGroup),
    columns: (b.columns ?? []).map((c) => ({ id: c.id, title: c.title, type: c.type })),
    items: items.map(toItemRef),
    items_more: more,
  };
}

export const groupDetailSchema = groupSchema.extend({
  deleted: z.boolean().nullable(),
  board: z.object({ id: z.string(), name: z.string() }),
  items: z.array(itemRefSchema),
  items_more: z.boolean().describe('Whether the group has more items than were returned'),
});

export function toGroupDetail(
  g: MondayGroup & { board: { id: string; name: string } },
  items: MondayItem[],
  more: boolean,
): z.input<typeof groupDetailSchema> {
  return {
    ...toGroup(g),
    deleted: g.deleted ?? null,
    board: g.board,
    items: items.map(toItemRef),
    items_more: more,
  };
}

/** monday.com sends a column's value as a JSON-encoded string; the caller gets the value itself. */
function decode(value: string | null | undefined): unknown {
  if (value === null || value === undefined) return null;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

export const columnValueSchema = z.object({
  id: z.string(),
  title: str,
  type: str,
  text: str.describe('The value as monday.com shows it'),
  value: z.unknown().describe('The raw value, decoded from JSON (null when empty)'),
});

export const toColumnValue = (c: MondayColumnValue): z.input<typeof columnValueSchema> => ({
  id: c.id,
  title: c.column?.title ?? null,
  type: c.type ?? null,
  text: c.text ?? null,
  value: decode(c.value),
});

export const itemSchema = z.object({
  id: z.string(),
  name: str,
  state: str,
  created_at: str,
  updated_at: str,
  url: str,
  board: z.object({ id: z.string(), name: str }).nullable(),
  group: z.object({ id: z.string(), title: str }).nullable(),
  parent_item_id: str.describe('For a subitem, the item it belongs to'),
  column_values: z.array(columnValueSchema).optional(),
  subitems: z.array(z.object({ id: z.string(), name: str })).optional(),
});

export function toItem(i: MondayItem): z.input<typeof itemSchema> {
  return {
    id: i.id,
    name: i.name ?? null,
    state: i.state ?? null,
    created_at: i.created_at ?? null,
    updated_at: i.updated_at ?? null,
    url: i.url ?? null,
    board: i.board ? { id: i.board.id, name: i.board.name ?? null } : null,
    group: i.group ? { id: i.group.id, title: i.group.title ?? null } : null,
    parent_item_id: i.parent_item?.id ?? null,
    ...(i.column_values ? { column_values: i.column_values.map(toColumnValue) } : {}),
    ...(i.subitems ? { subitems: i.subitems.map((s) => ({ id: s.id, name: s.name ?? null })) } : {}),
  };
}
