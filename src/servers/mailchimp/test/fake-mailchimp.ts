/**
 * Mailchimp Marketing API 3.0 answers in the shapes of Mailchimp's API definition (the SubscriberList,
 * Campaign, list member and list activity schemas, as its generated SDKs carry them) and its error
 * documents (RFC 7807 problem+json, as its error glossary shows them).
 */

const links = (href: string) => [{ rel: 'self', href, method: 'GET', targetSchema: '' }];

export function subscriberList(id: string, name: string, extra: Record<string, unknown> = {}) {
  return {
    id,
    web_id: 123456,
    name,
    contact: {
      company: 'Acme',
      address1: '1 Main St',
      city: 'Atlanta',
      state: 'GA',
      zip: '30308',
      country: 'US',
    },
    permission_reminder: 'You signed up on our website.',
    use_archive_bar: true,
    campaign_defaults: { from_name: 'Acme', from_email: 'news@acme.example', subject: '', language: 'en' },
    notify_on_subscribe: '',
    notify_on_unsubscribe: '',
    date_created: '2024-03-01T10:00:00+00:00',
    list_rating: 3,
    email_type_option: false,
    subscribe_url_short: 'http://eepurl.com/abc',
    subscribe_url_long: 'https://acme.us6.list-manage.com/subscribe?u=1&id=2',
    beamer_address: 'us6-1-2@inbound.mailchimp.com',
    visibility: 'prv',
    double_optin: false,
    has_welcome: false,
    marketing_permissions: false,
    modules: [],
    stats: {
      member_count: 1200,
      unsubscribe_count: 40,
      cleaned_count: 5,
      member_count_since_send: 12,
      unsubscribe_count_since_send: 1,
      cleaned_count_since_send: 0,
      campaign_count: 8,
      campaign_last_sent: '2024-05-01T12:00:00+00:00',
      merge_field_count: 2,
      avg_sub_rate: 30,
      avg_unsub_rate: 1,
      target_sub_rate: 5,
      open_rate: 41.2,
      click_rate: 3.1,
      last_sub_date: '2024-05-03T08:00:00+00:00',
      last_unsub_date: '2024-05-02T08:00:00+00:00',
    },
    _links: links(`https://us6.api.mailchimp.com/3.0/lists/${id}`),
    ...extra,
  };
}

export function listsPage(lists: unknown[], total: number) {
  return {
    lists,
    total_items: total,
    constraints: { may_create: true, max_instances: -1, current_total_instances: total },
    _links: links('https://us6.api.mailchimp.com/3.0/lists'),
  };
}

export function campaign(id: string, extra: Record<string, unknown> = {}) {
  return {
    id,
    web_id: 987,
    type: 'regular',
    create_time: '2024-04-20T09:00:00+00:00',
    archive_url: `http://eepurl.com/${id}`,
    long_archive_url: `https://us6.campaign-archive.com/?u=1&id=${id}`,
    status: 'sent',
    emails_sent: 1180,
    send_time: '2024-05-01T12:00:00+00:00',
    content_type: 'template',
    needs_block_refresh: false,
    resendable: false,
    recipients: {
      list_id: 'a1b2c3d4e5',
      list_is_active: true,
      list_name: 'Newsletter',
      segment_text: '',
      recipient_count: 1180,
    },
    settings: {
      subject_line: 'May news',
      preview_text: 'What is new in May',
      title: 'May newsletter',
      from_name: 'Acme',
      reply_to: 'news@acme.example',
      use_conversation: false,
      to_name: '',
      folder_id: '',
      authenticate: true,
      auto_footer: false,
      inline_css: false,
      auto_tweet: false,
      fb_comments: true,
      timewarp: false,
      template_id: 100,
      drag_and_drop: true,
    },
    tracking: { opens: true, html_clicks: true, text_clicks: false, goal_tracking: false, ecomm360: false },
    report_summary: {
      opens: 900,
      unique_opens: 480,
      open_rate: 0.4068,
      clicks: 60,
      subscriber_clicks: 37,
      click_rate: 0.0313,
      ecommerce: { total_orders: 0, total_spent: 0, total_revenue: 0 },
    },
    delivery_status: { enabled: false },
    _links: links(`https://us6.api.mailchimp.com/3.0/campaigns/${id}`),
    ...extra,
  };
}

export function campaignsPage(campaigns: unknown[], total: number) {
  return { campaigns, total_items: total, _links: links('https://us6.api.mailchimp.com/3.0/campaigns') };
}

export function activityDay(day: string, extra: Record<string, unknown> = {}) {
  return {
    day,
    emails_sent: 1180,
    unique_opens: 300,
    recipient_clicks: 20,
    hard_bounce: 2,
    soft_bounce: 3,
    subs: 4,
    unsubs: 1,
    other_adds: 0,
    other_removes: 0,
    _links: [],
    ...extra,
  };
}

export function activityPage(listId: string, days: unknown[]) {
  return {
    activity: days,
    list_id: listId,
    total_items: days.length,
    _links: links(`https://us6.api.mailchimp.com/3.0/lists/${listId}/activity`),
  };
}

export function member(email: string, status: string, mergeFields: Record<string, unknown> = {}) {
  return {
    id: 'b642b4217b34b1e8d3bd915fc65c4452',
    email_address: email,
    unique_email_id: 'a3d5c2e1f0',
    contact_id: '8c4b1a2e3f4d5c6b7a8e9f0a1b2c3d4e',
    full_name: [mergeFields.FNAME, mergeFields.LNAME].filter(Boolean).join(' '),
    web_id: 555,
    email_type: 'html',
    status,
    consents_to_one_to_one_messaging: true,
    merge_fields: { FNAME: '', LNAME: '', ...mergeFields },
    stats: { avg_open_rate: 0, avg_click_rate: 0 },
    ip_signup: '',
    timestamp_signup: '',
    ip_opt: '198.51.100.7',
    timestamp_opt: '2024-05-04T10:00:00+00:00',
    member_rating: 2,
    last_changed: '2024-05-04T10:00:00+00:00',
    language: '',
    vip: false,
    email_client: '',
    location: { latitude: 0, longitude: 0, gmtoff: 0, dstoff: 0, country_code: '', timezone: '' },
    source: 'API - Generic',
    tags_count: 0,
    tags: [],
    list_id: 'a1b2c3d4e5',
    _links: links(
      'https://us6.api.mailchimp.com/3.0/lists/a1b2c3d4e5/members/b642b4217b34b1e8d3bd915fc65c4452',
    ),
  };
}

/** A problem document, as Mailchimp answers every error. */
export function problem(
  status: number,
  title: string,
  detail: string,
  errors?: { field: string; message: string }[],
) {
  return {
    type: 'https://mailchimp.com/developer/marketing/docs/errors/',
    title,
    status,
    detail,
    instance: '3b4dcb40-0b6b-4820-bfaa-41267b3826ea',
    ...(errors ? { errors } : {}),
  };
}

export const PROBLEM = { 'content-type': 'application/problem+json; charset=utf-8' };

export const notFound = problem(404, 'Resource Not Found', 'The requested resource could not be found.');
export const invalidKey = problem(
  401,
  'API Key Invalid',
  "Your API key may be invalid, or you've attempted to access the wrong datacenter.",
);
export const tooMany = problem(
  429,
  'Too Many Requests',
  'You have exceeded the limit of 10 simultaneous connections.',
);

/** GET https://login.mailchimp.com/oauth2/metadata */
export function metadata(dc: string) {
  return {
    dc,
    role: 'owner',
    accountname: 'Acme',
    user_id: 40123,
    login: {
      email: 'owner@acme.example',
      avatar: null,
      login_id: 40123,
      login_name: 'owner',
      login_email: 'owner@acme.example',
    },
    login_url: 'https://login.mailchimp.com',
    api_endpoint: `https://${dc}.api.mailchimp.com`,
  };
}
