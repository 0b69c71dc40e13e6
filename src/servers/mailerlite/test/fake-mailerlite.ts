/**
 * MailerLite API answers (connect.mailerlite.com/api), in the shapes of its API reference
 * (developers.mailerlite.com) and of the answers recorded from the live API in its official Node SDK's
 * test tapes (github.com/mailerlite/mailerlite-nodejs, tapes/): records wrapped in `{data}`, cursor pages
 * with `meta.next_cursor` (subscribers), numbered pages with `meta.last_page` (everything else), and
 * Laravel's error shape `{message, errors: {field: [messages]}}`.
 */

const BASE = 'https://connect.mailerlite.com/api';

export const IDS = {
  subscriber: '129543796651197476',
  group: '129543796681606183',
  group2: '75138557045376452',
  segment: '75230139503346765',
  field: '545001',
  campaign: '129543796892370121',
  form: '79088439017866397',
  webhook: '129543796591428797',
};

const rate = (f: number) => ({ float: f, string: `${Math.round(f * 100)}%` });

export function subscriber(id: string, email: string, extra: Record<string, unknown> = {}) {
  return {
    id,
    email,
    status: 'active',
    source: 'api',
    sent: 3,
    opens_count: 2,
    clicks_count: 1,
    open_rate: 66.67,
    click_rate: 33.33,
    ip_address: null,
    subscribed_at: '2026-11-23 09:59:56',
    unsubscribed_at: null,
    created_at: '2026-11-23 09:59:56',
    updated_at: '2026-11-24 10:00:00',
    fields: {
      name: 'Ada',
      last_name: 'Lovelace',
      company: null,
      country: null,
      city: null,
      phone: null,
      state: null,
      z_i_p: null,
    },
    groups: [],
    opted_in_at: null,
    optin_ip: null,
    ...extra,
  };
}

export function group(id: string, name: string, extra: Record<string, unknown> = {}) {
  return {
    id,
    name,
    active_count: 120,
    sent_count: 4,
    opens_count: 40,
    open_rate: rate(0.5),
    clicks_count: 10,
    click_rate: rate(0.125),
    unsubscribed_count: 3,
    unconfirmed_count: 1,
    bounced_count: 0,
    junk_count: 0,
    created_at: '2026-11-13 09:49:51',
    ...extra,
  };
}

export const field = (id: string, name: string, key: string, type = 'text') => ({
  id,
  name,
  key,
  type,
  is_default: false,
});

const stats = {
  sent: 0,
  opens_count: 0,
  unique_opens_count: 0,
  open_rate: rate(0),
  clicks_count: 0,
  unique_clicks_count: 0,
  click_rate: rate(0),
  unsubscribes_count: 0,
  unsubscribe_rate: rate(0),
  spam_count: 0,
  spam_rate: rate(0),
  hard_bounces_count: 0,
  hard_bounce_rate: rate(0),
  soft_bounces_count: 0,
  soft_bounce_rate: rate(0),
};

/** Who a campaign goes to, as `basic_filter_for_humans` gives it. */
export const audience = (
  groups: { id: string; name: string }[] = [],
  segments: { id: string; name: string }[] = [],
  excluded_groups: { id: string; name: string }[] = [],
) => ({
  included_groups: groups,
  excluded_groups,
  included_segments: segments,
  excluded_segments: [],
  all_active_subscribers: groups.length === 0 && segments.length === 0,
});

export function campaign(id: string, name: string, extra: Record<string, unknown> = {}) {
  return {
    id,
    account_id: '252151',
    name,
    type: 'regular',
    status: 'draft',
    missing_data: [],
    settings: { track_opens: true, use_google_analytics: false, ecommerce_tracking: false },
    filter: [],
    filter_for_humans: [],
    delivery_schedule: null,
    language_id: '4',
    created_at: '2026-11-13 09:49:51',
    updated_at: '2026-11-13 09:49:51',
    scheduled_for: null,
    queued_at: null,
    started_at: null,
    finished_at: null,
    stopped_at: null,
    default_email_id: '129543796909147339',
    emails: [
      {
        id: '129543796909147339',
        account_id: '252151',
        emailable_id: id,
        emailable_type: 'campaigns',
        type: 'builder_html',
        from: 'news@acme.test',
        from_name: 'Acme News',
        reply_to: 'news@acme.test',
        name: null,
        subject: 'November news',
        screenshot_url: null,
        preview_url: 'https://preview.mailerlite.io/preview/252151/emails/129543796909147339',
        created_at: '2026-11-13 09:49:51',
        updated_at: '2026-11-13 09:49:54',
        is_designed: true,
        language_id: 4,
        is_winner: false,
        stats,
        send_after: null,
        track_opens: true,
      },
    ],
    used_in_automations: false,
    type_for_humans: 'Regular',
    stats,
    is_stopped: false,
    has_winner: null,
    can: { update: true, delete: true, send: true, copy: true, resend: false },
    uses_ecommerce: false,
    uses_survey: false,
    can_be_scheduled: true,
    warnings: [],
    is_currently_sending_out: false,
    has_basic_filter: true,
    basic_filter_for_humans: audience(),
    ...extra,
  };
}

export function form(id: string, name: string, type = 'popup') {
  return {
    id,
    account_id: '252151',
    type,
    slug: 'w3zZJj',
    name,
    created_at: '2026-02-03 11:43:33',
    conversions_count: 12,
    opens_count: 100,
    conversion_rate: rate(0.12),
    settings: { double_optin: true, form_type: 'fullscreen' },
    last_registration_at: '2026-11-03T11:48:01.000000Z',
    active: true,
    is_broken: false,
    double_optin: true,
    groups: [group(IDS.group, 'Newsletter')],
  };
}

export function webhook(id: string, name: string, extra: Record<string, unknown> = {}) {
  return {
    id,
    name,
    url: 'https://hooks.acme.test/mailerlite',
    events: ['subscriber.created'],
    enabled: true,
    is_blocked: false,
    secret: 'N8j0kwRp1w',
    created_at: '2026-11-13 09:49:51',
    updated_at: '2026-11-13 09:49:51',
    batchable: false,
    version: '2022-01',
    last_fired_at: null,
    response_code: null,
    ...extra,
  };
}

export const language = (id: string, shortcode: string, name: string) => ({
  id,
  shortcode,
  iso639: shortcode,
  name,
  direction: 'ltr',
});

export const one = (data: unknown) => ({ data });

/** A page of a cursor-paged list. */
export function cursorPage(path: string, data: unknown[], next: string | null, perPage = 10) {
  return {
    data,
    links: { first: null, last: null, prev: null, next: next ? `${BASE}/${path}?cursor=${next}` : null },
    meta: { path: `${BASE}/${path}`, per_page: perPage, next_cursor: next, prev_cursor: null },
  };
}

/** A page of a page-numbered list. */
export function numberedPage(
  path: string,
  data: unknown[],
  page: number,
  lastPage: number,
  total: number,
  perPage = 10,
) {
  const url = (p: number) => `${BASE}/${path}?page=${p}`;
  return {
    data,
    links: {
      first: url(1),
      last: url(lastPage),
      prev: page > 1 ? url(page - 1) : null,
      next: page < lastPage ? url(page + 1) : null,
    },
    meta: {
      current_page: page,
      from: (page - 1) * perPage + 1,
      last_page: lastPage,
      links: [],
      path: `${BASE}/${path}`,
      per_page: perPage,
      to: (page - 1) * perPage + data.length,
      total,
    },
  };
}

export const invalid = (message: string, errors: Record<string, string[]>) => ({ message, errors });
export const unauthenticated = { message: 'Unauthenticated.' };
export const notFound = { message: 'Resource not found.' };
export const tooManyAttempts = { message: 'Too Many Attempts.' };
