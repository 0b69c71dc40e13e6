import { JSON_MIME, jsonContents } from '../../core/contents.js';
import type { ResourceTemplateDef } from '../../core/definition.js';
import { ToolError } from '../../core/errors.js';
import type { ApiFactory } from './api.js';

const teamUri = (id: string) => `linear://team/${encodeURIComponent(id)}`;

/**
 * `linear://team/{team_id}` (guMCP's `linear://team/{team.id}`): every team the user can see, 50 to a
 * page, Linear's end cursor being the resource cursor. Reading one gives the ids that creating and
 * updating issues take: its workflow states, labels and members.
 */
export function teamResource(connect: ApiFactory): ResourceTemplateDef {
  return {
    uriTemplate: 'linear://team/{team_id}',
    name: 'team',
    title: 'Linear team',
    description: 'A Linear team with its workflow states, labels and members (the ids the issue tools take)',
    mimeType: JSON_MIME,
    async list(ctx, cursor) {
      const { teams, next } = await connect(ctx, 'read').teamsPage(cursor);
      return {
        resources: teams.map((t) => ({
          uri: teamUri(t.id),
          name: `Team: ${t.name} (${t.key})`,
          ...(t.description ? { description: t.description } : {}),
          mimeType: JSON_MIME,
        })),
        ...(next ? { nextCursor: next } : {}),
      };
    },
    async read(uri, { team_id = '' }, ctx) {
      let id: string;
      try {
        id = decodeURIComponent(team_id);
      } catch {
        throw new ToolError(`Invalid team id in the resource URI: ${team_id}`);
      }
      const { states, labels, members, ...team } = await connect(ctx, 'read').team(id);
      return jsonContents(uri, {
        ...team,
        states: [...states.nodes].sort((a, b) => a.position - b.position),
        labels: labels.nodes,
        members: members.nodes,
      });
    },
  };
}
