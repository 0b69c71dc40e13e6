import { z } from 'zod';
import type { ZdAudit, ZdTicket, ZdView } from './api.js';

/** What the tools and resources return: the fields of Zendesk's objects a caller acts on. */

export const ticketSchema = z.object({
  id: z.number(),
  subject: z.string().nullable(),
  description: z.string().nullable().describe('The first comment of the ticket'),
  status: z.string().nullable().describe('new, open, pending, hold, solved or closed'),
  priority: z.string().nullable().describe('urgent, high, normal or low'),
  type: z.string().nullable().describe('problem, incident, question or task'),
  tags: z.array(z.string()),
  requester_id: z.number().nullable(),
  assignee_id: z.number().nullable(),
  group_id: z.number().nullable(),
  created_at: z.string().nullable(),
  updated_at: z.string().nullable(),
  url: z.string().nullable().describe('The ticket in the agent interface'),
});

/** The agent-interface address of a ticket, from the API address Zendesk gives it. */
function agentUrl(t: ZdTicket): string | null {
  if (!t.url) return null;
  try {
    return `${new URL(t.url).origin}/agent/tickets/${t.id}`;
  } catch {
    return null;
  }
}

export const toTicket = (t: ZdTicket): z.input<typeof ticketSchema> => ({
  id: t.id,
  subject: t.subject ?? t.raw_subject ?? null,
  description: t.description ?? null,
  status: t.status ?? null,
  priority: t.priority ?? null,
  type: t.type ?? null,
  tags: t.tags ?? [],
  requester_id: t.requester_id ?? null,
  assignee_id: t.assignee_id ?? null,
  group_id: t.group_id ?? null,
  created_at: t.created_at ?? null,
  updated_at: t.updated_at ?? null,
  url: agentUrl(t),
});

export const commentSchema = z.object({
  id: z.number(),
  body: z.string().nullable(),
  public: z.boolean().describe('false for an internal note'),
  author_id: z.number().nullable(),
  created_at: z.string().nullable(),
});

/** The comment an update added, from the audit Zendesk answers with (its `Comment` event). */
export function addedComment(audit: ZdAudit | undefined): z.input<typeof commentSchema> | null {
  const event = audit?.events?.find((e) => e.type === 'Comment');
  if (!event) return null;
  return {
    id: event.id,
    body: event.plain_body ?? event.body ?? null,
    public: event.public ?? true,
    author_id: event.author_id ?? audit?.author_id ?? null,
    created_at: audit?.created_at ?? null,
  };
}

export const toView = (v: ZdView) => ({
  id: v.id,
  title: v.title,
  description: v.description ?? null,
  active: v.active ?? true,
  updated_at: v.updated_at ?? null,
});
