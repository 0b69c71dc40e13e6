/**
 * Bodies in the shapes of Intercom's OpenAPI description (github.com/intercom/Intercom-OpenAPI,
 * descriptions/2.16/api.intercom.io.yaml), after its examples: admin_with_app (/me), contact, contact_list,
 * company, company_list, admin_list, message, conversation, tag, article, article_list, ticket,
 * ticket_list, ticket_reply, ticket_type_list, conversation_list, and the error.list error body.
 */

export const CONTACT = '6762f0dd1bb69f9f2193bb83';
export const CONTACT_2 = '6762f1571bb69f9f2193bbbb';
export const COMPANY = '6762f09a1bb69f9f2193bb34';
export const ADMIN = '991267459';
export const ADMIN_2 = '991267694';

const emptyList = (url: string) => ({ type: 'list', data: [], url, total_count: 0, has_more: false });

export function me(region = 'US', id = ADMIN) {
  return {
    type: 'admin',
    id,
    email: 'ada@example.com',
    name: 'Ada Admin',
    email_verified: true,
    app: {
      type: 'app',
      id_code: 'tx2p130c',
      name: 'Acme Support',
      created_at: 1734537243,
      secure: false,
      identity_verification: false,
      timezone: 'Europe/Dublin',
      region,
    },
    avatar: {
      type: 'avatar',
      image_url: 'https://static.intercomassets.com/assets/default-avatars/admins/128.png',
    },
    has_inbox_seat: true,
  };
}

export function contact(id = CONTACT, over: Record<string, unknown> = {}) {
  return {
    type: 'contact',
    id,
    workspace_id: 'tx2p130c',
    external_id: null,
    role: 'user',
    email: 'joe@bloggs.com',
    phone: null,
    name: 'Joe Bloggs',
    avatar: null,
    owner_id: null,
    social_profiles: { type: 'list', data: [] },
    has_hard_bounced: false,
    marked_email_as_spam: false,
    unsubscribed_from_emails: false,
    created_at: 1734537437,
    updated_at: 1734537437,
    signed_up_at: null,
    last_seen_at: 1734540000,
    last_replied_at: null,
    last_contacted_at: null,
    last_email_opened_at: null,
    last_email_clicked_at: null,
    language_override: null,
    browser: null,
    browser_version: null,
    browser_language: null,
    os: null,
    location: {
      type: 'location',
      country: null,
      region: null,
      city: null,
      country_code: null,
      continent_code: null,
    },
    custom_attributes: { plan: 'pro' },
    tags: emptyList(`/contacts/${id}/tags`),
    notes: emptyList(`/contacts/${id}/notes`),
    companies: emptyList(`/contacts/${id}/companies`),
    ...over,
  };
}

/** A cursor list page (`contact_list`, search results): `pages.next.starting_after` when more follow. */
export const contactList = (data: unknown[], next?: string, total = data.length) => ({
  type: 'list',
  data,
  total_count: total,
  pages: {
    type: 'pages',
    page: 1,
    per_page: 50,
    total_pages: next ? 2 : 1,
    ...(next ? { next: { per_page: 50, starting_after: next } } : {}),
  },
});

export function company(id = COMPANY, over: Record<string, unknown> = {}) {
  return {
    type: 'company',
    company_id: 'acme-001',
    id,
    app_id: 'tx2p130c',
    name: 'Acme Corp',
    remote_created_at: 1734537370,
    created_at: 1734537370,
    updated_at: 1734537370,
    monthly_spend: 0,
    session_count: 0,
    user_count: 1,
    size: 120,
    website: 'https://acme.example',
    industry: 'Manufacturing',
    tags: { type: 'tag.list', tags: [] },
    segments: { type: 'segment.list', segments: [] },
    plan: {},
    custom_attributes: {},
    ...over,
  };
}

/** A page-numbered list (`company_list`, `article_list`). */
export const pagedList = (data: unknown[], page: number, totalPages: number, total = data.length) => ({
  type: 'list',
  data,
  total_count: total,
  pages: { type: 'pages', next: null, page, per_page: 50, total_pages: totalPages },
});

export const admin = (id: string, name: string) => ({
  type: 'admin',
  id,
  name,
  email: `${name.split(' ')[0]?.toLowerCase()}@example.com`,
  away_mode_enabled: false,
  away_mode_reassign: false,
  has_inbox_seat: true,
  team_ids: [814865],
});

export const userMessage = (conversationId: string) => ({
  type: 'user_message',
  id: '403918330',
  created_at: 1734537501,
  body: 'Hello there',
  message_type: 'inapp',
  conversation_id: conversationId,
});

export const adminMessage = (conversationId?: string) => ({
  type: 'admin_message',
  id: '19',
  created_at: 1734537786,
  subject: '',
  body: 'Hello there',
  message_type: 'inapp',
  ...(conversationId ? { conversation_id: conversationId } : {}),
});

export const tag = (id: string, name: string) => ({
  type: 'tag',
  id,
  name,
  applied_at: 1663597223,
  applied_by: { type: 'admin', id: ADMIN },
});

export function part(
  id: string,
  body: string,
  author: { type: string; id: string; name: string },
  partType = 'comment',
) {
  return {
    type: 'conversation_part',
    id,
    part_type: partType,
    body,
    created_at: 1734537561,
    updated_at: 1734537561,
    notified_at: 1734537561,
    assigned_to: null,
    author: { ...author, email: `${author.name.split(' ')[0]?.toLowerCase()}@example.com` },
    attachments: [],
    external_id: null,
    redacted: false,
    metadata: {},
    email_message_metadata: null,
    app_package_code: null,
  };
}

export function conversation(id: string, parts: unknown[] = [], over: Record<string, unknown> = {}) {
  return {
    type: 'conversation',
    id,
    created_at: 1734537559,
    updated_at: 1734537561,
    waiting_since: null,
    snoozed_until: null,
    source: {
      type: 'conversation',
      id: '403918349',
      delivered_as: 'customer_initiated',
      subject: '',
      body: '<p>My order has not arrived</p>',
      author: { type: 'user', id: CONTACT, name: 'Joe Bloggs', email: 'joe@bloggs.com' },
      attachments: [],
      url: null,
      redacted: false,
    },
    contacts: { type: 'contact.list', contacts: [{ type: 'contact', id: CONTACT, external_id: '70' }] },
    first_contact_reply: null,
    admin_assignee_id: 991267715,
    team_assignee_id: 5017691,
    open: true,
    state: 'open',
    read: false,
    tags: { type: 'tag.list', tags: [{ type: 'tag', id: '86', name: 'Shipping' }] },
    priority: 'none',
    sla_applied: null,
    statistics: null,
    conversation_rating: null,
    teammates: null,
    title: null,
    custom_attributes: {},
    topics: {},
    ticket: null,
    linked_objects: { type: 'list', data: [], total_count: 0, has_more: false },
    ai_agent: null,
    ai_agent_participated: false,
    conversation_parts: {
      type: 'conversation_part.list',
      conversation_parts: parts,
      total_count: parts.length,
    },
    ...over,
  };
}

export function article(id: string, over: Record<string, unknown> = {}) {
  return {
    id,
    type: 'article',
    workspace_id: 'tx2p130c',
    parent_ids: [],
    title: `Article ${id}`,
    description: 'How it works',
    body: '<p>Step one.</p>',
    author_id: Number(ADMIN),
    state: 'published',
    created_at: 1734537283,
    updated_at: 1734537283,
    url: `http://help-center.test/acme/en/articles/${id}`,
    tags: { type: 'tag.list', tags: [] },
    ...over,
  };
}

const ticketTypeRef = (id: string, name: string) => ({
  type: 'ticket_type',
  id,
  name,
  description: 'Customer reported bugs',
  icon: '🐞',
  workspace_id: 'tx2p130c',
  archived: false,
  created_at: 1734537973,
  updated_at: 1734537973,
  is_internal: false,
  category: 'Customer',
});

export const ticketState = (id: string, category: string, label: string) => ({
  type: 'ticket_state',
  id,
  category,
  internal_label: label,
  external_label: label,
});

export function ticket(id: string, over: Record<string, unknown> = {}) {
  return {
    type: 'ticket',
    id,
    ticket_id: '38',
    category: 'Customer',
    ticket_attributes: { _default_title_: 'Checkout fails', _default_description_: 'Card declined twice' },
    ticket_state: ticketState('8481', 'submitted', 'Submitted'),
    ticket_type: ticketTypeRef('67', 'Bug Report'),
    contacts: { type: 'contact.list', contacts: [{ type: 'contact', id: CONTACT, external_id: '70' }] },
    admin_assignee_id: 0,
    team_assignee_id: 0,
    created_at: 1734537974,
    updated_at: 1734537976,
    open: true,
    linked_objects: { type: 'list', data: [], total_count: 0, has_more: false },
    ticket_parts: {
      type: 'ticket_part.list',
      ticket_parts: [
        {
          type: 'ticket_part',
          id: '185',
          part_type: 'ticket_state_updated_by_admin',
          previous_ticket_state: 'submitted',
          ticket_state: 'submitted',
          created_at: 1734537975,
          updated_at: 1734537975,
          author: { id: ADMIN, type: 'admin', name: 'Ada Admin', email: 'ada@example.com' },
          attachments: [],
          redacted: false,
          app_package_code: 'test-integration',
        },
      ],
      total_count: 1,
    },
    is_shared: false,
    ...over,
  };
}

export const ticketList = (tickets: unknown[], next?: string, total = tickets.length) => ({
  type: 'ticket.list',
  pages: {
    type: 'pages',
    page: 1,
    per_page: 20,
    total_pages: next ? 2 : 1,
    ...(next ? { next: { per_page: 20, starting_after: next } } : {}),
  },
  total_count: total,
  tickets,
});

export function ticketType(id: string, name: string) {
  return {
    ...ticketTypeRef(id, name),
    ticket_states: {
      type: 'list',
      data: [
        ticketState('8321', 'submitted', 'Submitted'),
        ticketState('8322', 'in_progress', 'In progress'),
        ticketState('8323', 'waiting_on_customer', 'Waiting on customer'),
        ticketState('8324', 'resolved', 'Resolved'),
      ],
    },
    ticket_type_attributes: {
      type: 'list',
      data: [
        {
          type: 'ticket_type_attribute',
          id: '165',
          workspace_id: 'tx2p130c',
          name: '_default_title_',
          description: '',
          data_type: 'string',
          input_options: { multiline: false },
          order: 0,
          required_to_create: false,
          required_to_create_for_contacts: false,
          visible_on_create: true,
          visible_to_contacts: true,
          default: true,
          ticket_type_id: Number(id),
          archived: false,
          created_at: 1734537866,
          updated_at: 1734537866,
        },
      ],
    },
  };
}

export const ticketReply = (id: string, body: string, partType = 'note') => ({
  type: 'ticket_part',
  id,
  part_type: partType,
  body,
  created_at: 1734537884,
  updated_at: 1734537884,
  author: { id: ADMIN, type: 'admin', name: 'Ada Admin', email: 'ada@example.com' },
  attachments: [],
  redacted: false,
});

export const conversationList = (conversations: unknown[], next?: string) => ({
  type: 'conversation.list',
  pages: {
    type: 'pages',
    page: 1,
    per_page: 50,
    total_pages: next ? 2 : 1,
    ...(next ? { next: { per_page: 50, starting_after: next } } : {}),
  },
  total_count: conversations.length,
  conversations,
});

/** Intercom's error body. */
export const errorList = (code: string, message: string, field?: string) => ({
  type: 'error.list',
  request_id: 'f93ecfa8-d08a-4325-8694-89aeb89c8f85',
  errors: [{ code, message, ...(field ? { field } : {}) }],
});

export const unauthorized = errorList('unauthorized', 'Access Token Invalid');
