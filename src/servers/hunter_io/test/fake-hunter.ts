import type { FakeReply, FakeRoute, RecordedRequest } from '../../../testing/fake-service.js';

/**
 * Hunter API v2 answers in the shapes Hunter documents (hunter.io/api-documentation/v2: the `data` /
 * `meta` envelope, `{ errors: [{ id, code, details }] }`), field by field as in the OpenAPI description
 * of the v2 API kept by api-evangelist/hunter (openapi/hunter-api-openapi.yml) and in Hunter's own MCP
 * server (hunter-io/chatgpt-mcp: list `meta` with `count`/`total`, `recipients_added` and
 * `skipped_recipients`, `recipients_canceled` and `messages_canceled`, "Sequence already started.").
 * Error bodies are ones Hunter was seen to send: 401 `authentication_failed` "No user found for the
 * API key supplied", 429 `too_many_requests` "You've reached the limit for the number of searches per
 * billing period included in your plan.".
 */

export const BASE = '/v2';

export const errors = (status: number, id: string, details?: string): FakeReply => ({
  status,
  body: { errors: [{ id, code: status, ...(details ? { details } : {}) }] },
});

export const unauthorized = errors(401, 'authentication_failed', 'No user found for the API key supplied');
export const quotaUsedUp = errors(
  429,
  'too_many_requests',
  "You've reached the limit for the number of searches per billing period included in your plan.",
);
/** Hunter documents 403 as "You have reached the rate limit." */
export const rateLimited403 = errors(403, 'too_many_requests', 'You have reached the rate limit.');
export const rateLimited429 = errors(
  429,
  'too_many_requests',
  'Rate limit reached: too many requests per second.',
);
export const notFound = errors(404, 'not_found', "The requested resource couldn't be found.");
export const wrongParams = (details: string) => errors(400, 'wrong_params', details);

const source = (page: string) => ({
  domain: 'stripe.com',
  uri: `http://stripe.com/${page}`,
  extracted_on: '2024-01-10',
  last_seen_on: '2024-06-01',
  still_on_page: true,
});

export function domainEmail(i: number) {
  return {
    value: `person${i}@stripe.com`,
    type: 'personal',
    confidence: 90 + (i % 10),
    sources: [source('about'), source(`team/${i}`)],
    first_name: `First${i}`,
    last_name: `Last${i}`,
    position: 'Engineer',
    seniority: 'senior',
    department: 'it',
    linkedin: null,
    twitter: null,
    phone_number: null,
    verification: { date: '2024-06-02', status: 'valid' },
  };
}

export function domainSearch(emails: unknown[], results: number, limit: number, offset: number) {
  return {
    data: {
      domain: 'stripe.com',
      disposable: false,
      webmail: false,
      accept_all: false,
      pattern: '{first}',
      organization: 'Stripe',
      description: 'Online payment processing for internet businesses.',
      industry: 'Financial Services',
      twitter: 'https://twitter.com/stripe',
      emails,
      linked_domains: [],
    },
    meta: {
      results,
      limit,
      offset,
      params: { domain: 'stripe.com', company: null, type: null, seniority: null, department: null },
    },
  };
}

export const finder = {
  data: {
    first_name: 'Patrick',
    last_name: 'Collison',
    email: 'patrick@stripe.com',
    score: 97,
    domain: 'stripe.com',
    accept_all: false,
    position: 'CEO',
    twitter: 'patrickc',
    linkedin_url: null,
    phone_number: null,
    company: 'Stripe',
    sources: [source('about')],
    verification: { date: '2024-06-02', status: 'valid' },
  },
  meta: { params: { first_name: 'Patrick', last_name: 'Collison', full_name: null, domain: 'stripe.com' } },
};

export function verifier(email: string, status = 'valid') {
  return {
    data: {
      status,
      result: 'deliverable',
      score: 100,
      email,
      regexp: true,
      gibberish: false,
      disposable: false,
      webmail: false,
      mx_records: true,
      smtp_server: true,
      smtp_check: true,
      accept_all: false,
      block: false,
      sources: [source('about')],
    },
    meta: { params: { email } },
  };
}

export const emailCount = {
  data: {
    total: 81,
    personal_emails: 65,
    generic_emails: 16,
    department: { executive: 10, it: 25, finance: 3, management: 4, sales: 12, legal: 1, support: 6 },
    seniority: { junior: 12, senior: 20, executive: 10 },
  },
  meta: { params: { domain: 'stripe.com', company: null, type: null } },
};

export const person = {
  data: {
    id: 'a4bb2c8a-4f2d-4b4e-9b8a-1e7c2b7d3c11',
    name: { fullName: 'Patrick Collison', givenName: 'Patrick', familyName: 'Collison' },
    email: 'patrick@stripe.com',
    location: 'San Francisco, CA, US',
    timeZone: 'America/Los_Angeles',
    utcOffset: -8,
    geo: {
      city: 'San Francisco',
      state: 'California',
      stateCode: 'CA',
      country: 'United States',
      countryCode: 'US',
    },
    bio: null,
    site: null,
    avatar: null,
    employment: {
      domain: 'stripe.com',
      name: 'Stripe',
      title: 'CEO',
      role: 'leadership',
      subRole: 'ceo',
      seniority: 'executive',
    },
    twitter: { handle: 'patrickc', followers: 300000 },
    linkedin: { handle: 'patrickcollison' },
    github: { handle: null },
    fuzzy: false,
    emailProvider: 'google.com',
    indexedAt: '2024-05-01',
  },
  meta: { email: 'patrick@stripe.com' },
};

export const company = {
  data: {
    id: 'b2c4d6e8-1a3b-4c5d-8e9f-0a1b2c3d4e5f',
    name: 'Stripe',
    legalName: 'Stripe, Inc.',
    domain: 'stripe.com',
    domainAliases: ['stripe.dev'],
    category: { sector: 'Information Technology', industry: 'Financial Services' },
    description: 'Online payment processing for internet businesses.',
    foundedYear: 2010,
    location: 'South San Francisco, CA, US',
    metrics: { employees: '5K-10K' },
    tech: ['react', 'ruby'],
  },
  meta: { domain: 'stripe.com' },
};

export const account = {
  data: {
    first_name: 'Ada',
    last_name: 'Lovelace',
    email: 'ada@example.com',
    plan_name: 'Starter',
    plan_level: 1,
    reset_date: '2025-07-01',
    team_id: 42,
    calls: {
      _deprecation_notice:
        'Sums the searches and the verifications, giving an unprecise look of the available requests',
      used: 120,
      available: 2500,
    },
    requests: {
      searches: { used: 100, available: 500 },
      verifications: { used: 20, available: 1000 },
      credits: { used: 110.5, available: 2000 },
    },
  },
};

export function lead(id: number, extra: Record<string, unknown> = {}) {
  return {
    id,
    email: `lead${id}@example.com`,
    first_name: 'Ada',
    last_name: `Lead${id}`,
    position: 'CTO',
    company: 'Example Inc',
    company_industry: 'Software',
    company_size: '11-50',
    confidence_score: 92,
    website: 'https://example.com',
    country_code: 'US',
    source: 'API',
    linkedin_url: null,
    phone_number: null,
    twitter: null,
    sync_status: null,
    notes: null,
    sending_status: null,
    last_activity_at: null,
    last_contacted_at: null,
    verification: { date: null, status: null },
    leads_list: { id: 7, name: 'Prospects', leads_count: 3 },
    created_at: '2024-06-03T10:00:00.000Z',
    ...extra,
  };
}

export const leadsList = (id: number, name = `List ${id}`, leads_count = 3) => ({
  id,
  name,
  leads_count,
  created_at: '2024-06-01T09:00:00.000Z',
});

export const campaign = (id: number, extra: Record<string, unknown> = {}) => ({
  id,
  name: `Campaign ${id}`,
  recipients_count: 2,
  editable: true,
  started: false,
  archived: false,
  paused: false,
  sending_status: null,
  created_at: '2024-06-01T09:00:00.000Z',
  ...extra,
});

export const recipient = (email: string, lead_id: number | null = null) => ({
  email,
  first_name: 'Ada',
  last_name: 'Lovelace',
  position: null,
  company: 'Example Inc',
  lead_id,
  sending_status: 'scheduled',
});

/**
 * A list route that pages `items` by the `limit` and `offset` of each request, as Hunter's list
 * endpoints do, with `meta` `{ count, total, params: { limit, offset } }`.
 */
export function paged(field: string, items: unknown[]): FakeRoute {
  return (req: RecordedRequest) => {
    const limit = Number(req.query.get('limit') ?? 20);
    const offset = Number(req.query.get('offset') ?? 0);
    const page = items.slice(offset, offset + limit);
    return {
      body: {
        data: { [field]: page },
        meta: { count: page.length, total: items.length, params: { limit, offset } },
      },
    };
  };
}
