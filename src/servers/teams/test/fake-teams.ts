import type { TestContext } from 'node:test';
import { GRAPH_PATH, startGraphFake } from '../../../providers/microsoft/test/graph-fake.js';
import type { FakeService } from '../../../testing/fake-service.js';
import type { Channel, Chat, ChatMessage, ConversationMember, Team } from '../api.js';

/**
 * Graph's Teams resources as its v1.0 reference shows them (team, channel, chat, chatMessage,
 * aadUserConversationMember, onlineMeeting), for a fake Graph the tests route by hand.
 */

export const V1 = GRAPH_PATH;
export const TEAM = '172b0cce-e65d-44ce-9a49-91d9f2e8493a';
export const CHANNEL = '19:4a95f7d8db4c4e7fae857bcebe0623e6@thread.tacv2';
export const CHAT = '19:2da4c29f6d7041eca70b638b43d45437@thread.v2';
export const WORK_TENANT = 'dcd219dd-bc68-4b9b-bf0b-4a33a796be35';

/** An access token shaped like Microsoft's (a JWT; only its claims matter here). */
export function accessToken(tid: string | undefined, label = 'sig'): string {
  const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `${part({ typ: 'JWT', alg: 'RS256' })}.${part({ aud: 'https://graph.microsoft.com', ...(tid ? { tid } : {}) })}.${label}`;
}
export const workToken = (label = 'sig') => accessToken(WORK_TENANT, label);

export const startTeamsFake = (t: TestContext): Promise<FakeService> => startGraphFake(t, 'teams');

/** A team as joinedTeams returns it: every property present, only five of them filled. */
export function joinedTeam(
  id: string,
  displayName: string,
  extra: Partial<Team> = {},
): Record<string, unknown> {
  return {
    id,
    createdDateTime: null,
    displayName,
    description: `About ${displayName}`,
    internalId: null,
    classification: null,
    specialization: null,
    visibility: null,
    webUrl: null,
    isArchived: false,
    tenantId: WORK_TENANT,
    memberSettings: null,
    guestSettings: null,
    messagingSettings: null,
    funSettings: null,
    summary: null,
    ...extra,
  };
}

export function channel(c: Partial<Channel> & { id: string }): Channel & Record<string, unknown> {
  return {
    createdDateTime: '2025-05-20T09:00:00Z',
    displayName: 'General',
    description: null,
    isFavoriteByDefault: null,
    email: '',
    tenantId: WORK_TENANT,
    webUrl: `https://teams.microsoft.com/l/channel/${encodeURIComponent(c.id)}/General?groupId=${TEAM}`,
    membershipType: 'standard',
    ...c,
  };
}

export function chatMessage(m: Partial<ChatMessage> & { id: string }): ChatMessage & Record<string, unknown> {
  return {
    replyToId: null,
    etag: m.id,
    messageType: 'message',
    createdDateTime: '2025-06-01T10:00:00.000Z',
    lastModifiedDateTime: '2025-06-01T10:00:00.000Z',
    lastEditedDateTime: null,
    deletedDateTime: null,
    subject: null,
    summary: null,
    importance: 'normal',
    locale: 'en-us',
    webUrl: null,
    policyViolation: null,
    eventDetail: null,
    from: {
      application: null,
      device: null,
      user: {
        id: '8ea0e38b-efb3-4757-924a-5f94061cf8c2',
        displayName: 'Robin Kline',
        userIdentityType: 'aadUser',
      },
    },
    body: { contentType: 'text', content: `Message ${m.id}` },
    attachments: [],
    mentions: [],
    reactions: [],
    messageHistory: [],
    ...m,
  };
}

export function member(
  m: Partial<ConversationMember> & { id: string; userId: string },
): ConversationMember & Record<string, unknown> {
  return {
    '@odata.type': '#microsoft.graph.aadUserConversationMember',
    roles: [],
    displayName: 'Adele Vance',
    visibleHistoryStartDateTime: '0001-01-01T00:00:00Z',
    email: 'AdeleV@contoso.com',
    tenantId: WORK_TENANT,
    ...m,
  };
}

export function chat(c: Partial<Chat> & { id: string }): Chat & Record<string, unknown> {
  return {
    topic: null,
    createdDateTime: '2025-05-01T08:00:00Z',
    lastUpdatedDateTime: '2025-06-01T10:00:00Z',
    chatType: 'oneOnOne',
    webUrl: `https://teams.microsoft.com/l/chat/${encodeURIComponent(c.id)}/0?tenantId=${WORK_TENANT}`,
    tenantId: WORK_TENANT,
    members: [],
    ...c,
  };
}
