import { z } from 'zod';
import type {
  IcAdmin,
  IcArticle,
  IcCompany,
  IcContact,
  IcConversation,
  IcPart,
  IcRef,
  IcTicket,
  IcTicketType,
} from './types.js';

/** Intercom's Unix seconds as ISO 8601; null when absent. */
export const iso = (seconds: number | null | undefined): string | null =>
  typeof seconds === 'number' && seconds > 0 ? new Date(seconds * 1000).toISOString() : null;

const text = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
const idText = (v: unknown): string | null =>
  typeof v === 'number' || (typeof v === 'string' && v !== '') ? String(v) : null;
const attributes = z.record(z.string(), z.unknown());

// Contacts

export const contactSchema = z.object({
  id: z.string().describe('Intercom’s id of the contact (contact_id for the other tools)'),
  role: z.string().nullable().describe('user or lead'),
  email: z.string().nullable(),
  name: z.string().nullable(),
  phone: z.string().nullable(),
  external_id: z.string().nullable().describe('Your own id of the contact'),
  created_at: z.string().nullable(),
  last_seen_at: z.string().nullable(),
  custom_attributes: attributes,
});

export const toContact = (c: IcContact): z.input<typeof contactSchema> => ({
  id: c.id,
  role: text(c.role),
  email: text(c.email),
  name: text(c.name),
  phone: text(c.phone),
  external_id: text(c.external_id),
  created_at: iso(c.created_at),
  last_seen_at: iso(c.last_seen_at),
  custom_attributes: c.custom_attributes ?? {},
});

// Companies

export const companySchema = z.object({
  id: z.string().describe('Intercom’s id of the company (company_id for associate_contact_with_company)'),
  company_id: z.string().nullable().describe('Your own id of the company'),
  name: z.string().nullable(),
  website: z.string().nullable(),
  industry: z.string().nullable(),
  size: z.number().nullable(),
  user_count: z.number().nullable(),
  monthly_spend: z.number().nullable(),
  plan: z.string().nullable(),
  created_at: z.string().nullable(),
  tags: z.array(z.string()),
  custom_attributes: attributes,
});

export const toCompany = (c: IcCompany): z.input<typeof companySchema> => ({
  id: c.id,
  company_id: text(c.company_id),
  name: text(c.name),
  website: text(c.website),
  industry: text(c.industry),
  size: c.size ?? null,
  user_count: c.user_count ?? null,
  monthly_spend: c.monthly_spend ?? null,
  plan: text(c.plan?.name),
  created_at: iso(c.created_at),
  tags: (c.tags?.tags ?? []).map((t) => t.name ?? t.id),
  custom_attributes: c.custom_attributes ?? {},
});

// Admins

export const adminSchema = z.object({
  id: z.string().describe('Intercom’s id of the admin (admin_id for the other tools)'),
  name: z.string().nullable(),
  email: z.string().nullable(),
  job_title: z.string().nullable(),
  away_mode_enabled: z.boolean().nullable(),
  has_inbox_seat: z.boolean().nullable(),
  team_ids: z.array(z.number()),
});

export const toAdmin = (a: IcAdmin): z.input<typeof adminSchema> => ({
  id: a.id,
  name: text(a.name),
  email: text(a.email),
  job_title: text(a.job_title),
  away_mode_enabled: a.away_mode_enabled ?? null,
  has_inbox_seat: a.has_inbox_seat ?? null,
  team_ids: a.team_ids ?? [],
});

// Conversations

const authorSchema = z.object({ type: z.string().nullable(), id: z.string(), name: z.string().nullable() });
const toAuthor = (a: IcRef | undefined) =>
  a ? { type: text(a.type), id: String(a.id), name: text(a.name) } : null;

export const partSchema = z.object({
  id: z.string(),
  part_type: z.string().nullable().describe('comment, note, assignment, close, ...'),
  body: z.string().nullable(),
  author: authorSchema.nullable(),
  created_at: z.string().nullable(),
});

export const toPart = (p: IcPart): z.input<typeof partSchema> => ({
  id: p.id,
  part_type: text(p.part_type),
  body: p.body ?? null,
  author: toAuthor(p.author),
  created_at: iso(p.created_at),
});

export const conversationSchema = z.object({
  id: z.string(),
  title: z.string().nullable(),
  state: z.string().nullable().describe('open, closed or snoozed'),
  open: z.boolean().nullable(),
  created_at: z.string().nullable(),
  updated_at: z.string().nullable(),
  admin_assignee_id: z.string().nullable(),
  contact_ids: z.array(z.string()),
  tags: z.array(z.object({ id: z.string(), name: z.string().nullable() })),
  source: z
    .object({
      delivered_as: z.string().nullable(),
      subject: z.string().nullable(),
      body: z.string().nullable(),
      author: authorSchema.nullable(),
    })
    .nullable()
    .describe('The message that started the conversation'),
});

export const toConversation = (c: IcConversation): z.input<typeof conversationSchema> => ({
  id: c.id,
  title: text(c.title),
  state: text(c.state),
  open: c.open ?? null,
  created_at: iso(c.created_at),
  updated_at: iso(c.updated_at),
  admin_assignee_id: idText(c.admin_assignee_id),
  contact_ids: (c.contacts?.contacts ?? []).map((x) => x.id),
  tags: (c.tags?.tags ?? []).map((t) => ({ id: t.id, name: text(t.name) })),
  source: c.source
    ? {
        delivered_as: text(c.source.delivered_as),
        subject: text(c.source.subject),
        body: c.source.body ?? null,
        author: toAuthor(c.source.author),
      }
    : null,
});

// Articles

export const articleSchema = z.object({
  id: z.string(),
  title: z.string().nullable(),
  description: z.string().nullable(),
  state: z.string().nullable().describe('published or draft'),
  url: z.string().nullable(),
  author_id: z.string().nullable(),
  collection_ids: z.array(z.string()).describe('The collections or sections the article is in'),
  created_at: z.string().nullable(),
  updated_at: z.string().nullable(),
});

/** The parents of an article: 2.16 lists `parent_ids`; older answers had one `parent_id`. */
export const parentsOf = (a: IcArticle): string[] =>
  (a.parent_ids ?? (a.parent_id ? [a.parent_id] : [])).map(String);

export const toArticle = (a: IcArticle): z.input<typeof articleSchema> => ({
  id: a.id,
  title: text(a.title),
  description: text(a.description),
  state: text(a.state),
  url: text(a.url),
  author_id: idText(a.author_id),
  collection_ids: parentsOf(a),
  created_at: iso(a.created_at),
  updated_at: iso(a.updated_at),
});

export const fullArticleSchema = articleSchema.extend({
  body: z.string().nullable().describe('The article in HTML'),
});

export const toFullArticle = (a: IcArticle): z.input<typeof fullArticleSchema> => ({
  ...toArticle(a),
  body: a.body ?? null,
});

// Tickets

const stateSchema = z.object({
  id: z.string(),
  category: z.string().nullable().describe('submitted, in_progress, waiting_on_customer or resolved'),
  label: z.string().nullable(),
});

export const ticketSchema = z.object({
  id: z.string().describe('Intercom’s id of the ticket (ticket_id for the other tools)'),
  ticket_number: z.string().nullable().describe('The number the Inbox and Messenger show (not for the API)'),
  title: z.string().nullable(),
  description: z.string().nullable(),
  category: z.string().nullable().describe('Customer, Back-office or Tracker'),
  state: stateSchema.nullable(),
  ticket_type: z.object({ id: z.string(), name: z.string().nullable() }).nullable(),
  open: z.boolean().nullable(),
  is_shared: z.boolean().nullable(),
  contact_ids: z.array(z.string()),
  admin_assignee_id: z.string().nullable(),
  team_assignee_id: z.string().nullable(),
  created_at: z.string().nullable(),
  updated_at: z.string().nullable(),
  attributes: attributes.describe(
    'All ticket attributes (title and description are _default_title_ and _default_description_)',
  ),
});

/** An assignee of 0 (or "0") means none. */
const assignee = (v: unknown) => {
  const id = idText(v);
  return id === '0' ? null : id;
};

export const toTicket = (t: IcTicket): z.input<typeof ticketSchema> => {
  const attrs = t.ticket_attributes ?? {};
  return {
    id: t.id,
    ticket_number: text(t.ticket_id),
    title: text(attrs._default_title_),
    description: text(attrs._default_description_),
    category: text(t.category),
    state: t.ticket_state
      ? {
          id: t.ticket_state.id,
          category: text(t.ticket_state.category),
          label: text(t.ticket_state.internal_label),
        }
      : null,
    ticket_type: t.ticket_type ? { id: t.ticket_type.id, name: text(t.ticket_type.name) } : null,
    open: t.open ?? null,
    is_shared: t.is_shared ?? null,
    contact_ids: (t.contacts?.contacts ?? []).map((c) => c.id),
    admin_assignee_id: assignee(t.admin_assignee_id),
    team_assignee_id: assignee(t.team_assignee_id),
    created_at: iso(t.created_at),
    updated_at: iso(t.updated_at),
    attributes: attrs,
  };
};

export const ticketTypeSchema = z.object({
  id: z.string().describe('ticket_type_id for create_ticket'),
  name: z.string().nullable(),
  description: z.string().nullable(),
  category: z.string().nullable(),
  archived: z.boolean().nullable(),
  states: z.array(stateSchema.extend({ external_label: z.string().nullable() })),
  attributes: z.array(
    z.object({
      name: z.string().nullable(),
      data_type: z.string().nullable(),
      required_to_create: z.boolean(),
    }),
  ),
});

export const toTicketType = (t: IcTicketType): z.input<typeof ticketTypeSchema> => ({
  id: t.id,
  name: text(t.name),
  description: text(t.description),
  category: text(t.category),
  archived: t.archived ?? null,
  states: (t.ticket_states?.data ?? []).map((s) => ({
    id: s.id,
    category: text(s.category),
    label: text(s.internal_label),
    external_label: text(s.external_label),
  })),
  attributes: (t.ticket_type_attributes?.data ?? [])
    .filter((a) => !a.archived)
    .map((a) => ({
      name: text(a.name),
      data_type: text(a.data_type),
      required_to_create: a.required_to_create ?? false,
    })),
});
