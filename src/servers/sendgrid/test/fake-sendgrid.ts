/**
 * SendGrid v3 answers in the shapes of its OpenAPI description (github.com/twilio/sendgrid-oai, spec/json:
 * tsg_mail_v3, tsg_stats_v3, tsg_templates_v3, tsg_mc_contacts_v3, tsg_mc_custom_fields_v3, tsg_scopes_v3).
 */

/** Every route the tools call, as the description names them. */
export const SENDGRID_ROUTES = [
  'POST /v3/mail/send',
  'GET /v3/stats',
  'GET /v3/templates',
  'POST /v3/templates',
  'POST /v3/templates/{template_id}/versions',
  'PUT /v3/marketing/contacts',
  'GET /v3/marketing/field_definitions',
  'GET /v3/scopes',
];

export const TEMPLATE_ID = 'd0e2b5c1-7f3a-4c21-9a6e-2b1f0c3d4e5f';
export const VERSION_ID = '8aefe0ee-f12b-4575-b5b7-c97e21cb36f3';

/** The 202 of mail/send: no body, the message id in a header. */
export const accepted = (id = 'W6Mfa2fYTj-TOfWHm2ABCQ') => ({
  status: 202,
  headers: { 'x-message-id': id },
  body: '',
});

/** SendGrid's error body: `{ errors: [{ field, message }] }`. */
export const sgErrors = (...errors: { field: string | null; message: string }[]) => ({ errors });

export const rateLimited = (resetAt: number) => ({
  status: 429,
  headers: {
    'x-ratelimit-limit': '600',
    'x-ratelimit-remaining': '0',
    'x-ratelimit-reset': String(resetAt),
  },
  body: sgErrors({ field: null, message: 'too many requests' }),
});

export const metrics = (n: number) => ({
  blocks: 0,
  bounce_drops: 0,
  bounces: n,
  clicks: 3 * n,
  deferred: 0,
  delivered: 10 * n,
  invalid_emails: 0,
  opens: 5 * n,
  processed: 10 * n,
  requests: 11 * n,
  spam_report_drops: 0,
  spam_reports: 0,
  unique_clicks: 2 * n,
  unique_opens: 4 * n,
  unsubscribe_drops: 0,
  unsubscribes: 0,
});

export const statsDay = (date: string, n: number) => ({ date, stats: [{ metrics: metrics(n) }] });

export function template(id: string, name: string, extra: Record<string, unknown> = {}) {
  return { id, name, generation: 'dynamic', updated_at: '2026-11-20 10:00:00', versions: [], ...extra };
}

export const version = (extra: Record<string, unknown> = {}) => ({
  id: VERSION_ID,
  template_id: TEMPLATE_ID,
  active: 1,
  name: 'Welcome',
  subject: 'Welcome, {{first_name}}',
  updated_at: '2026-11-20 10:00:01',
  editor: 'code',
  generate_plain_content: true,
  ...extra,
});

export function templatePage(result: unknown[], nextToken?: string) {
  return {
    result,
    _metadata: {
      self: 'https://api.sendgrid.com/v3/templates?page_size=2',
      ...(nextToken
        ? { next: `https://api.sendgrid.com/v3/templates?page_size=2&page_token=${nextToken}` }
        : {}),
      count: result.length,
    },
  };
}

export const fieldDefinitions = {
  custom_fields: [
    { id: 'e1_T', name: 'plan', field_type: 'Text' },
    { id: 'e2_N', name: 'seats', field_type: 'Number' },
  ],
  reserved_fields: [
    { name: 'first_name', field_type: 'Text' },
    { name: 'city', field_type: 'Text' },
  ],
};

export const scopes = { scopes: ['mail.send', 'stats.read', 'templates.read'] };
