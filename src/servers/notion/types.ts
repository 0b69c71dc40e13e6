/**
 * The parts of Notion's objects (API version 2026-03-11) this server reads. Notion sends more; what is
 * not named here passes through untouched where a tool returns the raw object.
 */

/** A list answer: every paginated endpoint (users, search, query, block children) has this envelope. */
export interface NotionList<T> {
  object: 'list';
  results: T[];
  next_cursor: string | null;
  has_more: boolean;
}

export interface Annotations {
  bold?: boolean;
  italic?: boolean;
  strikethrough?: boolean;
  underline?: boolean;
  code?: boolean;
  color?: string;
}

/** A rich text item as Notion answers it (text, mention or equation). */
export interface RichText {
  type: 'text' | 'mention' | 'equation';
  plain_text: string;
  href: string | null;
  annotations?: Annotations;
  text?: { content: string; link: { url: string } | null };
  equation?: { expression: string };
  mention?: { type: string; [key: string]: unknown };
}

/** A rich text item as Notion takes it in requests. */
export interface RichTextRequest {
  type?: 'text';
  text: { content: string; link?: { url: string } | null };
  annotations?: Annotations;
}

export interface NotionUser {
  object: 'user';
  id: string;
  type?: 'person' | 'bot';
  name?: string | null;
  avatar_url?: string | null;
  person?: { email?: string };
  bot?: { owner?: { type?: string }; workspace_name?: string | null };
}

export interface Parent {
  type: string;
  page_id?: string;
  database_id?: string;
  data_source_id?: string;
  block_id?: string;
  workspace?: boolean;
}

/** A page property value: `type` names the key that holds the value. */
export interface PropertyValue {
  id: string;
  type: string;
  [key: string]: unknown;
}

export interface NotionPage {
  object: 'page';
  id: string;
  url: string;
  parent: Parent;
  in_trash?: boolean;
  created_time: string;
  last_edited_time: string;
  properties: Record<string, PropertyValue>;
  icon?: unknown;
  [key: string]: unknown;
}

/** A data source's schema entry: one property with its type. */
export interface PropertySchema {
  id: string;
  name: string;
  type: string;
  [key: string]: unknown;
}

export interface NotionDataSource {
  object: 'data_source';
  id: string;
  title?: RichText[];
  parent?: Parent;
  url?: string;
  properties?: Record<string, PropertySchema>;
  in_trash?: boolean;
  last_edited_time?: string;
  [key: string]: unknown;
}

export interface NotionDatabase {
  object: 'database';
  id: string;
  title?: RichText[];
  url?: string;
  data_sources: { id: string; name: string }[];
}

export interface NotionBlock {
  object: 'block';
  id: string;
  type: string;
  has_children?: boolean;
  in_trash?: boolean;
  [key: string]: unknown;
}

/** A block with the children read under it, for rendering nested content. */
export interface BlockNode extends NotionBlock {
  children?: BlockNode[];
}

/** Notion's error answer. */
export interface NotionErrorBody {
  object: 'error';
  status: number;
  code: string;
  message: string;
  request_id?: string;
}
