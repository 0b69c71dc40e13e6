import { z } from 'zod';
import type { Channel, Chat, ChatMessage, ConversationMember, Team } from './api.js';
import { htmlToText } from './html.js';

/**
 * What the tools return: Graph's own field names (as guMCP returned Graph's objects, and as `select`
 * names them), trimmed to what a model can use, with message bodies as text.
 */

/** Longest message text returned, so one long post cannot flood a reply. */
export const MAX_MESSAGE_CHARS = 4000;

const settings = z.record(z.string(), z.unknown());

/** An object without its undefined fields, as it reads once sent as JSON. */
export function defined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

export const team = z.object({
  id: z.string(),
  displayName: z.string().optional(),
  description: z.string().optional(),
  isArchived: z.boolean().optional(),
  tenantId: z.string().optional(),
  visibility: z.string().optional(),
  webUrl: z.string().optional(),
  createdDateTime: z.string().optional(),
  classification: z.string().optional(),
  specialization: z.string().optional(),
  memberSettings: settings.optional(),
  guestSettings: settings.optional(),
  messagingSettings: settings.optional(),
  funSettings: settings.optional(),
  summary: z
    .object({
      ownersCount: z.number().optional(),
      membersCount: z.number().optional(),
      guestsCount: z.number().optional(),
    })
    .optional(),
});
export type TeamOut = z.input<typeof team>;

/** A team without Graph's nulls (joinedTeams returns every property, null where it has no value). */
export function summarizeTeam(t: Team): TeamOut {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(team.shape)) {
    const value = (t as unknown as Record<string, unknown>)[key];
    if (value !== null && value !== undefined) out[key] = value;
  }
  return out as TeamOut;
}

export const channel = z.object({
  id: z.string(),
  displayName: z.string().optional(),
  description: z.string().optional(),
  membershipType: z.string().optional().describe('standard, private or shared'),
  webUrl: z.string().optional(),
  email: z.string().optional(),
  createdDateTime: z.string().optional(),
});

export const summarizeChannel = (c: Channel): z.input<typeof channel> =>
  defined({
    id: c.id,
    displayName: c.displayName,
    description: c.description ?? undefined,
    membershipType: c.membershipType,
    webUrl: c.webUrl,
    email: c.email || undefined,
    createdDateTime: c.createdDateTime,
  });

export const member = z.object({
  id: z.string().describe('The membership id (not the user id)'),
  userId: z.string().optional(),
  displayName: z.string().optional(),
  email: z.string().optional(),
  roles: z.array(z.string()).describe('["owner"], ["guest"], or [] for a member'),
});

export const summarizeMember = (m: ConversationMember): z.input<typeof member> =>
  defined({
    id: m.id,
    userId: m.userId ?? undefined,
    displayName: m.displayName ?? undefined,
    email: m.email ?? undefined,
    roles: m.roles ?? [],
  });

export const message = z.object({
  id: z.string(),
  createdDateTime: z.string().optional(),
  from: z.string().describe('Who posted it: a user, an app, or "system"'),
  text: z.string().describe(`The body as text, at most ${MAX_MESSAGE_CHARS} characters`),
  truncated: z.boolean().optional(),
  messageType: z.string().optional(),
  subject: z.string().optional(),
  replyToId: z.string().optional(),
  importance: z.string().optional(),
  deleted: z.boolean().optional(),
  webUrl: z.string().optional(),
  attachments: z
    .array(
      z.object({
        name: z.string().optional(),
        contentType: z.string().optional(),
        url: z.string().optional(),
      }),
    )
    .optional(),
});

export function summarizeMessage(m: ChatMessage): z.input<typeof message> {
  const raw = m.body?.content ?? '';
  const full = m.body?.contentType?.toLowerCase() === 'html' ? htmlToText(raw) : raw.trim();
  const from = m.from?.user?.displayName ?? m.from?.application?.displayName ?? m.from?.device?.displayName;
  const attachments = (m.attachments ?? []).map((a) =>
    defined({ name: a.name ?? undefined, contentType: a.contentType, url: a.contentUrl ?? undefined }),
  );
  return defined({
    id: m.id,
    createdDateTime: m.createdDateTime,
    from: from ?? (m.from ? 'unknown' : 'system'),
    text: full.slice(0, MAX_MESSAGE_CHARS),
    ...(full.length > MAX_MESSAGE_CHARS ? { truncated: true } : {}),
    messageType: m.messageType,
    subject: m.subject || undefined,
    replyToId: m.replyToId ?? undefined,
    importance: m.importance,
    ...(m.deletedDateTime ? { deleted: true } : {}),
    webUrl: m.webUrl ?? undefined,
    ...(attachments.length ? { attachments } : {}),
  });
}

export const chat = z.object({
  id: z.string(),
  topic: z.string().optional(),
  chatType: z.string().optional().describe('oneOnOne, group or meeting'),
  createdDateTime: z.string().optional(),
  lastUpdatedDateTime: z.string().optional(),
  webUrl: z.string().optional(),
  members: z.array(z.string()).describe('Members, as "Name <email>"'),
});

export const summarizeChat = (c: Chat): z.input<typeof chat> =>
  defined({
    id: c.id,
    topic: c.topic ?? undefined,
    chatType: c.chatType,
    createdDateTime: c.createdDateTime,
    lastUpdatedDateTime: c.lastUpdatedDateTime,
    webUrl: c.webUrl,
    members: (c.members ?? []).map((m) =>
      m.email && m.displayName
        ? `${m.displayName} <${m.email}>`
        : (m.displayName ?? m.email ?? m.userId ?? m.id),
    ),
  });
