/**
 * Bodies in the shapes Zendesk's Support API reference documents (its ticket example, the search,
 * views and cursor-pagination answers), for the fake to answer with. Errors follow Zendesk's
 * `{ error, description, details }`.
 */

export const API = '/api/v2';

/** A ticket as the reference's example gives it (with `id`, `subject` and `status` varied). */
export function ticket(id: number, extra: Record<string, unknown> = {}) {
  return {
    assignee_id: 235323,
    collaborator_ids: [35334, 234],
    created_at: '2009-07-20T22:55:29Z',
    custom_fields: [{ id: 27642, value: '745' }],
    custom_status_id: 123,
    description: 'The fire is very colorful.',
    due_at: null,
    external_id: 'ahg35h3jh',
    follower_ids: [35334, 234],
    from_messaging_channel: false,
    group_id: 98738,
    has_incidents: false,
    id,
    organization_id: 509974,
    priority: 'high',
    problem_id: 9873764,
    raw_subject: '{{dc.printer_on_fire}}',
    recipient: 'support@company.com',
    requester_id: 20978392,
    satisfaction_rating: { comment: 'Great support!', id: 1234, score: 'good' },
    sharing_agreement_ids: [84432],
    status: 'open',
    subject: 'Help, my printer is on fire!',
    submitter_id: 76872,
    tags: ['enterprise', 'other_tag'],
    type: 'incident',
    updated_at: '2011-05-05T10:38:52Z',
    url: `https://company.zendesk.com/api/v2/tickets/${id}.json`,
    via: { channel: 'web' },
    ...extra,
  };
}

/** A search result: a ticket with its `result_type`. */
export const searchResult = (id: number, extra: Record<string, unknown> = {}) => ({
  ...ticket(id, extra),
  result_type: 'ticket',
});

/** The audit an update answers with; a comment appears as its `Comment` event. */
export function audit(ticketId: number, comment?: { id: number; body: string; public: boolean }) {
  return {
    id: 2127301143,
    ticket_id: ticketId,
    author_id: 5246746,
    created_at: '2011-09-25T22:35:44Z',
    metadata: { system: {}, custom: {} },
    via: { channel: 'api', source: { from: {}, to: {}, rel: null } },
    events: [
      ...(comment
        ? [
            {
              id: comment.id,
              type: 'Comment',
              author_id: 5246746,
              body: comment.body,
              html_body: `<div class="zd-comment"><p dir="auto">${comment.body}</p></div>`,
              plain_body: comment.body,
              public: comment.public,
              attachments: [],
              audit_id: 2127301143,
            },
          ]
        : []),
      { id: 2127301163, type: 'Change', field_name: 'status', value: 'solved', previous_value: 'open' },
    ],
  };
}

export function view(id: number, title: string) {
  return {
    active: true,
    conditions: { all: [{ field: 'status', operator: 'less_than', value: 'solved' }], any: [] },
    created_at: '2011-12-13T23:13:30Z',
    default: false,
    description: 'View for recent tickets',
    execution: { columns: [{ id: 'status', title: 'Status' }], group_by: null, sort_by: 'updated' },
    id,
    position: 3,
    restriction: null,
    title,
    updated_at: '2012-03-17T03:29:32Z',
    url: `https://company.zendesk.com/api/v2/views/${id}.json`,
  };
}

/** A cursor page's `meta` and `links`, as Zendesk's cursor pagination gives them. */
export function cursorPage(path: string, after: string | null) {
  return {
    meta: { has_more: after !== null, after_cursor: after, before_cursor: 'xyz0' },
    links: {
      prev: `https://company.zendesk.com${API}/${path}?page%5Bbefore%5D=xyz0&page%5Bsize%5D=100`,
      next: after
        ? `https://company.zendesk.com${API}/${path}?page%5Bafter%5D=${after}&page%5Bsize%5D=100`
        : null,
    },
  };
}

// Error bodies, as Zendesk sends them.

export const invalidToken = {
  error: 'invalid_token',
  error_description: 'The access token provided is expired, revoked, malformed or invalid for other reasons.',
};
export const forbidden = {
  error: 'Forbidden',
  description:
    'You do not have access to this page. Please contact the account owner of this help desk for further help.',
};
export const notFound = { error: 'RecordNotFound', description: 'Not found' };
export const recordInvalid = {
  error: 'RecordInvalid',
  description: 'Record validation errors',
  details: {
    subject: [{ description: 'Subject: cannot be blank', error: 'BlankValue' }],
    base: [{ description: 'Requester: is suspended.', error: 'InvalidValue' }],
  },
};
export const rateLimited = {
  error: 'TooManyRequests',
  description: 'Number of allowed API requests per minute exceeded',
};
export const unavailable = {
  error: 'unavailable',
  description: 'Sorry, we could not complete your search query. Please try again in a moment.',
};
