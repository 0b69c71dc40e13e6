import { z } from 'zod';
import type {
  FigmaBranch,
  FigmaComment,
  FigmaFileMeta,
  FigmaNode,
  FigmaProjectFile,
  FigmaReaction,
  FigmaUser,
  FigmaVersion,
} from './types.js';

/**
 * What the tools return: the fields of Figma's objects a model acts on (ids, names, types, times),
 * not Figma's full payloads. A file's document tree is listed as a flat outline cut at a depth and a
 * node budget the caller sets; `include_properties` brings back everything Figma says of those nodes.
 */

export const userSchema = z.object({ id: z.string(), handle: z.string() });
export const toUser = (u: FigmaUser): z.input<typeof userSchema> => ({ id: u.id, handle: u.handle });

export const meSchema = z.object({
  id: z.string(),
  handle: z.string(),
  email: z.string().nullable(),
  img_url: z.string().nullable(),
});

export const toMe = (u: FigmaUser): z.input<typeof meSchema> => ({
  id: u.id,
  handle: u.handle,
  email: u.email ?? null,
  img_url: u.img_url ?? null,
});

// Comments and reactions

export const reactionCountSchema = z.object({ emoji: z.string(), count: z.number().int() });

export const commentSchema = z.object({
  id: z.string(),
  message: z.string(),
  user: userSchema,
  created_at: z.string(),
  resolved_at: z.string().nullable(),
  parent_id: z.string().nullable().describe('The root comment this one replies to; null for a root comment'),
  order_id: z.string().nullable().describe('The number Figma shows on a root comment'),
  client_meta: z
    .record(z.string(), z.unknown())
    .nullable()
    .describe('Where the comment is pinned (x/y, or node_id and node_offset, with region size)'),
  reactions: z.array(reactionCountSchema).describe('Reactions by emoji, with how many people left each'),
});

function countReactions(reactions: readonly FigmaReaction[]): z.input<typeof reactionCountSchema>[] {
  const counts = new Map<string, number>();
  for (const r of reactions) counts.set(r.emoji, (counts.get(r.emoji) ?? 0) + 1);
  return [...counts].map(([emoji, count]) => ({ emoji, count }));
}

export const toComment = (c: FigmaComment): z.input<typeof commentSchema> => ({
  id: c.id,
  message: c.message,
  user: toUser(c.user),
  created_at: c.created_at,
  resolved_at: c.resolved_at ?? null,
  parent_id: c.parent_id || null,
  order_id: c.order_id === null || c.order_id === undefined ? null : String(c.order_id),
  client_meta: c.client_meta ? { ...c.client_meta } : null,
  reactions: countReactions(c.reactions ?? []),
});

export const reactionSchema = z.object({ emoji: z.string(), user: userSchema, created_at: z.string() });

export const toReaction = (r: FigmaReaction): z.input<typeof reactionSchema> => ({
  emoji: r.emoji,
  user: toUser(r.user),
  created_at: r.created_at,
});

// Projects, files, versions

export const projectSchema = z.object({ id: z.string(), name: z.string() });

const branchSchema = z.object({ key: z.string(), name: z.string(), last_modified: z.string() });
const toBranch = (b: FigmaBranch): z.input<typeof branchSchema> => ({
  key: b.key,
  name: b.name,
  last_modified: b.last_modified,
});

export const projectFileSchema = z.object({
  key: z.string().describe('The file key, for get_file and the other file tools'),
  name: z.string(),
  last_modified: z.string(),
  thumbnail_url: z.string().nullable(),
  branches: z.array(branchSchema).optional().describe('With branch_data: the branches of this file'),
});

export const toProjectFile = (f: FigmaProjectFile): z.input<typeof projectFileSchema> => ({
  key: f.key,
  name: f.name,
  last_modified: f.last_modified,
  thumbnail_url: f.thumbnail_url ?? null,
  ...(f.branches ? { branches: f.branches.map(toBranch) } : {}),
});

export const versionSchema = z.object({
  id: z.string(),
  created_at: z.string(),
  label: z.string().nullable().describe('The name given to a saved version; null for an autosave'),
  description: z.string().nullable(),
  user: userSchema,
});

export const toVersion = (v: FigmaVersion): z.input<typeof versionSchema> => ({
  id: v.id,
  created_at: v.created_at,
  label: v.label ?? null,
  description: v.description ?? null,
  user: toUser(v.user),
});

// Files and their trees

/** Longest text of a TEXT node kept in the outline; the full text is in `properties.characters`. */
const TEXT_PREVIEW = 300;

export const nodeSchema = z.object({
  id: z.string().describe('Node id, e.g. "1:23"; pass it in node_ids to list what is under it'),
  name: z.string(),
  type: z.string().describe('DOCUMENT, CANVAS (a page), FRAME, GROUP, COMPONENT, INSTANCE, TEXT, ...'),
  depth: z.number().int().describe('Levels below the document (get_file) or below the requested node'),
  parent_id: z.string().nullable(),
  child_count: z.number().int(),
  collapsed: z
    .boolean()
    .optional()
    .describe('True when the node has children that are not listed (depth or max_nodes reached)'),
  hidden: z.boolean().optional().describe('True when the layer is hidden'),
  text: z.string().optional().describe(`TEXT nodes: their text (first ${TEXT_PREVIEW} characters)`),
  properties: z
    .record(z.string(), z.unknown())
    .optional()
    .describe('With include_properties: every other field Figma gives for the node (children aside)'),
});

export type ListedNode = z.input<typeof nodeSchema>;

export interface OutlineOptions {
  /** Deepest level listed (roots are at `rootDepth`). */
  depth: number;
  /** Most nodes listed in all. */
  maxNodes: number;
  includeProperties: boolean;
}

/**
 * A flat outline (document order) of the trees under `roots`. Which nodes are listed is decided level
 * by level, so a node budget cuts the deepest levels first: a node's children are listed all together
 * or not at all (then the node is `collapsed`). Figma is asked for one level more than is listed, so
 * the last listed level still knows how many children each node has.
 */
export function outline(
  roots: readonly { node: FigmaNode; parentId: string | null }[],
  rootDepth: number,
  options: OutlineOptions,
): { nodes: ListedNode[]; truncated: boolean } {
  let budget = options.maxNodes;
  let truncated = roots.length > budget;
  const expanded = new Set<FigmaNode>();
  let level = roots.slice(0, budget).map((r) => r.node);
  budget -= level.length;
  for (let depth = rootDepth; depth < options.depth && level.length > 0; depth++) {
    const next: FigmaNode[] = [];
    for (const node of level) {
      const children = node.children ?? [];
      if (children.length === 0) continue;
      if (children.length > budget) {
        truncated = true;
        continue;
      }
      budget -= children.length;
      expanded.add(node);
      next.push(...children);
    }
    level = next;
  }

  const nodes: ListedNode[] = [];
  const visit = (node: FigmaNode, depth: number, parentId: string | null) => {
    const { id, name, type, children, visible, characters, ...rest } = node;
    const childCount = children?.length ?? 0;
    nodes.push({
      id,
      name,
      type,
      depth,
      parent_id: parentId,
      child_count: childCount,
      ...(childCount > 0 && !expanded.has(node) ? { collapsed: true } : {}),
      ...(visible === false ? { hidden: true } : {}),
      ...(typeof characters === 'string' ? { text: characters.slice(0, TEXT_PREVIEW) } : {}),
      ...(options.includeProperties
        ? {
            properties: {
              ...rest,
              ...(visible === undefined ? {} : { visible }),
              ...(characters ? { characters } : {}),
            },
          }
        : {}),
    });
    if (expanded.has(node)) for (const child of children ?? []) visit(child, depth + 1, id);
  };
  for (const { node, parentId } of roots.slice(0, options.maxNodes)) visit(node, rootDepth, parentId);
  return { nodes, truncated };
}

export const fileSchema = z.object({
  file_key: z.string(),
  name: z.string(),
  editor_type: z.string().describe('figma (design) or figjam (whiteboard)'),
  last_modified: z.string(),
  version: z.string().describe('Changes whenever the file changes'),
  role: z.string().describe("The user's role on the file: owner, editor or viewer"),
  link_access: z.string().nullable(),
  thumbnail_url: z.string().nullable(),
  depth: z.number().int().describe('The deepest level listed'),
  node_count: z.number().int(),
  truncated: z.boolean().describe('True when max_nodes stopped the listing (collapsed nodes have more)'),
  nodes: z.array(nodeSchema),
  missing_node_ids: z.array(z.string()).optional().describe('Requested node ids the file does not have'),
  components: z.number().int().describe('Components defined or used in what was read'),
  component_sets: z.number().int().optional(),
  styles: z.number().int().optional(),
  branches: z.array(branchSchema).optional(),
});

export const fileHead = (key: string, f: FigmaFileMeta) => ({
  file_key: key,
  name: f.name,
  editor_type: f.editorType,
  last_modified: f.lastModified,
  version: f.version,
  role: f.role,
  link_access: f.linkAccess ?? null,
  thumbnail_url: f.thumbnailUrl ?? null,
});

export const toBranches = (branches: readonly FigmaBranch[] | undefined) =>
  branches ? { branches: branches.map(toBranch) } : {};
