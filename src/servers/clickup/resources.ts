import { JSON_MIME, jsonContents } from '../../core/contents.js';
import type { ResourceTemplateDef } from '../../core/definition.js';
import { ToolError } from '../../core/errors.js';
import type { ApiFactory } from './api.js';
import { toFolder, toList, toSpace, toWorkspace } from './shapes.js';

const workspaceUri = (id: string) => `clickup://workspace/${encodeURIComponent(id)}`;
const spaceUri = (id: string) => `clickup://space/${encodeURIComponent(id)}`;

function idFrom(value: string | undefined, what: string): string {
  if (!value || !/^\d+$/.test(value)) throw new ToolError(`Invalid ${what} id in the resource URI: ${value}`);
  return value;
}

/** The cursor of the spaces listing: the index of the workspace whose spaces come next. */
function workspaceIndex(cursor: string | undefined): number {
  if (cursor === undefined) return 0;
  const n = Number(cursor);
  if (!Number.isInteger(n) || n < 0) throw new ToolError(`Invalid cursor: ${cursor}`);
  return n;
}

/**
 * guMCP's URIs: clickup://workspace/{id} for each authorized workspace, clickup://space/{id} for the
 * spaces in them (one workspace's spaces per resources/list page). ClickUp answers both lists whole.
 */
export function clickupResources(connect: ApiFactory): ResourceTemplateDef[] {
  return [
    {
      uriTemplate: 'clickup://workspace/{workspace_id}',
      name: 'workspaces',
      title: 'ClickUp workspaces',
      description: 'A workspace the token was authorized for, with its members and spaces',
      mimeType: JSON_MIME,
      async list(ctx) {
        const { teams } = await connect(ctx).getTeams();
        return {
          resources: teams.map((t) => ({
            uri: workspaceUri(String(t.id)),
            name: t.name,
            mimeType: JSON_MIME,
          })),
        };
      },
      async read(uri, vars, ctx) {
        const id = idFrom(vars.workspace_id, 'workspace');
        const cu = connect(ctx);
        const [{ teams }, { spaces }] = await Promise.all([cu.getTeams(), cu.getSpaces(id)]);
        const team = teams.find((t) => String(t.id) === id);
        if (!team) throw new ToolError(`Workspace not found among the authorized ones: ${id}`);
        return jsonContents(uri, { workspace: toWorkspace(team), spaces: spaces.map(toSpace) });
      },
    },
    {
      uriTemplate: 'clickup://space/{space_id}',
      name: 'spaces',
      title: 'ClickUp spaces',
      description: 'A space of an authorized workspace, with its folders and the lists outside folders',
      mimeType: JSON_MIME,
      async list(ctx, cursor) {
        const cu = connect(ctx);
        const i = workspaceIndex(cursor);
        const { teams } = await cu.getTeams();
        const team = teams[i];
        if (!team) return { resources: [] };
        const { spaces } = await cu.getSpaces(String(team.id));
        const resources = spaces.map((s) => ({
          uri: spaceUri(String(s.id)),
          name: s.name,
          description: `Space in ${team.name}`,
          mimeType: JSON_MIME,
        }));
        return { resources, ...(i + 1 < teams.length ? { nextCursor: String(i + 1) } : {}) };
      },
      async read(uri, vars, ctx) {
        const id = idFrom(vars.space_id, 'space');
        const cu = connect(ctx);
        const [space, { folders }, { lists }] = await Promise.all([
          cu.getSpace(id),
          cu.getFolders(id),
          cu.getFolderlessLists(id),
        ]);
        return jsonContents(uri, {
          space: toSpace(space),
          folders: folders.map(toFolder),
          lists: lists.map(toList),
        });
      },
    },
  ];
}
