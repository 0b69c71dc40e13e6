import { JSON_MIME, jsonContents } from '../../core/contents.js';
import type { ResourceTemplateDef } from '../../core/definition.js';
import { ToolError } from '../../core/errors.js';
import { getChannel, joinedTeams, listChannelMessages, listChannels } from './api.js';
import { summarizeChannel, summarizeMessage } from './shapes.js';

/** Teams whose channels one resources/list page holds (each costs a Graph call). */
export const TEAMS_PER_PAGE = 5;
/** Recent messages shown when a channel is read. */
export const RECENT_MESSAGES = 20;

const PREFIX = 'teams://channel/';

/** Team ids are GUIDs (no underscore), so the first underscore separates the two ids. */
const channelUri = (teamId: string, channelId: string) =>
  `${PREFIX}${encodeURIComponent(teamId)}_${encodeURIComponent(channelId)}`;

function parseUri(uri: string): { teamId: string; channelId: string } {
  const rest = uri.startsWith(PREFIX) ? uri.slice(PREFIX.length) : '';
  const cut = rest.indexOf('_');
  try {
    const teamId = decodeURIComponent(rest.slice(0, cut));
    const channelId = decodeURIComponent(rest.slice(cut + 1));
    if (cut > 0 && channelId) return { teamId, channelId };
  } catch {
    // falls through to the error below
  }
  throw new ToolError(`Invalid channel URI: ${uri}; expected teams://channel/{team_id}_{channel_id}`);
}

/** teams://channel/{team_id}_{channel_id}: the channels of the user's teams; reading one shows its recent messages. */
export const channelResource: ResourceTemplateDef = {
  uriTemplate: 'teams://channel/{team_id}_{channel_id}',
  name: 'channel',
  title: 'Microsoft Teams channel',
  description: 'A channel of one of the user’s teams, with its recent messages as text',
  mimeType: JSON_MIME,

  async list(ctx, cursor) {
    const start = cursor ? Number(cursor) : 0;
    if (!Number.isInteger(start) || start < 0) throw new ToolError('Invalid cursor');
    const teams = await joinedTeams(ctx);
    const page = teams.slice(start, start + TEAMS_PER_PAGE);
    const resources = [];
    for (const team of page) {
      for (const channel of await listChannels(ctx, team.id)) {
        const name = `${team.displayName ?? team.id} / ${channel.displayName ?? channel.id}`;
        resources.push({
          uri: channelUri(team.id, channel.id),
          name,
          description: `${channel.membershipType === 'private' ? 'Private' : 'Team'} channel ${name}`,
          mimeType: JSON_MIME,
        });
      }
    }
    const next = start + TEAMS_PER_PAGE;
    return { resources, ...(next < teams.length ? { nextCursor: String(next) } : {}) };
  },

  async read(uri, _vars, ctx) {
    const { teamId, channelId } = parseUri(uri);
    const channel = await getChannel(ctx, teamId, channelId);
    const recent = await listChannelMessages(ctx, teamId, channelId, RECENT_MESSAGES);
    return jsonContents(uri, {
      teamId,
      channel: summarizeChannel(channel),
      messages: recent.items.map(summarizeMessage),
      more: recent.more,
    });
  },
};
