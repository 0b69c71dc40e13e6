/**
 * Typeform answers in the shapes of Typeform's API reference (typeform.com/developers: Create API
 * for forms and workspaces, Responses API) and its JS client's types (github.com/Typeform/js-api-client,
 * src/typeform-types.ts): lists as `{ total_items, page_count, items }`, forms with `_links.display`
 * and `_links.responses` (the host of the account's Responses Data Center), and the error body
 * `{ code, description, details: [{ code, description, field, in }] }`.
 */

export const US = 'https://api.typeform.com';
export const EU = 'https://api.eu.typeform.com';

export function workspace(id: string, name: string, extra: Record<string, unknown> = {}) {
  return {
    id,
    name,
    default: false,
    shared: false,
    account_id: '01GZDBX3R8XHKW5XSXSZ0Q8W9E',
    forms: { count: 12, href: `${US}/workspaces/${id}/forms` },
    self: { href: `${US}/workspaces/${id}` },
    ...extra,
  };
}

export function formSummary(id: string, title: string, host = US, workspaceId = 'a1b2c3') {
  return {
    id,
    title,
    last_updated_at: '2024-02-01T09:15:30.000Z',
    created_at: '2024-01-10T12:34:56.000Z',
    type: 'quiz',
    settings: { is_public: true, is_trial: false },
    self: { href: `${US}/forms/${id}` },
    theme: { href: `${US}/themes/qHWOQ7` },
    workspace: { href: `${US}/workspaces/${workspaceId}` },
    _links: { display: `https://acme.typeform.com/to/${id}`, responses: `${host}/forms/${id}/responses` },
  };
}

export function form(id: string, title: string, host = US) {
  return {
    ...formSummary(id, title, host),
    language: 'en',
    fields: [
      { id: 'SMEUb7VJz92Q', title: 'What is your name?', ref: 'name', type: 'short_text', properties: {} },
      {
        id: 'GROUP1',
        title: 'About you',
        ref: 'about',
        type: 'group',
        properties: {
          fields: [
            {
              id: 'k6TP9oLGgHjl',
              title: 'Which colours do you like?',
              ref: 'colours',
              type: 'multiple_choice',
              properties: {
                allow_multiple_selection: true,
                choices: [
                  { id: 'c1', label: 'Red' },
                  { id: 'c2', label: 'Blue' },
                ],
              },
            },
          ],
        },
      },
      { id: 'X4BgU2f1K6tG', title: 'How many?', ref: 'count', type: 'number', properties: {} },
      { id: 'KoJxDM3c6x8h', title: 'Agree?', ref: 'agree', type: 'yes_no', properties: {} },
    ],
    hidden: ['source'],
  };
}

export function response(token: string, submittedAt = '2024-03-20T14:00:59Z') {
  return {
    landing_id: token,
    token,
    response_id: token,
    landed_at: '2024-03-20T13:59:41Z',
    submitted_at: submittedAt,
    metadata: {
      user_agent: 'Mozilla/5.0',
      platform: 'other',
      referer: 'https://acme.typeform.com/to/u6nXL7',
      network_id: 'responsdent_network_id',
      browser: 'default',
    },
    hidden: { source: 'newsletter' },
    calculated: { score: 4 },
    answers: [
      { field: { id: 'SMEUb7VJz92Q', type: 'short_text', ref: 'name' }, type: 'text', text: 'Laura' },
      {
        field: { id: 'k6TP9oLGgHjl', type: 'multiple_choice', ref: 'colours' },
        type: 'choices',
        choices: { labels: ['Red', 'Blue'], other: 'Teal' },
      },
      { field: { id: 'X4BgU2f1K6tG', type: 'number', ref: 'count' }, type: 'number', number: 3 },
      { field: { id: 'KoJxDM3c6x8h', type: 'yes_no', ref: 'agree' }, type: 'boolean', boolean: false },
    ],
  };
}

export const list = <T>(items: T[], total: number, pages = 1) => ({
  total_items: total,
  page_count: pages,
  items,
});

export const tfError = (
  code: string,
  description: string,
  details?: { code: string; description: string; field: string; in: string }[],
) => ({
  code,
  description,
  ...(details ? { details } : {}),
});

export const authFailed = tfError(
  'AUTHENTICATION_FAILED',
  'Authentication credentials not found on the Request Headers',
);
export const formNotFound = (id: string) => tfError('FORM_NOT_FOUND', `Non existing form with uid ${id}`);
