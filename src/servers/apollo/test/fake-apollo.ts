/**
 * Apollo API answers in the shapes of Apollo's API reference (docs.apollo.io; the examples of its
 * OpenAPI description apollo-rest-api.json and of apolloio/apollo-api-docs), ids shortened. Errors: 401
 * as plain text, 403/422 as `{ error, error_code }` or `{ error }`, 429 as `{ message }` naming the limit.
 */

export function contact(id: string, extra: Record<string, unknown> = {}) {
  return {
    contact_roles: [],
    id,
    first_name: 'Fyodor',
    last_name: 'Dostoevsky',
    name: 'Fyodor Dostoevsky',
    linkedin_url: null,
    title: 'Chief Fiction Writer',
    contact_stage_id: '6095a710bd01d100a506d4ae',
    owner_id: '60affe7d6e270a00f5db6fe4',
    creator_id: '60affe7d6e270a00f5db6fe4',
    person_id: null,
    organization_name: 'Apollo.io',
    source: 'api',
    organization_id: '5e66b6381e05b4008c8331b8',
    present_raw_address: 'St. Petersburg, Russia',
    created_at: '2024-09-12T20:13:53.207Z',
    emailer_campaign_ids: [],
    email_status: 'verified',
    account_id: '63f53afe4ceeca00016bdd2f',
    updated_at: '2024-09-12T20:13:53.331Z',
    label_ids: ['66e34b81740c50074e3d1bd0'],
    email: 'fyodo@apollo.io',
    time_zone: 'Asia/Krasnoyarsk',
    city: 'Saint Petersburg',
    state: 'Saint Petersburg',
    country: 'Russia',
    phone_numbers: [
      { raw_number: '555-555-0149', sanitized_number: '+15555550149', type: 'work_direct', position: 0 },
    ],
    typed_custom_fields: {},
    ...extra,
  };
}

export function account(id: string, name: string, extra: Record<string, unknown> = {}) {
  return {
    id,
    domain: 'google.com',
    name,
    team_id: '5fc6a1b2c3d4e5f6a7b8c9d0',
    typed_custom_fields: {},
    organization_id: null,
    account_stage_id: '5fc6a1b2c3d4e5f6a7b8c9d1',
    source: 'api',
    original_source: 'api',
    owner_id: '5fc6a1b2c3d4e5f6a7b8c9d2',
    created_at: '2020-12-21T15:33:02.709Z',
    phone: null,
    phone_status: 'no_status',
    existence_level: 'full',
    label_ids: [],
    modality: 'account',
    persona_counts: {},
    ...extra,
  };
}

export function deal(id: string, name: string, extra: Record<string, unknown> = {}) {
  return {
    id,
    team_id: '5c10a1b2c3d4e5f6a7b8c9d0',
    owner_id: '5c10a1b2c3d4e5f6a7b8c9d1',
    salesforce_owner_id: null,
    amount: 200.0,
    closed_date: '2020-12-18T00:00:00.000+00:00',
    account_id: '5f06a1b2c3d4e5f6a7b8c9d0',
    description: null,
    is_closed: null,
    is_won: null,
    name,
    stage_name: null,
    opportunity_stage_id: '5c14a1b2c3d4e5f6a7b8c9d0',
    salesforce_id: null,
    created_at: '2020-12-18T10:41:54.591Z',
    existence_level: 'none',
    opportunity_contact_roles: [],
    ...extra,
  };
}

export function user(id: string, name: string) {
  const [first, last] = name.split(' ');
  return {
    id,
    team_id: '5c1004a1b2c3d4e5f6a7b8c9',
    first_name: first,
    last_name: last,
    title: null,
    email: `${(first ?? '').toLowerCase()}@example.com`,
    created_at: '2019-04-29T22:39:36.645Z',
    credit_limit: 50,
    direct_dial_credit_limit: 0,
    deleted: false,
    name,
    enable_click_tracking: false,
  };
}

export function search(list: string, items: unknown[], page: number, perPage: number, total: number) {
  return {
    breadcrumbs: [],
    partial_results_only: false,
    disable_eu_prospecting: false,
    partial_results_limit: 10000,
    pagination: { page, per_page: perPage, total_entries: total, total_pages: Math.ceil(total / perPage) },
    [list]: items,
    num_fetch_result: null,
  };
}

export const contactStages = {
  contact_stages: [
    {
      id: '5c48fb0000000000000000a1',
      team_id: '5c1004a1b2c3d4e5f6a7b8c9',
      display_name: 'Cold',
      name: 'Cold',
      display_order: 0,
      category: 'in_progress',
    },
    {
      id: '5c1004000000000000000a2',
      team_id: '5c1004a1b2c3d4e5f6a7b8c9',
      display_name: 'Interested',
      name: 'Interested',
      display_order: 3,
      category: 'succeeded',
    },
  ],
};

export const accountStages = {
  account_stages: [
    {
      id: '5c1004000000000000000b1',
      team_id: '5c1004a1b2c3d4e5f6a7b8c9',
      display_name: 'Cold',
      name: 'Cold',
      display_order: 0,
      category: 'in_progress',
    },
  ],
};

export const dealStages = {
  opportunity_stages: [
    {
      id: '5c14000000000000000000c1',
      team_id: '5c10a1b2c3d4e5f6a7b8c9d0',
      name: 'Negotiation/Review',
      display_order: 0.0,
      forecast_category_cd: 'Pipeline',
      is_won: false,
      is_closed: false,
      probability: 90.0,
      type: 'Open',
    },
  ],
};

export const person = {
  id: '64a7ff0cc4dfae00013df1a5',
  first_name: 'Tim',
  last_name: 'Zheng',
  name: 'Tim Zheng',
  linkedin_url: 'http://www.linkedin.com/in/tim-zheng-677ba010',
  title: 'Founder & CEO',
  email_status: 'verified',
  headline: 'Founder & CEO at Apollo',
  email: 'tim@apollo.io',
  organization_id: '5e66b6381e05b4008c8331b8',
  employment_history: [
    { _id: '66d7af8c200cad0001404c1f', current: true, organization_name: 'Apollo', title: 'Founder & CEO' },
  ],
  city: 'San Francisco',
  country: 'United States',
};

export const organization = {
  id: '5e66b6381e05b4008c8331b8',
  name: 'Apollo.io',
  website_url: 'http://www.apollo.io',
  linkedin_url: 'http://www.linkedin.com/company/apolloio',
  primary_domain: 'apollo.io',
  industry: 'information technology & services',
  estimated_num_employees: 1600,
  founded_year: 2015,
  city: 'San Francisco',
  country: 'United States',
};

export function task(id: string, contactId: string) {
  return {
    id,
    user_id: '66302798d03b9601c7934ebf',
    created_at: '2025-02-14T08:10:30.000Z',
    completed_at: null,
    note: 'Ask about the renewal',
    skipped_at: null,
    due_at: '2025-02-15T08:10:30.000+00:00',
    type: 'call',
    priority: 'high',
    status: 'scheduled',
    contact_id: contactId,
    account_id: null,
  };
}

export const errors = {
  invalidKey: 'Invalid API key. See https://docs.apollo.io/reference/authentication for how to authenticate.',
  inaccessible: {
    error: 'api/v1/opportunities/search is not accessible with this api_key',
    error_code: 'API_INACCESSIBLE',
  },
  invalidId: { error: 'Parameters misconfigured. 63f53afe4ceeca00016bdd2fsfsdf is not a valid ID' },
  hourly: {
    message:
      'The maximum number of api calls allowed for api/v1/contacts is 600 times per hour. Please upgrade your plan from https://app.apollo.io/#/settings/plans/upgrade.',
  },
};

/** Apollo's rate-limit headers, as its reference lists them, with what is left of each window. */
export function limits(left: { minute: number; hourly: number; daily: number }) {
  return {
    'x-rate-limit-minute': '50',
    'x-minute-usage': String(50 - left.minute),
    'x-minute-requests-left': String(left.minute),
    'x-rate-limit-hourly': '600',
    'x-hourly-usage': String(600 - left.hourly),
    'x-hourly-requests-left': String(left.hourly),
    'x-rate-limit-daily': '2000',
    'x-daily-usage': String(2000 - left.daily),
    'x-daily-requests-left': String(left.daily),
  };
}
