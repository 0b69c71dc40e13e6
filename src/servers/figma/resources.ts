import type { Resource } from '@modelcontextprotocol/server';
import { JSON_MIME, jsonContents } from '../../core/contents.js';
import type { ToolContext, UserStore } from '../../core/context.js';
import type { ResourceTemplateDef } from '../../core/definition.js';
import { NotFoundError, ToolError } from '../../core/errors.js';
import type { ApiFactory } from './api.js';
import { toProjectFile } from './shapes.js';

/**
 * guMCP's `figma://project/{project_id}` resources. Figma cannot list a user's teams, so the teams
 * listed are the ones this user has looked at with get_team_projects (remembered in their store)
 * and those named by FIGMA_DEFAULT_TEAM_ID (guMCP's variable; several may be comma-separated).
 */

const TEAMS_KEY = 'teams';
/** Teams remembered per user; the oldest is forgotten first. */
const MAX_TEAMS = 50;

interface KnownTeam {
  id: string;
  name: string;
}

export async function rememberTeam(store: UserStore, id: string, name: string): Promise<void> {
  const teams = ((await store.get<KnownTeam[]>(TEAMS_KEY)) ?? []).filter((t) => t.id !== id);
  await store.set(TEAMS_KEY, [...teams, { id, name }].slice(-MAX_TEAMS));
}

async function knownTeams(ctx: ToolContext): Promise<string[]> {
  const configured = (process.env.FIGMA_DEFAULT_TEAM_ID ?? '')
    .split(',')
    .map((id) => id.trim())
    .filter((id) => /^[\w-]+$/.test(id));
  const stored = ((await ctx.store.get<KnownTeam[]>(TEAMS_KEY)) ?? []).map((t) => t.id);
  return [...new Set([...configured, ...stored])];
}

const projectUri = (id: string) => `figma://project/${encodeURIComponent(id)}`;

export function figmaResources(connect: ApiFactory): ResourceTemplateDef[] {
  return [
    {
      uriTemplate: 'figma://project/{project_id}',
      name: 'projects',
      title: 'Figma projects',
      description:
        'Projects of the teams the user has listed with get_team_projects (or FIGMA_DEFAULT_TEAM_ID); ' +
        'reading one gives its files',
      mimeType: JSON_MIME,
      // One team per page: the cursor is the index of the next team.
      async list(ctx, cursor) {
        const teams = await knownTeams(ctx);
        const index = cursor === undefined ? 0 : Number(cursor);
        if (!Number.isInteger(index) || index < 0) throw new ToolError(`Invalid cursor: ${cursor}`);
        const teamId = teams[index];
        if (teamId === undefined) return { resources: [] };
        const next = index + 1 < teams.length ? { nextCursor: String(index + 1) } : {};
        try {
          const team = await connect(ctx, 'projects:read').getTeamProjects(teamId);
          const resources: Resource[] = team.projects.map((p) => ({
            uri: projectUri(String(p.id)),
            name: p.name,
            description: `Figma project ${p.name} (team ${team.name})`,
            mimeType: JSON_MIME,
          }));
          return { resources, ...next };
        } catch (error) {
          // A team that is gone should not hide the others.
          if (error instanceof NotFoundError) return { resources: [], ...next };
          throw error;
        }
      },
      async read(uri, { project_id = '' }, ctx) {
        const id = decodeURIComponent(project_id);
        if (!/^[\w-]+$/.test(id)) throw new ToolError(`Invalid Figma project id in ${uri}`);
        const project = await connect(ctx, 'projects:read').getProjectFiles(id, false);
        return jsonContents(uri, {
          project_id: id,
          name: project.name,
          files: project.files.map(toProjectFile),
        });
      },
    },
  ];
}
