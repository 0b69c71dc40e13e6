import { z } from 'zod';
import { adds, overwrites, reads, sets } from '../../core/annotations.js';
import type { UserStore } from '../../core/context.js';
import { type AnyToolDef, type ToolDef, tool } from '../../core/definition.js';
import { NotFoundError } from '../../core/errors.js';
import { type ApiFactory, cursorOf, type FigmaApi, VERSIONS_PAGE_SIZE } from './api.js';
import { rememberTeam } from './resources.js';
import {
  commentSchema,
  fileHead,
  fileSchema,
  meSchema,
  outline,
  projectFileSchema,
  projectSchema,
  reactionSchema,
  toBranches,
  toComment,
  toMe,
  toProjectFile,
  toReaction,
  toVersion,
  versionSchema,
} from './shapes.js';
import type { FigmaNode, FigmaReaction, FigmaVersion } from './types.js';

// Scopes, as Figma's OpenAPI description gives them per endpoint: the granular scope first, then the
// deprecated `files:read` that also grants reads. guMCP's catalog names files:read for projects and
// versions; Figma now documents projects:read and file_versions:read for them.
const SCOPES = {
  me: ['current_user:read', 'files:read'],
  content: ['file_content:read', 'files:read'],
  readComments: ['file_comments:read', 'files:read'],
  writeComments: ['file_comments:write'],
  projects: ['projects:read', 'files:read'],
  versions: ['file_versions:read', 'files:read'],
} as const;

/** Deepest level get_file lists; max_nodes bounds the size long before. */
const MAX_DEPTH = 20;
const MAX_NODES = 5000;
const MAX_RESULTS = 1000;

// Arguments. Keys and ids are checked so no argument can step out of the path it is placed in.

/** `https://www.figma.com/design/<key>/<title>` (or /file/, /board/, ...), with `/branch/<key>` winning. */
const FILE_URL =
  /figma\.com\/(?:file|design|board|proto|slides|deck|make|site)\/([A-Za-z0-9]+)(?:\/[^/?#]*\/branch\/([A-Za-z0-9]+))?/;

const fileKey = z
  .string()
  .trim()
  .min(1)
  .transform((value, ctx) => {
    const url = FILE_URL.exec(value);
    const key = url ? (url[2] ?? url[1] ?? '') : value;
    if (!/^[A-Za-z0-9_-]+$/.test(key)) {
      ctx.issues.push({
        code: 'custom',
        input: value,
        message: 'must be a Figma file key or a figma.com file URL',
      });
      return z.NEVER;
    }
    return key;
  })
  .describe('File key (the part after /design/ or /file/ in a Figma URL), or the URL itself');

const figmaId = (what: string) =>
  z
    .union([
      z
        .string()
        .trim()
        .regex(/^[\w-]+$/, `must be a Figma ${what} id`),
      z.number().int().nonnegative(),
    ])
    .transform(String);

const commentId = figmaId('comment').describe('Id of the comment (from get_file_comments)');

/** "1:23", or "1-23" as it appears in a URL's node-id; instance sublayers look like "I1:2;3:4". */
const nodeId = z
  .string()
  .trim()
  .regex(/^[\w:;-]+$/, 'must be a Figma node id such as 1:23')
  .transform((id) => id.replace(/^(\d+)-(\d+)$/, '$1:$2'));

const nodeIds = z
  .union([z.array(nodeId).min(1), z.string().transform((s) => s.split(',').filter((id) => id.trim()))])
  .pipe(z.array(nodeId).min(1, 'give at least one node id'));

/** Figma takes emoji as shortcodes (`:heart:`, `:+1::skin-tone-2:`); the colons may be left out. */
const emoji = z
  .string()
  .trim()
  .regex(
    /^:?[a-z0-9_+-]+:?(?::skin-tone-[2-6]:)?$/i,
    'must be an emoji shortcode such as :heart: or :+1: (not the emoji character)',
  )
  .transform((e) => (e.startsWith(':') ? e : `:${e}${e.endsWith(':') ? '' : ':'}`))
  .describe('Emoji shortcode, e.g. :heart:, :+1: or :+1::skin-tone-2:');

const vector = z.object({ x: z.number(), y: z.number() });
const pinCorner = z.enum(['top-left', 'top-right', 'bottom-left', 'bottom-right']).optional();
const clientMeta = z
  .union([
    z.object({
      node_id: z.string().min(1),
      node_offset: vector,
      region_height: z.number().positive(),
      region_width: z.number().positive(),
      comment_pin_corner: pinCorner,
    }),
    z.object({ node_id: z.string().min(1), node_offset: vector }),
    z.object({
      x: z.number(),
      y: z.number(),
      region_height: z.number().positive(),
      region_width: z.number().positive(),
      comment_pin_corner: pinCorner,
    }),
    vector,
  ])
  .describe(
    'Where to pin the comment: {x, y} on the canvas, {node_id, node_offset: {x, y}} in a frame, or either ' +
      'with region_width and region_height (and comment_pin_corner) for a region',
  );

const maxResults = (what: string, fallback: number) =>
  z
    .number()
    .int()
    .min(1)
    .max(MAX_RESULTS)
    .default(fallback)
    .describe(`Most ${what} to return (1-${MAX_RESULTS}, default ${fallback})`);

/** A Figma tool: like `tool`, but its handler gets a Figma client bound to the tool's first scope. */
interface FigmaToolDef<I extends z.ZodObject, O extends z.ZodObject>
  extends Omit<ToolDef<I, O>, 'handler' | 'scopes' | 'output'> {
  output: O;
  scopes: readonly [string, ...string[]];
  run(args: z.output<I>, figma: FigmaApi, store: UserStore): Promise<z.input<O>>;
}

/** The Figma tools, with clients made by `connect` (the seam tests use to shorten retries). */
export function figmaTools(connect: ApiFactory): Record<string, AnyToolDef> {
  const figmaTool = <I extends z.ZodObject, O extends z.ZodObject>({ run, ...def }: FigmaToolDef<I, O>) =>
    tool<I, O>({
      ...def,
      // The cast restates ToolDef's conditional return type, which TypeScript cannot resolve for generic O.
      handler: (args, ctx) =>
        run(args, connect(ctx, def.scopes[0]), ctx.store) as ReturnType<ToolDef<I, O>['handler']>,
    });

  return {
    get_me: figmaTool({
      description: 'Get the Figma user the stored credentials belong to: id, handle and email.',
      input: z.object({}),
      output: meSchema,
      annotations: reads,
      scopes: SCOPES.me,
      async run(_args, figma) {
        return toMe(await figma.getMe());
      },
    }),

    get_file: figmaTool({
      description:
        'Read a Figma file: its name, version and an outline of its layers (id, name, type, depth), cut at ' +
        '`depth` levels (1 = pages, 2 = pages and their top-level frames) and `max_nodes` nodes. Nodes marked ' +
        '`collapsed` have children not listed: call again with node_ids set to their ids (and a depth) to ' +
        'list them, and include_properties for everything Figma says about those nodes.',
      input: z.object({
        file_key: fileKey,
        depth: z
          .number()
          .int()
          .min(1)
          .max(MAX_DEPTH)
          .default(2)
          .describe(
            'Levels to list: below the document (pages are 1), or below each of node_ids (default 2)',
          ),
        node_ids: nodeIds
          .optional()
          .describe(
            'List only these nodes and what is under them: ids such as "1:23" (array or comma-separated)',
          ),
        max_nodes: z
          .number()
          .int()
          .min(1)
          .max(MAX_NODES)
          .default(500)
          .describe(`Most nodes to list (1-${MAX_NODES}, default 500); the deepest levels are cut first`),
        include_properties: z
          .boolean()
          .default(false)
          .describe('Add every property Figma gives for each listed node (fills, layout, styles, ...)'),
        version: z
          .string()
          .trim()
          .regex(/^\d+$/, 'must be a version id')
          .optional()
          .describe('A version id from get_file_versions; default the current version'),
      }),
      output: fileSchema,
      annotations: reads,
      scopes: SCOPES.content,
      async run({ file_key, depth, node_ids, max_nodes, include_properties, version }, figma) {
        const options = { depth, maxNodes: max_nodes, includeProperties: include_properties };
        // One level more than listed, so the last listed level still knows its children's count.
        if (node_ids) {
          const res = await figma.getFileNodes(file_key, node_ids, depth + 1, version);
          const found: { node: FigmaNode; parentId: null }[] = [];
          const components = new Set<string>();
          for (const id of node_ids) {
            const entry = res.nodes?.[id];
            if (!entry) continue;
            found.push({ node: entry.document, parentId: null });
            for (const c of Object.keys(entry.components ?? {})) components.add(c);
          }
          if (found.length === 0)
            throw new NotFoundError('Node', `${node_ids.join(', ')} in file ${file_key}`);
          const missing = node_ids.filter((id) => !res.nodes?.[id]);
          const { nodes, truncated } = outline(found, 0, options);
          return {
            ...fileHead(file_key, res),
            depth,
            node_count: nodes.length,
            truncated,
            nodes,
            missing_node_ids: missing,
            components: components.size,
          };
        }
        const f = await figma.getFile(file_key, depth + 1, version);
        const pages = (f.document.children ?? []).map((node) => ({ node, parentId: f.document.id }));
        const { nodes, truncated } = outline(pages, 1, options);
        return {
          ...fileHead(file_key, f),
          depth,
          node_count: nodes.length,
          truncated,
          nodes,
          components: Object.keys(f.components ?? {}).length,
          component_sets: Object.keys(f.componentSets ?? {}).length,
          styles: Object.keys(f.styles ?? {}).length,
          ...toBranches(f.branches),
        };
      },
    }),

    get_file_comments: figmaTool({
      description:
        'List the comments of a Figma file, replies included (parent_id names the comment replied to).',
      input: z.object({
        file_key: fileKey,
        as_md: z.boolean().optional().describe('Return comment text as Markdown where Figma can'),
      }),
      output: z.object({ file_key: z.string(), count: z.number().int(), comments: z.array(commentSchema) }),
      annotations: reads,
      scopes: SCOPES.readComments,
      async run({ file_key, as_md }, figma) {
        const comments = await figma.getComments(file_key, as_md ?? false);
        return { file_key, count: comments.length, comments: comments.map(toComment) };
      },
    }),

    post_comment: figmaTool({
      description:
        'Post a comment on a Figma file, pinned where client_meta says (default: the file), or a reply to ' +
        'the root comment parent_id.',
      input: z.object({
        file_key: fileKey,
        message: z.string().min(1).describe('Text of the comment'),
        client_meta: clientMeta.optional(),
        parent_id: figmaId('comment')
          .optional()
          .describe('Id of the root comment to reply to (a reply cannot be replied to)'),
      }),
      output: commentSchema,
      annotations: adds,
      scopes: SCOPES.writeComments,
      async run({ file_key, message, client_meta, parent_id }, figma) {
        // Figma's request body names the comment replied to `comment_id`.
        return toComment(await figma.postComment(file_key, { message, comment_id: parent_id, client_meta }));
      },
    }),

    delete_comment: figmaTool({
      description: 'Delete a comment from a Figma file (only its author can).',
      input: z.object({ file_key: fileKey, comment_id: commentId }),
      output: z.object({ deleted: z.boolean(), file_key: z.string(), comment_id: z.string() }),
      annotations: overwrites,
      scopes: SCOPES.writeComments,
      async run({ file_key, comment_id }, figma) {
        await figma.deleteComment(file_key, comment_id);
        return { deleted: true, file_key, comment_id };
      },
    }),

    get_comment_reactions: figmaTool({
      description:
        'List the reactions to a comment. Pages are followed until max_results reactions are collected; ' +
        'next_cursor (when not null) continues where this call stopped.',
      input: z.object({
        file_key: fileKey,
        comment_id: commentId,
        cursor: z.string().min(1).optional().describe('next_cursor of an earlier call, to continue'),
        max_results: maxResults('reactions', 100).describe(
          `Stop fetching pages once this many reactions are collected (1-${MAX_RESULTS}, default 100); whole pages are kept`,
        ),
      }),
      output: z.object({
        comment_id: z.string(),
        count: z.number().int(),
        reactions: z.array(reactionSchema),
        next_cursor: z.string().nullable(),
      }),
      annotations: reads,
      scopes: SCOPES.readComments,
      async run({ file_key, comment_id, cursor, max_results }, figma) {
        const reactions: FigmaReaction[] = [];
        let next: string | null = cursor ?? null;
        const seen = new Set<string>();
        do {
          if (next) seen.add(next);
          const page = await figma.getReactionsPage(file_key, comment_id, next ?? undefined);
          reactions.push(...(page.reactions ?? []));
          next = cursorOf(page.pagination?.next_page, 'cursor');
          // An empty page or a cursor already used would loop: the list ends there.
          if ((page.reactions ?? []).length === 0 || (next && seen.has(next))) next = null;
        } while (next && reactions.length < max_results);
        return {
          comment_id,
          count: reactions.length,
          reactions: reactions.map(toReaction),
          next_cursor: next,
        };
      },
    }),

    post_comment_reaction: figmaTool({
      description: 'React to a comment with an emoji (as the authenticated user).',
      input: z.object({ file_key: fileKey, comment_id: commentId, emoji }),
      output: z.object({ reacted: z.boolean(), comment_id: z.string(), emoji: z.string() }),
      annotations: sets,
      scopes: SCOPES.writeComments,
      async run({ file_key, comment_id, emoji }, figma) {
        await figma.postReaction(file_key, comment_id, emoji);
        return { reacted: true, comment_id, emoji };
      },
    }),

    delete_comment_reaction: figmaTool({
      description: "Remove the authenticated user's emoji reaction from a comment.",
      input: z.object({ file_key: fileKey, comment_id: commentId, emoji }),
      output: z.object({ reacted: z.boolean(), comment_id: z.string(), emoji: z.string() }),
      annotations: overwrites,
      scopes: SCOPES.writeComments,
      async run({ file_key, comment_id, emoji }, figma) {
        await figma.deleteReaction(file_key, comment_id, emoji);
        return { reacted: false, comment_id, emoji };
      },
    }),

    get_team_projects: figmaTool({
      description:
        "List the projects of a Figma team that the user can see. The team id is in the team page's URL " +
        "(figma.com/files/team/<team_id>/...); Figma cannot list a user's teams.",
      input: z.object({ team_id: figmaId('team').describe('Id of the team') }),
      output: z.object({
        team_id: z.string(),
        team_name: z.string(),
        count: z.number().int(),
        projects: z.array(projectSchema),
      }),
      annotations: reads,
      scopes: SCOPES.projects,
      async run({ team_id }, figma, store) {
        const team = await figma.getTeamProjects(team_id);
        // Remembered so figma://project resources can list this team's projects later.
        await rememberTeam(store, team_id, team.name);
        const projects = team.projects.map((p) => ({ id: String(p.id), name: p.name }));
        return { team_id, team_name: team.name, count: projects.length, projects };
      },
    }),

    get_project_files: figmaTool({
      description:
        'List the files of a Figma project (keys for the file tools), optionally with their branches.',
      input: z.object({
        project_id: figmaId('project').describe('Id of the project (from get_team_projects)'),
        branch_data: z.boolean().optional().describe('Also list the branches of each file'),
      }),
      output: z.object({
        project_id: z.string(),
        project_name: z.string(),
        count: z.number().int(),
        files: z.array(projectFileSchema),
      }),
      annotations: reads,
      scopes: SCOPES.projects,
      async run({ project_id, branch_data }, figma) {
        const project = await figma.getProjectFiles(project_id, branch_data ?? false);
        const files = project.files.map(toProjectFile);
        return { project_id, project_name: project.name, count: files.length, files };
      },
    }),

    get_file_versions: figmaTool({
      description:
        'List the version history of a Figma file, newest first: named versions and autosaves. Pages are ' +
        'followed up to max_results; next_before (when not null) continues the history.',
      input: z.object({
        file_key: fileKey,
        max_results: maxResults('versions', 50),
        before: z
          .union([z.string().regex(/^\d+$/, 'must be a version id'), z.number().int().positive()])
          .transform(String)
          .optional()
          .describe('Only versions older than this version id (next_before of an earlier call)'),
      }),
      output: z.object({
        file_key: z.string(),
        count: z.number().int(),
        versions: z.array(versionSchema),
        next_before: z.string().nullable(),
      }),
      annotations: reads,
      scopes: SCOPES.versions,
      async run({ file_key, max_results, before }, figma) {
        const versions: FigmaVersion[] = [];
        let next: string | null = before ?? null;
        while (versions.length < max_results) {
          const size = Math.min(VERSIONS_PAGE_SIZE, max_results - versions.length);
          const page = await figma.getVersionsPage(file_key, size, next ?? undefined);
          const got = page.versions ?? [];
          versions.push(...got);
          const cursor = cursorOf(page.pagination?.next_page, 'before');
          // A short page is the last one, whatever link Figma adds; a repeated cursor would loop.
          next = got.length < size || cursor === next ? null : cursor;
          if (!next) break;
        }
        return { file_key, count: versions.length, versions: versions.map(toVersion), next_before: next };
      },
    }),
  };
}
