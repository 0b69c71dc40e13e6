import type { ToolContext } from '../../core/context.js';
import { AuthRequiredError, ToolError } from '../../core/errors.js';
import { graphApi, graphOrNotFound, graphPages, waitForOperation } from '../../providers/microsoft/graph.js';
import { type UpstreamClient, UpstreamError } from '../../upstream/client.js';
import { accountKind, PERSONAL_ACCOUNT_HINT, WORK_ACCOUNT_ONLY } from './account.js';

/** guMCP's teams scopes, in its order; the ones each tool needs are named on the tool. */
export const SCOPES = [
  'User.Read',
  'offline_access',
  'Team.Create',
  'Team.ReadBasic.All',
  'TeamSettings.ReadWrite.All',
  'Channel.Create',
  'ChannelSettings.ReadWrite.All',
  'ChannelMember.ReadWrite.All',
  'ChannelMessage.Read.All',
  'ChannelMessage.Send',
  'Chat.ReadWrite',
  'Group.Read.All',
  'TeamMember.Read.All',
  'TeamMember.ReadWrite.All',
  'OnlineMeetings.ReadWrite',
] as const;
export type Scope = (typeof SCOPES)[number];

/** Graph v1.0 shapes this server reads (learn.microsoft.com/graph/api/resources/teams-api-overview). */
export interface Team {
  id: string;
  displayName?: string | null;
  description?: string | null;
  isArchived?: boolean | null;
  tenantId?: string | null;
  visibility?: string | null;
  webUrl?: string | null;
  createdDateTime?: string | null;
  classification?: string | null;
  specialization?: string | null;
  internalId?: string | null;
  memberSettings?: Record<string, unknown> | null;
  guestSettings?: Record<string, unknown> | null;
  messagingSettings?: Record<string, unknown> | null;
  funSettings?: Record<string, unknown> | null;
  summary?: { ownersCount?: number; membersCount?: number; guestsCount?: number } | null;
}

export interface Channel {
  id: string;
  displayName?: string;
  description?: string | null;
  membershipType?: string;
  webUrl?: string;
  email?: string;
  createdDateTime?: string;
}

export interface Identity {
  id?: string;
  displayName?: string | null;
  userIdentityType?: string;
}

export interface ChatMessage {
  id: string;
  replyToId?: string | null;
  messageType?: string;
  createdDateTime?: string;
  lastModifiedDateTime?: string;
  deletedDateTime?: string | null;
  subject?: string | null;
  importance?: string;
  webUrl?: string | null;
  from?: { user?: Identity | null; application?: Identity | null; device?: Identity | null } | null;
  body?: { contentType?: string; content?: string };
  attachments?: { id?: string; contentType?: string; contentUrl?: string | null; name?: string | null }[];
}

export interface ConversationMember {
  id: string;
  displayName?: string | null;
  roles?: string[];
  userId?: string | null;
  email?: string | null;
  tenantId?: string | null;
}

export interface Chat {
  id: string;
  topic?: string | null;
  chatType?: string;
  createdDateTime?: string;
  lastUpdatedDateTime?: string;
  webUrl?: string;
  members?: ConversationMember[];
}

export interface OnlineMeeting {
  id: string;
  subject?: string | null;
  startDateTime?: string;
  endDateTime?: string;
  joinWebUrl?: string;
  chatInfo?: { threadId?: string; messageId?: string } | null;
  participants?: { attendees?: { upn?: string; role?: string }[] };
}

export type MessageBody = { contentType: 'html'; content: string };

/** Waits for team creation; tests make them tiny. Creating a team usually takes seconds, at times minutes. */
export const operationTiming = { initialDelayMs: 2000, deadlineMs: 120_000 };

/** Graph's largest page for messages, chats and members. */
const PAGE = 50;
/** Where Graph itself lives: what `@odata.bind` references point to, whatever the base URL. */
const GRAPH = 'https://graph.microsoft.com/v1.0';

const seg = encodeURIComponent;
const channelPath = (teamId: string, channelId: string) => `teams/${seg(teamId)}/channels/${seg(channelId)}`;

/**
 * Runs Graph calls for a tool that needs `scope`. A personal Microsoft account is told at once that
 * Teams needs a work or school one; when the token cannot tell the account's kind, a refusal says so.
 */
async function teams<T>(
  ctx: ToolContext,
  scope: Scope,
  call: (api: UpstreamClient) => Promise<T>,
): Promise<T> {
  const kind = accountKind(String((await ctx.credentials()).access_token ?? ''));
  if (kind === 'personal') throw new ToolError(WORK_ACCOUNT_ONLY);
  try {
    return await call(graphApi(ctx, { serverId: 'teams', service: 'Microsoft Teams', scopes: [scope] }));
  } catch (error) {
    if (kind !== 'unknown') throw error;
    // The errors keep their kind, so the host can still say how to sign in again on its transport.
    if (error instanceof AuthRequiredError) {
      throw new AuthRequiredError(
        'teams',
        `Microsoft Teams rejected the stored token. ${PERSONAL_ACCOUNT_HINT.slice(0, -1)}`,
      );
    }
    if (error instanceof UpstreamError && (error.status === 400 || error.status === 403)) {
      throw new UpstreamError(`${error.message} ${PERSONAL_ACCOUNT_HINT}`, error.status);
    }
    throw error;
  }
}

export const joinedTeams = (ctx: ToolContext): Promise<Team[]> =>
  teams(ctx, 'Team.ReadBasic.All', async (api) => {
    // joinedTeams takes no query options and answers in one page; graphPages still follows a link.
    return (await graphPages<Team>(api, 'me/joinedTeams', {}, 1000, ctx.signal)).items;
  });

export const getTeam = (ctx: ToolContext, teamId: string): Promise<Team> =>
  teams(ctx, 'Team.ReadBasic.All', (api) =>
    graphOrNotFound('Team', teamId, api.get<Team>(`teams/${seg(teamId)}`, undefined, ctx.signal)),
  );

/**
 * Creates a team from the standard template. Graph answers 202 with the operation at `Location`
 * (and the team at `Content-Location`), polled until the team exists.
 */
export const createTeam = (
  ctx: ToolContext,
  body: { displayName: string; description?: string },
): Promise<{ id: string }> =>
  teams(ctx, 'Team.Create', async (api) => {
    const accepted = await api.exchange(
      'teams',
      { method: 'POST', body: { 'template@odata.bind': `${GRAPH}/teamsTemplates('standard')`, ...body } },
      ctx.signal,
    );
    const pending = /teams\('([^']+)'\)/.exec(accepted.headers.get('content-location') ?? '')?.[1];
    try {
      const made = await waitForOperation(api, accepted, {
        what: `the creation of team "${body.displayName}"`,
        signal: ctx.signal,
        progress: ctx.progress,
        ...operationTiming,
      });
      const id = made ?? pending;
      if (!id) throw new ToolError('Microsoft Teams accepted the team but did not say where it is');
      return { id };
    } catch (error) {
      if (error instanceof ToolError && pending) throw new ToolError(`${error.message} (team id ${pending})`);
      throw error;
    }
  });

export const listChannels = (ctx: ToolContext, teamId: string): Promise<Channel[]> =>
  teams(ctx, 'ChannelSettings.ReadWrite.All', async (api) =>
    graphOrNotFound(
      'Team',
      teamId,
      graphPages<Channel>(api, `teams/${seg(teamId)}/channels`, {}, 1000, ctx.signal).then((p) => p.items),
    ),
  );

export const getChannel = (ctx: ToolContext, teamId: string, channelId: string): Promise<Channel> =>
  teams(ctx, 'ChannelSettings.ReadWrite.All', (api) =>
    graphOrNotFound(
      'Channel',
      `${channelId} (team ${teamId})`,
      api.get<Channel>(channelPath(teamId, channelId), undefined, ctx.signal),
    ),
  );

export const createChannel = (
  ctx: ToolContext,
  teamId: string,
  body: { displayName: string; description?: string; membershipType: string },
): Promise<Channel> =>
  teams(ctx, 'Channel.Create', (api) =>
    graphOrNotFound(
      'Team',
      teamId,
      api.request<Channel>(`teams/${seg(teamId)}/channels`, { method: 'POST', body }, ctx.signal),
    ),
  );

export const listChats = (
  ctx: ToolContext,
  filter: string | undefined,
  limit: number,
): Promise<{ items: Chat[]; more: boolean }> =>
  teams(ctx, 'Chat.ReadWrite', (api) =>
    graphPages<Chat>(
      api,
      'me/chats',
      { $expand: 'members', $filter: filter, $top: Math.min(limit, PAGE) },
      limit,
      ctx.signal,
    ),
  );

export const listChatMessages = (
  ctx: ToolContext,
  chatId: string,
  limit: number,
): Promise<{ items: ChatMessage[]; more: boolean }> =>
  teams(ctx, 'Chat.ReadWrite', (api) =>
    graphOrNotFound(
      'Chat',
      chatId,
      graphPages<ChatMessage>(
        api,
        `chats/${seg(chatId)}/messages`,
        { $top: Math.min(limit, PAGE) },
        limit,
        ctx.signal,
      ),
    ),
  );

/** Posting is not idempotent: retried after a 429 only, never after a 5xx or a timeout. */
export const sendChatMessage = (ctx: ToolContext, chatId: string, body: MessageBody): Promise<ChatMessage> =>
  teams(ctx, 'Chat.ReadWrite', (api) =>
    graphOrNotFound(
      'Chat',
      chatId,
      api.request<ChatMessage>(
        `chats/${seg(chatId)}/messages`,
        { method: 'POST', body: { body } },
        ctx.signal,
      ),
    ),
  );

export const listChannelMessages = (
  ctx: ToolContext,
  teamId: string,
  channelId: string,
  limit: number,
): Promise<{ items: ChatMessage[]; more: boolean }> =>
  teams(ctx, 'ChannelMessage.Read.All', (api) =>
    graphOrNotFound(
      'Channel',
      `${channelId} (team ${teamId})`,
      graphPages<ChatMessage>(
        api,
        `${channelPath(teamId, channelId)}/messages`,
        { $top: Math.min(limit, PAGE) },
        limit,
        ctx.signal,
      ),
    ),
  );

export const sendChannelMessage = (
  ctx: ToolContext,
  teamId: string,
  channelId: string,
  body: MessageBody,
): Promise<ChatMessage> =>
  teams(ctx, 'ChannelMessage.Send', (api) =>
    graphOrNotFound(
      'Channel',
      `${channelId} (team ${teamId})`,
      api.request<ChatMessage>(
        `${channelPath(teamId, channelId)}/messages`,
        { method: 'POST', body: { body } },
        ctx.signal,
      ),
    ),
  );

export const replyToMessage = (
  ctx: ToolContext,
  ids: { teamId: string; channelId: string; messageId: string },
  body: MessageBody,
): Promise<ChatMessage> =>
  teams(ctx, 'ChannelMessage.Send', (api) =>
    graphOrNotFound(
      'Message',
      `${ids.messageId} (channel ${ids.channelId}, team ${ids.teamId})`,
      api.request<ChatMessage>(
        `${channelPath(ids.teamId, ids.channelId)}/messages/${seg(ids.messageId)}/replies`,
        { method: 'POST', body: { body } },
        ctx.signal,
      ),
    ),
  );

export const listMembers = (
  ctx: ToolContext,
  teamId: string,
  limit: number,
): Promise<{ items: ConversationMember[]; more: boolean }> =>
  teams(ctx, 'TeamMember.Read.All', (api) =>
    graphOrNotFound(
      'Team',
      teamId,
      graphPages<ConversationMember>(
        api,
        `teams/${seg(teamId)}/members`,
        { $top: Math.min(limit, PAGE) },
        limit,
        ctx.signal,
      ),
    ),
  );

/**
 * Adds a user (by id or user principal name) as a member, or an owner. Adding someone who is already
 * in the team changes nothing, so the request may be repeated.
 */
export const addMember = (
  ctx: ToolContext,
  teamId: string,
  userId: string,
  owner: boolean,
): Promise<ConversationMember> =>
  teams(ctx, 'TeamMember.ReadWrite.All', (api) =>
    graphOrNotFound(
      'Team',
      teamId,
      api.request<ConversationMember>(
        `teams/${seg(teamId)}/members`,
        {
          method: 'POST',
          idempotent: true,
          body: {
            '@odata.type': '#microsoft.graph.aadUserConversationMember',
            roles: owner ? ['owner'] : [],
            'user@odata.bind': `${GRAPH}/users('${userId.replace(/'/g, "''")}')`,
          },
        },
        ctx.signal,
      ),
    ),
  );

export const removeMember = (ctx: ToolContext, teamId: string, membershipId: string): Promise<void> =>
  teams(ctx, 'TeamMember.ReadWrite.All', async (api) => {
    await graphOrNotFound(
      'Team member',
      `${membershipId} (team ${teamId})`,
      api.request(`teams/${seg(teamId)}/members/${seg(membershipId)}`, { method: 'DELETE' }, ctx.signal),
    );
  });

export const createMeeting = (
  ctx: ToolContext,
  body: {
    subject: string;
    startDateTime: string;
    endDateTime: string;
    participants: { attendees: { upn: string; role: 'attendee' }[] };
  },
): Promise<OnlineMeeting> =>
  teams(ctx, 'OnlineMeetings.ReadWrite', (api) =>
    api.request<OnlineMeeting>('me/onlineMeetings', { method: 'POST', body }, ctx.signal),
  );
