import { JSON_MIME, jsonContents } from '../../core/contents.js';
import type { ToolContext } from '../../core/context.js';
import { defineServer, type ResourceTemplateDef, type ServerDefinition } from '../../core/definition.js';
import { SERVER_ID, SlackApi, type SlackClientOptions } from './api.js';
import { slackTools } from './tools.js';

/** The scopes requested at login, as guMCP requests them. */
const SCOPES = [
  'channels:history',
  'channels:read',
  'chat:write',
  'chat:write.customize',
  'groups:read',
  'groups:write',
  'groups:history',
  'pins:read',
  'pins:write',
  'reactions:write',
  'files:read',
  'files:write',
  'im:read',
  'channels:manage',
  'users:read',
];

/** Messages shown when a channel is read as a resource. */
const RESOURCE_MESSAGES = 50;

/** `slack://channel/{channel_id}`: every channel the app can see, read as its recent messages. */
function channelResource(open: (ctx: ToolContext) => SlackApi): ResourceTemplateDef {
  return {
    uriTemplate: 'slack://channel/{channel_id}',
    name: 'channel',
    title: 'Slack channel',
    description: 'The most recent messages of a channel, oldest first, as JSON',
    mimeType: JSON_MIME,
    async list(ctx, cursor) {
      const { channels, next } = await open(ctx).channelsPage(cursor);
      const resources = channels.map((c) => ({
        uri: `slack://channel/${c.id}`,
        name: `#${c.name ?? c.id}`,
        description: `${c.is_private ? 'Private' : 'Public'} Slack channel #${c.name ?? c.id}`,
        mimeType: JSON_MIME,
      }));
      return next ? { resources, nextCursor: next } : { resources };
    },
    async read(uri, { channel_id = '' }, ctx) {
      const { messages } = await open(ctx).history(channel_id, { limit: RESOURCE_MESSAGES });
      return jsonContents(uri, messages);
    },
  };
}

/**
 * The Slack server. `options` tune the upstream client's timing (tests make it fast); the
 * registry loads the default export, built with Slack's defaults.
 */
export function createSlackServer(options: SlackClientOptions = {}): ServerDefinition {
  const open = (ctx: ToolContext) => new SlackApi(ctx, options);
  return defineServer({
    id: SERVER_ID,
    name: 'Slack',
    description: 'Read and send Slack messages, manage channels, pins, reactions and members.',
    instructions:
      'Channels can be named by ID (C0123ABCD) or by name (#general); users by ID, email address or user name. ' +
      'Message timestamps (ts) identify messages: use the ts a read tool returned.',
    auth: {
      kind: 'oauth2',
      provider: {
        service: 'slack',
        authorizeUrl: 'https://slack.com/oauth/v2/authorize',
        tokenUrl: 'https://slack.com/api/oauth.v2.access',
        scopeSeparator: ',',
        tokenEndpointAuth: 'client_secret_post',
        // oauth.v2.access also names the workspace, the installing user and the bot user: worth keeping.
        keepTokenFields: [
          'team',
          'enterprise',
          'authed_user',
          'bot_user_id',
          'app_id',
          'is_enterprise_install',
        ],
      },
      scopes: SCOPES,
    },
    tools: slackTools(open),
    resources: [channelResource(open)],
  });
}

export default createSlackServer();
