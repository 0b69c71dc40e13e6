/**
 * The parts of Figma's REST API JSON (OpenAPI description `@figma/rest-api-spec` 0.37) that this
 * server reads. Figma sends many more fields; only the ones used are typed.
 */

export interface FigmaUser {
  id: string;
  handle: string;
  img_url: string;
  /** Only on GET /v1/me. */
  email?: string;
}

export interface FigmaVector {
  x: number;
  y: number;
}

/** Where a comment is pinned: a point, a point in a frame, a region, or a region in a frame. */
export type ClientMeta =
  | FigmaVector
  | { node_id: string; node_offset: FigmaVector }
  | { x: number; y: number; region_height: number; region_width: number; comment_pin_corner?: string }
  | {
      node_id: string;
      node_offset: FigmaVector;
      region_height: number;
      region_width: number;
      comment_pin_corner?: string;
    };

export interface FigmaReaction {
  user: FigmaUser;
  emoji: string;
  created_at: string;
}

export interface FigmaComment {
  id: string;
  client_meta: ClientMeta | null;
  file_key: string;
  parent_id?: string;
  user: FigmaUser;
  created_at: string;
  resolved_at?: string | null;
  message: string;
  order_id: string | null;
  reactions: FigmaReaction[];
}

/** `next_page` and `prev_page` are full URLs carrying the cursor of the page they point to. */
export interface FigmaPagination {
  prev_page?: string;
  next_page?: string;
}

export interface FigmaVersion {
  id: string;
  created_at: string;
  label: string | null;
  description: string | null;
  user: FigmaUser;
  thumbnail_url?: string;
}

export interface FigmaProject {
  /** A string in the OpenAPI description; older answers (and guMCP's examples) carry a number. */
  id: string | number;
  name: string;
}

export interface FigmaBranch {
  key: string;
  name: string;
  thumbnail_url?: string;
  last_modified: string;
}

export interface FigmaProjectFile {
  key: string;
  name: string;
  thumbnail_url?: string;
  last_modified: string;
  branches?: FigmaBranch[];
}

/** Any node of a document tree: every node has these; the rest depends on its type. */
export interface FigmaNode {
  id: string;
  name: string;
  type: string;
  visible?: boolean;
  /** TEXT nodes only. */
  characters?: string;
  children?: FigmaNode[];
  [property: string]: unknown;
}

/** Fields GET /v1/files/{key} and GET /v1/files/{key}/nodes share. */
export interface FigmaFileMeta {
  name: string;
  role: string;
  lastModified: string;
  editorType: string;
  thumbnailUrl?: string;
  version: string;
  linkAccess?: string;
}

export interface FigmaFile extends FigmaFileMeta {
  document: FigmaNode;
  components: Record<string, unknown>;
  componentSets: Record<string, unknown>;
  styles: Record<string, unknown>;
  mainFileKey?: string;
  branches?: FigmaBranch[];
}

export interface FigmaFileNodes extends FigmaFileMeta {
  /** `null` for an id that does not exist in the file. */
  nodes: Record<string, { document: FigmaNode; components: Record<string, unknown> } | null>;
}
