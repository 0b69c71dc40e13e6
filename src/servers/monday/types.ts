/**
 * The parts of monday.com's GraphQL types (API version 2026-10) this server reads: User, Workspace,
 * Board, Group, Column, Item, ColumnValue, ItemsResponse. IDs come as strings; a column value's
 * `value` is a JSON-encoded string.
 */

export interface MondayUser {
  id: string;
  name: string;
  email: string;
  title?: string | null;
  created_at?: string | null;
  url?: string | null;
}

export interface MondayWorkspace {
  id: string | null;
  name: string;
  kind?: string | null;
  description?: string | null;
  state?: string | null;
  created_at?: string | null;
}

export interface MondayColumn {
  id: string;
  title: string;
  type: string;
}

export interface MondayGroup {
  id: string;
  title?: string;
  color?: string;
  position?: string;
  archived?: boolean | null;
  deleted?: boolean | null;
  items_page?: MondayItemsPage;
}

export interface MondayColumnValue {
  id: string;
  type?: string;
  text?: string | null;
  /** JSON-encoded. */
  value?: string | null;
  column?: { title?: string } | null;
}

export interface MondayItem {
  id: string;
  name?: string;
  state?: string | null;
  created_at?: string | null;
  updated_at?: string | null;
  url?: string | null;
  board?: { id: string; name?: string } | null;
  group?: { id: string; title?: string } | null;
  parent_item?: { id: string } | null;
  column_values?: MondayColumnValue[];
  subitems?: MondayItem[] | null;
}

export interface MondayItemsPage {
  cursor?: string | null;
  items?: MondayItem[];
}

export interface MondayBoard {
  id: string;
  name: string;
  description?: string | null;
  state?: string | null;
  board_kind?: string | null;
  workspace_id?: string | null;
  updated_at?: string | null;
  url?: string | null;
  items_count?: number | null;
  groups?: MondayGroup[] | null;
  columns?: MondayColumn[] | null;
  items_page?: MondayItemsPage;
}
