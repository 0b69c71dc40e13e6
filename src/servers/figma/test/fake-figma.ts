import type {
  FigmaComment,
  FigmaNode,
  FigmaProjectFile,
  FigmaReaction,
  FigmaUser,
  FigmaVersion,
} from '../types.js';

/**
 * Bodies in the shapes of Figma's OpenAPI description (github.com/figma/rest-api-spec,
 * openapi/openapi.yaml, 0.37.0): GetMeResponse, GetFileResponse, GetFileNodesResponse, Comment,
 * Reaction, Version, GetTeamProjectsResponse, GetProjectFilesResponse, the `{ status, error: false }`
 * answers of deletes and reactions, and the two error payloads (`{ status, err }` and
 * `{ error: true, status, message }`).
 */

/** Every route the server calls, as templates of the OpenAPI description's paths. */
export const FIGMA_ROUTES = [
  'GET /v1/me',
  'GET /v1/files/{file_key}',
  'GET /v1/files/{file_key}/nodes',
  'GET /v1/files/{file_key}/comments',
  'POST /v1/files/{file_key}/comments',
  'DELETE /v1/files/{file_key}/comments/{comment_id}',
  'GET /v1/files/{file_key}/comments/{comment_id}/reactions',
  'POST /v1/files/{file_key}/comments/{comment_id}/reactions',
  'DELETE /v1/files/{file_key}/comments/{comment_id}/reactions',
  'GET /v1/teams/{team_id}/projects',
  'GET /v1/projects/{project_id}/files',
  'GET /v1/files/{file_key}/versions',
] as const;

export const FILE_KEY = 'hFgKd93kJ2mXq8ZpLw4TbY';

export const user = (id: string, handle: string): FigmaUser => ({
  id,
  handle,
  img_url: `https://s3-alpha.figma.com/profile/${id}`,
});

export const ALICE = user('1061467419850487543', 'Alice Martin');
export const BOB = user('1098201234567890123', 'Bob Okafor');

export const me = () => ({ ...ALICE, email: 'alice@example.com' });

export const reaction = (emoji: string, by = BOB, created_at = '2025-03-02T10:00:00Z'): FigmaReaction => ({
  user: by,
  emoji,
  created_at,
});

export function comment(over: Partial<FigmaComment> & { id: string }): FigmaComment {
  return {
    client_meta: { node_id: '1:2', node_offset: { x: 40, y: 12 } },
    file_key: FILE_KEY,
    parent_id: '',
    user: ALICE,
    created_at: '2025-03-01T09:30:00Z',
    resolved_at: null,
    message: 'Can we align this button with the grid?',
    order_id: '1',
    reactions: [],
    ...over,
  };
}

export function version(id: string, over: Partial<FigmaVersion> = {}): FigmaVersion {
  return {
    id,
    created_at: '2025-02-20T16:45:00Z',
    label: null,
    description: null,
    user: ALICE,
    thumbnail_url: `https://s3-alpha.figma.com/thumbnails/${id}`,
    ...over,
  };
}

export const projectFile = (key: string, name: string, over: Partial<FigmaProjectFile> = {}) => ({
  key,
  name,
  thumbnail_url: `https://s3-alpha.figma.com/thumbnails/${key}`,
  last_modified: '2025-03-03T08:00:00Z',
  ...over,
});

// Document trees

const box = { x: 0, y: 0, width: 375, height: 812 };
const white = { blendMode: 'NORMAL', type: 'SOLID', color: { r: 1, g: 1, b: 1, a: 1 } };

export const frame = (id: string, name: string, children: FigmaNode[] = [], extra = {}): FigmaNode => ({
  id,
  name,
  type: 'FRAME',
  scrollBehavior: 'SCROLLS',
  blendMode: 'PASS_THROUGH',
  absoluteBoundingBox: box,
  absoluteRenderBounds: box,
  clipsContent: true,
  fills: [white],
  effects: [],
  children,
  ...extra,
});

export const text = (id: string, name: string, characters: string): FigmaNode => ({
  id,
  name,
  type: 'TEXT',
  scrollBehavior: 'SCROLLS',
  blendMode: 'PASS_THROUGH',
  absoluteBoundingBox: { x: 16, y: 16, width: 200, height: 24 },
  absoluteRenderBounds: { x: 16, y: 18, width: 120, height: 20 },
  fills: [{ blendMode: 'NORMAL', type: 'SOLID', color: { r: 0, g: 0, b: 0, a: 1 } }],
  effects: [],
  characters,
  style: { fontFamily: 'Inter', fontWeight: 400, fontSize: 16 },
  characterStyleOverrides: [],
  styleOverrideTable: {},
  lineTypes: ['NONE'],
  lineIndentations: [0],
});

export const page = (id: string, name: string, children: FigmaNode[]): FigmaNode => ({
  id,
  name,
  type: 'CANVAS',
  scrollBehavior: 'SCROLLS',
  backgroundColor: { r: 0.96, g: 0.96, b: 0.96, a: 1 },
  prototypeStartNodeID: null,
  flowStartingPoints: [],
  prototypeDevice: { type: 'NONE', rotation: 'NONE' },
  children,
});

/** A design file: two pages, frames with buttons and text, one hidden layer. */
export function sampleDocument(): FigmaNode {
  return {
    id: '0:0',
    name: 'Document',
    type: 'DOCUMENT',
    scrollBehavior: 'SCROLLS',
    children: [
      page('0:1', 'Cover', [frame('1:2', 'Cover frame', [text('1:3', 'Title', 'Checkout redesign')])]),
      page('0:2', 'Screens', [
        frame('2:1', 'Cart', [
          frame('2:2', 'Header', [text('2:3', 'Heading', 'Your cart')]),
          frame('2:4', 'Pay button', [text('2:5', 'Label', 'Pay now')], { visible: false }),
        ]),
        frame('3:1', 'Receipt', []),
      ]),
    ],
  };
}

/** The tree as Figma answers with `depth`: nodes more than `depth` levels down are left out. */
export function cutTree(node: FigmaNode, depth: number | undefined): FigmaNode {
  if (depth === undefined || !node.children) return node;
  if (depth <= 0) {
    const { children: _children, ...rest } = node;
    return rest as FigmaNode;
  }
  return { ...node, children: node.children.map((c) => cutTree(c, depth - 1)) };
}

/** Where a node is in a tree, or undefined. */
export function findNode(node: FigmaNode, id: string): FigmaNode | undefined {
  if (node.id === id) return node;
  for (const child of node.children ?? []) {
    const found = findNode(child, id);
    if (found) return found;
  }
  return undefined;
}

const fileMeta = () => ({
  name: 'Checkout redesign',
  role: 'owner',
  lastModified: '2025-03-04T12:00:00Z',
  editorType: 'figma',
  thumbnailUrl: 'https://s3-alpha.figma.com/thumbnails/checkout',
  version: '5124837761',
  linkAccess: 'inherit',
});

export function fileResponse(document: FigmaNode, depth?: number) {
  return {
    ...fileMeta(),
    document: cutTree(document, depth),
    components: {
      '4:1': { key: 'c0ffee', name: 'Button', description: '', documentationLinks: [], remote: false },
    },
    componentSets: {},
    schemaVersion: 0,
    styles: { '5:1': { key: 'b1ue', name: 'Primary', styleType: 'FILL', remote: false, description: '' } },
  };
}

export function nodesResponse(document: FigmaNode, ids: string[], depth?: number) {
  const nodes: Record<string, unknown> = {};
  for (const id of ids) {
    const node = findNode(document, id);
    nodes[id] = node
      ? { document: cutTree(node, depth), components: {}, componentSets: {}, schemaVersion: 0, styles: {} }
      : null;
  }
  return { ...fileMeta(), nodes };
}

/** `{ status: 200, error: false }`: the answer of deletes and of posting a reaction. */
export const ok = { status: 200, error: false };

/** Figma's `ErrorResponsePayloadWithErrMessage`. */
export const errMessage = (status: number, err: string) => ({ status, err });
/** Figma's `ErrorResponsePayloadWithErrorBoolean`. */
export const errorBoolean = (status: number, message: string) => ({ error: true, status, message });
