import { z } from 'zod';
import { adds, reads } from '../../core/annotations.js';
import { tool } from '../../core/definition.js';
import { ToolError } from '../../core/errors.js';
import { createChannel, createTeam, getTeam, joinedTeams, listChannels } from './api.js';
import { teamId } from './fields.js';
import { teamFilter } from './filter.js';
import { channel, summarizeChannel, summarizeTeam, team } from './shapes.js';

/** The team fields joinedTeams fills in, which `select` may name. */
const SELECTABLE = ['id', 'displayName', 'description', 'isArchived', 'tenantId'] as const;

function selection(select: string | undefined): Set<string> | undefined {
  if (!select) return undefined;
  const fields = select
    .split(',')
    .map((f) => f.trim())
    .filter(Boolean);
  const unknown = fields.filter((f) => !(SELECTABLE as readonly string[]).includes(f));
  if (unknown.length) {
    throw new ToolError(
      `select: ${unknown.join(', ')} ${unknown.length > 1 ? 'are' : 'is'} not among the fields Teams gives for joined teams (${SELECTABLE.join(', ')})`,
    );
  }
  return new Set(['id', ...fields]);
}

export const teamTools = {
  create_team: tool({
    description:
      'Create a Microsoft Teams team (standard template, the user as owner) and wait until Teams has made it.',
    input: z.object({
      name: z.string().min(1).max(256).describe('Display name of the team'),
      description: z.string().max(1024).optional().describe('Description of the team'),
    }),
    output: z.object({
      id: z.string(),
      displayName: z.string(),
      description: z.string().optional(),
      status: z.literal('created'),
    }),
    annotations: { title: 'Create team', ...adds },
    scopes: ['Team.Create'],
    async handler({ name, description }, ctx) {
      const made = await createTeam(ctx, { displayName: name, ...(description ? { description } : {}) });
      return {
        id: made.id,
        displayName: name,
        ...(description ? { description } : {}),
        status: 'created' as const,
      };
    },
  }),

  get_teams: tool({
    description: 'List the teams the user is a member of.',
    input: z.object({
      filter: z
        .string()
        .min(1)
        .optional()
        .describe(
          "Narrows the list: displayName eq 'X', startswith(displayName,'X'), contains(description,'X'), isArchived eq false (joined by and), or plain text found in the name or description",
        ),
      select: z
        .string()
        .min(1)
        .optional()
        .describe(`Comma-separated fields to return, among ${SELECTABLE.join(', ')} (id is always returned)`),
    }),
    output: z.object({ count: z.number().int(), teams: z.array(team) }),
    annotations: { title: 'Get teams', ...reads },
    scopes: ['Team.ReadBasic.All'],
    async handler({ filter, select }, ctx) {
      const keep = selection(select);
      const matches = filter ? teamFilter(filter) : () => true;
      const teams = (await joinedTeams(ctx))
        .filter(matches)
        .map(summarizeTeam)
        .map((t) => (keep ? Object.fromEntries(Object.entries(t).filter(([k]) => keep.has(k))) : t));
      return { count: teams.length, teams: teams as z.input<typeof team>[] };
    },
  }),

  get_team_details: tool({
    description: 'Get a team’s details: description, visibility, web link, settings and member counts.',
    input: z.object({ team_id: teamId }),
    output: team,
    annotations: { title: 'Get team details', ...reads },
    scopes: ['Team.ReadBasic.All'],
    handler: async ({ team_id }, ctx) => summarizeTeam(await getTeam(ctx, team_id)),
  }),

  get_team_channels: tool({
    description: 'List the channels of a team that the user can see.',
    input: z.object({ team_id: teamId }),
    output: z.object({ teamId: z.string(), count: z.number().int(), channels: z.array(channel) }),
    annotations: { title: 'Get team channels', ...reads },
    scopes: ['ChannelSettings.ReadWrite.All'],
    async handler({ team_id }, ctx) {
      const channels = (await listChannels(ctx, team_id)).map(summarizeChannel);
      return { teamId: team_id, count: channels.length, channels };
    },
  }),

  create_team_channel: tool({
    description: 'Create a channel in a team: standard (everyone in the team), private or shared.',
    input: z.object({
      team_id: teamId,
      display_name: z.string().min(1).max(50).describe('Channel name (at most 50 characters)'),
      description: z.string().max(1024).optional().describe('Channel description'),
      membership_type: z
        .enum(['standard', 'private', 'shared'])
        .default('standard')
        .describe('standard (default, visible to the whole team), private or shared'),
    }),
    output: channel,
    annotations: { title: 'Create channel', ...adds },
    scopes: ['Channel.Create'],
    async handler(args, ctx) {
      const made = await createChannel(ctx, args.team_id, {
        displayName: args.display_name,
        ...(args.description ? { description: args.description } : {}),
        membershipType: args.membership_type,
      });
      return summarizeChannel(made);
    },
  }),
};
